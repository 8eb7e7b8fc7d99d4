"""Coordination: typed tables decoded from the imported records (issue 15).

An existing coordination vault's records are decoded here once, from the raw
snapshots that ``sync_record`` keeps, so its reports give the same figures after.

Revision ID: 0007
Revises: 0004
"""
import json

import sqlalchemy as sa
from alembic import op

from models import coordination as coord

revision = "0007"
down_revision = "0004"
branch_labels = ("coordination",)
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    for table in coord.ALL:  # no foreign keys between them: any order
        table.create(bind)
    records = sa.table(
        "sync_record", sa.column("peer_id"), sa.column("entity"), sa.column("uid"),
        sa.column("deleted"), sa.column("data"),
    )
    query = sa.select(records.c.peer_id, records.c.entity, records.c.uid, records.c.data).where(
        records.c.deleted.is_(False), records.c.data.is_not(None), records.c.entity.in_(list(coord.TABLES))
    )
    batch: dict = {}
    for peer_id, entity, uid, text in bind.execute(query).fetchall():
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for table, row in coord.decode(entity, uid, data):
            batch.setdefault(table.name, (table, []))[1].append({"peer_id": peer_id, **row})
    for table, rows in batch.values():
        for start in range(0, len(rows), 5000):
            bind.execute(table.insert(), rows[start : start + 5000])
    for peer_id in sorted({row["peer_id"] for _table, rows in batch.values() for row in rows}):
        coord.refresh_rollups(bind, peer_id)


def downgrade() -> None:
    bind = op.get_bind()
    for table in coord.ALL:
        table.drop(bind)
