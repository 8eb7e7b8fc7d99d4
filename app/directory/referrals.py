"""Referrals: a contact sends a person to a service; the worker follows up and notes the outcome.

Every change is logged through app.history (the weekly bundle reads that log).
Services return the Referral they changed; callers notify ``{"referral"}``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import history
from app.errors import InvalidInput
from models.contacts import Contact, contact_person
from models.directory import DirService
from models.people import Person
from models.referral import REFERRAL_OUTCOMES, REFERRAL_STATUSES, Referral


class ReferralNotFound(InvalidInput):
    code = "referral_not_found"


def referral_snapshot(session: Session, referral: Referral) -> dict:
    """History/bundle snapshot: columns, with the contact and the person as uids (local ids
    mean nothing on another machine; the bundle policy, app.sync.privacy, reads these)."""
    session.flush()
    contact = session.get(Contact, referral.contact_id)
    person = session.get(Person, referral.person_id) if referral.person_id is not None else None
    return history.snapshot(
        referral, exclude=("contact_id", "person_id", "service_id"),
        extra={"contact_uid": contact.uid if contact else None, "person_uid": person.uid if person else None},
    )


def _get(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None or referral.deleted_at is not None:
        raise ReferralNotFound(f"No referral {referral_id}.")
    return referral


def _check(status: str | None = None, outcome: str | None = None) -> None:
    if status is not None and status not in REFERRAL_STATUSES:
        raise InvalidInput(f"Unknown referral status {status!r} (one of: {', '.join(REFERRAL_STATUSES)}).")
    if outcome is not None and outcome not in REFERRAL_OUTCOMES:
        raise InvalidInput(f"Unknown referral outcome {outcome!r} (one of: {', '.join(REFERRAL_OUTCOMES)}).")


def create_referral(
    session: Session, contact_id: int, service_id: int, *, person_id: int | None = None,
    status: str = "proposed", follow_up_on: date | None = None, notes: str = "",
) -> Referral:
    _check(status=status)
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise InvalidInput(f"No contact {contact_id}.")
    service = session.get(DirService, service_id)
    if service is None:
        raise InvalidInput(f"No service {service_id} in the directory.")
    if person_id is not None and session.get(Person, person_id) is None:
        raise InvalidInput(f"No person {person_id}.")
    referral = Referral(
        contact_id=contact_id, person_id=person_id, service_id=service_id,
        service_hsds_id=service.hsds_id, service_name=service.name, status=status,
        follow_up_on=follow_up_on, follow_up_done=False, outcome="unknown", notes=notes.strip(),
    )
    session.add(referral)
    session.flush()  # uid and column defaults, for the snapshot
    history.record_create(session, referral, data=referral_snapshot(session, referral))
    return referral


_UNSET = object()


def update_referral(
    session: Session, referral_id: int, *, status: str | None = None, outcome: str | None = None,
    follow_up_on=_UNSET, follow_up_done: bool | None = None, notes: str | None = None,
    person_id=_UNSET,
) -> Referral:
    """Change what is given; one history version for the whole change (none if nothing changed)."""
    _check(status=status, outcome=outcome)
    referral = _get(session, referral_id)
    if status is not None:
        referral.status = status
    if outcome is not None:
        referral.outcome = outcome
    if follow_up_on is not _UNSET:
        referral.follow_up_on = follow_up_on
        if follow_up_on is not None and follow_up_done is None:
            referral.follow_up_done = False  # a new date means a new follow-up to do
    if follow_up_done is not None:
        referral.follow_up_done = follow_up_done
    if notes is not None:
        referral.notes = notes.strip()
    if person_id is not _UNSET:
        referral.person_id = person_id
    history.record_update(session, referral, data=referral_snapshot(session, referral))
    return referral


def set_status(session: Session, referral_id: int, status: str) -> Referral:
    return update_referral(session, referral_id, status=status)


def set_outcome(session: Session, referral_id: int, outcome: str) -> Referral:
    return update_referral(session, referral_id, outcome=outcome)


def follow_up_done(session: Session, referral_id: int, outcome: str | None = None) -> Referral:
    """The follow-up was made (it leaves Today); optionally with what came of the referral."""
    return update_referral(session, referral_id, follow_up_done=True, outcome=outcome)


def delete_referral(session: Session, referral_id: int) -> Referral:
    referral = _get(session, referral_id)
    history.record_delete(session, referral, data=referral_snapshot(session, referral))
    return referral


@dataclass(frozen=True)
class ReferralRow:
    id: int
    contact_id: int
    contact_at: object          # datetime of the contact (local)
    service_id: int | None
    service_name: str
    person_id: int | None
    person_alias: str | None
    status: str
    outcome: str
    follow_up_on: date | None
    follow_up_done: bool
    notes: str


def _rows(session: Session, where, order, limit: int | None = None) -> list[ReferralRow]:
    stmt = (
        select(Referral, Contact.occurred_at, Person.alias)
        .join(Contact, Contact.id == Referral.contact_id)
        .outerjoin(Person, Person.id == Referral.person_id)
        .where(Referral.deleted_at.is_(None), Contact.deleted_at.is_(None), *where)
        .order_by(*order)
        .limit(limit)
    )
    return [
        ReferralRow(r.id, r.contact_id, at, r.service_id, r.service_name, r.person_id, alias, r.status,
                    r.outcome, r.follow_up_on, r.follow_up_done, r.notes)
        for r, at, alias in session.execute(stmt)
    ]


def referrals_for_contact(session: Session, contact_id: int) -> list[ReferralRow]:
    return _rows(session, [Referral.contact_id == contact_id], [Referral.id])


def referral_row(session: Session, referral_id: int) -> ReferralRow:
    """One referral (ReferralNotFound when it is gone)."""
    rows = _rows(session, [Referral.id == referral_id], [Referral.id])
    if not rows:
        raise ReferralNotFound(f"No referral {referral_id}.")
    return rows[0]


def referrals_for_person(session: Session, person_id: int) -> list[ReferralRow]:
    """The person's referrals, newest contact first: made for them, or from a contact with them
    when the referral names nobody."""
    with_person = select(contact_person.c.contact_id).where(contact_person.c.person_id == person_id)
    return _rows(
        session,
        [or_(Referral.person_id == person_id,
             (Referral.person_id.is_(None)) & Referral.contact_id.in_(with_person))],
        [Contact.occurred_at.desc(), Referral.id.desc()],
    )


@dataclass(frozen=True)
class ReferralFollowUp:
    referral: ReferralRow
    due_on: date
    overdue: bool


def referral_follow_ups(session: Session, today: date, limit: int = 50) -> list[ReferralFollowUp]:
    """Referral follow-ups due today or overdue (not done yet), oldest due first: for Today."""
    rows = _rows(
        session,
        [Referral.follow_up_on.is_not(None), Referral.follow_up_on <= today, Referral.follow_up_done.is_(False)],
        [Referral.follow_up_on, Referral.id],
        limit,
    )
    return [ReferralFollowUp(row, row.follow_up_on, row.follow_up_on < today) for row in rows]
