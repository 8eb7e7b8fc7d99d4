"""Steps every activity record service takes the same way (conflicts, staff support)."""
from __future__ import annotations

from typing import Iterable, TypeVar

from sqlalchemy.orm import Session

from app.validation import NOT_FOUND, Collector

Record = TypeVar("Record")


def get_live(session: Session, model: type[Record], record_id: int, missing: str) -> Record:
    """The record, or ValidationFailed (field "id", NOT_FOUND) when absent or deleted (tombstone)."""
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        check = Collector()
        check.add("id", NOT_FOUND, missing)
        check.raise_if_any()
    return record


def merged_fields(record, fields: Iterable[str], changes: dict) -> dict:
    """The record's current values with the given changes on top; keys outside ``fields`` are ignored,
    so an update validates the whole record, not only what changed."""
    fields = tuple(fields)
    values = {name: getattr(record, name) for name in fields}
    values.update({k: v for k, v in changes.items() if k in fields})
    return values
