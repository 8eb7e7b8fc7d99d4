"""Coordination: each person's age bracket and gender beside their first and last day,
and the indexes the report counts people and monthly codes through (issue 15, the 5-year report of 100
workers under a second).

Migration 0007 builds the coordination tables from the current models, so a store made
since already has these columns and indexes: each step here is skipped when done.

Revision ID: 0011
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0007"
branch_labels = None
depends_on = None

SEEN = "coord_person_seen"
OLD_INDEX = "ix_coord_person_seen_first"
MONTH_CODE, OLD_MONTH_INDEX, MONTH_INDEX = "coord_month_code", "ix_coord_month_code_month", "ix_coord_month_code_kind"
MONTH_COLUMNS = ["kind", "month", "code", "n", "peer_id"]  # one kind's months: a tight range
INDEXES = {
    "ix_coord_person_seen_new": ["first_day", "first_month", "age_bracket", "gender", "peer_id"],
    "ix_coord_person_seen_peer_new": ["peer_id", "first_day", "first_month", "age_bracket", "gender"],
    "ix_coord_person_seen_last": ["last_day", "first_day"],
}


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    columns = {c["name"] for c in inspector.get_columns(SEEN)}
    indexes = {i["name"] for i in inspector.get_indexes(SEEN)}
    if "age_bracket" not in columns:
        op.add_column(SEEN, sa.Column("age_bracket", sa.String(200)))
        op.add_column(SEEN, sa.Column("gender", sa.String(200)))
        seen = sa.table(SEEN, sa.column("peer_id"), sa.column("person_uid"), sa.column("age_bracket"),
                        sa.column("gender"))
        person = sa.table("coord_person", sa.column("peer_id"), sa.column("uid"), sa.column("age_bracket"),
                          sa.column("gender"))
        match = sa.and_(person.c.peer_id == seen.c.peer_id, person.c.uid == seen.c.person_uid)
        bind.execute(seen.update().values(
            age_bracket=sa.select(person.c.age_bracket).where(match).scalar_subquery(),
            gender=sa.select(person.c.gender).where(match).scalar_subquery(),
        ))
    if OLD_INDEX in indexes:
        op.drop_index(OLD_INDEX, table_name=SEEN)
    for name, cols in INDEXES.items():
        if name not in indexes:
            op.create_index(name, SEEN, cols)
    month_indexes = {i["name"] for i in inspector.get_indexes(MONTH_CODE)}
    if OLD_MONTH_INDEX in month_indexes:
        op.drop_index(OLD_MONTH_INDEX, table_name=MONTH_CODE)
    if MONTH_INDEX not in month_indexes:
        op.create_index(MONTH_INDEX, MONTH_CODE, MONTH_COLUMNS)


def downgrade() -> None:
    op.drop_index(MONTH_INDEX, table_name=MONTH_CODE)
    op.create_index(OLD_MONTH_INDEX, MONTH_CODE, ["month", "kind", "code", "n"])
    for name in INDEXES:
        op.drop_index(name, table_name=SEEN)
    op.create_index(OLD_INDEX, SEEN, ["first_day", "last_day"])
    with op.batch_alter_table(SEEN) as batch:
        batch.drop_column("gender")
        batch.drop_column("age_bracket")
