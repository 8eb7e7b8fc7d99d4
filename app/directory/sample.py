"""The sample directory shipped for demos (fictional organisations, clearly marked as such),
and referrals for the demo's referral contacts."""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.directory import referrals
from app.directory.hsds_import import import_file
from app.directory.records import ImportResult
from models.contacts import Contact, ContactType, contact_person
from models.directory import DirService
from models.referral import Referral

SAMPLE_DIRECTORY = Path(__file__).resolve().parents[2] / "resources" / "data" / "sample_directory.json"


def import_sample(session: Session) -> ImportResult:
    """Import (or refresh in place) the fictional sample directory."""
    return import_file(session, SAMPLE_DIRECTORY)


def demo_referrals(session: Session, *, seed: int = 1, today: date | None = None) -> int:
    """Referrals for the demo's "referral" contacts that have none, to sample services.

    Recent ones wait for their follow-up (Today shows them); older ones have an
    outcome. Deterministic for a seed. Returns how many were made.
    """
    today = today or date.today()
    rng = random.Random(seed)
    services = session.execute(select(DirService.id).order_by(DirService.id)).scalars().all()
    if not services:
        return 0
    referred = select(Referral.contact_id)
    rows = session.execute(
        select(Contact.id, Contact.occurred_at)
        .join(ContactType, ContactType.contact_id == Contact.id)
        .where(ContactType.code == "referral", Contact.deleted_at.is_(None), Contact.id.not_in(referred))
        .order_by(Contact.occurred_at)
    ).all()
    made = 0
    for contact_id, occurred_at in rows:
        persons = session.execute(
            select(contact_person.c.person_id).where(contact_person.c.contact_id == contact_id)
        ).scalars().all()
        day = occurred_at.date()
        follow_up = day + timedelta(days=rng.choice((3, 7, 7, 14)))
        ref = referrals.create_referral(
            session, contact_id, rng.choice(services), person_id=persons[0] if persons else None,
            status="proposed", follow_up_on=follow_up,
        )
        if follow_up < today - timedelta(days=7):  # long past: the worker followed up
            status, outcome = rng.choices(
                (("completed", "attained"), ("completed", "not_attained"), ("declined", "unknown"),
                 ("accepted", "unknown")), weights=(5, 2, 2, 1),
            )[0]
            referrals.update_referral(session, ref.id, status=status, outcome=outcome, follow_up_done=True)
        made += 1
    return made
