"""What of each record may leave the worker's machine (docs/bundle-format.md, section 5.3).

An explicit policy per entity and per field, from the record schema (app.records.schema,
each field's ``share``). Anything not listed, an unknown entity or an unknown field, is
left out: a new column never leaks by default.

Field rules:
  KEEP       copied as is (codes, counts, dates, uids of non-personal records)
  PERSON     a person's uid (or a list of them): replaced by the worker's stable pseudonym
  ALIAS      the person's alias: only with consent "alias" or "full" AND the worker's
             supervision mark (section 5.4 says exactly when)
  IDENTITY   other text that may identify someone (first name, notes): only with consent
             "full" AND the worker's supervision mark
  PAIRS      a list of [uid, integer] pairs (a contact's supply lines)
  {..}       a list of objects, each filtered with this nested policy
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

from app.records.schema import ALIAS, IDENTITY, KEEP, PAIRS, PERSON, privacy_policy

# consent_scope codes (code list "consent"): what a person agreed supervision may see.
CONSENT_FOR = {ALIAS: frozenset({"alias", "full"}), IDENTITY: frozenset({"full"})}

# Generated from the record schema (app/records/schema.py), where each field is declared once.
POLICY: dict[str, dict] = privacy_policy()


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


def contact_person_uids(data: dict) -> list[str]:
    for name in ("person_uids", "persons"):
        value = data.get(name)
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str)]
    return []


@dataclass
class ShareContext:
    """What the ALIAS and IDENTITY rules need, from the latest snapshots of the whole change log."""

    consent: dict[str, str] = field(default_factory=dict)  # person uid -> consent_scope other than "none"
    marked_contacts: dict[str, list[str]] = field(default_factory=dict)  # live marked contact uid -> person uids
    referrals: dict[str, list[str]] = field(default_factory=dict)  # live referral with notes -> [contact, person]
    _marked_persons: set[str] | None = field(default=None, repr=False, compare=False)

    @property
    def marked_persons(self) -> set[str]:
        """Persons in a live contact marked for supervision."""
        if self._marked_persons is None:
            self._marked_persons = {p for persons in self.marked_contacts.values() for p in persons}
        return self._marked_persons

    def consents(self, uid: str, rule: str) -> bool:
        return self.consent.get(uid) in CONSENT_FOR[rule]

    def person_allows(self, uid: str) -> set[str]:
        if uid not in self.marked_persons:
            return set()
        return {rule for rule in (ALIAS, IDENTITY) if self.consents(uid, rule)}

    def contact_allows(self, uid: str) -> set[str]:
        # At least one identified person: with only unidentified persons (counted, never
        # asked) "everyone consented" would hold vacuously.
        persons = self.marked_contacts.get(uid)
        if not persons or not all(self.consents(p, IDENTITY) for p in persons):
            return set()
        return {IDENTITY}

    def referral_allows(self, contact_uid: str, person_uid: str) -> set[str]:
        if person_uid and not self.consents(person_uid, IDENTITY):
            return set()
        return self.contact_allows(contact_uid)

    def widened(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """{(entity, uid): rules} of every record that is sent with more than its KEEP
        fields: what coordination holds of it, to compare from one bundle to the next."""
        out: dict[tuple[str, str], tuple[str, ...]] = {}
        candidates = (
            [("person", uid, self.person_allows(uid)) for uid in self.marked_persons]
            + [("contact", uid, self.contact_allows(uid)) for uid in self.marked_contacts]
            + [("referral", uid, self.referral_allows(c, p)) for uid, (c, p) in self.referrals.items()]
        )
        for entity, uid, rules in candidates:
            if rules:
                out[(entity, uid)] = tuple(sorted(rules))
        return out

    def apply(self, entity: str, uid: str, data: dict | None) -> None:
        """Take the latest snapshot of one record into account (None: deleted)."""
        live = data is not None and not data.get("deleted_at")
        if entity == "person":
            scope = data.get("consent_scope") if live else None
            if isinstance(scope, str) and scope != "none":
                self.consent[uid] = scope
            else:
                self.consent.pop(uid, None)
        elif entity == "contact":
            if live and data.get("share_with_supervision") is True:
                self.marked_contacts[uid] = contact_person_uids(data)
            else:
                self.marked_contacts.pop(uid, None)
            self._marked_persons = None
        elif entity == "referral":
            if live and data.get("notes"):
                self.referrals[uid] = [_text(data.get("contact_uid")), _text(data.get("person_uid"))]
            else:
                self.referrals.pop(uid, None)

    def to_json(self) -> dict:
        return {"consent": self.consent, "marked_contacts": self.marked_contacts, "referrals": self.referrals}

    @classmethod
    def from_json(cls, doc: dict) -> "ShareContext":
        return cls(
            consent=dict(doc["consent"]), marked_contacts={k: list(v) for k, v in doc["marked_contacts"].items()},
            referrals={k: [str(v[0]), str(v[1])] for k, v in doc["referrals"].items()},
        )


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def widened_to_json(widened: dict[tuple[str, str], tuple[str, ...]]) -> dict:
    out: dict[str, dict[str, list[str]]] = {}
    for (entity, uid), rules in widened.items():
        out.setdefault(entity, {})[uid] = list(rules)
    return out


def widened_from_json(doc: dict) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(entity, uid): tuple(rules) for entity, by_uid in doc.items() for uid, rules in by_uid.items()}


def share_context(latest: dict[tuple[str, str], dict | None]) -> ShareContext:
    """Build the context from {(entity, uid): latest snapshot or None when deleted}."""
    ctx = ShareContext()
    for (entity, uid), data in latest.items():
        ctx.apply(entity, uid, data)
    return ctx


def _pairs(value) -> list | None:
    if not isinstance(value, list):
        return None
    return [
        [v[0], v[1]] for v in value
        if isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], int)
        and not isinstance(v[1], bool)
    ]


def _filter(data: dict, rules: dict, secret: bytes, allowed: set[str]) -> dict:
    out = {}
    for name, rule in rules.items():
        if name not in data:
            continue
        value = data[name]
        if rule == KEEP:
            out[name] = _plain(value)
        elif rule == PERSON:
            out[name] = _person_refs(value, secret)
        elif rule == PAIRS:
            out[name] = _pairs(value)
        elif rule in (ALIAS, IDENTITY):
            if rule in allowed:
                out[name] = _plain(value)
    return out


def exported_uid(entity: str, uid: str, secret: bytes) -> str:
    return pseudonym(secret, uid) if entity == "person" else uid


def filter_record(entity: str, uid: str, data: dict, secret: bytes, ctx: ShareContext) -> dict | None:
    """The shareable part of one snapshot, or None when the entity has no policy (withheld)."""
    rules = POLICY.get(entity)
    if rules is None:
        return None
    if entity == "person":
        allowed = ctx.person_allows(uid)
    elif entity == "contact":
        allowed = ctx.contact_allows(uid)
    elif entity == "referral":
        allowed = ctx.referral_allows(_text(data.get("contact_uid")), _text(data.get("person_uid")))
    else:
        allowed = set()
    return _filter(data, rules, secret, allowed)
