"""People operations: create, edit (with archiving), merge a duplicate."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app import people, people_merge
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation

PERSON = Changes.of(Entity.PERSON)


@operation(Entity.PERSON)
def create_person(session: Session, alias: str, *, today: date | None = None, **fields) -> Done:
    """``Done.value`` is the new person's id."""
    return Done(PERSON, people.create_person(session, alias, today=today, **fields).id)


@operation(Entity.PERSON)
def update_person(session: Session, person_id: int, *, archived: bool | None = None, today: date | None = None,
                  **fields) -> Done:
    """Change fields (names as in app.people.create_person); ``archived`` archives or brings back."""
    person = people.update_person(session, person_id, today=today, **fields)
    if archived is not None and (person.archived_at is not None) != archived:
        people.archive_person(session, person_id, archived)
    return Done(PERSON, person_id)


@operation(Entity.PERSON)
def archive_person(session: Session, person_id: int, archived: bool = True) -> Done:
    people.archive_person(session, person_id, archived)
    return Done(PERSON, person_id)


@operation(Entity.PERSON, Entity.CONTACT, Entity.CONFLICT, Entity.REFERRAL)
def merge_people(session: Session, keep_id: int, merge_id: int) -> Done:
    """Fold ``merge_id`` into ``keep_id``: contacts, conflicts and referrals follow it.

    ``Done.value`` is the number of contacts moved.
    """
    result = people_merge.merge_people(session, keep_id, merge_id)
    return Done(Changes.of(Entity.PERSON, Entity.CONTACT, Entity.CONFLICT, Entity.REFERRAL),
                len(result.moved_contact_ids))
