"""Encrypted drafts of forms being typed.

Drafts live in the encrypted database, so they survive a lock (saved just before
the key is dropped) and a crash (forms save them as the user types).
"""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from app import plain_sql
from models import Draft

# load and discard run with every contact saved (the panel's draft goes with it): plain SQL.
_LOAD = f"SELECT payload FROM {Draft.__tablename__} WHERE form_id = ?"
_DISCARD = f"DELETE FROM {Draft.__tablename__} WHERE form_id = ?"


def save(session: Session, form_id: str, values: dict[str, Any]) -> None:
    payload = json.dumps(values, ensure_ascii=False, sort_keys=True)
    row = session.get(Draft, form_id)
    if row is None:
        session.add(Draft(form_id=form_id, payload=payload))
    elif row.payload != payload:
        row.payload = payload


def load(session: Session, form_id: str) -> dict[str, Any] | None:
    row = plain_sql.cursor(session).execute(_LOAD, (form_id,)).fetchone()
    return json.loads(row[0]) if row is not None else None


def discard(session: Session, form_id: str) -> None:
    plain_sql.cursor(session).execute(_DISCARD, (form_id,))
    held = session.identity_map.get(session.identity_key(Draft, (form_id,)))
    if held is not None:  # gone from the database: the Session forgets it too
        session.expunge(held)
