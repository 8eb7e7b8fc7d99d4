"""Erase fields of many records at once, in the records and in their history.

Retention must leave no copy of what it erases: each record's earlier versions in
``record_version`` are rewritten without those fields, and one new version is logged
per record so the next bundle narrows La Piaule's copy the same way.
"""
from __future__ import annotations

import json
from typing import Callable, Iterable

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.history import UPDATE, to_json
from models.base import utcnow
from models.history import RecordVersion

CHUNK = 500


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def scrub(
    session: Session, table: Table, targets: dict[int, str], values: Callable[[int], dict], *, changed_by: str
) -> int:
    """Set ``values(id)`` on each record ``targets`` (id -> uid), rewrite its history, log a new version.

    Returns how many records were changed. ``values`` gives the column values to write
    (e.g. ``{"notes": ""}``); the same keys are overwritten in every logged snapshot.
    """
    if not targets:
        return 0
    entity = table.name
    now = utcnow()
    now_text = now.isoformat()
    ids = sorted(targets)
    for chunk in _chunks(ids):
        session.execute(
            update(table).where(table.c.id == bindparam("b_id")).values(
                {**{k: bindparam(f"b_{k}") for k in values(chunk[0])}, "version": table.c.version + 1,
                 "updated_at": now}
            ),
            [{"b_id": i, **{f"b_{k}": v for k, v in values(i).items()}} for i in chunk],
            execution_options={"synchronize_session": False},
        )
    by_uid = {uid: i for i, uid in targets.items()}
    latest: dict[str, dict] = {}
    rewrites = []
    for chunk in _chunks(sorted(by_uid)):
        rows = session.execute(
            select(RecordVersion.id, RecordVersion.uid, RecordVersion.data)
            .where(RecordVersion.entity == entity, RecordVersion.uid.in_(chunk))
            .order_by(RecordVersion.id)
        )
        for row_id, uid, text in rows:
            data = json.loads(text)
            data.update({k: v for k, v in values(by_uid[uid]).items() if k in data})
            rewrites.append({"b_id": row_id, "b_data": to_json(data)})
            latest[uid] = data
    if rewrites:
        session.execute(
            update(RecordVersion.__table__).where(RecordVersion.__table__.c.id == bindparam("b_id"))
            .values(data=bindparam("b_data")),
            rewrites,
            execution_options={"synchronize_session": False},
        )
    new_rows = []
    for uid, data in latest.items():
        data = dict(data, version=int(data.get("version", 1)) + 1, updated_at=now_text)
        new_rows.append({
            "entity": entity, "uid": uid, "version": data["version"], "op": UPDATE, "changed_at": now,
            "changed_by": changed_by, "data": to_json(data), "changed_fields": ",".join(sorted(values(by_uid[uid]))),
        })
    if new_rows:
        session.execute(RecordVersion.__table__.insert(), new_rows)
    return len(ids)
