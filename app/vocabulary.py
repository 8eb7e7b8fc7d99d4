"""The one vocabulary: the label of every fixed code (codes the worker cannot edit).

Each list maps a stable code (what the database and bundles store) to an English
source label, inside a Qt Linguist context. This file is itself the source that
``pyside6-lupdate`` reads (area "vocabulary" in views/i18n.py): the
``QT_TRANSLATE_NOOP`` calls below are the marks it looks for. So one French
translation, in resources/translations/vocabulary_fr_CA.ts, serves

- the screens, through ``QCoreApplication.translate(context, source)``
  (views/vocabulary.py), with the .qm every area installs at startup;
- the report and its exports, made here without Qt: ``label()`` reads the same
  .ts once with the standard library.

Editable lists (types, themes, places, age brackets, genders, initiators...)
are not here: their labels live in the database (table code_item, app/codes.py).
See resources/translations/README.md.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from models.activity import INTENSITIES, OUTCOMES, PARTIES, RESPONDERS, SUPPORT_KINDS
from models.referral import REFERRAL_OUTCOMES, REFERRAL_STATUSES

FRENCH_TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "vocabulary_fr_CA.ts"


def QT_TRANSLATE_NOOP(context: str, source: str) -> tuple[str, str]:  # noqa: N802 - the name lupdate knows
    """Mark ``source`` for translation in ``context``; returns both, since a label needs its context."""
    return context, source


# List names.
REFERRAL_STATUS = "referral_status"
REFERRAL_OUTCOME = "referral_outcome"
CONFLICT_INTENSITY = "conflict_intensity"
CONFLICT_INTENSITY_HINT = "conflict_intensity_hint"  # what a level looks like (shown in the form)
CONFLICT_PARTIES = "conflict_parties"
CONFLICT_RESPONDER = "conflict_responder"
CONFLICT_OUTCOME = "conflict_outcome"
STAFF_SUPPORT_KIND = "staff_support_kind"

# list -> code -> (context, English source). Codes in the order screens and report list them.
VOCABULARY: dict[str, dict] = {
    REFERRAL_STATUS: {
        "proposed": QT_TRANSLATE_NOOP("ReferralStatus", "Proposed"),
        "accepted": QT_TRANSLATE_NOOP("ReferralStatus", "Accepted"),
        "accompanied": QT_TRANSLATE_NOOP("ReferralStatus", "Accompanied"),
        "completed": QT_TRANSLATE_NOOP("ReferralStatus", "Completed"),
        "declined": QT_TRANSLATE_NOOP("ReferralStatus", "Declined"),
    },
    REFERRAL_OUTCOME: {
        "unknown": QT_TRANSLATE_NOOP("ReferralOutcome", "Not stated"),
        "attained": QT_TRANSLATE_NOOP("ReferralOutcome", "Attained"),
        "not_attained": QT_TRANSLATE_NOOP("ReferralOutcome", "Not attained"),
    },
    CONFLICT_INTENSITY: {
        1: QT_TRANSLATE_NOOP("ConflictIntensity", "Incivility"),
        2: QT_TRANSLATE_NOOP("ConflictIntensity", "Verbal tension"),
        3: QT_TRANSLATE_NOOP("ConflictIntensity", "Verbal altercation, threats"),
        4: QT_TRANSLATE_NOOP("ConflictIntensity", "Physical aggressiveness, no injury"),
        5: QT_TRANSLATE_NOOP("ConflictIntensity", "Physical violence or police/ambulance called"),
    },
    CONFLICT_INTENSITY_HINT: {
        1: QT_TRANSLATE_NOOP("ConflictIntensityHint", "rudeness, noise, a rule not followed"),
        2: QT_TRANSLATE_NOOP("ConflictIntensityHint", "raised voices, disparaging remarks"),
        3: QT_TRANSLATE_NOOP("ConflictIntensityHint", "insults, threats, intimidation"),
        4: QT_TRANSLATE_NOOP("ConflictIntensityHint", "pushing, thrown object, damage, no one hurt"),
        5: QT_TRANSLATE_NOOP("ConflictIntensityHint", "someone hurt, or police or ambulance called"),
    },
    CONFLICT_PARTIES: {
        "patron_patron": QT_TRANSLATE_NOOP("ConflictParties", "Between patrons"),
        "patron_staff": QT_TRANSLATE_NOOP("ConflictParties", "A patron and staff"),
        "other": QT_TRANSLATE_NOOP("ConflictParties", "Other"),
    },
    CONFLICT_RESPONDER: {
        "worker": QT_TRANSLATE_NOOP("ConflictResponder", "Outreach worker"),
        "staff": QT_TRANSLATE_NOOP("ConflictResponder", "Library staff"),
        "security": QT_TRANSLATE_NOOP("ConflictResponder", "Security"),
        "police": QT_TRANSLATE_NOOP("ConflictResponder", "Police"),
    },
    CONFLICT_OUTCOME: {
        "resolved": QT_TRANSLATE_NOOP("ConflictOutcome", "Settled on the spot"),
        "calmed": QT_TRANSLATE_NOOP("ConflictOutcome", "Calmed down"),
        "left": QT_TRANSLATE_NOOP("ConflictOutcome", "The person left on their own"),
        "asked_to_leave": QT_TRANSLATE_NOOP("ConflictOutcome", "Asked to leave the premises"),
        "emergency_services": QT_TRANSLATE_NOOP("ConflictOutcome", "Emergency services came"),
        "unresolved": QT_TRANSLATE_NOOP("ConflictOutcome", "Not settled"),
    },
    STAFF_SUPPORT_KIND: {
        "information": QT_TRANSLATE_NOOP("StaffSupportKind", "Information"),
        "awareness": QT_TRANSLATE_NOOP("StaffSupportKind", "Awareness"),
        "accompaniment": QT_TRANSLATE_NOOP("StaffSupportKind", "Accompaniment"),
        "debrief": QT_TRANSLATE_NOOP("StaffSupportKind", "Debrief after an incident"),
        "group_training": QT_TRANSLATE_NOOP("StaffSupportKind", "Group training"),
    },
}

# The codes each list must label, as the models define them (a test holds the two together).
MODEL_CODES: dict[str, tuple] = {
    REFERRAL_STATUS: REFERRAL_STATUSES,
    REFERRAL_OUTCOME: REFERRAL_OUTCOMES,
    CONFLICT_INTENSITY: INTENSITIES,
    CONFLICT_INTENSITY_HINT: INTENSITIES,
    CONFLICT_PARTIES: PARTIES,
    CONFLICT_RESPONDER: RESPONDERS,
    CONFLICT_OUTCOME: OUTCOMES,
    STAFF_SUPPORT_KIND: SUPPORT_KINDS,
}


def codes(list_name: str) -> list:
    return list(VOCABULARY[list_name])


def source(list_name: str, code) -> tuple[str, str] | None:
    """(context, English source) of a code; None for a code the list does not know."""
    return VOCABULARY[list_name].get(code)


@lru_cache(maxsize=1)
def french() -> dict[tuple[str, str], str]:
    """(context, source) -> French, read once from the .ts the screens' .qm is made of."""
    out: dict[tuple[str, str], str] = {}
    if not FRENCH_TS.exists():
        return out
    for context in ET.parse(FRENCH_TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text and translation.text.strip():
                out[(name, message.findtext("source", ""))] = translation.text
    return out


def label(list_name: str, code, lang: str = "fr") -> str:
    """The label of a fixed code in ``lang`` ("fr" or "en"); an unknown code shows as itself."""
    found = source(list_name, code)
    if found is None:
        return str(code)
    if lang.startswith("en"):
        return found[1]
    return french().get(found, found[1])


def labels(list_name: str, lang: str = "fr") -> dict:
    return {code: label(list_name, code, lang) for code in VOCABULARY[list_name]}


def level_text(level: int, name: str) -> str:
    """How a conflict level reads wherever it is named: "3 – Verbal altercation, threats"."""
    return f"{level} – {name}"
