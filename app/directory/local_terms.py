"""The worker's local knowledge, carried in HSDS files as attributes of a "milieu" taxonomy.

A Milieu export writes every local field of every service this way, so a round
trip keeps them; other HSDS readers see ordinary taxonomy attributes.
"""
from __future__ import annotations

import uuid
from functools import lru_cache

from app.directory.formats.ids import uuid5_text

TAXONOMY = "milieu"
_NAMESPACE = uuid.UUID("9b1f3c1e-5d1e-4f64-9a55-6d0c3e0f2a10")

# code -> (service column, kind, term name shown by other HSDS readers)
LOCAL_FIELDS = {
    "local_notes": ("local_notes", "text", "Notes locales"),
    "free": ("is_free", "bool", "Gratuit"),
    "walk_in": ("walk_in", "bool", "Sans rendez-vous"),
    "closed_on_holidays": ("closed_on_holidays", "bool", "Fermé les jours fériés"),
}


@lru_cache(maxsize=None)
def term_id(code: str) -> str:
    return uuid5_text(_NAMESPACE, f"term:{code}")


def attribute_id(service_hsds_id: str, code: str) -> str:
    return uuid5_text(_NAMESPACE, f"attribute:{service_hsds_id}:{code}")


def is_local_term(term: dict) -> bool:
    return (term.get("taxonomy") or "").strip().lower() == TAXONOMY and term.get("code") in LOCAL_FIELDS


def parse_bool(value) -> bool | None:
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "oui"):
        return True
    if text in ("false", "0", "no", "non", ""):
        return False
    return None
