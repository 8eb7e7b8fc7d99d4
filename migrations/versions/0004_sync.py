"""Bundles: keys, peers, bundles sent and received, coordination copy of records.

Revision ID: 0004
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = ("sync",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_key",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("algorithm", sa.String(16), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("public", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sync_key"),
    )
    op.create_table(
        "sync_peer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("signing_public", sa.LargeBinary(), nullable=False),
        sa.Column("receiving_public", sa.LargeBinary(), nullable=True),
        sa.Column("key_id", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_peer"),
        sa.UniqueConstraint("key_id", name="uq_sync_peer_key_id"),
    )
    op.create_table(
        "bundle_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("weeks", sa.String(400), nullable=False),
        sa.Column("last_change_id", sa.Integer(), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("recipient_key_id", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bundle_sent"),
        sa.UniqueConstraint("sequence", name="uq_bundle_sent_sequence"),
        sa.UniqueConstraint("sha256", name="uq_bundle_sent_sha256"),
    )
    op.create_table(
        "bundle_received",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("weeks", sa.String(400), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["peer_id"], ["sync_peer.id"], name="fk_bundle_received_peer_id_sync_peer"),
        sa.PrimaryKeyConstraint("id", name="pk_bundle_received"),
        sa.UniqueConstraint("sha256", name="uq_bundle_received_sha256"),
    )
    op.create_index("ix_bundle_received_peer_id", "bundle_received", ["peer_id"])
    op.create_table(
        "sync_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("uid", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("bundle_sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["peer_id"], ["sync_peer.id"], name="fk_sync_record_peer_id_sync_peer"),
        sa.PrimaryKeyConstraint("id", name="pk_sync_record"),
        sa.UniqueConstraint("peer_id", "entity", "uid", name="uq_sync_record_peer_id"),
    )
    op.create_index("ix_sync_record_entity", "sync_record", ["entity"])


def downgrade() -> None:
    op.drop_index("ix_sync_record_entity", "sync_record")
    op.drop_table("sync_record")
    op.drop_index("ix_bundle_received_peer_id", "bundle_received")
    op.drop_table("bundle_received")
    op.drop_table("bundle_sent")
    op.drop_table("sync_peer")
    op.drop_table("sync_key")
