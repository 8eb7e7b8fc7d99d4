"""Merging two records of one person: the duplicate's contacts, conflicts and referrals follow
the kept record; the duplicate stays archived, pointing to it (apart from app.people: it touches
every area that names a person)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import history
from app.activity.conflicts import snapshot as conflict_snapshot
from app.contact_snapshot import contact_snapshot
from app.directory.referrals import referral_snapshot
from app.people import _apply, get_person, person_snapshot, refresh_stats
from app.validation import NOT_FOUND, REQUIRED, Collector, fail
from models.activity import Conflict
from models.base import utcnow
from models.contacts import Contact, contact_person
from models.people import Person
from models.referral import Referral


@dataclass(frozen=True)
class MergeResult:
    kept: Person
    merged: Person
    moved_contact_ids: list[int]


def _with_kept(persons: list[Person], dup: Person, kept: Person) -> list[Person]:
    """``persons`` naming ``kept`` instead of ``dup`` (once, even if both were there)."""
    out = [p for p in persons if p.id != dup.id]
    if kept not in out:
        out.append(kept)
    return out


def _move_other_links(session: Session, dup: Person, kept: Person) -> None:
    """Conflicts and referrals of the duplicate follow it to the kept record (new versions)."""
    for conflict in session.scalars(select(Conflict).where(Conflict.persons.any(Person.id == dup.id))):
        conflict.persons = _with_kept(conflict.persons, dup, kept)
        session.flush()
        history.record_update(session, conflict, data=conflict_snapshot(conflict))
    for referral in session.scalars(select(Referral).where(Referral.person_id == dup.id)):
        referral.person_id = kept.id
        history.record_update(session, referral, data=referral_snapshot(session, referral))


def merge_people(session: Session, keep_id: int, merge_id: int) -> MergeResult:
    """Fold the duplicate ``merge_id`` into ``keep_id``.

    Every contact of the duplicate moves to the kept person (a contact with both
    keeps one link); blank fields of the kept person are filled from the
    duplicate, languages and groups are united, notes appended; conflicts and
    referrals naming the duplicate name the kept person instead. The duplicate
    stays as an archived record pointing to the kept one (``merged_into_id``),
    so history and bundles can tell what happened. Each moved contact gets a
    new version.
    """
    if keep_id == merge_id:
        fail("person", REQUIRED, "Choose two different records to merge.")
    kept = get_person(session, keep_id)
    dup = get_person(session, merge_id)
    check = Collector()
    for who, p in (("keep", kept), ("merge", dup)):
        if p.merged_into_id is not None:
            check.add(who, NOT_FOUND, f"{p.alias} was already merged into another record.")
    check.raise_if_any()

    contact_ids = list(
        session.scalars(select(contact_person.c.contact_id).where(contact_person.c.person_id == dup.id))
    )
    for contact in session.scalars(select(Contact).where(Contact.id.in_(contact_ids))):
        contact.persons = _with_kept(contact.persons, dup, kept)
        session.flush()
        history.record_update(session, contact, data=contact_snapshot(contact))

    _move_other_links(session, dup, kept)

    for key in ("first_name", "age_bracket", "gender", "gender_self"):
        if not getattr(kept, key) and getattr(dup, key):
            setattr(kept, key, getattr(dup, key))
    if dup.consent_on and (kept.consent_on is None):
        kept.consent_scope, kept.consent_on, kept.consent_notes = dup.consent_scope, dup.consent_on, dup.consent_notes
    merged_values = {
        "languages": kept.language_codes + dup.language_codes,
        "groups": kept.group_codes + dup.group_codes,
    }
    if dup.notes.strip() and dup.notes.strip() not in kept.notes:
        merged_values["notes"] = (kept.notes.rstrip() + "\n\n" + dup.notes.strip()).strip()
    _apply(kept, merged_values)
    history.record_update(session, kept, data=person_snapshot(session, kept))

    dup.merged_into_id = kept.id
    dup.archived_at = dup.archived_at or utcnow()
    history.record_update(session, dup, data=person_snapshot(session, dup))
    refresh_stats(session, [kept.id, dup.id])
    session.refresh(kept)
    session.refresh(dup)
    return MergeResult(kept=kept, merged=dup, moved_contact_ids=sorted(contact_ids))
