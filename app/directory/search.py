"""Search the directory as you type: ranked FTS5 match plus filters.

Each word typed becomes a prefix term ("heberg" finds "Hébergement"); all words
must match somewhere (name, organisation, categories, description, local notes).
Results are ranked by bm25 with the name weighing most. "Open now" is decided
in Python from the schedules (periods crossing midnight, closures, holidays).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.directory import search_index
from app.directory.hours import Hours, hours_from_schedules
from models.directory import SEARCH_INDEX_TABLE

_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = 500
_SCHEDULE_COLUMNS = (
    "opens_at, closes_at, byday, bymonthday, freq, valid_from, valid_to, dtstart, interval, description"
)


@dataclass
class SearchFilters:
    category_id: int | None = None     # dir_taxonomy_term.id
    open_now: bool = False             # only services open at ``now``
    free: bool = False
    walk_in: bool = False
    language: str | None = None        # language code, e.g. "ar"
    include_inactive: bool = False


@dataclass
class ServiceHit:
    id: int
    hsds_id: str
    name: str
    organization: str
    status: str
    is_free: bool
    walk_in: bool
    categories: list[str] = field(default_factory=list)
    open_now: bool | None = None       # None when the service has no readable hours


def fold(value: str) -> str:
    """Lower case without accents, for sorting and comparing French names."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_expression(query: str) -> str | None:
    """FTS5 query: every word as a quoted prefix term (quotes keep FTS syntax inert).

    A lone letter matches names only: ranking nearly every service by one
    letter would be slow and meaningless; the next keystroke narrows it.
    """
    words = _WORD.findall(query or "")
    if not words:
        return None
    terms = " ".join(f'"{w}"*' for w in words)
    return f"name : {terms}" if len(words) == 1 and len(words[0]) == 1 else terms


def search_services(session: Session, query: str, filters: SearchFilters | None = None,
                    limit: int = 30, now: datetime | None = None) -> list[ServiceHit]:
    """Best matches first (by name when the query is empty).

    ``now`` (local time) marks each hit open or closed; the "open now" filter
    uses it (the current time when not given).
    """
    filters = filters or SearchFilters()
    if filters.open_now and now is None:
        now = datetime.now()
    conn = session.connection()
    search_index.ensure(conn)
    where, params = _filter_sql(filters, now)
    expression = match_expression(query)
    # "Open now" is checked exactly in Python after an SQL pre-filter, so the
    # SQL limit leaves room for the few the exact check turns down.
    sql_limit = limit * 3 if filters.open_now else limit
    if expression is None:
        sql = f"SELECT s.id FROM dir_service s WHERE {where} ORDER BY s.sort_name, s.id LIMIT :limit"
    else:
        params["q"] = expression
        sql = (
            f"SELECT s.id FROM {SEARCH_INDEX_TABLE} f JOIN dir_service s ON s.id = f.rowid "
            f"WHERE {SEARCH_INDEX_TABLE} MATCH :q AND {where} ORDER BY f.rank LIMIT :limit"
        )
    params["limit"] = sql_limit
    ranked = list(conn.execute(text(sql), params).scalars())
    if filters.open_now:
        kept = _open_only(conn, ranked, now, limit)
        if len(kept) < limit and len(ranked) == sql_limit:
            params["limit"] = -1  # rare: many turned down (closures, holidays); check them all
            kept = _open_only(conn, list(conn.execute(text(sql), params).scalars()), now, limit)
        ranked = kept
    return _hits(conn, ranked[:limit], now)


_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Services with a schedule that may be running at :t; a necessary condition (dates,
# closures, holidays and monthly rules are then checked exactly in Python).
_OPEN_CANDIDATES = """
SELECT coalesce(sch.service_id, sal.service_id, sal_loc.service_id) FROM dir_schedule sch
LEFT JOIN dir_service_at_location sal ON sal.id = sch.service_at_location_id
LEFT JOIN dir_service_at_location sal_loc ON sal_loc.location_id = sch.location_id
    AND sch.service_id IS NULL AND sch.service_at_location_id IS NULL
WHERE sch.opens_at IS NOT NULL AND (
    ((sch.byday IS NULL OR sch.freq = 'MONTHLY' OR sch.byday LIKE :today)
      AND sch.opens_at <= :t AND (sch.closes_at > :t OR sch.closes_at <= sch.opens_at))
 OR ((sch.byday IS NULL OR sch.freq = 'MONTHLY' OR sch.byday LIKE :yesterday)
      AND sch.closes_at <= sch.opens_at AND sch.closes_at > :t))
"""


def _filter_sql(filters: SearchFilters, now: datetime | None) -> tuple[str, dict]:
    clauses, params = ["1 = 1"], {}
    if not filters.include_inactive:
        clauses.append("s.status IN ('active', 'temporarily closed')")
    if filters.free:
        clauses.append("s.is_free = 1")
    if filters.walk_in:
        clauses.append("s.walk_in = 1")
    if filters.category_id is not None:
        clauses.append("s.id IN (SELECT service_id FROM dir_service_term WHERE term_id = :cat)")
        params["cat"] = filters.category_id
    if filters.language:
        clauses.append(
            "s.id IN (SELECT service_id FROM dir_language WHERE code = :lang AND service_id IS NOT NULL "
            "UNION SELECT sal.service_id FROM dir_language l "
            "JOIN dir_service_at_location sal ON sal.location_id = l.location_id WHERE l.code = :lang)"
        )
        params["lang"] = filters.language.strip().lower()
    if filters.open_now:
        clauses.append(f"s.id IN ({_OPEN_CANDIDATES})")
        params["t"] = now.strftime("%H:%M:%S")
        params["today"] = f"%{_WEEKDAY_CODES[now.weekday()]}%"
        params["yesterday"] = f"%{_WEEKDAY_CODES[(now.weekday() - 1) % 7]}%"
    return " AND ".join(clauses), params


def _open_only(conn, ranked: list[int], at: datetime, limit: int) -> list[int]:
    kept: list[int] = []
    for start in range(0, len(ranked), _CHUNK):
        chunk = ranked[start:start + _CHUNK]
        hours = hours_by_service(conn, chunk)
        kept.extend(i for i in chunk if hours[i].is_open(at))
        if len(kept) >= limit:
            break
    return kept


def hours_by_service(conn, service_ids: list[int]) -> dict[int, Hours]:
    """Each service's hours: its own schedules and its service-at-location ones, else its locations'."""
    if not service_ids:
        return {}
    marks = ", ".join(str(int(i)) for i in service_ids)
    found: dict[int, list] = defaultdict(list)
    for row in conn.execute(text(
        f"SELECT service_id AS sid, {_SCHEDULE_COLUMNS} FROM dir_schedule WHERE service_id IN ({marks}) "
        f"UNION ALL SELECT sal.service_id AS sid, {', '.join('sch.' + c.strip() for c in _SCHEDULE_COLUMNS.split(','))} "
        f"FROM dir_schedule sch JOIN dir_service_at_location sal ON sal.id = sch.service_at_location_id "
        f"WHERE sal.service_id IN ({marks}) AND sch.service_id IS NULL"
    )):
        found[row.sid].append(_ScheduleRow(row))
    missing = [i for i in service_ids if i not in found]
    if missing:
        marks = ", ".join(str(int(i)) for i in missing)
        for row in conn.execute(text(
            f"SELECT sal.service_id AS sid, {', '.join('sch.' + c.strip() for c in _SCHEDULE_COLUMNS.split(','))} "
            f"FROM dir_schedule sch JOIN dir_service_at_location sal ON sal.location_id = sch.location_id "
            f"WHERE sal.service_id IN ({marks}) AND sch.service_id IS NULL AND sch.service_at_location_id IS NULL"
        )):
            found[row.sid].append(_ScheduleRow(row))
    holidays = dict(conn.execute(text(
        f"SELECT id, closed_on_holidays FROM dir_service WHERE id IN ({', '.join(str(int(i)) for i in service_ids)})"
    )).all())
    return {i: hours_from_schedules(found.get(i, ()), bool(holidays.get(i))) for i in service_ids}


class _ScheduleRow:
    """A schedule row from raw SQL, with dates parsed like the ORM would."""

    __slots__ = ("opens_at", "closes_at", "byday", "bymonthday", "freq", "valid_from", "valid_to",
                 "dtstart", "interval", "description")

    def __init__(self, row):
        from datetime import date

        for name in self.__slots__:
            value = getattr(row, name)
            if name in ("valid_from", "valid_to", "dtstart") and isinstance(value, str):
                value = date.fromisoformat(value[:10])
            setattr(self, name, value)


def _hits(conn, ids: list[int], open_at: datetime | None) -> list[ServiceHit]:
    if not ids:
        return []
    marks = ", ".join(str(int(i)) for i in ids)
    rows = {r.id: r for r in conn.execute(text(
        "SELECT s.id, s.hsds_id, s.name, coalesce(o.name, '') AS organization, s.status, s.is_free, s.walk_in "
        f"FROM dir_service s LEFT JOIN dir_organization o ON o.id = s.organization_id WHERE s.id IN ({marks})"
    ))}
    categories: dict[int, list[str]] = defaultdict(list)
    for sid, name in conn.execute(text(
        "SELECT st.service_id, t.name FROM dir_service_term st JOIN dir_taxonomy_term t ON t.id = st.term_id "
        f"WHERE st.service_id IN ({marks}) ORDER BY t.name"
    )):
        categories[sid].append(name)
    hours = hours_by_service(conn, ids) if open_at is not None else {}
    hits = []
    for i in ids:
        r = rows[i]
        open_now = None
        if open_at is not None and hours[i].known:
            open_now = hours[i].is_open(open_at)
        hits.append(ServiceHit(r.id, r.hsds_id, r.name, r.organization, r.status, bool(r.is_free),
                               bool(r.walk_in), categories.get(i, []), open_now))
    return hits


def category_choices(session: Session) -> list[tuple[int, str, int]]:
    """(term id, name, number of services) for the category filter, by name."""
    rows = session.connection().execute(text(
        "SELECT t.id, t.name, count(st.id) FROM dir_taxonomy_term t "
        "JOIN dir_service_term st ON st.term_id = t.id GROUP BY t.id, t.name"
    )).all()
    return sorted(((r[0], r[1], r[2]) for r in rows), key=lambda r: fold(r[1]))


def language_choices(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the languages services are offered in, by name."""
    rows = session.connection().execute(text(
        "SELECT lower(code), min(coalesce(name, code)) FROM dir_language "
        "WHERE code IS NOT NULL AND code != '' GROUP BY lower(code)"
    )).all()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: fold(r[1]))
