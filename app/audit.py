"""Security events. Never personal data: kinds and technical details only."""
from sqlalchemy.orm import Session

from models import AuditEvent


def record(session: Session, kind: str, detail: str = "") -> None:
    session.add(AuditEvent(kind=kind, detail=detail))
