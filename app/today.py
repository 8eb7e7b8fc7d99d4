"""What the Today page shows: today's contacts, follow-ups due or overdue, low stock, the week's counts.

Each part is bounded (one day, one week, the 50 oldest follow-ups) and read through an
index range, so it costs the same on the first day and after five years; the page
re-reads only the parts a change touches (app.floor_reads.today_view).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import supplies
from app.contact_rows import rows_by_id
from app.plain_sql import fetch
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


def today_summary(session: Session, today: date | None = None, *, max_follow_ups: int = MAX_FOLLOW_UPS) -> TodaySummary:
    day = today or date.today()
    week = week_counts(session, day)
    return TodaySummary(
        day=day, contacts=day_contacts(session, day), follow_ups=follow_ups_due(session, day, limit=max_follow_ups),
        low_stock=low_stock(session), week_start=week.start, week_contacts=week.contacts, week_people=week.people,
    )


# ---- after an operation that names the contacts it wrote (Changes.ids) ----------------

@dataclass(frozen=True)
class TodayDelta:
    """The contacts an operation wrote (and those the page shows with one of its people), read again."""

    rows: dict[int, ContactRow]   # live contacts: id -> row
    keys: dict[int, Key]          # id -> its key (for the page's next keyed read)
    gone: frozenset[int]          # asked for, but deleted (or never there)
    week: WeekCounts


# After each save, on the GUI thread: on the raw DB-API cursor (SQLAlchemy's execute costs
# more than these statements: week counts 0.8 ms through it, 0.2 ms here).
_PEOPLE_VERSIONS_SQL = """
SELECT cp.contact_id, coalesce(sum(p.version), 0), count(p.id)
  FROM contact_person cp JOIN person p ON p.id = cp.person_id
 WHERE cp.contact_id IN (SELECT value FROM json_each(?1)) GROUP BY cp.contact_id
"""
_WEEK_SQL = """
SELECT count(DISTINCT c.id), count(DISTINCT cp.person_id)
  FROM contact c LEFT OUTER JOIN contact_person cp ON cp.contact_id = c.id
 WHERE c.deleted_at IS NULL AND c.occurred_at >= ?1 AND c.occurred_at < ?2
"""


def _stored(moment: datetime) -> str:
    """A DateTime as SQLAlchemy keeps it in SQLite (text compared in order)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def week_counts(session: Session, day: date) -> WeekCounts:
    """The week's live contacts and distinct people met, in one pass over the week's index range
    (one statement on the raw cursor: Today re-reads it after each save)."""
    start = week_start(day)
    [(contacts, people)] = fetch(session, _WEEK_SQL, (
        _stored(datetime.combine(start, time.min)), _stored(datetime.combine(start + timedelta(days=7), time.min))))
    return WeekCounts(start, contacts or 0, people or 0)


def today_delta(session: Session, day: date, contact_ids) -> TodayDelta:
    ids = sorted(set(contact_ids))
    found = rows_by_id(session, ids) if ids else {}
    live = {cid: (row, version) for cid, (row, deleted, version) in found.items() if not deleted}
    people = {cid: (pv, n) for cid, pv, n in fetch(session, _PEOPLE_VERSIONS_SQL, (json.dumps(list(live)),))} \
        if live else {}
    keys = {cid: (cid, version, *people.get(cid, (0, 0))) for cid, (_row, version) in live.items()}
    rows = {cid: row for cid, (row, _version) in live.items()}
    return TodayDelta(rows, keys, frozenset(ids) - frozenset(rows), week_counts(session, day))


def _on_day(row: ContactRow, day: date) -> bool:
    return row.occurred_at.date() == day


def _due(row: ContactRow, day: date) -> bool:
    return not row.follow_up_done and row.follow_up_on is not None and row.follow_up_on <= day


def merge_day(shown: list[ContactRow], delta: TodayDelta, day: date, *,
              limit: int = MAX_TODAY_CONTACTS) -> list[ContactRow] | None:
    """``shown`` (the day's contacts, newest first) with the delta's rows put in, moved or taken
    out; None when that cannot be known without reading the day again (a full list lost a row)."""
    return _merge(shown, delta, lambda r: _on_day(r, day), lambda r: (r.occurred_at, r.id), True, limit)


def merge_follow_ups(shown: list[FollowUp], delta: TodayDelta, day: date, *,
                     limit: int = MAX_FOLLOW_UPS) -> list[FollowUp] | None:
    """Likewise for the follow-ups due (oldest due first)."""
    rows = _merge([f.contact for f in shown], delta, lambda r: _due(r, day), lambda r: (r.follow_up_on, r.id),
                  False, limit)
    return None if rows is None else [FollowUp(r, r.follow_up_on, r.follow_up_on < day) for r in rows]


def lines_to_read(contact_ids, person_ids, shown: list[ContactRow]) -> frozenset[int]:
    """The contacts written, and those shown with one of the people written (a line shows aliases)."""
    people = frozenset(person_ids)
    return frozenset(contact_ids) | {r.id for r in shown if not people.isdisjoint(r.person_ids)}


def merge_delta(day_contacts: list[ContactRow], follow_ups: list[FollowUp], known: dict, delta: TodayDelta,
                day: date) -> tuple[list[ContactRow], list[FollowUp], dict] | None:
    """Today's two lists and its known rows (key -> row) with ``delta`` put in; None: read them again."""
    day_rows, due = merge_day(day_contacts, delta, day), merge_follow_ups(follow_ups, delta, day)
    if day_rows is None or due is None:
        return None
    changed = set(delta.rows) | delta.gone
    rows = {key: row for key, row in known.items() if key[0] not in changed}
    rows.update((delta.keys[cid], row) for cid, row in delta.rows.items())
    return day_rows, due, rows


def _merge(shown, delta: TodayDelta, belongs, order, newest_first: bool, limit: int):
    touched = set(delta.rows) | delta.gone
    kept = [r for r in shown if r.id not in touched]
    incoming = [r for r in delta.rows.values() if belongs(r)]
    merged = sorted(kept + incoming, key=order, reverse=newest_first)
    if len(shown) < limit:  # the page held every row: the merge is exact
        return merged[:limit]
    # A full list: rows past its end were never read. What lands after the last row kept
    # might rank below one of those, and a row taken out leaves a place only a read can fill.
    cut = merged[:limit]
    if len(cut) < limit:
        return None
    if kept and kept[-1] not in cut:  # pushed out by rows ranking before it: all placed rightly
        return cut
    last_kept = cut.index(kept[-1]) if kept else -1
    if any(cut.index(r) > last_kept for r in incoming if r in cut):
        return None
    return cut
