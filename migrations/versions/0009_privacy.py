"""Law 25: consents per purpose, requests register, confidentiality incidents, anonymised people (issue 14).

Revision ID: 0009
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0001"
branch_labels = ("privacy",)
depends_on = ("0002",)  # -> person


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("anonymised_at", sa.DateTime(), nullable=True))
    op.create_table(
        "person_consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("by_guardian", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_person_consent_person_id_person",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_person_consent"),
    )
    op.create_index("ix_person_consent_person_id", "person_consent", ["person_id"])
    op.create_table(
        "privacy_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_privacy_request_person_id_person",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_privacy_request"),
    )
    op.create_table(
        "confidentiality_incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("information", sa.Text(), nullable=False),
        sa.Column("circumstances", sa.Text(), nullable=False),
        sa.Column("occurred_from", sa.Date(), nullable=False),
        sa.Column("occurred_to", sa.Date(), nullable=True),
        sa.Column("known_on", sa.Date(), nullable=False),
        sa.Column("people_count", sa.Integer(), nullable=False),
        sa.Column("risk_assessment", sa.Text(), nullable=False),
        sa.Column("serious_risk", sa.Boolean(), nullable=False),
        sa.Column("cai_notice_on", sa.Date(), nullable=True),
        sa.Column("people_notice_on", sa.Date(), nullable=True),
        sa.Column("public_notice_on", sa.Date(), nullable=True),
        sa.Column("public_notice_why", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_confidentiality_incident"),
    )
    # Existing single consents become the sharing purpose (consent_scope stays its level: alias | full).
    op.execute(
        "INSERT INTO person_consent (person_id, purpose, given_on, withdrawn_on, by_guardian, recorded_at) "
        "SELECT id, 'supervision', COALESCE(consent_on, date(created_at)), NULL, FALSE, CURRENT_TIMESTAMP "
        "FROM person WHERE consent_scope != 'none' AND deleted_at IS NULL"
    )


def downgrade() -> None:
    op.drop_table("confidentiality_incident")
    op.drop_table("privacy_request")
    op.drop_index("ix_person_consent_person_id", "person_consent")
    op.drop_table("person_consent")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("anonymised_at")
