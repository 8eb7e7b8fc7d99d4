"""Words for referral codes (labels from the one vocabulary, views/vocabulary.py), and date fields."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import QDateEdit

from views import vocabulary
from views.floor.common import DAY_FORMAT


def day_field(day: date) -> QDateEdit:
    """A date field that reads like the rest of the app (« 24 nov. 2026 »), calendar on click."""
    field = QDateEdit(QDate(day))
    field.setDisplayFormat(DAY_FORMAT)
    field.setCalendarPopup(True)
    return field


class ReferralWords(QObject):
    """Referral statuses and outcomes, in the words of the one vocabulary (app/vocabulary.py)."""

    def status(self, code: str) -> str:
        return vocabulary.label(vocabulary.REFERRAL_STATUS, code)

    def outcome(self, code: str) -> str:
        return vocabulary.label(vocabulary.REFERRAL_OUTCOME, code)

    def statuses(self) -> list[tuple[str, str]]:
        return [(code, self.status(code)) for code in vocabulary.codes(vocabulary.REFERRAL_STATUS)]

    def outcomes(self) -> list[tuple[str, str]]:
        return [(code, self.outcome(code)) for code in vocabulary.codes(vocabulary.REFERRAL_OUTCOME)]
