"""Record, edit and delete conflicts of use."""
from __future__ import annotations

from datetime import datetime
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import codes, history
from app.activity import records
from app.validation import FUTURE_DATE, NOT_FOUND, OUT_OF_RANGE, REQUIRED, UNKNOWN_CODE, Collector
from models.activity import INTENSITIES, OUTCOMES, PARTIES, RESPONDERS, Conflict
from models.codes import PLACE
from models.contacts import Contact
from models.people import Person

ENTITY = Conflict.__tablename__
FIELDS = ("occurred_at", "place_code", "parties", "intensity", "action_taken", "handled_by", "outcome", "notes")


def snapshot(conflict: Conflict) -> dict:
    """The record as it travels: persons and contact by uid (ids are local)."""
    return history.snapshot(
        conflict,
        exclude=("contact_id",),
        extra={
            "person_uids": sorted(p.uid for p in conflict.persons),
            "contact_uid": conflict.contact.uid if conflict.contact is not None else None,
        },
    )


def _validate(session: Session, values: dict, now: datetime) -> None:
    check = Collector()
    when = values.get("occurred_at")
    if when is None:
        check.add("occurred_at", REQUIRED, "When did it happen?")
    elif when > now:
        check.add("occurred_at", FUTURE_DATE, "A conflict cannot be in the future.")
    if values.get("intensity") not in INTENSITIES:
        check.add("intensity", OUT_OF_RANGE, "Intensity goes from 1 to 5.")
    if values.get("parties") not in PARTIES:
        check.add("parties", UNKNOWN_CODE, "Unknown parties.")
    if values.get("outcome") not in OUTCOMES:
        check.add("outcome", UNKNOWN_CODE, "Unknown outcome.")
    unknown = [r for r in values.get("handled_by", "").split() if r not in RESPONDERS]
    if unknown:
        check.add("handled_by", UNKNOWN_CODE, f"Unknown responder {unknown[0]!r}.")
    place = values.get("place_code", "")
    if place and place not in codes.known_codes(session, PLACE):
        check.add("place_code", UNKNOWN_CODE, f"Unknown place {place!r}.")
    check.raise_if_any()


def _resolve(session: Session, person_ids: Iterable[int], contact_id: int | None):
    check = Collector()
    persons = []
    for pid in dict.fromkeys(person_ids):
        person = session.get(Person, pid)
        if person is None or person.deleted_at is not None:
            check.add("persons", NOT_FOUND, f"Person {pid} does not exist.")
        else:
            persons.append(person)
    contact = None
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None:
            check.add("contact_id", NOT_FOUND, f"Contact {contact_id} does not exist.")
    check.raise_if_any()
    return persons, contact


def _values(occurred_at, place_code, parties, intensity, action_taken, handled_by, outcome, notes) -> dict:
    responders = handled_by.split() if isinstance(handled_by, str) else list(handled_by)
    return {
        "occurred_at": occurred_at.replace(second=0, microsecond=0) if occurred_at else None,
        "place_code": place_code or "",
        "parties": parties,
        "intensity": intensity,
        "action_taken": (action_taken or "").strip(),
        # Stable order; unknown codes kept at the end so validation can name them.
        "handled_by": " ".join([r for r in RESPONDERS if r in responders] + [r for r in responders if r not in RESPONDERS]),
        "outcome": outcome,
        "notes": (notes or "").strip(),
    }


def create(
    session: Session,
    *,
    occurred_at: datetime,
    intensity: int,
    parties: str = "patron_patron",
    place_code: str = "",
    action_taken: str = "",
    handled_by: Iterable[str] | str = ("worker",),
    outcome: str = "resolved",
    notes: str = "",
    person_ids: Iterable[int] = (),
    contact_id: int | None = None,
    now: datetime | None = None,
) -> Conflict:
    values = _values(occurred_at, place_code, parties, intensity, action_taken, handled_by, outcome, notes)
    _validate(session, values, now or datetime.now())
    persons, contact = _resolve(session, person_ids, contact_id)
    conflict = Conflict(**values, persons=persons, contact=contact)
    session.add(conflict)
    session.flush()
    history.record_create(session, conflict, data=snapshot(conflict))
    return conflict


def get(session: Session, conflict_id: int) -> Conflict:
    return records.get_live(session, Conflict, conflict_id, f"Conflict {conflict_id} does not exist.")


def update(session: Session, conflict_id: int, *, now: datetime | None = None, **changes) -> Conflict:
    """Change some fields (same names as ``create``); logs a version if anything changed."""
    conflict = get(session, conflict_id)
    values = _values(**records.merged_fields(conflict, FIELDS, changes))
    _validate(session, values, now or datetime.now())
    person_ids = changes.get("person_ids", [p.id for p in conflict.persons])
    contact_id = changes.get("contact_id", conflict.contact_id)
    persons, contact = _resolve(session, person_ids, contact_id)
    for name, value in values.items():
        setattr(conflict, name, value)
    conflict.persons = persons
    conflict.contact = contact
    session.flush()
    history.record_update(session, conflict, data=snapshot(conflict))
    return conflict


def delete(session: Session, conflict_id: int) -> Conflict:
    conflict = get(session, conflict_id)
    history.record_delete(session, conflict, data=snapshot(conflict))
    return conflict


def between(session: Session, start: datetime, end: datetime) -> list[Conflict]:
    """Live conflicts with start <= occurred_at < end, most recent first."""
    return list(
        session.scalars(
            select(Conflict)
            .where(Conflict.deleted_at.is_(None), Conflict.occurred_at >= start, Conflict.occurred_at < end)
            .order_by(Conflict.occurred_at.desc())
        )
    )
