"""Referral operations: follow one up (status, outcome, date, notes), mark its follow-up done.

Referrals are created with their contact (app.ops.floor.save_contact).
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from app.directory import referrals
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation

REFERRAL = Changes.of(Entity.REFERRAL)


@operation(Entity.REFERRAL)
def update_referral(session: Session, referral_id: int, **changes) -> Done:
    """Fields as in app.directory.referrals.update_referral (status, outcome, follow_up_on...)."""
    referrals.update_referral(session, referral_id, **changes)
    return Done(REFERRAL, referral_id)


@operation(Entity.REFERRAL)
def follow_up_done(session: Session, referral_id: int, outcome: str | None = None) -> Done:
    referrals.follow_up_done(session, referral_id, outcome)
    return Done(REFERRAL, referral_id)
