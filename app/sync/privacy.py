"""What of each record may leave the worker's machine (docs/bundle-format.md, section 5.3).

An explicit policy per entity and per field. Anything not listed, an unknown entity or
an unknown field, is left out: a new column never leaks by default.

Field rules:
  KEEP       copied as is (codes, counts, dates, uids of non-personal records)
  PERSON     a person's uid (or a list of them): replaced by the worker's stable pseudonym
  IDENTITY   text that may identify someone (alias, first name, notes): only when
             the person consented to supervision AND the worker marked the item for
             supervision (section 5.3 says exactly when)
  {..}       a list of objects, each filtered with this nested policy
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

KEEP = "keep"
PERSON = "person"
IDENTITY = "identity"

# consent_scope codes under which a person agreed that supervision at La Piaule sees who they are.
SUPERVISION_CONSENTS = frozenset({"supervision", "all"})

_SYNC = {"version": KEEP, "created_at": KEEP, "updated_at": KEEP, "deleted_at": KEEP}

POLICY: dict[str, dict] = {
    "person": {
        **_SYNC,
        "alias": IDENTITY,
        "first_name": IDENTITY,
        "notes": IDENTITY,
        "gender_self": IDENTITY,  # in the person's own words
        "consent_notes": IDENTITY,
        "age_bracket": KEEP,
        "gender": KEEP,
        "languages": KEEP,
        "groups": KEEP,
        "consent_scope": KEEP,
        "consent_on": KEEP,
        "archived_at": KEEP,
        "merged_into_uid": PERSON,
    },
    "contact": {
        **_SYNC,
        "occurred_at": KEEP,
        "duration_min": KEEP,
        "place_code": KEEP,
        "unidentified_count": KEEP,
        "initiated_by": KEEP,
        "types": KEEP,
        "themes": KEEP,
        "follow_up_on": KEEP,
        "follow_up_done": KEEP,
        "share_with_supervision": KEEP,
        "notes": IDENTITY,
        "person_uids": PERSON,
        "persons": PERSON,
        "supplies": {"item_uid": KEEP, "quantity": KEEP, "code": KEEP},
    },
    "referral": {
        **_SYNC,
        "contact_uid": KEEP,
        "person_uid": PERSON,
        "service_hsds_id": KEEP,
        "service_name": KEEP,
        "status": KEEP,
        "follow_up_on": KEEP,
        "follow_up_done": KEEP,
        "outcome": KEEP,
        "notes": IDENTITY,
    },
    "supply_item": {
        **_SYNC, "name": KEEP, "unit": KEEP, "low_stock_level": KEEP, "sort_order": KEEP, "retired": KEEP,
        "stock_on_hand": KEEP,
    },
    "stock_movement": {
        **_SYNC, "item_uid": KEEP, "kind": KEEP, "quantity": KEEP, "occurred_at": KEEP, "contact_uid": KEEP,
    },
    "code_item": {
        **_SYNC, "list_name": KEEP, "code": KEEP, "label_fr": KEEP, "label_en": KEEP, "category": KEEP,
        "sort_order": KEEP, "retired": KEEP,
    },
}


def pseudonym(secret: bytes, uid: str) -> str:
    """Stable, keyed and not reversible without the worker's secret: "p-" + 32 hex."""
    mac = hmac.new(secret, b"milieu-pseudonym/1\x00person\x00" + uid.encode("utf-8"), hashlib.sha256)
    return "p-" + mac.hexdigest()[:32]


def _plain(value):
    """Scalars and lists of scalars. Floats are not canonical: carried as their shortest
    decimal text. Objects under a KEEP rule are dropped (they need a nested policy)."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return [_plain(v) for v in value if not isinstance(v, (dict, list))]
    if isinstance(value, dict):
        return None
    return value


def _person_refs(value, secret: bytes):
    if isinstance(value, str):
        return pseudonym(secret, value) if value else value
    if isinstance(value, list):
        return [pseudonym(secret, v) for v in value if isinstance(v, str) and v]
    return None


@dataclass
class ShareContext:
    """What the IDENTITY rule needs to know, from the latest snapshots of the whole change log."""

    consented: set[str] = field(default_factory=set)  # person uids with a supervision consent
    marked_persons: set[str] = field(default_factory=set)  # persons in a live contact marked for supervision
    marked_contacts: dict[str, list[str]] = field(default_factory=dict)  # marked contact uid -> person uids

    def person_shared(self, uid: str) -> bool:
        return uid in self.consented and uid in self.marked_persons

    def contact_shared(self, uid: str) -> bool:
        persons = self.marked_contacts.get(uid)
        return persons is not None and all(p in self.consented for p in persons)


def contact_person_uids(data: dict) -> list[str]:
    for name in ("person_uids", "persons"):
        value = data.get(name)
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str)]
    return []


def share_context(latest: dict[tuple[str, str], dict | None]) -> ShareContext:
    """Build the context from {(entity, uid): latest snapshot or None when deleted}."""
    ctx = ShareContext()
    for (entity, uid), data in latest.items():
        if data is None:
            continue
        if entity == "person" and data.get("consent_scope") in SUPERVISION_CONSENTS and not data.get("deleted_at"):
            ctx.consented.add(uid)
        elif entity == "contact" and data.get("share_with_supervision") is True and not data.get("deleted_at"):
            persons = contact_person_uids(data)
            ctx.marked_contacts[uid] = persons
            ctx.marked_persons.update(persons)
    return ctx


def _filter(data: dict, rules: dict, secret: bytes, identity_ok: bool) -> dict:
    out = {}
    for name, rule in rules.items():
        if name not in data:
            continue
        value = data[name]
        if rule == KEEP:
            out[name] = _plain(value)
        elif rule == PERSON:
            out[name] = _person_refs(value, secret)
        elif rule == IDENTITY:
            if identity_ok:
                out[name] = _plain(value)
        elif isinstance(rule, dict) and isinstance(value, list):
            out[name] = [_filter(v, rule, secret, identity_ok) for v in value if isinstance(v, dict)]
    return out


def exported_uid(entity: str, uid: str, secret: bytes) -> str:
    return pseudonym(secret, uid) if entity == "person" else uid


def filter_record(entity: str, uid: str, data: dict, secret: bytes, ctx: ShareContext) -> dict | None:
    """The shareable part of one snapshot, or None when the entity has no policy (withheld)."""
    rules = POLICY.get(entity)
    if rules is None:
        return None
    if entity == "person":
        identity_ok = ctx.person_shared(uid)
    elif entity == "contact":
        identity_ok = ctx.contact_shared(uid)
    elif entity == "referral":
        person = data.get("person_uid")
        identity_ok = ctx.contact_shared(data.get("contact_uid") or "") and (not person or person in ctx.consented)
    else:
        identity_ok = False
    return _filter(data, rules, secret, identity_ok)
