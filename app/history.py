"""Record history for any synced entity: one helper, every area uses it.

Every create, update or delete of a record that has ``models.base.SyncMixin``
appends a ``models.history.RecordVersion`` row holding a JSON snapshot of the
record *after* the change, who made it and which fields changed. Older rows are
the previous versions (right of rectification, audit of edits); the rows' ``id``
order is the change log the weekly bundle reads.

Usage from a service (inside the caller's Session; nothing is committed here)::

    person = Person(alias="Grand Marc")
    session.add(person)
    history.record_create(session, person)            # version 1

    person.notes = "..."
    history.record_update(session, person)            # version += 1, or None if nothing changed

    history.record_delete(session, person)            # tombstone: deleted_at set, version += 1

Pass ``data=`` when the snapshot needs more than the table's own columns
(e.g. a contact's persons, types and supplies): build it with
``snapshot(obj, extra={...})``. Columns listed in ``exclude`` (derived values
such as counters) are left out so they never make a version on their own.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Iterable

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app import plain_sql, settings
from models.base import new_uid, utcnow
from models.core import Setting
from models.history import RecordVersion

CREATE = "create"
UPDATE = "update"
DELETE = "delete"

# Technical columns that change with every version: never "what changed".
_BOOKKEEPING = {"id", "version", "created_at", "updated_at"}


def jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def snapshot(obj, *, exclude: Iterable[str] = (), extra: dict | None = None) -> dict:
    """The record's column values as JSON-ready data (dates as ISO text), plus ``extra``.

    ``id`` is kept out: it is local to one database; ``uid`` identifies the record.
    """
    skip = {"id", *exclude}
    data = {
        attr.key: jsonable(getattr(obj, attr.key))
        for attr in inspect(type(obj)).column_attrs
        if attr.key not in skip
    }
    if extra:
        data.update({k: jsonable(v) for k, v in extra.items()})
    return data


def to_json(data: dict) -> str:
    """Canonical JSON (sorted keys, no spaces): equal data gives equal text."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def current_user(session: Session) -> str:
    """Who is recorded as having made a change: the worker named in the vault's settings."""
    return settings.get(session, settings.WORKER_NAME, "") or ""


def last_version(session: Session, entity: str, uid: str) -> RecordVersion | None:
    return session.scalars(
        select(RecordVersion)
        .where(RecordVersion.entity == entity, RecordVersion.uid == uid)
        .order_by(RecordVersion.id.desc())
        .limit(1)
    ).first()


def versions(session: Session, entity: str, uid: str) -> list[RecordVersion]:
    """Every version of one record, oldest first (``json.loads(v.data)`` gives the snapshot)."""
    return list(
        session.scalars(
            select(RecordVersion)
            .where(RecordVersion.entity == entity, RecordVersion.uid == uid)
            .order_by(RecordVersion.id)
        )
    )


def changed_fields(before: dict | None, after: dict) -> list[str]:
    """Keys whose value differs (all keys for a first version), bookkeeping columns ignored."""
    keys = set(after) | set(before or {})
    return sorted(
        k for k in keys - _BOOKKEEPING if before is None or before.get(k) != after.get(k)
    )


def _append(session, obj, op, data, changed_by, fields) -> RecordVersion:
    row = RecordVersion(
        entity=obj.__tablename__,
        uid=obj.uid,
        version=obj.version,
        op=op,
        changed_at=utcnow(),
        changed_by=current_user(session) if changed_by is None else changed_by,
        data=to_json(data),
        changed_fields=",".join(fields),
    )
    session.add(row)
    return row


def _prepare(obj) -> None:
    # Column defaults apply only at flush: the snapshot needs them now.
    if obj.uid is None:
        obj.uid = new_uid()
    if obj.version is None:
        obj.version = 1
    now = utcnow()
    if obj.created_at is None:
        obj.created_at = now
    if obj.updated_at is None:
        obj.updated_at = now


def record_create(session: Session, obj, *, data: dict | None = None, changed_by: str | None = None) -> RecordVersion:
    """Log version 1 of a new record (already ``session.add``-ed or not; it is added)."""
    _prepare(obj)
    session.add(obj)
    if data is None:
        session.flush()  # fills remaining column defaults
        data = snapshot(obj)
    return _append(session, obj, CREATE, data, changed_by, changed_fields(None, data))


def record_update(
    session: Session, obj, *, data: dict | None = None, changed_by: str | None = None, force: bool = False
) -> RecordVersion | None:
    """Log a new version if the snapshot differs from the last logged one.

    Bumps ``version`` and ``updated_at``. Returns None (and bumps nothing) when
    nothing changed, unless ``force``.
    """
    _prepare(obj)
    session.flush()
    last = last_version(session, obj.__tablename__, obj.uid)
    before = json.loads(last.data) if last else None
    if data is None:
        data = snapshot(obj)
    fields = changed_fields(before, data)
    if not fields and not force:
        return None
    obj.version = (obj.version or 1) + 1
    obj.updated_at = utcnow()
    data = dict(data, version=obj.version, updated_at=jsonable(obj.updated_at))
    return _append(session, obj, UPDATE, data, changed_by, fields)


def record_delete(session: Session, obj, *, data: dict | None = None, changed_by: str | None = None) -> RecordVersion:
    """Make the record a tombstone (``deleted_at``) and log it; the row itself stays."""
    _prepare(obj)
    now = utcnow()
    obj.deleted_at = now
    obj.version = (obj.version or 1) + 1
    obj.updated_at = now
    session.flush()
    if data is None:
        data = snapshot(obj)
    data = dict(data, deleted_at=jsonable(now), version=obj.version, updated_at=jsonable(now))
    return _append(session, obj, DELETE, data, changed_by, ["deleted_at"])


# ---- the same in plain SQL (app.plain_sql), for the writes a worker waits on ------------------

_VERSIONS = plain_sql.rows(RecordVersion.__table__)
_WORKER = f"SELECT value FROM {Setting.__tablename__} WHERE key = ?"
_LAST = f"SELECT data FROM {RecordVersion.__tablename__} WHERE entity = ? AND uid = ? ORDER BY id DESC LIMIT 1"


def current_user_of(cur) -> str:
    """``current_user`` on a plain cursor."""
    row = cur.execute(_WORKER, (settings.WORKER_NAME,)).fetchone()
    return (row[0] if row is not None else settings.DEFAULTS.get(settings.WORKER_NAME, "")) or ""


def last_data(cur, entity: str, uid: str) -> dict | None:
    """The snapshot of the record's last logged version (None if it has none)."""
    row = cur.execute(_LAST, (entity, uid)).fetchone()
    return json.loads(row[0]) if row is not None else None


def append_plain(cur, entity: str, op: str, data: dict, fields: list[str], changed_by: str | None = None) -> None:
    """Log a version whose snapshot ``data`` (with its ``uid`` and ``version``) is final:
    the row ``_append`` makes, written at once on ``cur``."""
    _VERSIONS.insert(cur, {
        "entity": entity, "uid": data["uid"], "version": data["version"], "op": op, "changed_at": utcnow(),
        "changed_by": current_user_of(cur) if changed_by is None else changed_by,
        "data": to_json(data), "changed_fields": ",".join(fields),
    })


def bulk_rows(entity: str, records: Iterable[tuple[str, dict]], *, changed_by: str = "", at: datetime | None = None) -> list[dict]:
    """RecordVersion rows (as dicts for a Core ``insert``) for records created in bulk.

    ``records`` yields ``(uid, snapshot)``; used by the demo generator and importers
    that insert thousands of rows at once.
    """
    at = at or utcnow()
    out = []
    for uid, data in records:
        data = {k: jsonable(v) for k, v in data.items()}
        out.append(
            {
                "entity": entity, "uid": uid, "version": data.get("version", 1), "op": CREATE,
                "changed_at": at, "changed_by": changed_by, "data": to_json(data),
                "changed_fields": ",".join(changed_fields(None, data)),
            }
        )
    return out
