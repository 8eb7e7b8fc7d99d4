"""Read side of the People list: rows with their last contact and number of contacts, paged,
searched by word prefixes (accents ignored) and status; re-read by id after a save."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.plain_sql import fetch
from app.textsearch import fold, like_escape
from models.people import INACTIVE_AFTER_DAYS, Person

PAGE_SIZE = 100

@dataclass(frozen=True)
class PersonRow:
    id: int
    uid: str
    alias: str
    first_name: str
    status: str  # active | inactive | archived
    last_contact_at: datetime | None
    contact_count: int
    age_bracket: str | None
    gender: str | None
    groups: tuple[str, ...] = field(default=())
    search_key: str = field(default="", compare=False, repr=False)  # the alias order (folded alias, first name)


ORDER_RECENT = "recent"  # last contact first
ORDER_ALIAS = "alias"


def _people_where(query: str, status: str | None, today: date) -> list:
    conds = [Person.deleted_at.is_(None), Person.merged_into_id.is_(None)]
    q = fold(query)
    for token in q.split():
        t = like_escape(token)
        conds.append(or_(Person.search_key.like(f"{t}%", escape="\\"), Person.search_key.like(f"% {t}%", escape="\\")))
    cutoff = datetime.combine(today - timedelta(days=INACTIVE_AFTER_DAYS), time.min)
    seen = func.coalesce(Person.last_contact_at, Person.created_at)
    if status == "archived":
        conds.append(Person.archived_at.is_not(None))
    elif status == "active":
        conds += [Person.archived_at.is_(None), seen >= cutoff]
    elif status == "inactive":
        conds += [Person.archived_at.is_(None), seen < cutoff]
    elif status is None:
        conds.append(Person.archived_at.is_(None))
    # status "all": archived included
    return conds


def count_people(session: Session, *, query: str = "", status: str | None = None, today: date | None = None) -> int:
    """People matching the list's search box and status (None: not archived; "all": everyone)."""
    where = _people_where(query, status, today or date.today())
    return session.scalar(select(func.count()).select_from(Person).where(*where)) or 0


def people_rows(
    session: Session, *, query: str = "", status: str | None = None, order: str = ORDER_RECENT,
    descending: bool | None = None, offset: int = 0, limit: int = PAGE_SIZE, today: date | None = None,
) -> list[PersonRow]:
    """People with their last contact and number of contacts (word-prefix search, accent-insensitive).

    ``descending`` defaults to each order's natural direction: the most recent contact
    first, aliases A to Z. Never-seen people come last either way.
    """
    today = today or date.today()
    if descending is None:
        descending = order == ORDER_RECENT
    if order == ORDER_RECENT:
        seen = Person.last_contact_at.desc() if descending else Person.last_contact_at.asc()
        ordering = [seen.nulls_last(), Person.search_key, Person.id]
    else:
        ordering = [Person.search_key.desc(), Person.id.desc()] if descending else [Person.search_key, Person.id]
    people = list(
        session.scalars(
            select(Person).where(*_people_where(query, status, today)).order_by(*ordering).offset(offset).limit(limit)
        )
    )
    return [
        PersonRow(
            id=p.id, uid=p.uid, alias=p.alias, first_name=p.first_name, status=p.status(today),
            last_contact_at=p.last_contact_at, contact_count=p.contact_count, age_bracket=p.age_bracket,
            gender=p.gender, groups=tuple(p.group_codes), search_key=p.search_key,
        )
        for p in people
    ]


def people_rows_matching(
    session: Session, ids, text: str = "", status: str | None = None, today: date | None = None,
) -> dict[int, PersonRow | None]:
    """For each of ``ids``: its row if the person matches the list's search and status, else None:
    a list re-reads the people a save changed. One statement (``app.contact_rows``' way), and
    ``_people_where``'s conditions checked on the row in hand."""
    today = today or date.today()
    found = fetch(session, _PEOPLE_SQL, (json.dumps(list(ids)),))
    people, groups = [], {}
    for part, pid, *cols in found:
        if part:
            groups.setdefault(pid, []).append(cols[0])
        else:
            people.append((pid, cols))
    out: dict[int, PersonRow | None] = dict.fromkeys(ids)
    tokens = fold(text).split()
    for pid, (uid, alias, first, last, count, age, gender, key, archived, merged, deleted, created) in people:
        p = _PersonState(_when(archived), merged, _when(deleted), _when(last), _when(created))
        if not _person_matches(p, key, tokens, status, today):
            continue
        out[pid] = PersonRow(
            id=pid, uid=uid, alias=alias, first_name=first, status=Person.status(p, today), last_contact_at=p.last_contact_at,
            contact_count=count, age_bracket=age, gender=gender, groups=tuple(sorted(groups.get(pid, ()))), search_key=key,
        )
    return out


_PEOPLE_SQL = """
SELECT 0, id, uid, alias, first_name, last_contact_at, contact_count, age_bracket, gender, search_key,
       archived_at, merged_into_id, deleted_at, created_at
  FROM person WHERE id IN (SELECT value FROM json_each(?1))
UNION ALL SELECT 1, person_id, code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM person_group WHERE person_id IN (SELECT value FROM json_each(?1))
"""


@dataclass(frozen=True)
class _PersonState:
    """What Person.status and the list's conditions read, from the raw row."""

    archived_at: datetime | None
    merged_into_id: int | None
    deleted_at: datetime | None
    last_contact_at: datetime | None
    created_at: datetime


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _person_matches(p: _PersonState, key: str, tokens: list[str], status: str | None, today: date) -> bool:
    """``_people_where`` on one row: a word of the search key starts with each token (LIKE's
    prefixes, the key and the tokens folded alike), then the status."""
    if p.deleted_at is not None or p.merged_into_id is not None:
        return False
    if not all(key.startswith(t) or f" {t}" in key for t in tokens):
        return False
    if status == "archived":
        return p.archived_at is not None
    if status not in (None, "active", "inactive"):  # "all": archived included
        return True
    if p.archived_at is not None:
        return False
    if status is None:
        return True
    cutoff = datetime.combine(today - timedelta(days=INACTIVE_AFTER_DAYS), time.min)
    seen = p.last_contact_at or p.created_at
    return (seen >= cutoff) == (status == "active")


def people_ids(session: Session, text: str = "", status: str | None = None) -> frozenset[int]:
    """The ids of everyone the list's search and status match (a list keeps them to count).

    5,000 ids through SQLAlchemy's result rows cost ~10 ms, on the DB-API cursor ~1 ms: the
    statement is compiled with its values inline (SQLAlchemy quotes them) and run there."""
    stmt = select(Person.id).where(*_people_where(text, status, date.today()))
    sql = str(stmt.compile(dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}))
    return frozenset(pid for (pid,) in fetch(session, sql))


class _Desc:
    """A value sorted the other way (descending keys inside one ascending tuple)."""

    __slots__ = ("v",)

    def __init__(self, v) -> None:
        self.v = v

    def __lt__(self, other: "_Desc") -> bool:
        return other.v < self.v

    def __eq__(self, other) -> bool:
        return isinstance(other, _Desc) and self.v == other.v


def people_order_key(row: PersonRow, order: str = ORDER_RECENT, descending: bool | None = None) -> tuple:
    """``people_rows``' ORDER BY as a Python key (ascending): SQLite compares the stored text the way
    Python compares str (UTF-8 byte order is code point order), and datetimes as their ISO text."""
    if descending is None:
        descending = order == ORDER_RECENT
    if order == ORDER_RECENT:
        seen = row.last_contact_at
        return (seen is None, 0 if seen is None else _Desc(seen) if descending else seen, row.search_key, row.id)
    return (_Desc(row.search_key), _Desc(row.id)) if descending else (row.search_key, row.id)


def people_page(
    session: Session, text: str = "", status: str | None = None, order: str = ORDER_RECENT,
    descending: bool | None = None, offset: int = 0, limit: int = PAGE_SIZE,
) -> list[PersonRow]:
    """``people_rows`` with the search text as a positional argument (read through ``ctx.ops.read``)."""
    return people_rows(session, query=text, status=status, order=order, descending=descending, offset=offset,
                       limit=limit)


def people_count(session: Session, text: str = "", status: str | None = None) -> int:
    return count_people(session, query=text, status=status)
