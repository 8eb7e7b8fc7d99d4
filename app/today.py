"""What the Today page shows: today's contacts, follow-ups due or overdue, low stock, the week's counts.

Each part is bounded (one day, one week, the 50 oldest follow-ups) and read through an
index range, so it costs the same on the first day and after five years; the page
re-reads only the parts a change touches (app.floor_reads.today_view).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from app import supplies
from app.lists import ContactRow, contact_rows_by_id, contact_rows_where
from models.contacts import Contact, contact_person
from models.people import Person

MAX_TODAY_CONTACTS = 500
MAX_FOLLOW_UPS = 50


@dataclass(frozen=True)
class FollowUp:
    contact: ContactRow
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class WeekCounts:
    start: date  # Monday
    contacts: int
    people: int  # distinct identified persons met this week


@dataclass(frozen=True)
class TodaySummary:
    day: date
    contacts: list[ContactRow]  # today's, newest first
    follow_ups: list[FollowUp]  # due today or overdue, oldest due first
    low_stock: list[supplies.SupplyRow]  # emptiest first
    week_start: date  # Monday
    week_contacts: int
    week_people: int  # distinct identified persons met this week


def low_stock(session: Session) -> list[supplies.SupplyRow]:
    """Active items at or under their low-stock level, emptiest first (as supplies.low_stock)."""
    low = (r for r in supplies.item_rows(session) if r.is_low)
    return sorted(low, key=lambda r: (r.stock_on_hand - r.low_stock_level, r.name))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _between(start: date, days: int) -> tuple:
    return (
        Contact.deleted_at.is_(None),
        Contact.occurred_at >= datetime.combine(start, time.min),
        Contact.occurred_at < datetime.combine(start + timedelta(days=days), time.min),
    )


def day_contacts(session: Session, day: date, *, limit: int = MAX_TODAY_CONTACTS) -> list[ContactRow]:
    """The day's live contacts, newest first (the (deleted_at, occurred_at) index)."""
    return contact_rows_where(
        session, *_between(day, 1), order_by=(Contact.occurred_at.desc(), Contact.id.desc()), limit=limit
    )


def follow_ups_due(session: Session, day: date, *, limit: int = MAX_FOLLOW_UPS) -> list[FollowUp]:
    """Follow-ups due on ``day`` or before and not done, oldest due first (the follow-up index)."""
    due = (
        Contact.follow_up_done.is_(False), Contact.follow_up_on.is_not(None), Contact.follow_up_on <= day,
        Contact.deleted_at.is_(None),
    )
    rows = contact_rows_where(session, *due, order_by=(Contact.follow_up_on, Contact.id), limit=limit)
    return [FollowUp(r, r.follow_up_on, r.follow_up_on < day) for r in rows]


# A contact's line changes only with a new version of it (every edit makes one: history) or
# of one of its people (a new alias): (id, version, sum and number of its people's versions).
Key = tuple[int, int, int, int]


def _keyed(session: Session, conds, order_by, limit: int) -> list[tuple[Key, date | None]]:
    first = select(Contact.id).where(*conds).order_by(*order_by).limit(limit)  # the index range, bounded
    people = (
        select(Contact.id, Contact.version, func.coalesce(func.sum(Person.version), 0), func.count(Person.id),
               Contact.follow_up_on)
        .outerjoin(contact_person, contact_person.c.contact_id == Contact.id)
        .outerjoin(Person, Person.id == contact_person.c.person_id)
        .where(Contact.id.in_(first)).group_by(Contact.id).order_by(*order_by)
    )
    return [((cid, v, pv, n), on) for cid, v, pv, n, on in session.execute(people)]


def _rows_for(session: Session, keyed, known: dict) -> dict[Key, ContactRow]:
    """Rows for these keys: those ``known`` (key -> row, what the screen holds) are not read again."""
    missing = [key[0] for key, _on in keyed if key not in known]
    read = {r.id: r for r in contact_rows_by_id(session, missing)} if missing else {}
    out = {}
    for key, _on in keyed:
        row = known.get(key) or read.get(key[0])
        if row is not None:
            out[key] = row
    return out


@dataclass(frozen=True)
class KeyedRows:
    """Today's contacts (or follow-ups) as keys in order, and a row for each key."""

    keys: tuple[Key, ...]
    rows: dict  # Key -> ContactRow
    due_on: tuple[date | None, ...] = ()


def day_contacts_keyed(session: Session, day: date, known: dict, *, limit: int = MAX_TODAY_CONTACTS) -> KeyedRows:
    """``day_contacts``, reading in full only the contacts not in ``known`` (key -> row)."""
    keyed = _keyed(session, _between(day, 1), (Contact.occurred_at.desc(), Contact.id.desc()), limit)
    return KeyedRows(tuple(k for k, _ in keyed), _rows_for(session, keyed, known))


def follow_ups_keyed(session: Session, day: date, known: dict, *, limit: int = MAX_FOLLOW_UPS) -> KeyedRows:
    """``follow_ups_due`` likewise (``due_on`` beside the keys)."""
    due = (
        Contact.follow_up_done.is_(False), Contact.follow_up_on.is_not(None), Contact.follow_up_on <= day,
        Contact.deleted_at.is_(None),
    )
    keyed = _keyed(session, due, (Contact.follow_up_on, Contact.id), limit)
    return KeyedRows(tuple(k for k, _ in keyed), _rows_for(session, keyed, known), tuple(on for _, on in keyed))


def week_counts(session: Session, day: date) -> WeekCounts:
    """The week's live contacts and distinct people met, in one pass over the week's index range."""
    start = week_start(day)
    contacts, people = session.execute(
        select(func.count(distinct(Contact.id)), func.count(distinct(contact_person.c.person_id)))
        .select_from(Contact)
        .outerjoin(contact_person, contact_person.c.contact_id == Contact.id)
        .where(*_between(start, 7))
    ).one()
    return WeekCounts(start, contacts or 0, people or 0)


def today_summary(session: Session, today: date | None = None, *, max_follow_ups: int = MAX_FOLLOW_UPS) -> TodaySummary:
    day = today or date.today()
    week = week_counts(session, day)
    return TodaySummary(
        day=day, contacts=day_contacts(session, day), follow_ups=follow_ups_due(session, day, limit=max_follow_ups),
        low_stock=low_stock(session), week_start=week.start, week_contacts=week.contacts, week_people=week.people,
    )
