"""Presence hours on the library floor and in street work, for rates per hour.

The worker's schedule (25 h library, 10 h street work and team per week) is the
default of every week; a week or a day entered by the worker replaces it. Minutes
are stored, never fractions of hours, so bundles stay integer-only.

Hours of a period, week by week:
- a week with day entries counts the days entered that fall inside the period;
- otherwise the week's entry (or the schedule) counts in proportion of its
  weekdays (Monday to Friday) inside the period.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import history, settings
from app.validation import OUT_OF_RANGE, UNKNOWN_CODE, Collector
from models.activity import SPAN_DAY, SPAN_WEEK, Presence

ENTITY = Presence.__tablename__
DEFAULT_LIBRARY_MIN = 25 * 60
DEFAULT_STREET_MIN = 10 * 60
LIBRARY_KEY = "presence_library_min_week"
STREET_KEY = "presence_street_min_week"


@dataclass(frozen=True)
class PresenceRow:
    """What the hours computation needs; worker vault and coordination store both give it."""

    starts_on: date
    span: str
    library_min: int
    street_min: int


@dataclass(frozen=True)
class Schedule:
    library_min: int = DEFAULT_LIBRARY_MIN
    street_min: int = DEFAULT_STREET_MIN


@dataclass(frozen=True)
class Hours:
    library_min: int
    street_min: int

    @property
    def total_min(self) -> int:
        return self.library_min + self.street_min

    @property
    def total_hours(self) -> float:
        return self.total_min / 60


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def schedule(session: Session) -> Schedule:
    def read(key: str, default: int) -> int:
        try:
            return max(0, int(settings.get(session, key) or default))
        except ValueError:
            return default

    return Schedule(read(LIBRARY_KEY, DEFAULT_LIBRARY_MIN), read(STREET_KEY, DEFAULT_STREET_MIN))


def set_schedule(session: Session, library_min: int, street_min: int) -> Schedule:
    _check_minutes(library_min, street_min, 7 * 24 * 60)
    settings.set_many(session, {LIBRARY_KEY: str(library_min), STREET_KEY: str(street_min)})
    return Schedule(library_min, street_min)


def _check_minutes(library_min: int, street_min: int, limit: int) -> None:
    check = Collector()
    if not 0 <= library_min <= limit:
        check.add("library_min", OUT_OF_RANGE, "Library hours are out of range.")
    if not 0 <= street_min <= limit:
        check.add("street_min", OUT_OF_RANGE, "Street work hours are out of range.")
    if library_min + street_min > limit:
        check.add("street_min", OUT_OF_RANGE, "More hours than the period holds.")
    check.raise_if_any()


def _live(session: Session, starts_on: date, span: str) -> Presence | None:
    return session.scalars(
        select(Presence).where(
            Presence.deleted_at.is_(None), Presence.starts_on == starts_on, Presence.span == span
        )
    ).first()


def set_hours(
    session: Session, starts_on: date, span: str, library_min: int, street_min: int, note: str = ""
) -> Presence:
    """Enter the hours of one day or one week (a week starts on its Monday); replaces a previous entry."""
    if span not in (SPAN_DAY, SPAN_WEEK):
        check = Collector()
        check.add("span", UNKNOWN_CODE, "A presence entry is for a day or a week.")
        check.raise_if_any()
    if span == SPAN_WEEK:
        starts_on = monday(starts_on)
    _check_minutes(library_min, street_min, (1 if span == SPAN_DAY else 7) * 24 * 60)
    row = _live(session, starts_on, span)
    if row is None:
        row = Presence(starts_on=starts_on, span=span, library_min=library_min, street_min=street_min,
                       note=note.strip())
        history.record_create(session, row)
    else:
        row.library_min, row.street_min, row.note = library_min, street_min, note.strip()
        history.record_update(session, row)
    return row


def clear(session: Session, starts_on: date, span: str) -> Presence | None:
    """Forget an entry: the day or week goes back to the schedule."""
    row = _live(session, monday(starts_on) if span == SPAN_WEEK else starts_on, span)
    if row is not None:
        history.record_delete(session, row)
    return row


def entries(session: Session, start: date, end: date) -> list[Presence]:
    """Live entries touching [start, end): weeks starting up to 6 days before ``start`` included."""
    return list(
        session.scalars(
            select(Presence)
            .where(
                Presence.deleted_at.is_(None),
                Presence.starts_on >= start - timedelta(days=6),
                Presence.starts_on < end,
            )
            .order_by(Presence.starts_on, Presence.span)
        )
    )


def rows(session: Session, start: date, end: date) -> list[PresenceRow]:
    return [PresenceRow(p.starts_on, p.span, p.library_min, p.street_min) for p in entries(session, start, end)]


def _weekdays_inside(week: date, start: date, end: date) -> int:
    return sum(1 for i in range(5) if start <= week + timedelta(days=i) < end)


def weekdays(start: date, end: date) -> int:
    """Monday-to-Friday days in [start, end), without walking them."""
    if end <= start:
        return 0
    full, rest = divmod((end - start).days, 7)
    first = start.weekday()
    return full * 5 + sum(1 for i in range(rest) if (first + i) % 7 < 5)


def hours(rows: Iterable[PresenceRow], start: date, end: date, plan: Schedule = Schedule()) -> Hours:
    """Presence over [start, end) from entries and the schedule (pure: no database).

    Every week counts the schedule for its weekdays inside the period, then each week
    with an entry trades that share for the entry's: the work grows with the entries,
    not with the weeks (five years of a hundred workers are mostly the schedule). Sums
    are kept in fifths of a minute, exactly, and rounded once at the end."""
    if end <= start:
        return Hours(0, 0)
    weeks: dict[date, PresenceRow] = {}
    days: dict[date, list[PresenceRow]] = {}
    for row in rows:
        if row.span == SPAN_WEEK:
            weeks[monday(row.starts_on)] = row
        else:
            days.setdefault(monday(row.starts_on), []).append(row)
    inside = weekdays(start, end)
    library, street = plan.library_min * inside, plan.street_min * inside  # in fifths of a minute
    for week in set(weeks) | set(days):
        if not monday(start) <= week < end:
            continue
        share = _weekdays_inside(week, start, end)
        library -= plan.library_min * share
        street -= plan.street_min * share
        if week in days:
            entered = [d for d in days[week] if start <= d.starts_on < end]
            library += 5 * sum(d.library_min for d in entered)
            street += 5 * sum(d.street_min for d in entered)
        else:
            library += weeks[week].library_min * share
            street += weeks[week].street_min * share
    return Hours(round(library / 5), round(street / 5))
