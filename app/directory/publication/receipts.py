"""Worker side: which bundles La Piaule confirmed it received, and which are overdue."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.sync import BundleSent

OVERDUE_DAYS = 14


def overdue_bundles(session: Session, now: datetime | None = None) -> list[BundleSent]:
    """Bundles sent more than 14 days ago that no directory file from La Piaule confirmed."""
    limit = (now or utcnow()) - timedelta(days=OVERDUE_DAYS)
    return list(session.scalars(select(BundleSent).where(
        BundleSent.receipt_at.is_(None), BundleSent.created_at < limit).order_by(BundleSent.sequence)))


def overdue_sentence(bundles: list[BundleSent]) -> str | None:
    if not bundles:
        return None
    numbers = ", ".join(str(b.sequence) for b in bundles[:5]) + (", ..." if len(bundles) > 5 else "")
    return (f"La Piaule has not confirmed receiving {len(bundles)} bundle(s) sent more than {OVERDUE_DAYS} days ago "
            f"(number {numbers}).")
