"""What the activity forms offer to pick from: people by alias, the last days' contacts."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.contacts import Contact
from models.people import Person


def person_aliases(session: Session) -> list[tuple[int, str]]:
    """(id, alias) of live, unmerged people, by alias."""
    return [tuple(row) for row in session.execute(
        select(Person.id, Person.alias)
        .where(Person.deleted_at.is_(None), Person.merged_into_id.is_(None), Person.archived_at.is_(None))
        .order_by(Person.alias)
    )]


def contacts(session: Session, days: int = 7, now: datetime | None = None) -> list[tuple[int, datetime, str]]:
    """(id, when, aliases) of the live contacts of the last ``days`` days, most recent first."""
    since = (now or datetime.now()) - timedelta(days=days)
    rows = session.scalars(
        select(Contact).options(selectinload(Contact.persons))
        .where(Contact.deleted_at.is_(None), Contact.occurred_at >= since)
        .order_by(Contact.occurred_at.desc()).limit(200)
    )
    return [(c.id, c.occurred_at, ", ".join(p.alias for p in c.persons)) for c in rows]
