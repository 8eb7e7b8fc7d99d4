"""What the floor screens read, as frozen rows (no ORM object leaves app/).

Views call these through ``ctx.ops.read(query, ...)``. The list names of the code
lists are re-exported here so views need not import ``models``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app import codes, contacts, drafts, history, people, supplies, today
from app.contacts import ContactInput
from app.directory import referrals
from app.directory.referrals import ReferralRow
from app.ops.changes import Entity
from app.directory.publication.receipts import overdue_bundles
from app.privacy import requests as privacy_requests
from app.privacy import retention
from app.sync import export as bundle_export
from app.sync import keys as bundle_keys
from app.supplies import SupplyRow
from models.codes import (  # noqa: F401 - re-exported for views
    AGE_BRACKET,
    CONSENT,
    CONTACT_TYPE,
    GENDER,
    GROUP,
    INITIATOR,
    LANGUAGE,
    PLACE,
    THEME,
    UNMET_NEED,
)


# ---- code lists -----------------------------------------------------------------

@dataclass(frozen=True)
class CodeTable:
    """code -> label of each list (retired items included: they still label old records)."""

    labels: dict[str, dict[str, str]]
    active: dict[str, tuple[tuple[str, str], ...]]  # (code, label) offered for new entries, in order


def code_table(session: Session, list_names: tuple[str, ...], lang: str = "fr") -> CodeTable:
    labels, active = {}, {}
    for name in list_names:  # one query per list: lists are short
        every = codes.items(session, name, include_retired=True)
        labels[name] = {i.code: i.label(lang) for i in every}
        active[name] = tuple((i.code, i.label(lang)) for i in every if not i.retired)
    return CodeTable(labels, active)


# ---- the contact form -----------------------------------------------------------

@dataclass(frozen=True)
class ContactFormStart:
    """What the contact panel needs to build itself: labels and supply items."""

    codes: CodeTable
    items: tuple[SupplyRow, ...]


def contact_form_start(session: Session, lang: str = "fr") -> ContactFormStart:
    return ContactFormStart(
        code_table(session, (CONTACT_TYPE, THEME, PLACE, INITIATOR, UNMET_NEED), lang),
        tuple(supplies.item_rows(session)),
    )


def supply_rows(session: Session) -> tuple[SupplyRow, ...]:
    return tuple(supplies.item_rows(session))


@dataclass(frozen=True)
class SavedContact:
    data: ContactInput
    persons: tuple[tuple[int, str], ...]  # (id, alias), in the contact's order


def saved_contact(session: Session, contact_id: int) -> SavedContact:
    """A saved contact's form values and its people's aliases (ValidationFailed when gone)."""
    data = contacts.contact_input(session, contact_id)
    aliases = {p.id: p.alias for p in contacts.get_contact(session, contact_id).persons}
    return SavedContact(data, tuple((pid, aliases[pid]) for pid in data.person_ids))


# ---- a person's page -----------------------------------------------------------------

@dataclass(frozen=True)
class PersonPage:
    id: int
    uid: str
    values: dict[str, Any]   # the details form's values (as its draft stores them)
    status: str
    last_contact_at: datetime | None
    contact_count: int
    referrals: tuple[ReferralRow, ...]
    draft: dict[str, Any] | None  # the details form's draft, when it is of this person


def person_page(session: Session, person_id: int, today: date | None = None,
                draft_form_id: str = "person_edit") -> PersonPage:
    p = people.get_person(session, person_id)
    values = {
        "person_id": p.id, "alias": p.alias, "first_name": p.first_name, "age_bracket": p.age_bracket,
        "gender": p.gender, "gender_self": p.gender_self, "languages": p.language_codes,
        "groups": p.group_codes, "notes": p.notes, "consent_scope": p.consent_scope,
        "consent_on": p.consent_on.isoformat() if p.consent_on else None, "archived": p.archived_at is not None,
    }
    draft = drafts.load(session, draft_form_id)
    if not isinstance(draft, dict) or draft.get("person_id") != person_id:
        draft = None
    return PersonPage(
        p.id, p.uid, values, p.status(today or date.today()), p.last_contact_at, p.contact_count,
        tuple(referrals.referrals_for_person(session, p.id)), draft,
    )


# ---- history -------------------------------------------------------------------------

@dataclass(frozen=True)
class VersionRow:
    version: int
    changed_at: datetime | None
    changed_by: str
    op: str
    fields: tuple[str, ...]


def version_rows(session: Session, entity: str, uid: str) -> list[VersionRow]:
    return [
        VersionRow(v.version, v.changed_at, v.changed_by or "", v.op,
                   tuple(f for f in (v.changed_fields or "").split(",") if f))
        for v in history.versions(session, entity, uid)
    ]


# ---- Today ---------------------------------------------------------------------------

# The parts of Today, each with the entities its rows come from: after an operation the
# page re-reads only the parts its changes touch (a contact saved: not the bundle, privacy
# and retention notices). A part is None in a TodayView when it was not read.
PART_CONTACTS = "contacts"      # today's contacts, follow-ups due, the week's counts
PART_STOCK = "stock"            # low stock
PART_REFERRALS = "referrals"    # referral follow-ups due
PART_NOTICES = "notices"        # the bundle reminder and receipts, privacy requests, retention
PART_DRAFT = "draft"            # the quick entry's draft is kept
PART_LABELS = "labels"          # the labels of types and themes
TODAY_PARTS: dict[str, frozenset[Entity]] = {
    PART_CONTACTS: frozenset({Entity.CONTACT, Entity.PERSON, Entity.CODE_ITEM}),
    PART_STOCK: frozenset({Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT}),
    PART_REFERRALS: frozenset({Entity.REFERRAL, Entity.CONTACT, Entity.PERSON}),
    # the retention reminder follows the audit log; the reminder day and the regime are settings
    PART_NOTICES: frozenset({Entity.BUNDLE, Entity.PRIVACY_REQUEST, Entity.SETTING, Entity.AUDIT}),
    PART_DRAFT: frozenset({Entity.DRAFT}),
    PART_LABELS: frozenset({Entity.CODE_ITEM}),
}
ALL_TODAY_PARTS = frozenset(TODAY_PARTS)


def today_parts(changes) -> frozenset[str]:
    """The parts of Today showing an entity of ``changes`` (a set of Entity)."""
    return frozenset(part for part, entities in TODAY_PARTS.items() if not entities.isdisjoint(changes))


@dataclass(frozen=True)
class TodayNotices:
    bundle_due: bool                   # the weekly bundle reminder shows
    unconfirmed_bundles: tuple[int, ...] = ()  # sequences sent > 14 days ago that La Piaule has not confirmed
    privacy_requests_due: tuple = ()   # app.privacy.requests.RequestRow: overdue or due within 7 days
    retention_due: bool = False        # the retention rules were not applied for a month (Law 25)


@dataclass(frozen=True)
class TodayView:
    contacts: today.KeyedRows | None = None      # today's, newest first
    follow_ups: today.KeyedRows | None = None    # due today or overdue, oldest first (with due_on)
    week: today.WeekCounts | None = None
    low_stock: tuple[SupplyRow, ...] | None = None
    referral_follow_ups: tuple | None = None         # app.directory.referrals.ReferralFollowUp
    notices: TodayNotices | None = None
    draft_waiting: bool | None = None
    codes: CodeTable | None = None
    delta: today.TodayDelta | None = None         # instead of contacts/follow_ups/week: ``changed`` read again


def today_notices(session: Session, day: date) -> TodayNotices:
    worker_mode = bundle_keys.mode(session) != bundle_keys.MODE_COORDINATION
    return TodayNotices(
        worker_mode and bundle_export.reminder_due(session, day),
        tuple(b.sequence for b in overdue_bundles(session)) if worker_mode else (),
        tuple(privacy_requests.due(session, day)),
        worker_mode and retention.reminder_due(session, day),
    )


def today_view(session: Session, day: date, draft_form_id: str, lang: str = "fr",
               parts: frozenset[str] = ALL_TODAY_PARTS, known: dict | None = None,
               changed: frozenset[int] | None = None) -> TodayView:
    """The parts of Today asked for, in one read (one transaction: they agree with each other).

    ``known``: the contact rows the page shows (key -> row, app.today.Key): only contacts
    new or changed since are read in full (after a save: one). ``changed``: the ids of the
    only contacts that changed (app.ops.Changes.ids): just those are read, as a delta.
    """
    values: dict[str, Any] = {}
    if PART_CONTACTS in parts and changed is not None:
        values["delta"] = today.today_delta(session, day, changed)
    elif PART_CONTACTS in parts:
        known = known or {}
        values.update(contacts=today.day_contacts_keyed(session, day, known),
                      follow_ups=today.follow_ups_keyed(session, day, known), week=today.week_counts(session, day))
    if PART_STOCK in parts:
        values["low_stock"] = tuple(today.low_stock(session))
    if PART_REFERRALS in parts:
        values["referral_follow_ups"] = tuple(referrals.referral_follow_ups(session, day))
    if PART_NOTICES in parts:
        values["notices"] = today_notices(session, day)
    if PART_DRAFT in parts:
        values["draft_waiting"] = drafts.load(session, draft_form_id) is not None
    if PART_LABELS in parts:
        values["codes"] = code_table(session, (CONTACT_TYPE, THEME, PLACE), lang)
    return TodayView(**values)


def has_draft(session: Session, form_id: str) -> bool:
    return drafts.load(session, form_id) is not None
