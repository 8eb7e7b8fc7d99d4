"""Dates as the interface language writes them on screen, never in ISO form.

"30 nov. 2026" / "Nov 30, 2026", "30 nov. 2026 14:05", and an ISO week as
"semaine du 30 nov. au 6 déc. 2026" / "week of Nov 30 to Dec 6, 2026".
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from app.sync.payload import week_days


def short_date(day: date, *, year: bool = False) -> str:
    """The day and the locale's abbreviated month (French "30 nov.", English "Nov 30")."""
    month = QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)
    pattern = (QCoreApplication.translate("Dates", "%2 %1, %3", "day, month, year") if year
               else QCoreApplication.translate("Dates", "%2 %1", "day, month"))
    return pattern.replace("%1", str(day.day)).replace("%2", month).replace("%3", str(day.year))


def date_time(moment: datetime) -> str:
    """A day and its time, e.g. "30 nov. 2026 14:05"."""
    return QCoreApplication.translate("Dates", "%1 %2", "date, time").replace("%1", short_date(moment.date(), year=True)).replace(
        "%2", QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat))


def _span(first: date, last: date) -> tuple[str, str]:
    return short_date(first, year=first.year != last.year), short_date(last, year=True)


def week_text(week: str) -> str:
    """An ISO week in words; the text itself when it is not an ISO week."""
    days = week_days(week)
    if days is None:
        return week
    first, last = _span(*days)
    text = QCoreApplication.translate("Dates", "week of %1 to %2", "ISO week: from Monday to Sunday")
    return text.replace("%1", first).replace("%2", last)


def weeks_text(weeks: str) -> str:
    """A bundle's comma-separated ISO weeks: one week in words, several as their span."""
    items = [w.strip() for w in weeks.split(",") if w.strip()]
    days = [week_days(w) for w in items]
    if len(items) <= 1 or None in days:
        return ", ".join(week_text(w) for w in items)
    first, last = _span(min(d[0] for d in days), max(d[1] for d in days))
    text = QCoreApplication.translate("Dates", "weeks of %1 to %2", "several ISO weeks: first Monday, last Sunday")
    return text.replace("%1", first).replace("%2", last)
