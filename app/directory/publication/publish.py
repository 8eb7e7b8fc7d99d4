"""Coordination side: publish La Piaule's directory, with receipts of the bundles received.

One file for every worker: the directory is the same for all, and each
worker's receipts are filed under its signing key id, so a worker reads only
its own (sequence and hash of each bundle; nothing personal).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, settings
from app.atomic import atomic_write, ensure_private_dir
from app import collector
from app.directory import local_terms
from app.directory.hsds_export import services_json
from app.directory.publication.file_format import FORMAT, encode
from app.sync import keys
from app.sync.errors import NotConfigured
from models.sync import BundleReceived, SyncPeer

SEQUENCE_KEY = "directory_published_sequence"
SUFFIX = ".milieu-directory"
_NOTES_TERM = local_terms.term_id("local_notes")


@dataclass(frozen=True)
class Published:
    path: Path
    sequence: int
    services: int
    workers: int


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def directory_for_workers(session: Session) -> dict:
    """The HSDS 3 paged list, without coordination's own notes (each worker keeps theirs)."""
    doc = services_json(session)
    for item in doc["contents"]:
        item["attributes"] = [a for a in item.get("attributes", []) if a.get("taxonomy_term_id") != _NOTES_TERM]
    return doc


def receipts(session: Session) -> dict[str, list[dict]]:
    rows = session.execute(
        select(SyncPeer.key_id, BundleReceived.sequence, BundleReceived.sha256, BundleReceived.imported_at)
        .join(BundleReceived, BundleReceived.peer_id == SyncPeer.id)
        .where(SyncPeer.role == keys.ROLE_WORKER).order_by(SyncPeer.key_id, BundleReceived.sequence)
    ).all()
    out: dict[str, list[dict]] = {}
    for key_id_hex, sequence, sha256, imported_at in rows:
        out.setdefault(key_id_hex, []).append(
            {"sequence": sequence, "sha256": sha256, "imported_at": _iso(imported_at.replace(tzinfo=timezone.utc))}
        )
    return out


def publish(session: Session, out_dir: Path, now: datetime | None = None) -> Published:
    if keys.mode(session) != keys.MODE_COORDINATION:
        raise NotConfigured("Only La Piaule's coordination vault publishes the directory.")
    now = now or datetime.now(timezone.utc)
    sequence = int(settings.get(session, SEQUENCE_KEY) or 0) + 1
    signing = keys.signing_key(session)
    signer = keys.key_id(keys.ED25519, signing.public_key().public_bytes_raw()).hex()
    with collector.paused():
        directory = directory_for_workers(session)
        given = receipts(session)
        document = {
            "format": FORMAT, "sequence": sequence, "published_at": _iso(now), "signer_key_id": signer,
            "directory": directory, "receipts": given,
        }
        data = encode(document, sequence, signing)
    out_dir = Path(out_dir)
    if not out_dir.exists():
        ensure_private_dir(out_dir)
    path = out_dir / f"milieu-directory-seq{sequence:06d}{SUFFIX}"
    atomic_write(path, data)
    settings.set_many(session, {SEQUENCE_KEY: str(sequence)})
    audit.record(session, "directory_published", f"sequence {sequence}")
    return Published(path, sequence, directory["total_items"], len(given))
