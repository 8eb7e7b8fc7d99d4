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
from datetime import date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.directory import search_index
from app.directory.holidays import holiday
from app.directory.hours import CHANGE_HORIZON_DAYS, Hours, HoursChange, hours_from_schedules
from models.directory import SEARCH_INDEX_TABLE

_WORD = re.compile(r"\w+", re.UNICODE)
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
    change: HoursChange | None = None  # until when open, or when it opens next (None: no readable hours)


def fold(value: str) -> str:
    """Lower case without accents, for sorting and comparing French names."""
    if value.isascii():
        return value.lower()  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_expression(query: str) -> str | None:
    """FTS5 query: every word as a quoted prefix term (quotes keep FTS syntax inert).

    One or two letters match names only (one letter: names starting with it):
    ranking nearly every service by one letter would be slow and meaningless;
    the next keystroke widens the search to every column.
    """
    words = _WORD.findall(query or "")
    if not words:
        return None
    terms = " ".join(f'"{w}"*' for w in words)
    if len(words) == 1 and len(words[0]) == 1:
        return f'name : ^"{words[0]}"*'  # names starting with that letter
    if len(words) == 1 and len(words[0]) == 2:
        return f"name : {terms}"
    return terms


# Columns whose match outranks any description or notes match (bm25 weights 10, 4, 5 vs 1, 2).
_STRONG = "{name organization categories}"


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
    expression = match_expression(query)
    # "+": the id lists filter the rows found; they must not drive the query (FTS5 would
    # run the MATCH once per listed id, and the empty query would leave its sorted index).
    column = "+rowid" if expression is not None else "+s.id"
    where, params = _filter_sql(filters, now, column)
    # "Open now" is checked exactly in Python after an SQL pre-filter, so the
    # SQL limit leaves room for the few the exact check turns down.
    sql_limit = limit * 3 if filters.open_now else limit
    if expression is None:
        # Walks the sort_name index in order; the filters read small indexes only.
        sql = f"SELECT s.id FROM dir_service s WHERE {where} ORDER BY s.sort_name LIMIT :limit"
    else:
        params["q"] = expression
        sql = (
            f"SELECT rowid FROM {SEARCH_INDEX_TABLE} WHERE {SEARCH_INDEX_TABLE} MATCH :q AND {where} "
            "ORDER BY rank LIMIT :limit"
        )
    params["limit"] = sql_limit
    ranked = _ranked(conn, sql, params, expression, sql_limit)
    seen: dict[int, Hours] = {}
    if filters.open_now:
        kept = _open_only(conn, ranked, now, limit, seen)
        if len(kept) < limit and len(ranked) == sql_limit:
            params["limit"] = -1  # rare: many turned down (closures, holidays); check them all
            kept = _open_only(conn, _ranked(conn, sql, params, expression, -1), now, limit, seen)
        ranked = kept
    return _hits(conn, ranked[:limit], now, seen)


def _ranked(conn, sql: str, params: dict, expression: str | None, limit: int) -> list[int]:
    """Service ids in rank order. A match in a name, organisation or category outranks one in
    a description, so those are ranked first, alone (few rows to rank); the others are
    ranked only when they are not enough to fill the page."""
    if expression is None or expression.startswith("name :"):
        return list(conn.execute(text(sql), params).scalars())
    strong = list(conn.execute(text(sql), dict(params, q=f"{_STRONG} : ({expression})")).scalars())
    if limit != -1 and len(strong) >= limit:
        return strong
    found = set(strong)
    rest = [i for i in conn.execute(text(sql), dict(params, limit=-1 if limit == -1 else limit + len(strong)))
            .scalars() if i not in found]
    out = strong + rest
    return out if limit == -1 else out[:limit]


# Services with a schedule that may be running at minute :m; a necessary condition
# (dates, closures, holidays and monthly rules are then checked exactly in Python).
_RUNNING = """((sch.day_mask & :today) != 0 AND sch.opens_min <= :m
      AND (sch.closes_min > :m OR sch.closes_min <= sch.opens_min))
   OR ((sch.day_mask & :yesterday) != 0 AND sch.closes_min <= sch.opens_min AND sch.closes_min > :m)"""
_OPEN_CANDIDATES = f"""
SELECT sch.service_id FROM dir_schedule sch WHERE sch.service_id IS NOT NULL AND ({_RUNNING})
UNION ALL SELECT sal.service_id FROM dir_schedule sch
  JOIN dir_service_at_location sal ON sal.id = sch.service_at_location_id
  WHERE sch.service_id IS NULL AND ({_RUNNING})
UNION ALL SELECT sal.service_id FROM dir_schedule sch
  JOIN dir_service_at_location sal ON sal.location_id = sch.location_id
  WHERE sch.service_id IS NULL AND sch.service_at_location_id IS NULL AND ({_RUNNING})
"""


def _filter_sql(filters: SearchFilters, now: datetime | None, column: str) -> tuple[str, dict]:
    """Conditions on a service id that read indexes only (each page read is a page decrypted)."""
    clauses, params = ["1 = 1"], {}
    if not filters.include_inactive:
        clauses.append(f"{column} NOT IN (SELECT id FROM dir_service WHERE status IN ('inactive', 'defunct'))")
    if filters.free:
        clauses.append(f"{column} IN (SELECT id FROM dir_service WHERE is_free = 1)")
    if filters.walk_in:
        clauses.append(f"{column} IN (SELECT id FROM dir_service WHERE walk_in = 1)")
    if filters.category_id is not None:
        clauses.append(f"{column} IN (SELECT service_id FROM dir_service_term WHERE term_id = :cat)")
        params["cat"] = filters.category_id
    if filters.language:
        clauses.append(
            f"{column} IN (SELECT service_id FROM dir_language WHERE code = :lang AND service_id IS NOT NULL "
            "UNION SELECT sal.service_id FROM dir_language l "
            "JOIN dir_service_at_location sal ON sal.location_id = l.location_id WHERE l.code = :lang)"
        )
        params["lang"] = filters.language.strip().lower()
    if filters.open_now:
        clauses.append(f"{column} IN ({_OPEN_CANDIDATES})")
        params["m"] = now.hour * 60 + now.minute
        params["today"] = 1 << now.weekday()
        params["yesterday"] = 1 << ((now.weekday() - 1) % 7)
    return " AND ".join(clauses), params


def _open_only(conn, ranked: list[int], at: datetime, limit: int, seen: dict[int, Hours]) -> list[int]:
    """The exact check, a page of results at a time: the SQL pre-filter is nearly always right."""
    kept: list[int] = []
    need_holidays = _near_holiday(at)
    for start in range(0, len(ranked), limit):
        chunk = ranked[start:start + limit]
        hours = hours_by_service(conn, chunk, need_holidays=need_holidays)
        seen.update(hours)
        kept.extend(i for i in chunk if hours[i].is_open(at))
        if len(kept) >= limit:
            break
    return kept


def _near_holiday(at: datetime) -> bool:
    """A holiday from yesterday (a night period from yesterday may still be running) to the
    last day a result looks ahead to for its next opening."""
    return any(holiday(at.date() + timedelta(days=d)) for d in range(-1, CHANGE_HORIZON_DAYS + 1))


def hours_by_service(conn, service_ids: list[int], *, need_holidays: bool = True) -> dict[int, Hours]:
    """Each service's hours: its own schedules and its service-at-location ones, else its locations'.

    A few indexed look-ups whatever the number of services (no scan of the schedules).
    ``need_holidays=False`` skips reading "closed on holidays" (no holiday is near).
    """
    if not service_ids:
        return {}
    marks = ", ".join(str(int(i)) for i in service_ids)
    found: dict[int, list] = defaultdict(list)
    for row in conn.execute(text(
        f"SELECT service_id AS owner, {_SCHEDULE_COLUMNS} FROM dir_schedule WHERE service_id IN ({marks})"
    )):
        found[row.owner].append(_ScheduleRow(row))
    sals = conn.execute(text(
        f"SELECT id, service_id, location_id FROM dir_service_at_location WHERE service_id IN ({marks})"
    )).all()
    if sals:
        by_sal = {sal.id: sal.service_id for sal in sals}
        for row in conn.execute(text(
            f"SELECT service_at_location_id AS owner, {_SCHEDULE_COLUMNS} FROM dir_schedule "
            f"WHERE service_at_location_id IN ({', '.join(str(i) for i in by_sal)}) AND service_id IS NULL"
        )):
            found[by_sal[row.owner]].append(_ScheduleRow(row))
        by_location = defaultdict(list)
        for sal in sals:
            if sal.service_id not in found:
                by_location[sal.location_id].append(sal.service_id)
        if by_location:
            for row in conn.execute(text(
                f"SELECT location_id AS owner, {_SCHEDULE_COLUMNS} FROM dir_schedule "
                f"WHERE location_id IN ({', '.join(str(i) for i in by_location)}) "
                "AND service_id IS NULL AND service_at_location_id IS NULL"
            )):
                for service_id in by_location[row.owner]:
                    found[service_id].append(_ScheduleRow(row))
    holidays = dict(conn.execute(text(
        f"SELECT id, closed_on_holidays FROM dir_service WHERE id IN ({marks})"
    )).all()) if need_holidays else {}
    return {i: hours_from_schedules(found.get(i, ()), bool(holidays.get(i))) for i in service_ids}


class _ScheduleRow:
    """A schedule row from raw SQL, with dates parsed like the ORM would."""

    __slots__ = ("opens_at", "closes_at", "byday", "bymonthday", "freq", "valid_from", "valid_to",
                 "dtstart", "interval", "description")

    def __init__(self, row):
        for name in self.__slots__:
            value = getattr(row, name)
            if name in ("valid_from", "valid_to", "dtstart") and isinstance(value, str):
                value = date.fromisoformat(value[:10])
            setattr(self, name, value)


def _hits(conn, ids: list[int], open_at: datetime | None, seen: dict[int, Hours]) -> list[ServiceHit]:
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
    hours = seen
    missing = [i for i in ids if i not in seen]
    if open_at is not None and missing:
        hours.update(hours_by_service(conn, missing, need_holidays=_near_holiday(open_at)))
    hits = []
    for i in ids:
        r = rows[i]
        change = hours[i].next_change(open_at) if open_at is not None and hours[i].known else None
        hits.append(ServiceHit(r.id, r.hsds_id, r.name, r.organization, r.status, bool(r.is_free),
                               bool(r.walk_in), categories.get(i, []), change.open_now if change else None, change))
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


def directory_is_empty(session: Session) -> bool:
    """No service at all (not even inactive): the page offers the import instead of a search."""
    return session.connection().execute(text("SELECT 1 FROM dir_service LIMIT 1")).first() is None
