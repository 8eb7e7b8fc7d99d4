"""Check the records of a bundle against the record schema before anything is imported.

A trusted worker's Milieu could still send a malformed record (a bug, an edited vault):
``person_uids: 5`` or ``status: ["x"]`` stored at coordination would break every report.
Each record's ``data`` must hold only its entity's shared fields, each of its declared
type and size (docs/bundle-format.md, section 5.5); the first that does not is named.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from app.records import schema as S

PSEUDONYM_RE = re.compile(r"^p-[0-9a-f]{32}$")
UID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MAX_DATETIME = 32


class RecordProblem(ValueError):
    """One field of one record is not as declared (entity, uid, field, why)."""

    def __init__(self, entity: str, uid: str, field: str, why: str):
        super().__init__(f"record {entity} {uid}, field {field}: {why}")
        self.entity, self.uid, self.field, self.why = entity, uid, field, why


def _is_int(v) -> bool:
    return type(v) is int


def _is_date(v) -> bool:
    if not isinstance(v, str) or not DATE_RE.match(v):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_datetime(v) -> bool:
    if not isinstance(v, str) or len(v) > MAX_DATETIME or not DATE_RE.match(v[:10]):
        return False
    try:
        moment = datetime.fromisoformat(v)
    except ValueError:
        return False
    return moment.tzinfo is None  # local wall-clock time: compared with naive times


def _person_ref(v) -> bool:
    return isinstance(v, str) and (v == "" or PSEUDONYM_RE.match(v) is not None)


def _why(field: S.Field, v) -> str:
    """"" when ``v`` fits ``field``, else why not."""
    if v is None:
        return "" if field.nullable else "is null"
    kind = field.type
    if kind == S.TEXT:
        if not isinstance(v, str):
            return "is not a text"
        return f"is longer than {field.max_length} characters" if len(v) > field.max_length else ""
    if kind == S.INT:
        return "" if _is_int(v) else "is not an integer"
    if kind == S.BOOL:
        return "" if type(v) is bool else "is not true or false"
    if kind == S.DATE:
        return "" if _is_date(v) else "is not a date (YYYY-MM-DD)"
    if kind == S.DATETIME:
        return "" if _is_datetime(v) else "is not a local date and time (YYYY-MM-DDTHH:MM:SS)"
    if kind == S.UID:
        return "" if isinstance(v, str) and UID_RE.match(v) else "is not a record uid"
    if kind == S.PERSON_UID:
        return "" if _person_ref(v) else "is not a person pseudonym"
    if not isinstance(v, list):
        return "is not an array"
    if len(v) > field.max_length:
        return f"has more than {field.max_length} items"
    if kind == S.PERSON_UIDS:
        return "" if all(_person_ref(x) and x for x in v) else "holds something other than person pseudonyms"
    if kind == S.CODES:
        return "" if all(isinstance(x, str) and len(x) <= 40 for x in v) else "holds something other than codes"
    if kind == S.SUPPLY_PAIRS:
        ok = all(
            isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and UID_RE.match(x[0]) and _is_int(x[1])
            for x in v
        )
        return "" if ok else "holds something other than [item uid, quantity] pairs"
    if kind == S.CODE_SCORES:
        ok = all(isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and len(x[0]) <= 40
                 and _is_int(x[1]) and 1 <= x[1] <= 5 for x in v)
        return "" if ok else "holds something other than [item code, score 1 to 5] pairs"
    return f"has an undeclared type {kind}"  # pragma: no cover - the schema's own types only


def check_record(entity: str, uid: str, data: dict | None) -> None:
    declared = S.BY_NAME.get(entity)
    if declared is None:
        raise RecordProblem(entity, uid, "-", "this entity is not in the record schema")
    if data is None:
        return
    for name, value in data.items():
        field = declared.get(name)
        if field is None or not field.shared:
            raise RecordProblem(entity, uid, name, "this field is not shared by this entity")
        why = _why(field, value)
        if why:
            raise RecordProblem(entity, uid, name, why)


def check_records(records: list[dict]) -> None:
    """Raise RecordProblem for the first record (in bundle order) not as declared."""
    for rec in records:
        check_record(rec["entity"], rec["uid"], rec["data"])
