"""Labels and small helpers of the activity screens."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.floor.common import ui_language


def one_decimal(value: float) -> str:
    """A figure with one decimal, with a decimal comma in French (2,5 h)."""
    return f"{value:.1f}".replace(".", "," if ui_language() == "fr" else ".")


def responder_labels() -> dict[str, str]:
    return {
        "worker": QCoreApplication.translate("Activity", "Outreach worker"),
        "staff": QCoreApplication.translate("Activity", "Library staff"),
        "security": QCoreApplication.translate("Activity", "Security"),
        "police": QCoreApplication.translate("Activity", "Police"),
    }


def outcome_labels() -> dict[str, str]:
    return {
        "resolved": QCoreApplication.translate("Activity", "Settled on the spot"),
        "calmed": QCoreApplication.translate("Activity", "Calmed down"),
        "left": QCoreApplication.translate("Activity", "The person left on their own"),
        "asked_to_leave": QCoreApplication.translate("Activity", "Asked to leave the premises"),
        "emergency_services": QCoreApplication.translate("Activity", "Emergency services came"),
        "unresolved": QCoreApplication.translate("Activity", "Not settled"),
    }


def intensity_levels() -> dict[int, tuple[str, str]]:
    """Level -> (name, what it looks like): shown in the form so every entry means the same."""
    return {
        1: (QCoreApplication.translate("Activity", "Incivility"), QCoreApplication.translate("Activity", "rudeness, noise, a rule not followed")),
        2: (QCoreApplication.translate("Activity", "Verbal tension"), QCoreApplication.translate("Activity", "raised voices, disparaging remarks")),
        3: (QCoreApplication.translate("Activity", "Verbal altercation"), QCoreApplication.translate("Activity", "insults, threats, intimidation")),
        4: (QCoreApplication.translate("Activity", "Physical aggressiveness"), QCoreApplication.translate("Activity", "pushing, thrown object, damage, no one hurt")),
        5: (QCoreApplication.translate("Activity", "Physical violence"), QCoreApplication.translate("Activity", "someone hurt, or police or ambulance called")),
    }


def support_kind_labels() -> dict[str, str]:
    return {
        "information": QCoreApplication.translate("Activity", "Information"),
        "awareness": QCoreApplication.translate("Activity", "Awareness"),
        "accompaniment": QCoreApplication.translate("Activity", "Accompaniment"),
        "debrief": QCoreApplication.translate("Activity", "Debrief after an incident"),
        "group_training": QCoreApplication.translate("Activity", "Group training"),
    }


def party_labels() -> dict[str, str]:
    return {
        "patron_patron": QCoreApplication.translate("Activity", "Between patrons"),
        "patron_staff": QCoreApplication.translate("Activity", "A patron and staff"),
        "other": QCoreApplication.translate("Activity", "Other"),
    }
