"""Labels of fixed codes on screen: app/vocabulary.py's sources, translated by Qt.

The same words as the report (which reads the same .ts without Qt): screens never
keep a label table of their own for a fixed code.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import vocabulary
from app.vocabulary import (  # noqa: F401 - list names and level_text, for the screens
    CONFLICT_INTENSITY, CONFLICT_INTENSITY_HINT, CONFLICT_OUTCOME, CONFLICT_PARTIES, CONFLICT_RESPONDER,
    REFERRAL_OUTCOME, REFERRAL_STATUS, STAFF_SUPPORT_KIND, level_text,
)


def codes(list_name: str) -> list:
    return vocabulary.codes(list_name)


def label(list_name: str, code) -> str:
    found = vocabulary.source(list_name, code)
    if found is None:
        return str(code)
    context, source = found
    return QCoreApplication.translate(context, source)


def labels(list_name: str) -> dict:
    """code -> label, in the list's order."""
    return {code: label(list_name, code) for code in vocabulary.codes(list_name)}
