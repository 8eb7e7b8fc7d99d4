"""Stable HSDS 3 ids for sources whose ids are not UUIDs ("136").

The id becomes uuid5(namespace, source, table, id): the same source imported
again lands on the same records (an update in place), and every export carries
the UUIDs the HSDS 3 schema asks for. The source's own id is kept beside it.
"""
from __future__ import annotations

import hashlib
import re
import uuid
from functools import lru_cache

NAMESPACE = uuid.UUID("5f0c7a52-3c1b-4d0e-9b8e-2a6f1d4c9e37")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_uuid(value: str) -> bool:
    return _UUID.match(value) is not None


def uuid5_text(namespace: uuid.UUID, name: str) -> str:
    """str(uuid.uuid5(namespace, name)), without building UUID objects (an import makes ~200,000)."""
    digest = bytearray(hashlib.sha1(namespace.bytes + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _uuid5(name: str) -> str:
    return uuid5_text(NAMESPACE, name)


@lru_cache(maxsize=1 << 18)
def stable_id(source: str, entity: str, raw: str) -> str:
    """``raw`` itself when it is a UUID, else the UUID this source's record always gets."""
    if _UUID.match(raw):
        return raw
    return _uuid5(f"{source}\x1f{entity}\x1f{raw}")


def generated_id(source: str, entity: str, *parts) -> str:
    """An id for a row the source gives none (or a reused one): from what the row says."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return _uuid5(f"{source}\x1f{entity}\x1fgenerated\x1f{key}")
