"""Settings kept inside the encrypted database (key/value, with defaults)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Setting

SITE_NAME = "site_name"
WORKER_NAME = "worker_name"
IDLE_LOCK_MINUTES = "idle_lock_minutes"
PAPER = "paper"  # of every PDF and print: Québec uses Letter
PAPERS = ("letter", "a4")

DEFAULTS = {IDLE_LOCK_MINUTES: "5", PAPER: "letter"}


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Setting, key)
    if row is not None:
        return row.value
    return DEFAULTS.get(key, default)


def get_all(session: Session) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update({row.key: row.value for row in session.scalars(select(Setting))})
    return values


def set_many(session: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=str(value)))
        else:
            row.value = str(value)


def idle_lock_minutes(session: Session) -> int:
    try:
        return max(1, int(get(session, IDLE_LOCK_MINUTES) or 5))
    except ValueError:
        return 5


def paper(session: Session) -> str:
    """"letter" or "a4" (Paramètres); Letter unless chosen otherwise."""
    value = get(session, PAPER)
    return value if value in PAPERS else "letter"
