"""Security events. Never personal data: kinds and technical details only."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent


def record(session: Session, kind: str, detail: str = "") -> None:
    session.add(AuditEvent(kind=kind, detail=detail))


@dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    detail: str


def events(session: Session, *, since: date | None = None, limit: int | None = None) -> list[EventRow]:
    """Events oldest first (``since`` a local day; events are stored in UTC, so a day's edge may shift)."""
    query = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)
    if since is not None:
        query = query.where(AuditEvent.at >= datetime(since.year, since.month, since.day))
    if limit is not None:
        query = query.order_by(None).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
        return [EventRow(e.at, e.kind, e.detail) for e in reversed(list(session.scalars(query)))]
    return [EventRow(e.at, e.kind, e.detail) for e in session.scalars(query)]
