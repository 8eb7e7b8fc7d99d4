"""Encrypted drafts of forms being typed.

Drafts live in the encrypted database, so they survive a lock (saved just before
the key is dropped) and a crash (forms save them as the user types).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from models import Draft


def save(session: Session, form_id: str, values: dict[str, Any]) -> None:
    payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
    row = session.get(Draft, form_id)
    if row is None:
        session.add(Draft(form_id=form_id, payload=payload))
    elif row.payload != payload:
        row.payload = payload


def load(session: Session, form_id: str) -> dict[str, Any] | None:
    row = session.get(Draft, form_id)
    return json.loads(row.payload) if row is not None else None


def discard(session: Session, form_id: str) -> None:
    row = session.get(Draft, form_id)
    if row is not None:
        session.delete(row)
