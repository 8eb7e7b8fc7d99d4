"""The pilot's evaluation: baseline incidents, visits, unmet needs, staff questionnaire (issue 13).

Revision ID: 0008
Revises: 0005
"""
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = ("evaluation",)
depends_on = ("0002",)  # contact_unmet_need -> contact; code_item seed

# Frozen at this revision (code, French, English): the worker edits both lists.
SEED = {
    "unmet_need": [
        ("shelter_bed", "Place en hébergement d'urgence", "Emergency shelter bed"),
        ("detox_place", "Place en désintoxication", "Detox place"),
        ("family_doctor", "Médecin de famille", "Family doctor"),
        ("food_tonight", "Aide alimentaire ouverte ce soir", "Food bank open tonight"),
        ("mental_health_care", "Suivi en santé mentale", "Mental health follow-up"),
        ("housing", "Logement", "Housing"),
        ("transport", "Transport", "Transport"),
    ],
    "staff_survey": [
        ("feel_safe", "Je me sens en sécurité au travail", "I feel safe at work"),
        ("approach_distress", "Je sais comment aborder une personne en détresse",
         "I know how to approach a person in distress"),
        ("know_whom_to_call", "Je sais qui appeler", "I know whom to call"),
        ("supported", "Je me sens soutenu·e face aux situations difficiles", "I feel supported in difficult situations"),
        ("conflicts_handled", "Les conflits sont mieux gérés qu'avant", "Conflicts are handled better than before"),
    ],
}


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "baseline_incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("occurred_time", sa.String(5), nullable=False),
        sa.Column("zone", sa.String(80), nullable=False),
        sa.Column("parties", sa.String(20), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("import_key", sa.String(64), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_baseline_incident"),
        sa.UniqueConstraint("uid", name="uq_baseline_incident_uid"),
        sa.UniqueConstraint("import_key", name="uq_baseline_incident_import_key"),
    )
    op.create_index("ix_baseline_incident_live_day", "baseline_incident", ["deleted_at", "occurred_on"])
    op.create_table(
        "visit_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("span", sa.String(5), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_visit_count"),
        sa.UniqueConstraint("uid", name="uq_visit_count_uid"),
        sa.UniqueConstraint("starts_on", "span", name="uq_visit_count_starts_on"),
    )
    op.create_table(
        "survey_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("team", sa.String(60), nullable=False),
        sa.Column("round", sa.String(20), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_survey_response"),
        sa.UniqueConstraint("uid", name="uq_survey_response_uid"),
    )
    op.create_index("ix_survey_response_live_round", "survey_response", ["deleted_at", "round"])
    op.create_table(
        "survey_answer",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["response_id"], ["survey_response.id"],
                                name="fk_survey_answer_response_id_survey_response", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("response_id", "item_code", name="pk_survey_answer"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "contact_unmet_need",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name="fk_contact_unmet_need_contact_id_contact",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id", "code", name="pk_contact_unmet_need"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_contact_unmet_need_code", "contact_unmet_need", ["code", "contact_id"])

    code_item = sa.table(
        "code_item", *(sa.column(name) for name in (
            "list_name", "code", "label_fr", "label_en", "category", "sort_order", "retired",
            "uid", "version", "created_at", "updated_at", "deleted_at",
        ))
    )
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    op.bulk_insert(code_item, [
        {"list_name": list_name, "code": code, "label_fr": fr, "label_en": en, "category": "",
         "sort_order": (order + 1) * 10, "retired": False, "uid": str(uuid.uuid4()), "version": 1,
         "created_at": now, "updated_at": now, "deleted_at": None}
        for list_name, items in SEED.items() for order, (code, fr, en) in enumerate(items)
    ])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM code_item WHERE list_name IN ('unmet_need', 'staff_survey')"))
    for table in ("contact_unmet_need", "survey_answer", "survey_response", "visit_count", "baseline_incident"):
        op.drop_table(table)
