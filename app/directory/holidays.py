"""Québec public holidays (Loi sur les normes du travail), for "closed on holidays".

Codes are stable; the views translate them.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = ((h + l - 7 * m + 114) % 31) + 1
    return date(year, month, day)


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


@lru_cache(maxsize=32)
def quebec_holidays(year: int) -> dict[date, str]:
    sunday = easter(year)
    may_24 = date(year, 5, 24)
    patriots = may_24 - timedelta(days=may_24.weekday())  # the Monday before May 25
    canada = date(year, 7, 1)
    if canada.weekday() == 6:
        canada = date(year, 7, 2)
    return {
        date(year, 1, 1): "new_year",
        sunday - timedelta(days=2): "good_friday",
        sunday + timedelta(days=1): "easter_monday",
        patriots: "patriots_day",
        date(year, 6, 24): "fete_nationale",
        canada: "canada_day",
        _nth_monday(year, 9, 1): "labour_day",
        _nth_monday(year, 10, 2): "thanksgiving",
        date(year, 12, 25): "christmas",
    }


def holiday(day: date) -> str | None:
    return quebec_holidays(day.year).get(day)
