"""The requests register: access, rectification, portability or deletion, with their deadlines.

La Piaule answers within 30 days (P-39.1, s. 32); a public body within 20 days, which
it may extend by 10 (A-2.1, s. 47): the regime is a setting of the vault.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.validation import FUTURE_DATE, Collector, fail
from models.privacy import PrivacyRequest

KINDS = ("access", "rectification", "portability", "deletion")
STATUSES = ("open", "extended", "answered", "refused")
REGIME = "privacy_regime"
PRIVATE, PUBLIC = "private", "public"  # P-39.1 (La Piaule) | A-2.1 (the city)
DAYS = {PRIVATE: 30, PUBLIC: 20}
PUBLIC_EXTENSION_DAYS = 10


@dataclass(frozen=True)
class RequestRow:
    id: int
    person_id: int | None
    kind: str
    received_on: date
    due_on: date
    status: str
    answered_on: date | None
    notes: str

    def days_left(self, today: date) -> int:
        return (self.due_on - today).days


def _row(r: PrivacyRequest) -> RequestRow:
    return RequestRow(r.id, r.person_id, r.kind, r.received_on, r.due_on, r.status, r.answered_on, r.notes)


def regime(session: Session) -> str:
    value = settings.get(session, REGIME) or PRIVATE
    return value if value in DAYS else PRIVATE


def set_regime(session: Session, value: str) -> None:
    if value not in DAYS:
        fail("regime", "invalid", "The regime is private (P-39.1) or public (A-2.1).")
    settings.set_many(session, {REGIME: value})


def add(session: Session, kind: str, received_on: date, *, person_id: int | None = None, notes: str = "",
        today: date | None = None) -> RequestRow:
    check = Collector()
    if kind not in KINDS:
        check.add("kind", "invalid", f"The kind of request is one of: {', '.join(KINDS)}.")
    if received_on > (today or date.today()):
        check.add("received_on", FUTURE_DATE, "A request cannot be received in the future.")
    check.raise_if_any()
    request = PrivacyRequest(kind=kind, received_on=received_on, person_id=person_id, notes=notes.strip(),
                             due_on=received_on + timedelta(days=DAYS[regime(session)]), status="open")
    session.add(request)
    session.flush()
    return _row(request)


def _get(session: Session, request_id: int) -> PrivacyRequest:
    request = session.get(PrivacyRequest, request_id)
    if request is None:
        fail("request", "not_found", f"No request number {request_id}.")
    return request


def extend(session: Session, request_id: int) -> RequestRow:
    """A public body's one extension of 10 days (refused under the private regime, or twice)."""
    request = _get(session, request_id)
    if regime(session) != PUBLIC or request.status != "open":
        fail("status", "no_extension", "Only an open request to a public body can be extended, once.")
    request.due_on += timedelta(days=PUBLIC_EXTENSION_DAYS)
    request.status = "extended"
    return _row(request)


def answer(session: Session, request_id: int, on: date, *, refused: bool = False) -> RequestRow:
    request = _get(session, request_id)
    if on < request.received_on:
        fail("answered_on", "before_received", "A request cannot be answered before it was received.")
    request.status = "refused" if refused else "answered"
    request.answered_on = on
    return _row(request)


def all_requests(session: Session) -> list[RequestRow]:
    return [_row(r) for r in session.scalars(select(PrivacyRequest).order_by(PrivacyRequest.received_on.desc()))]


def due(session: Session, today: date, within_days: int = 7) -> list[RequestRow]:
    """Requests still open that are overdue or due within ``within_days`` (Today lists them)."""
    query = select(PrivacyRequest).where(
        PrivacyRequest.status.in_(("open", "extended")), PrivacyRequest.due_on <= today + timedelta(days=within_days)
    )
    return [_row(r) for r in session.scalars(query.order_by(PrivacyRequest.due_on))]
