"""Words for referral codes (stable codes in the database, labels translated here), and date fields."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QDateEdit

from app.directory.referrals import REFERRAL_OUTCOMES, REFERRAL_STATUSES
from views.floor.common import DAY_FORMAT


def day_field(day: date) -> QDateEdit:
    """A date field that reads like the rest of the app (« 24 nov. 2026 »), calendar on click."""
    field = QDateEdit(QDate(day))
    field.setDisplayFormat(DAY_FORMAT)
    field.setCalendarPopup(True)
    return field


class ReferralWords(QObject):
    def status(self, code: str) -> str:
        return {
            "proposed": self.tr("Proposed"), "accepted": self.tr("Accepted"),
            "accompanied": self.tr("Accompanied"), "completed": self.tr("Completed"),
            "declined": self.tr("Declined"),
        }.get(code, code)

    def outcome(self, code: str) -> str:
        return {
            "unknown": self.tr("Outcome unknown"), "attained": self.tr("Need met"),
            "not_attained": self.tr("Need not met"),
        }.get(code, code)

    def statuses(self) -> list[tuple[str, str]]:
        return [(code, self.status(code)) for code in REFERRAL_STATUSES]

    def outcomes(self) -> list[tuple[str, str]]:
        return [(code, self.outcome(code)) for code in REFERRAL_OUTCOMES]
