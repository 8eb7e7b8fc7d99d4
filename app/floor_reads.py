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

@dataclass(frozen=True)
class TodayView:
    summary: today.TodaySummary
    referral_follow_ups: tuple         # app.directory.referrals.ReferralFollowUp
    draft_waiting: bool                # the quick entry's draft is kept
    bundle_due: bool                   # the weekly bundle reminder shows
    unconfirmed_bundles: tuple[int, ...] = ()  # sequences sent > 14 days ago that La Piaule has not confirmed
    privacy_requests_due: tuple = ()   # app.privacy.requests.RequestRow: overdue or due within 7 days
    retention_due: bool = False        # the retention rules were not applied for a month (Law 25)


def today_view(session: Session, day: date, draft_form_id: str, lang: str = "fr") -> tuple[TodayView, CodeTable]:
    worker_mode = bundle_keys.mode(session) != bundle_keys.MODE_COORDINATION
    view = TodayView(
        today.today_summary(session, day),
        tuple(referrals.referral_follow_ups(session, day)),
        drafts.load(session, draft_form_id) is not None,
        worker_mode and bundle_export.reminder_due(session, day),
        tuple(b.sequence for b in overdue_bundles(session)) if worker_mode else (),
        tuple(privacy_requests.due(session, day)),
        worker_mode and retention.reminder_due(session, day),
    )
    return view, code_table(session, (CONTACT_TYPE, THEME, PLACE), lang)


def has_draft(session: Session, form_id: str) -> bool:
    return drafts.load(session, form_id) is not None
