"""Draft operations: what a form holds, kept encrypted as it is typed (app.drafts)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import drafts
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation

DRAFT = Changes.of(Entity.DRAFT)


@operation(Entity.DRAFT)
def save_draft(session: Session, form_id: str, values: dict[str, Any]) -> Done:
    drafts.save(session, form_id, values)
    return Done(DRAFT, form_id)


@operation(Entity.DRAFT)
def discard_draft(session: Session, form_id: str) -> Done:
    """Forget the draft; no change when there was none."""
    if drafts.load(session, form_id) is None:
        return Done(Changes(), form_id)
    drafts.discard(session, form_id)
    session.flush()
    return Done(DRAFT, form_id)
