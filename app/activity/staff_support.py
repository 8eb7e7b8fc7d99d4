"""Record, edit and delete support given to library staff (axis 2)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import history
from app.activity import records
from app.validation import FUTURE_DATE, NEGATIVE, OUT_OF_RANGE, REQUIRED, UNKNOWN_CODE, Collector
from models.activity import SUPPORT_KINDS, StaffSupport

ENTITY = StaffSupport.__tablename__
FIELDS = ("occurred_on", "kind", "topic", "staff_count", "duration_min", "notes")
MAX_DURATION_MIN = 24 * 60


def _validate(values: dict, today: date) -> None:
    check = Collector()
    day = values.get("occurred_on")
    if day is None:
        check.add("occurred_on", REQUIRED, "On what day?")
    elif day > today:
        check.add("occurred_on", FUTURE_DATE, "Support cannot be recorded in the future.")
    if values.get("kind") not in SUPPORT_KINDS:
        check.add("kind", UNKNOWN_CODE, "Unknown kind of support.")
    if not values.get("topic"):
        check.add("topic", REQUIRED, "What was it about?")
    if (values.get("staff_count") or 0) < 1:
        check.add("staff_count", NEGATIVE, "At least one staff member.")
    duration = values.get("duration_min") or 0
    if duration < 0 or duration > MAX_DURATION_MIN:
        check.add("duration_min", OUT_OF_RANGE, "The duration must be between 0 and 24 hours.")
    check.raise_if_any()


def _clean(values: dict) -> dict:
    out = dict(values)
    out["topic"] = (out.get("topic") or "").strip()
    out["notes"] = (out.get("notes") or "").strip()
    return out


def create(
    session: Session,
    *,
    occurred_on: date,
    kind: str,
    topic: str,
    staff_count: int = 1,
    duration_min: int = 0,
    notes: str = "",
    today: date | None = None,
) -> StaffSupport:
    values = _clean(dict(occurred_on=occurred_on, kind=kind, topic=topic, staff_count=staff_count,
                         duration_min=duration_min, notes=notes))
    _validate(values, today or date.today())
    support = StaffSupport(**values)
    history.record_create(session, support)
    return support


def get(session: Session, support_id: int) -> StaffSupport:
    return records.get_live(session, StaffSupport, support_id, f"Staff support {support_id} does not exist.")


def update(session: Session, support_id: int, *, today: date | None = None, **changes) -> StaffSupport:
    support = get(session, support_id)
    values = _clean(records.merged_fields(support, FIELDS, changes))
    _validate(values, today or date.today())
    for name, value in values.items():
        setattr(support, name, value)
    history.record_update(session, support)
    return support


def delete(session: Session, support_id: int) -> StaffSupport:
    support = get(session, support_id)
    history.record_delete(session, support)
    return support


def between(session: Session, start: date, end: date) -> list[StaffSupport]:
    """Live records with start <= occurred_on < end, most recent first."""
    return list(
        session.scalars(
            select(StaffSupport)
            .where(
                StaffSupport.deleted_at.is_(None),
                StaffSupport.occurred_on >= start,
                StaffSupport.occurred_on < end,
            )
            .order_by(StaffSupport.occurred_on.desc(), StaffSupport.id.desc())
        )
    )
