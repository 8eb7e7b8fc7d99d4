"""The pilot's evaluation (issue 13): the library's baseline incidents and visits, unmet
needs, the anonymous staff questionnaire, and the highlights the worker writes."""
