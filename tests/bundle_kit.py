"""Helpers for the bundle tests: a worker vault paired with a coordination vault,
real records written through app.history (the change log the exporter reads)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app import history
from app.sync import coordination, export, importer, keys
from app.vault import Vault
from models.contacts import Contact
from models.core import AuditEvent
from models.people import Person
from models.sync import BundleReceived, SyncRecord

FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}
PASSPHRASE = "correct horse battery staple"


def make_coordination(path: Path) -> Vault:
    return coordination.init_coordination(path, PASSPHRASE, "La Piaule", FAST_KDF)


def pair(worker: Vault, coord: Vault) -> None:
    """Exchange public-key files both ways, as the CLI does."""
    with coord.session() as s:
        coord_text = keys.own_identity(s).to_text().encode()
    with worker.session() as s:
        worker_text = keys.own_identity(s).to_text().encode()
        export.set_partner(s, keys.parse_public_file(coord_text))
    with coord.session() as s:
        importer.trust_worker(s, keys.parse_public_file(worker_text))


def add_person(vault: Vault, alias: str, *, notes: str = "", consent: str = "none", first_name: str = "") -> str:
    with vault.session() as s:
        person = Person(alias=alias, notes=notes, first_name=first_name, consent_scope=consent, age_bracket="25_34")
        history.record_create(s, person)
        return person.uid


def add_contact(vault: Vault, person_uids: list[str], *, notes: str = "", marked: bool = False,
                when: datetime = datetime(2026, 11, 24, 10, 30)) -> str:
    with vault.session() as s:
        contact = Contact(occurred_at=when, duration_min=15, place_code="hall", notes=notes,
                          share_with_supervision=marked)
        s.add(contact)
        s.flush()
        history.record_create(s, contact, data=history.snapshot(contact, extra={"person_uids": person_uids, "types": ["listening"]}))
        return contact.uid


def edit_contact(vault: Vault, uid: str, **changes) -> None:
    with vault.session() as s:
        contact = s.scalars(select(Contact).where(Contact.uid == uid)).one()
        for key, value in changes.items():
            setattr(contact, key, value)
        last = history.last_version(s, "contact", uid)
        extra = {k: v for k, v in json.loads(last.data).items() if k in ("person_uids", "types")}
        history.record_update(s, contact, data=history.snapshot(contact, extra=extra))


def edit_person(vault: Vault, uid: str, **changes) -> None:
    with vault.session() as s:
        person = s.scalars(select(Person).where(Person.uid == uid)).one()
        for key, value in changes.items():
            setattr(person, key, value)
        history.record_update(s, person)


def delete_contact(vault: Vault, uid: str) -> None:
    with vault.session() as s:
        history.record_delete(s, s.scalars(select(Contact).where(Contact.uid == uid)).one())


def export_to(vault: Vault, out: Path, **kw) -> export.ExportResult:
    out.mkdir(parents=True, exist_ok=True)
    with vault.session() as s:
        return export.export_bundle(s, out, **kw)


def import_bytes(coord: Vault, data: bytes) -> importer.ImportResult:
    with coord.session() as s:
        return importer.import_bundle(s, data)


def coordination_state(coord: Vault) -> tuple:
    """Everything an import may change, to compare before and after a refused import."""
    with coord.session() as s:
        records = sorted(
            (r.peer_id, r.entity, r.uid, r.version, r.deleted, r.data, r.bundle_sequence)
            for r in s.scalars(select(SyncRecord))
        )
        bundles = sorted((b.peer_id, b.sequence, b.sha256) for b in s.scalars(select(BundleReceived)))
        audit_count = s.scalar(select(func.count()).select_from(AuditEvent))
    return records, bundles, audit_count


def coordination_records(coord: Vault, entity: str) -> dict[str, SyncRecord]:
    with coord.session() as s:
        return {r.uid: r for r in s.scalars(select(SyncRecord).where(SyncRecord.entity == entity))}


@dataclass
class Pair:
    worker: Vault
    coord: Vault
    out: Path
