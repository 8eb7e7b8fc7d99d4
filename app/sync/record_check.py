"""The record schema applied to a decrypted bundle: a malformed record refuses the whole
bundle, naming the record and the field (nothing is imported)."""
from __future__ import annotations

from app.records.validate import RecordProblem, check_records as _check
from app.sync.errors import RecordInvalid


def check_records(records: list[dict]) -> None:
    try:
        _check(records)
    except RecordProblem as problem:
        raise RecordInvalid(
            f"The bundle's {problem}; nothing of this bundle was imported (ask the worker to update Milieu)."
        ) from None
