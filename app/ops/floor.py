"""Floor operations: a contact saved with its new people, supplies and referrals in one unit.

``save_contact(session, ContactSave(...))`` is what the quick-entry panel and the
Répertoire's « Référer » run: new people are created, the contact is created or
updated (its supplies drawn from stock), its referrals made, and the form's draft
dropped, all in the one transaction the runner opens. More given than in stock
raises ``StockShortage`` unless ``allow_shortage`` (the panel asks, then reruns).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app import contacts, drafts, people
from app.contacts import ContactInput
from app.directory import referrals
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation
from app.privacy import consents
from app.validation import ValidationFailed

CONTACT_AND_PEOPLE = Changes.of(Entity.CONTACT, Entity.PERSON)
STOCK = Changes.of(Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)


@dataclass(frozen=True)
class ReferralInput:
    """One service the contact refers to: a referral per person (one for nobody named)."""

    service_id: int
    follow_up_on: date | None = None
    status: str = "proposed"
    notes: str = ""
    on_behalf: bool = False  # the worker contacts the service for the person: needs that consent (Law 25)


@dataclass(frozen=True)
class ContactSave:
    contact: ContactInput
    contact_id: int | None = None              # None: a new contact
    new_aliases: tuple[str, ...] = ()          # people created with it
    referrals: tuple[ReferralInput, ...] = ()
    allow_shortage: bool = False
    draft_form_id: str | None = None           # the form's draft, dropped with the save


def _contact_changes(change: contacts.ContactChange) -> Changes:
    # Exactly this contact changed (screens listing contacts re-read its row alone).
    changes = CONTACT_AND_PEOPLE | (STOCK if change.supply_item_ids else ())
    changes = changes.with_ids(Entity.CONTACT, (change.contact.id,)).with_ids(Entity.PERSON, change.person_ids)
    return changes.with_ids(Entity.SUPPLY_ITEM, change.supply_item_ids) if change.supply_item_ids else changes


@operation(Entity.CONTACT, Entity.PERSON, Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT, Entity.REFERRAL, Entity.DRAFT)
def save_contact(session: Session, form: ContactSave, *, today: date | None = None) -> Done:
    """Create or update the contact; ``Done.value`` is its id."""
    data = dataclasses.replace(form.contact, person_ids=list(form.contact.person_ids))
    for alias in form.new_aliases:
        data.person_ids.append(people.create_person(session, alias, today=today).id)
    if form.contact_id is None:
        change = contacts.create_contact(session, data, allow_negative_stock=form.allow_shortage, today=today)
    else:
        change = contacts.update_contact(
            session, form.contact_id, data, allow_negative_stock=form.allow_shortage, today=today
        )
    changes = _contact_changes(change)
    contact_id = change.contact.id
    for wanted in form.referrals:
        if wanted.on_behalf:
            consents.require(session, list(data.person_ids), consents.PURPOSE_REFERRAL, today or date.today())
        for person_id in data.person_ids or [None]:
            referrals.create_referral(
                session, contact_id, wanted.service_id, person_id=person_id, status=wanted.status,
                follow_up_on=wanted.follow_up_on, notes=wanted.notes,
            )
        changes |= {Entity.REFERRAL}
    if form.draft_form_id and drafts.load(session, form.draft_form_id) is not None:
        drafts.discard(session, form.draft_form_id)
        changes |= {Entity.DRAFT}
    return Done(changes, contact_id)


@operation(Entity.CONTACT, Entity.PERSON, Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)
def delete_contact(session: Session, contact_id: int) -> Done:
    """Tombstone (kept in history); supplies go back to stock. Already gone: nothing to do."""
    try:
        change = contacts.delete_contact(session, contact_id)
    except ValidationFailed:
        return Done(Changes.of(Entity.CONTACT), contact_id)  # someone else deleted it: screens refresh
    return Done(_contact_changes(change), contact_id)


@operation(Entity.CONTACT)
def set_follow_up_done(session: Session, contact_id: int, done: bool = True) -> Done:
    contacts.set_follow_up_done(session, contact_id, done)
    return Done(Changes().with_ids(Entity.CONTACT, (contact_id,)), contact_id)


__all__ = ["ContactSave", "ReferralInput", "delete_contact", "save_contact", "set_follow_up_done"]
