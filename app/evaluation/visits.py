"""Visits to the library, for conflicts per 1,000 visits.

A row is a day (``date`` YYYY-MM-DD) or a month (YYYY-MM); the monthly entry of the Bilan
page writes months. A month counts its month row when there is one, else the sum of its
day rows: both may be imported without counting twice. Importing again replaces values.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import history
from app.errors import InvalidInput
from app.evaluation import csvfile
from models.evaluation import SPAN_DAY, SPAN_MONTH, VisitCount

ENTITY = VisitCount.__tablename__
MAX_VISITS = 10_000_000


def parse(text: str, file_name: str, *, today: date | None = None):
    """(good rows as (first day, span, visits), bad rows)."""
    today = today or date.today()
    good, errors = [], []
    for number, cells in csvfile.rows(text, file_name, ("date", "visits")):
        bad = lambda name, code, why: errors.append(csvfile.error(file_name, number, name, code, why))  # noqa: E731
        day, span = parse_day_or_month(cells["date"])
        if day is None:
            bad("date", "not_a_date", f"{cells['date']!r} is not a day (YYYY-MM-DD) or a month (YYYY-MM).")
        elif day > today:
            bad("date", "future_date", "The date is after today.")
        text_visits = cells["visits"].replace(" ", "").replace("\u00a0", "")
        if not text_visits.isdigit():
            bad("visits", "not_a_number", f"{cells['visits']!r} is not a whole number of visits.")
        elif int(text_visits) > MAX_VISITS:
            bad("visits", "out_of_range", "More than 10,000,000 visits.")
        if day is not None and day <= today and text_visits.isdigit() and int(text_visits) <= MAX_VISITS:
            good.append((day, span, int(text_visits)))
    return good, errors


def parse_day_or_month(text: str) -> tuple[date | None, str]:
    text = text.strip()
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01"), SPAN_MONTH
        return date.fromisoformat(text), SPAN_DAY
    except ValueError:
        return None, SPAN_DAY


def set_visits(session: Session, first_day: date, span: str, visits: int) -> str:
    """Create or replace one count; returns "added", "updated" or "unchanged"."""
    if span not in (SPAN_DAY, SPAN_MONTH):
        raise InvalidInput("A visit count is for a day or a month.")
    if not 0 <= visits <= MAX_VISITS:
        raise InvalidInput("The number of visits goes from 0 to 10,000,000.")
    if span == SPAN_MONTH:
        first_day = first_day.replace(day=1)
    row = session.scalars(select(VisitCount).where(VisitCount.starts_on == first_day, VisitCount.span == span)).first()
    if row is None:
        history.record_create(session, VisitCount(starts_on=first_day, span=span, visits=visits))
        return "added"
    if row.visits == visits and row.deleted_at is None:
        return "unchanged"
    row.visits, row.deleted_at = visits, None
    history.record_update(session, row)
    return "updated"


def import_file(session: Session, path: Path, *, skip_bad_rows: bool = False, today: date | None = None):
    good, errors = parse(csvfile.read_text(path), Path(path).name, today=today)
    csvfile.settle(errors, skip_bad_rows)
    out = csvfile.Outcome(skipped=errors)
    for day, span, visits in good:
        result = set_visits(session, day, span, visits)
        setattr(out, result, getattr(out, result) + 1)
    session.flush()
    return out


def by_month(rows) -> dict[str, int]:
    """{"YYYY-MM": visits} from (first day, span, visits) rows: a month row wins over day rows."""
    months: dict[str, int] = {}
    days: dict[str, int] = defaultdict(int)
    for day, span, visits in rows:
        key = f"{day.year:04d}-{day.month:02d}"
        if span == SPAN_MONTH:
            months[key] = visits
        else:
            days[key] += visits
    return {**days, **months}


def rows_between(session: Session, start: date, end: date) -> list[tuple[date, str, int]]:
    """Live counts of the months touching [start, end)."""
    return [tuple(row) for row in session.execute(
        select(VisitCount.starts_on, VisitCount.span, VisitCount.visits).where(
            VisitCount.deleted_at.is_(None), VisitCount.starts_on >= start.replace(day=1), VisitCount.starts_on < end
        )
    )]


def monthly(session: Session, start: date, end: date) -> dict[str, int]:
    return by_month(rows_between(session, start, end))
