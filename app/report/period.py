"""Report periods: [start, end) in local dates; ``end`` is exclusive."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import InvalidInput

PILOT = "pilot"
MONTH = "month"
QUARTER = "quarter"
CUSTOM = "custom"

PILOT_START_KEY = "pilot_start"
PILOT_END_KEY = "pilot_end"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # exclusive
    kind: str = CUSTOM

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def months(self) -> list[str]:
        """Every month touched, as "YYYY-MM", in order."""
        out, year, month = [], self.start.year, self.start.month
        while date(year, month, 1) < self.end:
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def custom(first_day: date, last_day: date) -> Period:
    """Both days included."""
    if last_day < first_day:
        raise InvalidInput("The period ends before it starts.")
    return Period(first_day, last_day + timedelta(days=1), CUSTOM)


def month(year: int, month_: int) -> Period:
    start = date(year, month_, 1)
    end = date(year + (month_ == 12), month_ % 12 + 1, 1)
    return Period(start, end, MONTH)


def quarter(year: int, q: int) -> Period:
    if q not in (1, 2, 3, 4):
        raise InvalidInput("A quarter is 1, 2, 3 or 4.")
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return Period(start, end, QUARTER)


def containing_month(day: date) -> Period:
    return month(day.year, day.month)


def containing_quarter(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def pilot(start: date | None, end: date | None, today: date) -> Period:
    """The pilot period: from its start (or the first record) to its end (or today)."""
    first = start or today
    last = end or today
    if last < first:
        last = first
    return Period(first, last + timedelta(days=1), PILOT)


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)  # a report's period stays inside


def parse_day(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (expected YYYY-MM-DD).") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(f"{day} is outside the dates a report can cover ({FIRST_DAY} to {LAST_DAY}).")
    return day
