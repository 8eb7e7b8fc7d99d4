"""The importer's decode step: each imported record, once, into the typed coordination
tables (models.coordination), which reports and dashboards read with SQL.

``apply`` replaces the typed rows of the records a bundle changed: a new snapshot
(also a narrowed share, which carries fewer fields) gives its new rows, a tombstone
or a record a full refresh no longer holds gives none.
"""
from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import collector
from models import coordination as coord
from models import coordination_evaluation as coord_eval
from models.sync import SyncRecord

CHUNK = 500  # uids per IN (...): well under every engine's parameter limit
# The report's tables, then the evaluation's (issue 13): entity -> the tables it fills.
TABLES = {e: coord.TABLES.get(e, ()) + coord_eval.TABLES.get(e, ()) for e in {**coord.TABLES, **coord_eval.TABLES}}
ALL = coord.ALL + coord_eval.ALL


def rows_of(entity: str, uid: str, data: dict | None) -> list[tuple]:
    """Every typed row of one snapshot: the report's and the evaluation's."""
    return coord.decode(entity, uid, data) + coord_eval.decode(entity, uid, data)


def apply(session: Session, peer_id: int, changed: Iterable[tuple[str, str, dict | None]],
          *, fresh: bool = False, rollups: bool = True) -> int:
    """Decode ``changed`` (entity, uid, snapshot or None) of one worker into the typed tables,
    then remake the worker's roll-ups (unless ``rollups`` is False: the caller does it).
    ``fresh``: none of these records has typed rows yet (skips the deletes). Returns rows written."""
    by_entity: dict[str, list[str]] = {}
    rows: dict[str, tuple] = {}
    for entity, uid, data in changed:
        if entity not in TABLES:
            continue
        by_entity.setdefault(entity, []).append(uid)
        for table, row in rows_of(entity, uid, data):
            row["peer_id"] = peer_id
            rows.setdefault(table.name, (table, []))[1].append(row)
    if not fresh:
        for entity, uids in by_entity.items():
            for table in TABLES[entity]:
                key = table.c.contact_uid if "contact_uid" in table.c and entity == "contact" else table.c.uid
                for start in range(0, len(uids), CHUNK):
                    session.execute(delete(table).where(table.c.peer_id == peer_id,
                                                        key.in_(uids[start : start + CHUNK])))
    written = 0
    for table, batch in rows.values():
        session.execute(table.insert(), batch)
        written += len(batch)
        collector.release(batch)  # freed one by one
    if by_entity and rollups:
        coord.refresh_rollups(session, peer_id)
    return written


def rebuild(session: Session, peer_id: int | None = None) -> int:
    """Decode every stored snapshot again (one worker or all): the typed tables from the raw copy."""
    for table in ALL:
        query = delete(table)
        session.execute(query if peer_id is None else query.where(table.c.peer_id == peer_id))
    query = select(SyncRecord.peer_id, SyncRecord.entity, SyncRecord.uid, SyncRecord.data).where(
        SyncRecord.deleted.is_(False), SyncRecord.data.is_not(None), SyncRecord.entity.in_(sorted(TABLES))
    )
    if peer_id is not None:
        query = query.where(SyncRecord.peer_id == peer_id)
    per_peer: dict[int, list] = {}
    for peer, entity, uid, text in session.execute(query):
        per_peer.setdefault(peer, []).append((entity, uid, json.loads(text)))
    written = 0
    for peer, items in per_peer.items():
        written += apply(session, peer, items, fresh=True)
        coord.refresh_rollups(session, peer)
    return written
