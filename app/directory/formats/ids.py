"""Stable HSDS 3 ids for sources whose ids are not UUIDs ("136").

The id becomes uuid5(namespace, source, table, id): the same source imported
again lands on the same records (an update in place), and every export carries
the UUIDs the HSDS 3 schema asks for. The source's own id is kept beside it.
"""
from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("5f0c7a52-3c1b-4d0e-9b8e-2a6f1d4c9e37")


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36


def stable_id(source: str, entity: str, raw: str) -> str:
    """``raw`` itself when it is a UUID, else the UUID this source's record always gets."""
    if is_uuid(raw):
        return raw
    return str(uuid.uuid5(NAMESPACE, f"{source}\x1f{entity}\x1f{raw}"))


def generated_id(source: str, entity: str, *parts) -> str:
    """An id for a row the source gives none (or a reused one): from what the row says."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return str(uuid.uuid5(NAMESPACE, f"{source}\x1f{entity}\x1fgenerated\x1f{key}"))
