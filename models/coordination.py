"""Coordination side: each worker's imported records decoded once into typed tables.

``sync_record`` keeps the raw snapshot of every record (audit, and what these tables
are rebuilt from); the tables here hold only what reports and dashboards read, one
row per live record, keyed by (worker, record uid). A tombstone, a record withdrawn
by a full refresh, or a snapshot with ``deleted_at`` has no row. ``decode`` says how
a snapshot maps onto them; the importer and migration 0007 both call it.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text, delete, distinct, func, select

from models.base import Base

GIVEN = "given"  # models.supplies.GIVEN: only what was given out is kept


def _peer() -> Column:
    return Column("peer_id", Integer, ForeignKey("sync_peer.id"), primary_key=True)


def _uid(name: str = "uid") -> Column:
    return Column(name, String(64), primary_key=True)


_md = Base.metadata
contact = Table(
    "coord_contact", _md, _peer(), _uid(),
    Column("occurred_at", DateTime, nullable=False),
    Column("day", Date, nullable=False),
    Column("month", String(7), nullable=False),  # YYYY-MM, the report's unit
    Column("week", String(8), nullable=False),  # ISO week YYYY-Www, the dashboard's unit
    Column("unidentified_count", Integer, nullable=False),
    Index("ix_coord_contact_day", "day", "month", "unidentified_count"),
    Index("ix_coord_contact_peer_day", "peer_id", "day", "month", "unidentified_count"),
    Index("ix_coord_contact_week", "peer_id", "week"),
)


def _when_columns() -> list[Column]:
    """A contact's day and month copied onto its child rows: the report counts codes and
    people by period from one table each, through its covering index, with no join."""
    return [Column("day", Date, nullable=False), Column("month", String(7), nullable=False)]


contact_type = Table(
    "coord_contact_type", _md, _peer(), _uid("contact_uid"), Column("code", String(200), primary_key=True),
    *_when_columns(), Index("ix_coord_contact_type_day", "day", "code"),
)
contact_theme = Table(
    "coord_contact_theme", _md, _peer(), _uid("contact_uid"), Column("code", String(200), primary_key=True),
    *_when_columns(), Index("ix_coord_contact_theme_day", "day", "code"),
)
contact_person = Table(
    "coord_contact_person", _md, _peer(), _uid("contact_uid"), _uid("person_uid"), *_when_columns(),
    Index("ix_coord_contact_person_person", "peer_id", "person_uid", "day", "month"),
    Index("ix_coord_contact_person_day", "day", "peer_id", "person_uid", "month"),
)
person = Table(
    "coord_person", _md, _peer(), _uid(),
    Column("age_bracket", String(200)), Column("gender", String(200)),
)
referral = Table(
    "coord_referral", _md, _peer(), _uid(),
    Column("contact_uid", String(64)),
    Column("created_on", Date),
    Column("status", String(200), nullable=False),
    Column("outcome", String(200), nullable=False),
)
supply_item = Table("coord_supply_item", _md, _peer(), _uid(), Column("name", Text, nullable=False))
supply_given = Table(
    "coord_supply_given", _md, _peer(), _uid(),
    Column("item_uid", String(64)),
    Column("day", Date, nullable=False),
    Column("quantity", Integer, nullable=False),  # items given (a positive number)
)
code_item = Table(
    "coord_code_item", _md, _peer(), _uid(),
    Column("list_name", String(40)), Column("code", String(200)),
    Column("label_fr", Text), Column("label_en", Text),
)
conflict = Table(
    "coord_conflict", _md, _peer(), _uid(),
    Column("occurred_at", DateTime, nullable=False),
    Column("intensity", Integer, nullable=False),
    Column("parties", String(200), nullable=False),
)
staff_support = Table(
    "coord_staff_support", _md, _peer(), _uid(),
    Column("occurred_on", Date, nullable=False),
    Column("kind", String(200), nullable=False),
    Column("staff_count", Integer, nullable=False),
    Column("duration_min", Integer, nullable=False),
)
presence = Table(
    "coord_presence", _md, _peer(), _uid(),
    Column("starts_on", Date, nullable=False),
    Column("span", String(16), nullable=False),
    Column("library_min", Integer, nullable=False),
    Column("street_min", Integer, nullable=False),
)

# Per worker roll-ups of the rows above, remade for that worker after each import
# (``refresh_rollups``): a report over years reads whole months from them, and only the
# partial months at the edges of its period from the rows.
month_total = Table(
    "coord_month", _md, _peer(), Column("month", String(7), primary_key=True),
    Column("contacts", Integer, nullable=False), Column("unidentified", Integer, nullable=False),
    Column("people", Integer, nullable=False),
)
month_code = Table(
    "coord_month_code", _md, _peer(), Column("kind", String(8), primary_key=True),
    Column("month", String(7), primary_key=True), Column("code", String(200), primary_key=True),
    Column("n", Integer, nullable=False),
    Index("ix_coord_month_code_kind", "kind", "month", "code", "n", "peer_id"),
)
# A person's first and last day, with their age bracket and gender copied from coord_person
# (migration 0011): the report counts new people by month and age from one covering index,
# and finds the returning ones (first seen before the period, seen again since) by last day.
person_seen = Table(
    "coord_person_seen", _md, _peer(), _uid("person_uid"),
    Column("first_day", Date, nullable=False), Column("first_month", String(7), nullable=False),
    Column("last_day", Date, nullable=False),
    Column("age_bracket", String(200)), Column("gender", String(200)),
    Index("ix_coord_person_seen_new", "first_day", "first_month", "age_bracket", "gender", "peer_id"),
    Index("ix_coord_person_seen_peer_new", "peer_id", "first_day", "first_month", "age_bracket", "gender"),
    Index("ix_coord_person_seen_last", "last_day", "first_day"),
)
ROLLUPS = (month_total, month_code, person_seen)
TYPE, THEME, SUPPLY = "type", "theme", "supply"  # month_code kinds (supply: code = item uid, n = given)


def refresh_rollups(conn, peer_id: int) -> None:
    """Remake one worker's roll-ups from their typed rows (portable SQL, a worker's rows only)."""
    for table in ROLLUPS:
        conn.execute(delete(table).where(table.c.peer_id == peer_id))
    c, cp = contact, contact_person
    people = dict(conn.execute(
        select(cp.c.month, func.count(distinct(cp.c.person_uid))).where(cp.c.peer_id == peer_id).group_by(cp.c.month)
    ).all())
    rows = [{"peer_id": peer_id, "month": m, "contacts": n, "unidentified": int(u or 0), "people": people.get(m, 0)}
            for m, n, u in conn.execute(select(c.c.month, func.count(), func.sum(c.c.unidentified_count))
                                        .where(c.c.peer_id == peer_id).group_by(c.c.month))]
    if rows:
        conn.execute(month_total.insert(), rows)
    codes = []
    for kind, table in ((TYPE, contact_type), (THEME, contact_theme)):
        codes += [{"peer_id": peer_id, "kind": kind, "month": m, "code": code, "n": n}
                  for m, code, n in conn.execute(select(table.c.month, table.c.code, func.count())
                                                 .where(table.c.peer_id == peer_id).group_by(table.c.month, table.c.code))]
    g = supply_given
    given: dict = {}
    for day, item, n in conn.execute(select(g.c.day, g.c.item_uid, g.c.quantity).where(g.c.peer_id == peer_id)):
        key = (f"{day:%Y-%m}", item or "")
        given[key] = given.get(key, 0) + n
    codes += [{"peer_id": peer_id, "kind": SUPPLY, "month": m, "code": item, "n": n} for (m, item), n in given.items()]
    if codes:
        conn.execute(month_code.insert(), codes)
    who = {uid: (age, gender) for uid, age, gender in conn.execute(
        select(person.c.uid, person.c.age_bracket, person.c.gender).where(person.c.peer_id == peer_id))}
    seen = [{"peer_id": peer_id, "person_uid": uid, "first_day": first, "first_month": f"{first:%Y-%m}", "last_day": last,
             "age_bracket": who.get(uid, (None, None))[0], "gender": who.get(uid, (None, None))[1]}
            for uid, first, last in conn.execute(select(cp.c.person_uid, func.min(cp.c.day), func.max(cp.c.day))
                                                 .where(cp.c.peer_id == peer_id).group_by(cp.c.person_uid))]
    if seen:
        conn.execute(person_seen.insert(), seen)


# Entity -> the tables its records fill, children first (rows keyed by contact_uid).
TABLES = {
    "contact": (contact_type, contact_theme, contact_person, contact),
    "person": (person,),
    "referral": (referral,),
    "supply_item": (supply_item,),
    "stock_movement": (supply_given,),
    "code_item": (code_item,),
    "conflict": (conflict,),
    "staff_support": (staff_support,),
    "presence": (presence,),
}
ALL = tuple(t for tables in TABLES.values() for t in tables) + ROLLUPS


def _when(text) -> datetime | None:
    try:
        when = datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None
    return when.replace(tzinfo=None) if when is not None else None  # the wall time, as written


def _day(text) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except (TypeError, ValueError):
        return None


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _codes(value) -> list[str]:
    return sorted({str(v) for v in value}) if isinstance(value, list) else []


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def decode(entity: str, uid: str, data: dict | None) -> list[tuple[Table, dict]]:
    """The typed rows of one live snapshot (without ``peer_id``); none for a tombstone,
    a deleted record, an entity reports do not read, or a record missing its date."""
    if not isinstance(data, dict) or data.get("deleted_at") or entity not in TABLES:
        return []
    g = data.get
    if entity == "contact":
        when = _when(g("occurred_at"))
        if when is None:
            return []
        day, month = when.date(), f"{when:%Y-%m}"
        rows = [(contact, {"uid": uid, "occurred_at": when, "day": day, "month": month,
                           "week": iso_week(day), "unidentified_count": _int(g("unidentified_count"))})]
        rows += [(contact_type, {"contact_uid": uid, "code": c, "day": day, "month": month}) for c in _codes(g("types"))]
        rows += [(contact_theme, {"contact_uid": uid, "code": c, "day": day, "month": month})
                 for c in _codes(g("themes"))]
        rows += [(contact_person, {"contact_uid": uid, "person_uid": p, "day": day, "month": month})
                 for p in _codes(g("person_uids"))]
        return rows
    if entity == "person":
        return [(person, {"uid": uid, "age_bracket": g("age_bracket"), "gender": g("gender")})]
    if entity == "referral":
        return [(referral, {"uid": uid, "contact_uid": g("contact_uid"), "created_on": _day(g("created_at")),
                            "status": g("status") or "", "outcome": g("outcome") or ""})]
    if entity == "supply_item":
        return [(supply_item, {"uid": uid, "name": g("name") or ""})]
    if entity == "stock_movement":
        when = _when(g("occurred_at"))
        if g("kind") != GIVEN or when is None:
            return []
        return [(supply_given, {"uid": uid, "item_uid": g("item_uid"), "day": when.date(),
                                "quantity": -_int(g("quantity"))})]
    if entity == "code_item":
        return [(code_item, {"uid": uid, "list_name": g("list_name"), "code": g("code"),
                             "label_fr": g("label_fr"), "label_en": g("label_en")})]
    if entity == "conflict":
        when = _when(g("occurred_at"))
        return [] if when is None else [(conflict, {
            "uid": uid, "occurred_at": when, "intensity": _int(g("intensity"), 1), "parties": g("parties") or "other",
        })]
    if entity == "staff_support":
        day = _day(g("occurred_on"))
        return [] if day is None else [(staff_support, {
            "uid": uid, "occurred_on": day, "kind": g("kind") or "", "staff_count": _int(g("staff_count"), 1),
            "duration_min": _int(g("duration_min")),
        })]
    day = _day(g("starts_on"))  # presence
    return [] if day is None else [(presence, {
        "uid": uid, "starts_on": day, "span": g("span") or "week", "library_min": _int(g("library_min")),
        "street_min": _int(g("street_min")),
    })]
