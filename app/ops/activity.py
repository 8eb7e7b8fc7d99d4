"""Activity operations: conflicts, support to library staff, hours of presence."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.activity import conflicts, presence, staff_support
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation

CONFLICT = Changes.of(Entity.CONFLICT)
STAFF_SUPPORT = Changes.of(Entity.STAFF_SUPPORT)
PRESENCE = Changes.of(Entity.PRESENCE)


@operation(Entity.CONFLICT)
def save_conflict(session: Session, conflict_id: int | None, **fields) -> Done:
    """Record a conflict, or change the one being edited (fields as conflicts.create); value: its id."""
    if conflict_id is None:
        return Done(CONFLICT, conflicts.create(session, **fields).id)
    return Done(CONFLICT, conflicts.update(session, conflict_id, **fields).id)


@operation(Entity.CONFLICT)
def delete_conflict(session: Session, conflict_id: int) -> Done:
    conflicts.delete(session, conflict_id)
    return Done(CONFLICT, conflict_id)


@operation(Entity.STAFF_SUPPORT)
def save_staff_support(session: Session, support_id: int | None, **fields) -> Done:
    """Record support given to staff, or change the one being edited; value: its id."""
    if support_id is None:
        return Done(STAFF_SUPPORT, staff_support.create(session, **fields).id)
    return Done(STAFF_SUPPORT, staff_support.update(session, support_id, **fields).id)


@operation(Entity.STAFF_SUPPORT)
def delete_staff_support(session: Session, support_id: int) -> Done:
    staff_support.delete(session, support_id)
    return Done(STAFF_SUPPORT, support_id)


@operation(Entity.PRESENCE, Entity.SETTING)
def set_schedule(session: Session, library_min: int, street_min: int) -> Done:
    """The usual weekly hours (a setting): every rate per hour depends on it, so presence changes too."""
    presence.set_schedule(session, library_min, street_min)
    return Done(Changes.of(Entity.PRESENCE, Entity.SETTING))


@operation(Entity.PRESENCE)
def set_hours(session: Session, starts_on: date, span: str, library_min: int, street_min: int,
              note: str = "") -> Done:
    presence.set_hours(session, starts_on, span, library_min, street_min, note)
    return Done(PRESENCE)


@operation(Entity.PRESENCE)
def clear_hours(session: Session, starts_on: date, span: str) -> Done:
    """The day or week goes back to the schedule (nothing to refresh when there was no entry)."""
    row = presence.clear(session, starts_on, span)
    return Done(PRESENCE if row is not None else Changes())
