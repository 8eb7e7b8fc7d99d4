"""Small builders shared by the floor tests (synthetic people only)."""
from __future__ import annotations

from datetime import datetime

from app import contacts, people


def person(s, alias, **kw):
    return people.create_person(s, alias, **kw)


def contact(s, *persons, when: datetime | None = None, **kw):
    data = contacts.ContactInput(
        occurred_at=when, person_ids=[p.id for p in persons], **{"types": ["listening"], **kw}
    )
    return contacts.create_contact(s, data).contact
