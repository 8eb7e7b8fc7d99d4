"""The coordination report as it was before issue 15, kept only for benchmarks: every
imported record's JSON picked apart at report time (SQLite's json_extract, then Python).
It runs on the embedded vault only; benchmarks/bench_coordination_scale.py compares it."""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.activity.presence import PresenceRow
from app.report import aggregate
from app.report.period import Period
from app.report.rows import (
    ConflictRow, ContactRow, PersonRow, ReferralRow, ReportInput, SupplyRow, SupportRow,
)
from app.report.worker import LABELLED_LISTS, code_labels
from models.supplies import GIVEN
from models.sync import SyncPeer, SyncRecord


def _when(text) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


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


def workers(session: Session) -> list[SyncPeer]:
    """Workers with at least one imported record."""
    ids = set(session.scalars(select(SyncRecord.peer_id).distinct()))
    return [p for p in session.scalars(select(SyncPeer).order_by(SyncPeer.label)) if p.id in ids]


# What the report reads of each entity: SQLite's JSON functions pick these fields out
# in C, so years of imported records are not parsed whole in Python.
FIELDS = {
    "contact": ("occurred_at", "person_uids", "types", "themes", "unidentified_count"),
    "person": ("age_bracket", "gender"),
    "referral": ("contact_uid", "status", "outcome", "created_at"),
    "stock_movement": ("kind", "occurred_at", "item_uid", "quantity"),
    "supply_item": ("name",),
    "code_item": ("list_name", "code", "label_fr", "label_en"),
    "conflict": ("occurred_at", "intensity", "parties"),
    "staff_support": ("occurred_on", "kind", "staff_count", "duration_min"),
    "presence": ("starts_on", "span", "library_min", "street_min"),
}


def _records(session: Session, peer_id: int | None):
    """{entity: [(peer_id, uid, {field: value})]} of live records, only the fields the report reads.

    One multi-path ``json_extract`` per record: SQLite parses the document once and hands
    back a small JSON array of just those fields."""
    out: dict[str, list] = defaultdict(list)
    raw = session.connection().connection.driver_connection
    for entity, fields in FIELDS.items():
        paths = ", ".join(f"'$.{name}'" for name in ("deleted_at",) + fields)
        sql = (f"SELECT peer_id, uid, json_extract(data, {paths}) FROM sync_record "
               "WHERE entity = ? AND deleted = 0 AND data IS NOT NULL")
        params: tuple = (entity,)
        if peer_id is not None:
            sql += " AND peer_id = ?"
            params += (peer_id,)
        rows = out[entity]
        for peer, uid, picked in raw.execute(sql, params).fetchall():
            deleted_at, *values = json.loads(picked)
            if not deleted_at:
                rows.append((peer, uid, dict(zip(fields, values))))
    return out


def load(session: Session, p: Period, peer_id: int | None = None, lang: str = "fr") -> ReportInput:
    records = _records(session, peer_id)
    start, end = p.start, p.end

    def inside(when: datetime | None) -> bool:
        return when is not None and start <= when.date() < end

    contact_day: dict[tuple, date] = {}
    started: dict = {}
    contacts: list[ContactRow] = []
    first_seen: dict[tuple, date] = {}
    for peer, uid, data in records["contact"]:
        when = _when(data.get("occurred_at"))
        if when is None:
            continue
        contact_day[(peer, uid)] = when.date()
        if peer not in started or when.date() < started[peer]:
            started[peer] = when.date()
        persons = tuple((peer, person) for person in data["person_uids"] or ())
        for key in persons:
            if key not in first_seen or when.date() < first_seen[key]:
                first_seen[key] = when.date()
        if inside(when):
            contacts.append(ContactRow(
                when, persons, tuple(data["types"] or ()), tuple(data["themes"] or ()),
                _int(data.get("unidentified_count")),
            ))

    persons = {
        (peer, uid): PersonRow((peer, uid), data.get("age_bracket"), data.get("gender"))
        for peer, uid, data in records["person"]
    }

    referrals = []
    for peer, _uid, data in records["referral"]:
        # The contact's day; a referral that does not name its contact counts on the day it was made.
        day = contact_day.get((peer, data.get("contact_uid"))) or _day(data.get("created_at"))
        if day is not None and start <= day < end:
            referrals.append(ReferralRow(day, data.get("status") or "", data.get("outcome") or ""))

    item_names = {(peer, uid): data.get("name") or "" for peer, uid, data in records["supply_item"]}
    given: dict[str, int] = defaultdict(int)
    for peer, _uid, data in records["stock_movement"]:
        if data.get("kind") == GIVEN and inside(_when(data.get("occurred_at"))):
            given[item_names.get((peer, data.get("item_uid")), "?")] -= _int(data.get("quantity"))
    supplies = [SupplyRow(name, qty) for name, qty in given.items()]

    conflicts = []
    for _peer, _uid, data in records["conflict"]:
        when = _when(data.get("occurred_at"))
        if inside(when):
            conflicts.append(ConflictRow(when, _int(data.get("intensity"), 1), data.get("parties") or "other"))
    supports = []
    for _peer, _uid, data in records["staff_support"]:
        day = _day(data.get("occurred_on"))
        if day is not None and start <= day < end:
            supports.append(SupportRow(day, data.get("kind") or "", _int(data.get("staff_count"), 1),
                                       _int(data.get("duration_min"))))

    peers = [peer_id] if peer_id is not None else sorted({peer for rows in records.values() for peer, _, _ in rows})
    presence: dict = {peer: [] for peer in peers}
    for peer, _uid, data in records["presence"]:
        day = _day(data.get("starts_on"))
        if day is not None:
            presence.setdefault(peer, []).append(
                PresenceRow(day, data.get("span") or "week", _int(data.get("library_min")), _int(data.get("street_min")))
            )

    labels = code_labels(session, lang)
    for _peer, _uid, data in records["code_item"]:
        name = data.get("list_name")
        if name in LABELLED_LISTS:
            text = data.get("label_en") if lang.startswith("en") and data.get("label_en") else data.get("label_fr")
            labels.setdefault(name, {}).setdefault(data.get("code"), text or data.get("code"))

    return ReportInput(
        contacts=contacts, persons=persons, first_seen=first_seen, referrals=referrals, supplies=supplies,
        conflicts=conflicts, supports=supports, presence=presence, presence_from=started, labels=labels,
    )


def report(session: Session, p: Period, peer_id: int | None = None, today: date | None = None):
    return aggregate.compute(load(session, p, peer_id), p, today=today)
