"""Consent per purpose (Law 25, s. 14): each consent has its date and, once withdrawn, a withdrawal date.

The sharing purpose (supervision at La Piaule) keeps ``Person.consent_scope`` as its
level (alias | full), which the bundle's privacy policy reads: withdrawing it sets the
scope back to "none", so the next bundle narrows La Piaule's copy. A person under 14
needs a guardian's consent, recorded as such.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import people
from app.validation import FUTURE_DATE, Collector, fail
from models.privacy import PURPOSE_REFERRAL, PURPOSE_SUPERVISION, PersonConsent

__all__ = ["PURPOSE_REFERRAL", "PURPOSE_SUPERVISION"]

PURPOSES = (PURPOSE_SUPERVISION, PURPOSE_REFERRAL)
SHARING_SCOPES = ("alias", "full")


@dataclass(frozen=True)
class ConsentRow:
    id: int
    person_id: int
    purpose: str
    given_on: date
    withdrawn_on: date | None
    by_guardian: bool

    def active_on(self, day: date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


def _row(c: PersonConsent) -> ConsentRow:
    return ConsentRow(c.id, c.person_id, c.purpose, c.given_on, c.withdrawn_on, c.by_guardian)


def consents_of(session: Session, person_id: int) -> list[ConsentRow]:
    query = select(PersonConsent).where(PersonConsent.person_id == person_id)
    return [_row(c) for c in session.scalars(query.order_by(PersonConsent.given_on, PersonConsent.id))]


def has_consent(session: Session, person_id: int, purpose: str, day: date) -> bool:
    return any(c.purpose == purpose and c.active_on(day) for c in consents_of(session, person_id))


def give(
    session: Session, person_id: int, purpose: str, given_on: date, *, under_14: bool = False,
    by_guardian: bool = False, scope: str = "alias",
) -> ConsentRow:
    check = Collector()
    if not purpose.strip():
        check.add("purpose", "required", "Say for which purpose the consent is given.")
    if under_14 and not by_guardian:
        check.add("by_guardian", "guardian_required", "A person under 14 needs a guardian's consent.")
    if purpose == PURPOSE_SUPERVISION and scope not in SHARING_SCOPES:
        check.add("scope", "invalid", "Sharing with supervision is for the alias or the full record.")
    if given_on > date.today():
        check.add("given_on", FUTURE_DATE, "A consent cannot be dated in the future.")
    check.raise_if_any()
    person = people.get_person(session, person_id)
    if has_consent(session, person_id, purpose, given_on):
        fail("purpose", "already", "This person already consented to this purpose.")
    consent = PersonConsent(person_id=person.id, purpose=purpose, given_on=given_on, by_guardian=by_guardian)
    session.add(consent)
    if purpose == PURPOSE_SUPERVISION:
        people.update_person(session, person.id, consent_scope=scope, consent_on=given_on)
    session.flush()
    return _row(consent)


def withdraw(session: Session, person_id: int, purpose: str, on: date) -> int:
    """Withdraw every active consent of that purpose from ``on``; returns how many."""
    query = select(PersonConsent).where(
        PersonConsent.person_id == person_id, PersonConsent.purpose == purpose, PersonConsent.withdrawn_on.is_(None)
    )
    withdrawn = 0
    for consent in session.scalars(query):
        consent.withdrawn_on = max(on, consent.given_on)
        withdrawn += 1
    if not withdrawn:
        fail("purpose", "not_given", "This person has no consent for this purpose to withdraw.")
    if purpose == PURPOSE_SUPERVISION:
        people.update_person(session, person_id, consent_scope="none")
    session.flush()
    return withdrawn


def require(session: Session, person_ids: list[int], purpose: str, day: date) -> None:
    """Refuse (field "consent") when one of the people has not consented to ``purpose`` on ``day``."""
    missing = [p for p in person_ids if not has_consent(session, p, purpose, day)]
    if missing:
        fail("consent", "consent_missing",
             "The person has not consented to this: record the consent first (Personnes, Consentements).")
