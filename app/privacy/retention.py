"""Retention (Law 25, s. 23): once their purpose is met, records are anonymised or erased.

Three rules, in months, kept in the vault's settings and changed by the privacy officer:
- ``people``: a person with no contact for that long is anonymised: alias, first name,
  notes and every free text about them go (their contacts', referrals' and conflicts'
  notes too); what the reports count stays (age bracket, gender, groups, the contacts'
  types, themes and dates), so every report of a past period gives the same figures;
- ``contact-notes``: contact (and referral) notes older than that are erased;
- ``conflict-notes``: conflicts' free text older than that is erased.
A run is one transaction and leaves in the audit trail what it did (counts only).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from app import audit, settings
from app.database import bulk_cache
from app import people as people_service
from app.privacy.scrub import constant, scrub
from app.textsearch import fold
from app.validation import OUT_OF_RANGE, fail
from models import AuditEvent
from models.activity import Conflict, conflict_person
from models.contacts import Contact, contact_person
from models.people import Person
from models.referral import Referral

KINDS = {"people": "retention_people_months", "contact-notes": "retention_contact_notes_months",
         "conflict-notes": "retention_conflict_notes_months"}
DEFAULT_MONTHS = {"people": 24, "contact-notes": 24, "conflict-notes": 24}
MAX_MONTHS = 600
AUTHOR = "retention"
ANONYMOUS_PREFIX = "Personne anonymisée "  # + the local number: stored data, no name


def months(session: Session, kind: str) -> int:
    value = settings.get(session, KINDS[kind])
    try:
        return int(value) if value is not None else DEFAULT_MONTHS[kind]
    except ValueError:
        return DEFAULT_MONTHS[kind]


def rules(session: Session) -> dict[str, int]:
    return {kind: months(session, kind) for kind in KINDS}


def set_rule(session: Session, kind: str, value: int) -> None:
    if kind not in KINDS:
        fail("kind", "unknown", f"Unknown retention rule {kind!r}: use one of {', '.join(KINDS)}.")
    if not 1 <= value <= MAX_MONTHS:
        fail("months", OUT_OF_RANGE, f"A retention period is from 1 to {MAX_MONTHS} months.")
    settings.set_many(session, {KINDS[kind]: str(value)})


REMIND_AFTER_DAYS = 31


def reminder_due(session: Session, today: date) -> bool:
    """Today offers the run monthly: a month since the last run (or since the vault was made)."""
    last = session.scalar(select(func.max(AuditEvent.at)).where(AuditEvent.kind.in_(("retention_run", "vault_created"))))
    return last is None or (today - last.date()).days >= REMIND_AFTER_DAYS


def cutoff(today: date, months_back: int) -> datetime:
    """The first moment that is kept: ``months_back`` calendar months before ``today``."""
    month_index = today.year * 12 + today.month - 1 - months_back
    year, month = divmod(month_index, 12)
    day = min(today.day, 28)
    return datetime(year, month + 1, day)


@dataclass(frozen=True)
class Plan:
    """What a run would touch now: record ids (local) and uids, per kind."""

    people: dict[int, str]
    contacts: dict[int, str]
    referrals: dict[int, str]
    conflicts: dict[int, str]

    def counts(self) -> dict[str, int]:
        return {"people": len(self.people), "contact_notes": len(self.contacts),
                "referral_notes": len(self.referrals), "conflict_notes": len(self.conflicts)}


def plan(session: Session, today: date) -> Plan:
    people_cut = cutoff(today, months(session, "people"))
    seen = func.coalesce(Person.last_contact_at, Person.created_at)
    due = (Person.anonymised_at.is_(None), seen < people_cut)
    people = dict(session.execute(select(Person.id, Person.uid).where(*due)).all())
    person_ids = select(Person.id).where(*due)  # a subquery: no list of thousands of parameters

    notes_cut = cutoff(today, months(session, "contact-notes"))
    of_people = select(contact_person.c.contact_id).where(contact_person.c.person_id.in_(person_ids))
    contacts = dict(session.execute(
        select(Contact.id, Contact.uid).where(
            Contact.notes != "", or_(Contact.occurred_at < notes_cut, Contact.id.in_(of_people))
        )
    ).all())
    all_old_contacts = select(Contact.id).where(or_(Contact.occurred_at < notes_cut, Contact.id.in_(of_people)))
    referrals = dict(session.execute(
        select(Referral.id, Referral.uid).where(Referral.notes != "", Referral.contact_id.in_(all_old_contacts))
    ).all())

    conflict_cut = cutoff(today, months(session, "conflict-notes"))
    linked = select(conflict_person.c.conflict_id).where(conflict_person.c.person_id.in_(person_ids))
    conflicts = dict(session.execute(
        select(Conflict.id, Conflict.uid).where(
            or_(Conflict.notes != "", Conflict.action_taken != ""),
            or_(Conflict.occurred_at < conflict_cut, Conflict.id.in_(linked)),
        )
    ).all())
    return Plan(people, contacts, referrals, conflicts)


def run(session: Session, today: date, *, dry_run: bool = False) -> dict[str, int]:
    """Apply the rules (or, with ``dry_run``, only count); returns the counts."""
    with bulk_cache(session):
        return _run(session, today, dry_run=dry_run)


def _run(session: Session, today: date, *, dry_run: bool) -> dict[str, int]:
    todo = plan(session, today)
    counts = todo.counts()
    if dry_run:
        return counts
    now = datetime.now().replace(microsecond=0)
    alias = lambda id_: literal(ANONYMOUS_PREFIX) + cast(id_, String)  # noqa: E731
    scrub(session, Person.__table__, sorted(todo.people), {
        "alias": alias, "first_name": constant(""), "notes": constant(""), "gender_self": constant(""),
        "consent_notes": constant(""),
    }, changed_by=AUTHOR, now=now, derived={
        "search_key": lambda id_: literal(fold(ANONYMOUS_PREFIX)) + literal(" ") + cast(id_, String),
        "anonymised_at": constant(now),
    })
    blank = {"notes": constant("")}
    scrub(session, Contact.__table__, sorted(todo.contacts), blank, changed_by=AUTHOR, now=now)
    scrub(session, Referral.__table__, sorted(todo.referrals), blank, changed_by=AUTHOR, now=now)
    scrub(session, Conflict.__table__, sorted(todo.conflicts), {**blank, "action_taken": constant("")},
          changed_by=AUTHOR, now=now)
    session.expire_all()
    people_service.forget_search_cache()
    audit.record(session, "retention_run", " ".join(f"{k}={v}" for k, v in counts.items()))
    return counts
