"""The record schema: every field of every shared entity, declared once.

For each entity (the ``RecordVersion.entity`` names history and bundles use) and each
field of its snapshot: the name, the type it has in the snapshot and in a bundle's
``data``, whether it is personal (may identify someone), and whether and how it is
shared with coordination (the privacy rule, app.sync.privacy). From this one
declaration come the bundle's privacy POLICY, the checks of every imported record
(app.records.validate), the field list of docs/bundle-format.md (section 5.5, checked
by a test), the demo generator's snapshots and the history screen's field names.
"""
from __future__ import annotations

from dataclasses import dataclass

# Privacy rules (docs/bundle-format.md, 5.3-5.4; what each means: app.sync.privacy).
KEEP = "keep"
PERSON = "person"
IDENTITY = "identity"
ALIAS = "alias"
PAIRS = "pairs"
LOCAL = None  # stays on the worker's machine

# Types, as the values are in a snapshot and in a bundle's data.
TEXT = "text"  # string
INT = "int"  # integer (not a boolean)
BOOL = "bool"
DATE = "date"  # "YYYY-MM-DD"
DATETIME = "datetime"  # ISO 8601 local wall-clock time, no zone ("YYYY-MM-DDTHH:MM:SS[.ffffff]")
UID = "uid"  # another record's uid
PERSON_UID = "person_uid"  # a person's uid; in a bundle its pseudonym "p-" + 32 hex
PERSON_UIDS = "person_uids"  # array of person uids / pseudonyms
CODES = "codes"  # array of code strings
SUPPLY_PAIRS = "supply_pairs"  # array of [supply item uid, integer quantity]
CODE_SCORES = "code_scores"  # array of [item code, integer score 1-5] (the staff questionnaire)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    share: str | None = KEEP  # privacy rule, or LOCAL
    personal: bool = False
    nullable: bool = False
    max_length: int = 200  # characters of a text, items of an array
    legacy: bool = False  # sent by earlier versions only: still accepted, never written now
    about: str = ""

    @property
    def shared(self) -> bool:
        return self.share is not LOCAL


def _text(name, max_length=200, share=KEEP, personal=False, about="", nullable=False):
    return Field(name, TEXT, share, personal, nullable, max_length, about=about)


NOTES = 20_000  # characters of free text
SYNC = (
    Field("uid", UID, LOCAL, about="the record's own uid (carried as the record's uid)"),
    Field("version", INT, about="grows by one with each change"),
    Field("created_at", DATETIME),
    Field("updated_at", DATETIME),
    Field("deleted_at", DATETIME, nullable=True, about="set on a tombstone"),
)


def _entity(*fields: Field) -> tuple[Field, ...]:
    return SYNC + fields


ENTITIES: dict[str, tuple[Field, ...]] = {
    "person": _entity(
        _text("alias", 120, ALIAS, True, "pseudonymous name, e.g. a nickname and a detail"),
        _text("first_name", 80, IDENTITY, True),
        Field("age_bracket", TEXT, nullable=True, max_length=40, about="code list age_bracket"),
        Field("gender", TEXT, nullable=True, max_length=40, about="code list gender"),
        _text("gender_self", 120, IDENTITY, True, "gender in the person's own words"),
        _text("languages", 200, about="language codes separated by spaces"),
        _text("notes", NOTES, IDENTITY, True),
        _text("consent_scope", 40, about="code list consent: none, alias, full"),
        Field("consent_on", DATE, nullable=True),
        _text("consent_notes", NOTES, IDENTITY, True),
        Field("archived_at", DATETIME, nullable=True),
        Field("groups", CODES, about="code list group"),
        Field("merged_into_uid", PERSON_UID, PERSON, True, nullable=True, about="the person this one was merged into"),
    ),
    "contact": _entity(
        Field("occurred_at", DATETIME),
        Field("duration_min", INT),
        _text("place_code", 40, about="code list place"),
        Field("unidentified_count", INT, about="persons present but not identified"),
        _text("initiated_by", 20, about="person, staff or worker"),
        _text("notes", NOTES, IDENTITY, True),
        Field("follow_up_on", DATE, nullable=True),
        Field("follow_up_done", BOOL),
        Field("share_with_supervision", BOOL, about="the worker's supervision mark (5.4)"),
        Field("person_uids", PERSON_UIDS, PERSON, True, max_length=1000),
        Field("types", CODES, about="code list contact_type"),
        Field("themes", CODES, about="code list theme"),
        Field("unmet_needs", CODES, about="code list unmet_need: asked for, could not be obtained"),
        Field("supplies", SUPPLY_PAIRS, PAIRS, max_length=1000),
        Field("persons", PERSON_UIDS, PERSON, True, max_length=1000, legacy=True),
    ),
    "referral": _entity(
        Field("contact_uid", UID, nullable=True),
        Field("person_uid", PERSON_UID, PERSON, True, nullable=True),
        _text("service_hsds_id", 64),
        _text("service_name", 300),
        _text("status", 20, about="proposed, accepted, accompanied, completed, declined"),
        Field("follow_up_on", DATE, nullable=True),
        Field("follow_up_done", BOOL),
        _text("outcome", 20, about="attained, not attained, unknown"),
        _text("notes", NOTES, IDENTITY, True),
    ),
    "supply_item": _entity(
        _text("name", 120),
        _text("unit", 40),
        Field("low_stock_level", INT),
        Field("sort_order", INT),
        Field("retired", BOOL),
        Field("stock_on_hand", INT, legacy=True),
    ),
    "stock_movement": _entity(
        Field("item_uid", UID),
        _text("kind", 12, about="received, given, adjusted"),
        Field("quantity", INT),
        Field("occurred_at", DATETIME),
        _text("note", NOTES, LOCAL, True),
        Field("contact_uid", UID, nullable=True),
    ),
    "conflict": _entity(
        Field("occurred_at", DATETIME),
        _text("place_code", 40),
        _text("parties", 20),
        Field("intensity", INT, about="1 to 5"),
        _text("action_taken", NOTES, LOCAL, True),
        _text("handled_by", 80),
        _text("outcome", 20),
        _text("notes", NOTES, LOCAL, True),
        Field("person_uids", PERSON_UIDS, PERSON, True, max_length=1000),
        Field("contact_uid", UID, nullable=True),
    ),
    "staff_support": _entity(
        Field("occurred_on", DATE),
        _text("kind", 20),
        _text("topic", 200, LOCAL, True),
        Field("staff_count", INT),
        Field("duration_min", INT),
        _text("notes", NOTES, LOCAL, True),
    ),
    "presence": _entity(
        Field("starts_on", DATE),
        _text("span", 4, about="day or week"),
        Field("library_min", INT),
        Field("street_min", INT),
        _text("note", NOTES, LOCAL, True),
    ),
    # The evaluation (issue 13): the library's own records, entities of their own so that
    # coordination never counts them as the worker's conflicts.
    "baseline_incident": _entity(
        Field("occurred_on", DATE),
        _text("occurred_time", 5, about="HH:MM or empty"),
        _text("zone", 80, about="the library's own name of the place"),
        _text("parties", 20, about="patron_patron, patron_staff, other or empty"),
        Field("intensity", INT, about="1 to 5"),
        Field("emergency", BOOL, about="police or ambulance came"),
        _text("source", 120, LOCAL, about="the imported file's name"),
        _text("import_key", 64, about="SHA-256 hex of the source row: one incident sent by two workers counts once"),
    ),
    "visit_count": _entity(
        Field("starts_on", DATE),
        _text("span", 5, about="day or month"),
        Field("visits", INT),
    ),
    # Anonymous: no team, no day, no time of answer leaves the machine; its round and scores only.
    "survey_response": (
        Field("uid", UID, LOCAL, about="the record's own uid (carried as the record's uid)"),
        Field("version", INT, about="grows by one with each change"),
        Field("created_at", DATETIME, LOCAL),
        Field("updated_at", DATETIME, LOCAL),
        Field("deleted_at", DATETIME, nullable=True, about="set on a tombstone"),
        Field("answered_on", DATE, LOCAL),
        _text("team", 60, LOCAL),
        _text("round", 20, about="e.g. 2025-03: the first round is compared with the latest"),
        _text("source", 8, LOCAL, about="paper or kiosk"),
        Field("answers", CODE_SCORES, PAIRS, max_length=50, about="[item code, score 1-5] pairs"),
    ),
    "code_item": _entity(
        _text("list_name", 32),
        _text("code", 40),
        _text("label_fr", 120),
        _text("label_en", 120),
        _text("category", 20),
        Field("sort_order", INT),
        Field("retired", BOOL),
    ),
}

BY_NAME: dict[str, dict[str, Field]] = {entity: {f.name: f for f in fields} for entity, fields in ENTITIES.items()}


def fields(entity: str) -> tuple[Field, ...]:
    return ENTITIES[entity]


def snapshot_fields(entity: str) -> list[str]:
    """The keys of today's history snapshot of ``entity`` (legacy fields aside)."""
    return [f.name for f in ENTITIES[entity] if not f.legacy]


def shared_fields(entity: str) -> dict[str, Field]:
    """What a bundle's ``data`` may hold for ``entity``."""
    return {f.name: f for f in ENTITIES[entity] if f.shared}


def privacy_policy() -> dict[str, dict[str, str]]:
    """{entity: {field: rule}} of the shared fields (app.sync.privacy.POLICY)."""
    return {entity: {f.name: f.share for f in flds if f.shared} for entity, flds in ENTITIES.items()}


def personal_fields(entity: str) -> list[str]:
    return [f.name for f in ENTITIES[entity] if f.personal]
