"""Words of the report, in French (default) and English, kept out of Qt so exports
made headless read the same as the screen. Fixed codes (referral statuses, conflict
levels...) take their labels from the one vocabulary (app/vocabulary.py), which the
screens translate too; code lists the worker edits (types, themes, places, age
brackets, genders) take theirs from the data."""
from __future__ import annotations

_FR = {
    # figures
    "interventions": "Interventions",
    "people": "Personnes distinctes",
    "new_people": "Nouvelles personnes",
    "unidentified": "Personnes non identifiées (rencontres)",
    "referrals": "Références",
    "supplies_given": "Articles de dépannage remis",
    "conflicts": "Conflits d'usage",
    "intensity_mean": "Intensité moyenne des conflits",
    "intensity_max": "Intensité maximale des conflits",
    "staff_support": "Soutiens au personnel",
    "staff_reached": "Membres du personnel rejoints",
    "staff_support_hours": "Heures de soutien au personnel",
    "presence_hours": "Heures de présence",
    "library_hours": "Heures en bibliothèque",
    "street_hours": "Heures en travail de rue et équipe",
    "interventions_per_hour": "Interventions par heure de présence",
    # tables
    "activity_by_month": "Interventions et personnes par mois",
    "by_type": "Interventions par type",
    "by_theme": "Interventions par thème",
    "people_by_age_gender": "Personnes par tranche d'âge et genre",
    "referrals_by_status": "Références par statut",
    "referrals_by_outcome": "Références par résultat",
    "supplies_by_item": "Dépannage remis par article",
    "conflicts_by_month": "Conflits par mois et intensité",
    "conflicts_by_intensity": "Conflits par niveau d'intensité",
    "conflicts_by_parties": "Conflits par parties en cause",
    "staff_support_by_kind": "Soutien au personnel par type",
    # columns
    "month": "Mois",
    "type": "Type",
    "theme": "Thème",
    "age_bracket": "Tranche d'âge",
    "total": "Total",
    "status": "Statut",
    "outcome": "Résultat",
    "item": "Article",
    "quantity": "Quantité",
    "count": "Nombre",
    "level": "Niveau",
    "parties": "Parties",
    "kind": "Type de soutien",
    "sessions": "Soutiens",
    "staff": "Personnel rejoint",
    "hours": "Heures",
    "unknown": "Non précisé",
    # document
    "title": "Bilan des activités de l'intervention de milieu",
    "period": "Période",
    "site": "Site",
    "scope": "Portée",
    "all_workers": "Tous les intervenant·es",
    "generated": "Produit le",
    "page": "Page",
    "of": "de",
    "figure": "Indicateur",
    "value": "Valeur",
    "suppression_note": (
        "Les nombres de personnes inférieurs à 5 sont affichés « < 5 » : "
        "de si petits nombres pourraient permettre de reconnaître quelqu'un."
    ),
    "complementary_note": (
        "Certains autres nombres sont masqués « x » pour qu'on ne puisse pas retrouver un nombre "
        "inférieur à 5 à partir des totaux."
    ),
    "presence_default_note": (
        "Heures de présence : horaire prévu (25 h en bibliothèque, 10 h en travail de rue et équipe "
        "par semaine) sauf les jours et semaines saisis."
    ),
    "to": "au",
}

_EN = {
    "interventions": "Interventions",
    "people": "Distinct people",
    "new_people": "New people",
    "unidentified": "Unidentified people (encounters)",
    "referrals": "Referrals",
    "supplies_given": "Emergency supplies given",
    "conflicts": "Conflicts of use",
    "intensity_mean": "Mean conflict intensity",
    "intensity_max": "Maximum conflict intensity",
    "staff_support": "Staff support",
    "staff_reached": "Staff members reached",
    "staff_support_hours": "Hours of staff support",
    "presence_hours": "Hours of presence",
    "library_hours": "Hours in the library",
    "street_hours": "Hours of street work and team",
    "interventions_per_hour": "Interventions per hour of presence",
    "activity_by_month": "Interventions and people by month",
    "by_type": "Interventions by type",
    "by_theme": "Interventions by theme",
    "people_by_age_gender": "People by age bracket and gender",
    "referrals_by_status": "Referrals by status",
    "referrals_by_outcome": "Referrals by outcome",
    "supplies_by_item": "Supplies given by item",
    "conflicts_by_month": "Conflicts by month and intensity",
    "conflicts_by_intensity": "Conflicts by intensity level",
    "conflicts_by_parties": "Conflicts by parties",
    "staff_support_by_kind": "Staff support by kind",
    "month": "Month",
    "type": "Type",
    "theme": "Theme",
    "age_bracket": "Age bracket",
    "total": "Total",
    "status": "Status",
    "outcome": "Outcome",
    "item": "Item",
    "quantity": "Quantity",
    "count": "Count",
    "level": "Level",
    "parties": "Parties",
    "kind": "Kind of support",
    "sessions": "Sessions",
    "staff": "Staff reached",
    "hours": "Hours",
    "unknown": "Not stated",
    "title": "Report on the library outreach work",
    "period": "Period",
    "site": "Site",
    "scope": "Scope",
    "all_workers": "All workers",
    "generated": "Produced on",
    "page": "Page",
    "of": "of",
    "figure": "Figure",
    "value": "Value",
    "suppression_note": (
        "Counts of people below 5 are shown as \"< 5\": such small numbers could let someone be recognised."
    ),
    "complementary_note": (
        "Some other counts are hidden as \"x\" so that a count below 5 cannot be worked out from the totals."
    ),
    "presence_default_note": (
        "Hours of presence: the planned schedule (25 h in the library, 10 h of street work and team "
        "a week) except the days and weeks entered."
    ),
    "to": "to",
}

_MONTHS_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_FR_LONG = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                   "octobre", "novembre", "décembre")
_MONTHS_EN_LONG = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")


def text(key: str, lang: str = "fr") -> str:
    table = _EN if lang.startswith("en") else _FR
    return table.get(key, key)


def month(key: str, lang: str = "fr") -> str:
    """"2026-03" -> "mars 2026"."""
    year, num = key.split("-")
    names = _MONTHS_EN if lang.startswith("en") else _MONTHS_FR
    return f"{names[int(num) - 1]} {year}"


def long_date(day, lang: str = "fr") -> str:
    if lang.startswith("en"):
        return f"{_MONTHS_EN_LONG[day.month - 1]} {day.day}, {day.year}"
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS_FR_LONG[day.month - 1]} {day.year}"


def period(p, lang: str = "fr") -> str:
    if lang.startswith("en"):
        return f"{long_date(p.start, lang)} to {long_date(p.last_day, lang)}"
    return f"du {long_date(p.start, lang)} au {long_date(p.last_day, lang)}"


def number(value, decimals: int = 0, lang: str = "fr") -> str:
    """French style: 1 234,5 (narrow no-break space, decimal comma)."""
    if value is None:
        return "–"
    text_ = f"{value:,.{decimals}f}"
    if lang.startswith("en"):
        return text_
    return text_.replace(",", "\u202f").replace(".", ",")


from app.report.evaluation_labels import EN as _EVAL_EN, FR as _EVAL_FR  # noqa: E402  (issue 13)

_FR.update({k: v for k, v in _EVAL_FR.items() if k not in _FR})
_EN.update({k: v for k, v in _EVAL_EN.items() if k not in _EN})
