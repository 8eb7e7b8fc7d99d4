"""Coordination: the evaluation's typed tables (issue 13 on the coordination side).

Baseline incidents, visit counts, questionnaire answers, contacts' unmet needs, persons'
groups and conflicts with police or an ambulance, decoded from the imported records as
0007 does for the report's tables. An existing coordination vault's raw snapshots are
decoded here once, so its evaluation gives the same figures after.

Revision ID: 0010
Revises: 0007
"""
import json

import sqlalchemy as sa
from alembic import op

from models import coordination_evaluation as coord_eval

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    bind = op.get_bind()
    for table in coord_eval.ALL:  # no foreign keys between them: any order
        table.create(bind)
    records = sa.table(
        "sync_record", sa.column("id"), sa.column("peer_id"), sa.column("entity"), sa.column("uid"),
        sa.column("deleted"), sa.column("data"),
    )
    query = sa.select(records.c.peer_id, records.c.entity, records.c.uid, records.c.data).where(
        records.c.deleted.is_(False), records.c.data.is_not(None), records.c.entity.in_(sorted(coord_eval.TABLES))
    ).order_by(records.c.id)
    batch: dict = {}
    for peer_id, entity, uid, text in bind.execute(query):
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for table, row in coord_eval.decode(entity, uid, data):
            rows = batch.setdefault(table.name, (table, []))[1]
            rows.append({"peer_id": peer_id, **row})
            if len(rows) >= BATCH:
                bind.execute(table.insert(), rows)
                rows.clear()
    for table, rows in batch.values():
        if rows:
            bind.execute(table.insert(), rows)


def downgrade() -> None:
    bind = op.get_bind()
    for table in coord_eval.ALL:
        table.drop(bind)
