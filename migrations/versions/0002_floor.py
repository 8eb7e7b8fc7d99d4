"""Floor rounds: code lists, people, contacts, supplies (issue 3).

Revision ID: 0002
Revises: 0001
"""
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = ("floor",)
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


# Seed of the editable lists (DESIGN section 5): (code, French, English[, category]).
# Frozen at this revision: later changes to the seed belong in a new migration.
SEED = {
    "contact_type": [
        ("first_contact", "Premier contact, création de lien", "First contact, building a relationship"),
        ("listening", "Écoute", "Listening"),
        ("awareness", "Sensibilisation", "Awareness"),
        ("referral", "Référence", "Referral"),
        ("accompaniment", "Accompagnement", "Accompaniment"),
        ("crisis", "Intervention de crise", "Crisis intervention"),
        ("mediation", "Médiation", "Mediation"),
        ("emergency_supplies", "Dépannage d'urgence", "Emergency supplies"),
    ],
    "theme": [
        ("mental_health", "Santé mentale", "Mental health"),
        ("substance_use", "Consommation", "Substance use"),
        ("addiction", "Dépendances", "Addiction"),
        ("housing", "Itinérance et logement", "Homelessness and housing"),
        ("social_exclusion", "Isolement social", "Social exclusion"),
        ("economic_hardship", "Difficultés financières", "Economic hardship"),
        ("violence", "Violence", "Violence"),
        ("deviance", "Conduites à risque", "Risk behaviours"),
        ("physical_health", "Santé physique", "Physical health"),
        ("justice", "Justice", "Justice"),
        ("immigration", "Immigration", "Immigration"),
        ("family", "Famille", "Family"),
        ("food", "Alimentation", "Food"),
    ],
    "place": [
        ("lib_entrance", "Bibliothèque : entrée et accueil", "Library: entrance and desk", "library"),
        ("lib_adults", "Bibliothèque : section adultes", "Library: adult section", "library"),
        ("lib_youth", "Bibliothèque : section jeunesse", "Library: youth section", "library"),
        ("lib_computers", "Bibliothèque : postes informatiques", "Library: computers", "library"),
        ("lib_reading", "Bibliothèque : salle de lecture", "Library: reading room", "library"),
        ("lib_washrooms", "Bibliothèque : toilettes", "Library: washrooms", "library"),
        ("lib_outside", "Bibliothèque : parvis extérieur", "Library: outside forecourt", "library"),
        ("street_downtown", "Travail de rue : centre-ville", "Street work: downtown", "street"),
        ("elsewhere", "Ailleurs", "Elsewhere", "other"),
    ],
    "age_bracket": [
        ("age_under_18", "Moins de 18 ans", "Under 18"),
        ("age_18_24", "18 à 24 ans", "18 to 24"),
        ("age_25_34", "25 à 34 ans", "25 to 34"),
        ("age_35_49", "35 à 49 ans", "35 to 49"),
        ("age_50_64", "50 à 64 ans", "50 to 64"),
        ("age_65_plus", "65 ans et plus", "65 and over"),
    ],
    "gender": [
        ("man", "Homme", "Man"),
        ("woman", "Femme", "Woman"),
        ("non_binary", "Non binaire", "Non-binary"),
        ("self_described", "Autodéclaré", "Self-described"),
        ("not_stated", "Non précisé", "Not stated"),
    ],
    "language": [
        ("fr", "Français", "French"),
        ("en", "Anglais", "English"),
        ("es", "Espagnol", "Spanish"),
        ("ar", "Arabe", "Arabic"),
        ("uk", "Ukrainien", "Ukrainian"),
        ("atj", "Atikamekw", "Atikamekw"),
        ("other", "Autre langue", "Other language"),
    ],
    "group": [
        ("single_parent", "Parent seul", "Single parent"),
        ("newcomer", "Personne nouvellement arrivée", "Newcomer"),
        ("refugee", "Personne réfugiée", "Refugee"),
        ("youth", "Jeune", "Young person"),
        ("senior", "Personne aînée", "Senior"),
    ],
    "initiator": [
        ("person", "La personne", "The person"),
        ("staff", "Le personnel", "Library staff"),
        ("worker", "L'intervenant·e", "The worker"),
    ],
    "consent": [
        ("none", "Aucun partage nominatif", "No named sharing"),
        ("alias", "Pseudonyme et contacts", "Alias and contacts"),
        ("full", "Pseudonyme, prénom et notes", "Alias, first name and notes"),
    ],
}


def upgrade() -> None:
    code_item = op.create_table(
        "code_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_name", sa.String(32), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("label_fr", sa.String(120), nullable=False),
        sa.Column("label_en", sa.String(120), nullable=False),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_code_item"),
        sa.UniqueConstraint("list_name", "code", name="uq_code_item_list_code"),
        sa.UniqueConstraint("uid", name="uq_code_item_uid"),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(120), nullable=False),
        sa.Column("first_name", sa.String(80), nullable=False),
        sa.Column("search_key", sa.String(220), nullable=False),
        sa.Column("age_bracket", sa.String(40), nullable=True),
        sa.Column("gender", sa.String(40), nullable=True),
        sa.Column("gender_self", sa.String(120), nullable=False),
        sa.Column("languages", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("consent_scope", sa.String(40), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_notes", sa.Text(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("last_contact_at", sa.DateTime(), nullable=True),
        sa.Column("contact_count", sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["merged_into_id"], ["person.id"], name="fk_person_merged_into_id_person"),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
        sa.UniqueConstraint("uid", name="uq_person_uid"),
    )
    op.create_index("ix_person_last_contact_at", "person", ["last_contact_at"])
    op.create_index("ix_person_updated_at", "person", ["updated_at"])
    op.create_table(
        "person_group",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_person_group_person_id_person", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", "code", name="pk_person_group"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "supply_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("stock_on_hand", sa.Integer(), nullable=False),
        sa.Column("low_stock_level", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_supply_item"),
        sa.UniqueConstraint("uid", name="uq_supply_item_uid"),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("place_code", sa.String(40), nullable=False),
        sa.Column("unidentified_count", sa.Integer(), nullable=False),
        sa.Column("initiated_by", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("share_with_supervision", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_contact"),
        sa.UniqueConstraint("uid", name="uq_contact_uid"),
    )
    op.create_index("ix_contact_live_time", "contact", ["deleted_at", "occurred_at"])
    op.create_index("ix_contact_place", "contact", ["place_code", "deleted_at", "occurred_at"])
    op.create_index("ix_contact_follow_up", "contact", ["follow_up_done", "follow_up_on"])
    op.create_table(
        "contact_person",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name="fk_contact_person_contact_id_contact", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_contact_person_person_id_person"),
        sa.PrimaryKeyConstraint("contact_id", "person_id", name="pk_contact_person"),
        sqlite_with_rowid=False,  # link tables clustered on their key: half the pages to read
    )
    op.create_index("ix_contact_person_person", "contact_person", ["person_id", "contact_id"])
    for table, index in (("contact_type", "ix_contact_type_code"), ("contact_theme", "ix_contact_theme_code")):
        op.create_table(
            table,
            sa.Column("contact_id", sa.Integer(), nullable=False),
            sa.Column("code", sa.String(40), nullable=False),
            sa.ForeignKeyConstraint(
                ["contact_id"], ["contact.id"], name=f"fk_{table}_contact_id_contact", ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint("contact_id", "code", name=f"pk_{table}"),
            sqlite_with_rowid=False,
        )
        op.create_index(index, table, ["code", "contact_id"])
    op.create_table(
        "contact_supply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name="fk_contact_supply_contact_id_contact", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["item_id"], ["supply_item.id"], name="fk_contact_supply_item_id_supply_item"),
        sa.PrimaryKeyConstraint("id", name="pk_contact_supply"),
    )
    op.create_index("ix_contact_supply_contact_id", "contact_supply", ["contact_id"])
    op.create_index("ix_contact_supply_item_id", "contact_supply", ["item_id"])
    op.create_table(
        "stock_movement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["item_id"], ["supply_item.id"], name="fk_stock_movement_item_id_supply_item"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name="fk_stock_movement_contact_id_contact"),
        sa.PrimaryKeyConstraint("id", name="pk_stock_movement"),
        sa.UniqueConstraint("uid", name="uq_stock_movement_uid"),
    )
    op.create_index("ix_stock_movement_item_id", "stock_movement", ["item_id"])
    op.create_index("ix_stock_movement_contact_id", "stock_movement", ["contact_id"])

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = []
    for list_name, items in SEED.items():
        for order, item in enumerate(items):
            code, label_fr, label_en = item[:3]
            rows.append(
                {
                    "list_name": list_name, "code": code, "label_fr": label_fr, "label_en": label_en,
                    "category": item[3] if len(item) > 3 else "", "sort_order": (order + 1) * 10,
                    "retired": False, "uid": str(uuid.uuid4()), "version": 1,
                    "created_at": now, "updated_at": now, "deleted_at": None,
                }
            )
    op.bulk_insert(code_item, rows)


def downgrade() -> None:
    for table in (
        "stock_movement", "contact_supply", "contact_theme", "contact_type", "contact_person",
        "contact", "supply_item", "person_group", "person", "code_item",
    ):
        op.drop_table(table)
