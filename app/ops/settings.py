"""Settings operations: the vault's names and idle-lock delay, the paper, the pilot project's period."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app import settings
from app.errors import InvalidInput
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation
from app.report import worker

SETTING = Changes.of(Entity.SETTING)


@operation(Entity.SETTING)
def save(session: Session, *, site_name: str, worker_name: str, idle_lock_minutes: int) -> Done:
    settings.set_many(session, {
        settings.SITE_NAME: site_name,
        settings.WORKER_NAME: worker_name,
        settings.IDLE_LOCK_MINUTES: str(int(idle_lock_minutes)),
    })
    return Done(SETTING)


@operation(Entity.SETTING)
def set_pilot_period(session: Session, first_day: date, last_day: date | None) -> Done:
    """The dates the Bilan's "pilot project" period covers (value: the Period)."""
    return Done(SETTING, worker.set_pilot_period(session, first_day, last_day))


@operation(Entity.SETTING)
def set_paper(session: Session, paper: str) -> Done:
    """The paper of every PDF and print, from the GUI and the command line: "letter" or "a4"."""
    if paper not in settings.PAPERS:
        raise InvalidInput(f"Choose the paper {' or '.join(settings.PAPERS)}.")
    settings.set_many(session, {settings.PAPER: paper})
    return Done(SETTING, paper)
