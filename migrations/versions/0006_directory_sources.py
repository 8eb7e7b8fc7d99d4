"""Directory sources (issue 11): HTML source texts, source ids of non-UUID records,
and the directory La Piaule publishes for its workers.

Revision ID: 0006
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = ("0004",)  # bundle_sent (receipts of bundles)


def upgrade() -> None:
    for table in ("dir_organization", "dir_service", "dir_location"):
        op.add_column(table, sa.Column("description_source", sa.Text(), nullable=True))
    # A service from La Piaule's directory file: its item's hash, and what the last file did to it.
    op.add_column("dir_service", sa.Column("published_hash", sa.String(length=64), nullable=True))
    op.add_column("dir_service", sa.Column("publication_change", sa.String(length=20), nullable=True))
    op.add_column("bundle_sent", sa.Column("receipt_at", sa.DateTime(), nullable=True))
    op.create_table(
        "dir_source_id",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("hsds_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dir_source_id")),
        sa.UniqueConstraint("entity", "hsds_id", name=op.f("uq_dir_source_id_entity")),
    )


def downgrade() -> None:
    op.drop_table("dir_source_id")
    with op.batch_alter_table("bundle_sent") as batch:
        batch.drop_column("receipt_at")
    with op.batch_alter_table("dir_service") as batch:
        batch.drop_column("publication_change")
        batch.drop_column("published_hash")
    for table in ("dir_location", "dir_service", "dir_organization"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("description_source")
