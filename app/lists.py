"""Read side for list screens: contacts (filtered, newest first, paged), people, a person's timeline.

Built for lazy Qt item models: ``count_contacts`` answers fast from an index,
``contact_page`` returns one page and a cursor for the next (keyset paging, so
page 100 costs what page 1 costs). Rows are plain frozen dataclasses.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from app.contact_rows import ContactRow, rows_by_id
from app.people_list import (  # noqa: F401  (the People list's reads, here with the rest of the lists)
    ORDER_ALIAS, ORDER_RECENT, PersonRow, count_people, people_count, people_ids, people_order_key, people_page,
    people_rows, people_rows_matching,
)
from models.contacts import Contact, ContactTheme, ContactType, contact_person

PAGE_SIZE = 100


@dataclass(frozen=True)
class ContactFilter:
    """All optional; dates are inclusive local days."""

    date_from: date | None = None
    date_to: date | None = None
    type_code: str | None = None
    theme_code: str | None = None
    place_code: str | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts (the last row of the previous one)."""

    occurred_at: datetime
    id: int


# Below this many uses, a type/theme filter is driven by the code's index; above, by
# the time index (newest first) checking each contact: both stay fast on either side.
RARE_CODE = 1500


class _PersonLink:
    """contact_person seen like a code link (person_id as the "code"): same two plans."""

    contact_id = contact_person.c.contact_id
    code = contact_person.c.person_id


def _code_condition(session: Session, link, code):
    sample = select(link.contact_id).where(link.code == code).limit(RARE_CODE).subquery()
    uses = session.scalar(select(func.count()).select_from(sample)) or 0
    if uses < RARE_CODE:
        return Contact.id.in_(select(link.contact_id).where(link.code == code))
    return exists().where(link.contact_id == Contact.id, link.code == code)


def _where(session: Session, flt: ContactFilter | None) -> list:
    conds = [Contact.deleted_at.is_(None)]
    if flt is None:
        return conds
    if flt.date_from:
        conds.append(Contact.occurred_at >= datetime.combine(flt.date_from, time.min))
    if flt.date_to:
        conds.append(Contact.occurred_at < datetime.combine(flt.date_to + timedelta(days=1), time.min))
    if flt.type_code:
        conds.append(_code_condition(session, ContactType, flt.type_code))
    if flt.theme_code:
        conds.append(_code_condition(session, ContactTheme, flt.theme_code))
    if flt.place_code:
        conds.append(Contact.place_code == flt.place_code)
    if flt.person_id is not None:
        conds.append(_code_condition(session, _PersonLink, flt.person_id))
    return conds


def count_contacts(session: Session, flt: ContactFilter | None = None) -> int:
    """Number of live contacts matching the filter."""
    flt = flt or ContactFilter()
    # All rows (or one code's links) minus the few tombstones: SQLite counts them from
    # a narrow index, far fewer pages to decrypt than checking each contact.
    if flt == ContactFilter():
        total = session.scalar(select(func.count()).select_from(Contact)) or 0
        gone = session.scalar(select(func.count()).select_from(Contact).where(Contact.deleted_at.is_not(None))) or 0
        return total - gone
    for link, code, only in (
        (ContactType, flt.type_code, ContactFilter(type_code=flt.type_code)),
        (ContactTheme, flt.theme_code, ContactFilter(theme_code=flt.theme_code)),
        (_PersonLink, flt.person_id, ContactFilter(person_id=flt.person_id)),
    ):
        if code is not None and code != "" and flt == only:
            total = session.scalar(select(func.count()).where(link.code == code)) or 0
            gone = session.scalar(
                select(func.count()).select_from(Contact)
                .join(link.__table__ if hasattr(link, "__table__") else contact_person,
                      link.contact_id == Contact.id)
                .where(Contact.deleted_at.is_not(None), link.code == code)
            ) or 0
            return total - gone
    return session.scalar(select(func.count()).select_from(Contact).where(*_where(session, flt))) or 0


def contact_ids_page(
    session: Session, flt: ContactFilter | None = None, *, after: Cursor | None = None, limit: int = PAGE_SIZE
) -> list[tuple[int, datetime]]:
    query = select(Contact.id, Contact.occurred_at).where(*_where(session, flt))
    if after is not None:
        query = query.where(
            or_(Contact.occurred_at < after.occurred_at,
                and_(Contact.occurred_at == after.occurred_at, Contact.id < after.id))
        )
    return list(session.execute(query.order_by(Contact.occurred_at.desc(), Contact.id.desc()).limit(limit)).all())


def contact_rows_by_id(session: Session, ids: list[int]) -> list[ContactRow]:
    """Full rows for these contacts, in the order given (one statement, whatever the page size)."""
    if not ids:
        return []
    rows = rows_by_id(session, ids)
    return [rows[cid][0] for cid in ids if cid in rows]


@dataclass(frozen=True)
class Written:
    """A contact an operation wrote, as a filtered list sees it."""

    row: ContactRow | None  # None: deleted, or not matching the list's filter
    created: bool  # made by that operation (its first version): it was in no list before


def contact_rows_matching(session: Session, flt: ContactFilter | None, ids) -> dict[int, Written]:
    """For each of ``ids``: its row if the contact is live and matches ``flt`` (what
    ``contact_page`` would list), else None: a list re-reads the contacts an operation wrote."""
    found = rows_by_id(session, list(ids))
    out: dict[int, Written] = {}
    for cid in ids:
        row, gone, version = found.get(cid, (None, True, 0))
        out[cid] = Written(row if row is not None and not gone and row_matches(row, flt) else None, version == 1)
    return out


def row_matches(row: ContactRow, flt: ContactFilter | None) -> bool:
    """``_where``'s conditions on one row (a live one): the same predicate, for a row in hand."""
    if flt is None:
        return True
    if flt.date_from and row.occurred_at < datetime.combine(flt.date_from, time.min):
        return False
    if flt.date_to and row.occurred_at >= datetime.combine(flt.date_to + timedelta(days=1), time.min):
        return False
    if flt.type_code and flt.type_code not in row.type_codes:
        return False
    if flt.theme_code and flt.theme_code not in row.theme_codes:
        return False
    if flt.place_code and row.place_code != flt.place_code:
        return False
    return flt.person_id is None or flt.person_id in row.person_ids


def page_order(row: ContactRow) -> tuple[datetime, int]:
    """The lists' order, newest first: sort ascending by the negation of this (``contact_page``'s key)."""
    return row.occurred_at, row.id


def contact_rows_where(session: Session, *conds, order_by=(), limit: int | None = None) -> list[ContactRow]:
    """Rows of the contacts matching ``conds``, in ``order_by``: their ids from the conditions
    (an index range), then ``contact_rows_by_id`` (one statement, the ids one bound JSON array)."""
    return contact_rows_by_id(session, list(session.scalars(select(Contact.id).where(*conds).order_by(*order_by)
                                                            .limit(limit))))


def contact_page(
    session: Session, flt: ContactFilter | None = None, *, after: Cursor | None = None, limit: int = PAGE_SIZE
) -> tuple[list[ContactRow], Cursor | None]:
    """One page of contacts, newest first, and the cursor of the next page (None at the end).

    A lazy Qt model calls it from ``fetchMore`` with the cursor it got last time.
    """
    keys = contact_ids_page(session, flt, after=after, limit=limit)
    rows = contact_rows_by_id(session, [k[0] for k in keys])
    nxt = Cursor(occurred_at=keys[-1][1], id=keys[-1][0]) if len(keys) == limit else None
    return rows, nxt


def contact_rows(
    session: Session, flt: ContactFilter | None = None, *, offset: int = 0, limit: int = PAGE_SIZE
) -> list[ContactRow]:
    """Rows ``offset`` .. ``offset+limit`` newest first (random access; prefer contact_page for scrolling)."""
    ids = list(
        session.scalars(
            select(Contact.id).where(*_where(session, flt))
            .order_by(Contact.occurred_at.desc(), Contact.id.desc()).offset(offset).limit(limit)
        )
    )
    return contact_rows_by_id(session, ids)


def person_timeline(
    session: Session, person_id: int, *, after: Cursor | None = None, limit: int = PAGE_SIZE
) -> tuple[list[ContactRow], Cursor | None]:
    """A person's live contacts, newest first (same paging as contact_page)."""
    return contact_page(session, ContactFilter(person_id=person_id), after=after, limit=limit)
