"""Conflicts of use, staff support, presence hours (issue 6).

Revision ID: 0005
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0001"
branch_labels = ("activity",)
depends_on = ("0002",)  # conflict -> contact, person


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    # Report indexes on the floor's tables (see models/activity.py).
    op.create_index("ix_contact_report", "contact", ["deleted_at", "occurred_at", "unidentified_count"])
    op.create_index("ix_person_report", "person", ["age_bracket", "gender"])
    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("place_code", sa.String(40), nullable=False),
        sa.Column("parties", sa.String(20), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.Column("handled_by", sa.String(80), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name="fk_conflict_contact_id_contact", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_conflict"),
        sa.UniqueConstraint("uid", name="uq_conflict_uid"),
    )
    op.create_index("ix_conflict_live_time", "conflict", ["deleted_at", "occurred_at"])
    op.create_index("ix_conflict_contact_id", "conflict", ["contact_id"])
    op.create_table(
        "conflict_person",
        sa.Column("conflict_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conflict_id"], ["conflict.id"], name="fk_conflict_person_conflict_id_conflict", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_conflict_person_person_id_person"),
        sa.PrimaryKeyConstraint("conflict_id", "person_id", name="pk_conflict_person"),
    )
    op.create_table(
        "staff_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("staff_count", sa.Integer(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_staff_support"),
        sa.UniqueConstraint("uid", name="uq_staff_support_uid"),
    )
    op.create_index("ix_staff_support_live_day", "staff_support", ["deleted_at", "occurred_on"])
    op.create_table(
        "presence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("span", sa.String(4), nullable=False),
        sa.Column("library_min", sa.Integer(), nullable=False),
        sa.Column("street_min", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_presence"),
        sa.UniqueConstraint("uid", name="uq_presence_uid"),
    )
    op.create_index("ix_presence_live_day", "presence", ["deleted_at", "starts_on"])


def downgrade() -> None:
    op.drop_table("presence")
    op.drop_table("staff_support")
    op.drop_table("conflict_person")
    op.drop_table("conflict")
    op.drop_index("ix_person_report", "person")
    op.drop_index("ix_contact_report", "contact")
