"""Worker side: apply La Piaule's signed directory file.

Accepted only when signed by the partner key (``milieu partner set``) and newer
than the last one applied; the same file again is a no-op. New and changed
services are imported in place, services La Piaule withdrew become inactive;
the worker's local notes are never touched. What changed stays marked on each
service until the worker opens it. The receipts for this worker's bundles are
recorded on its sent bundles.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import audit, settings
from app import collector
from app.directory.formats import Reading, hsds3_json
from app.directory.hsds_import import import_reading
from app.directory.publication.errors import DirectoryFileDamaged, DirectoryFileOlder
from app.directory.publication.file_format import decode
from app.sync import export, keys
from app.sync.errors import NotConfigured
from models.directory import DirService
from models.sync import BundleSent

APPLIED_SEQUENCE = "directory_applied_sequence"
APPLIED_SHA256 = "directory_applied_sha256"
SOURCE = "la-piaule"


@dataclass
class Applied:
    sequence: int
    replay: bool = False
    new: int = 0
    changed: int = 0
    withdrawn: int = 0
    unchanged: int = 0
    receipts: int = 0  # bundles of this worker newly confirmed as received

    def sentence(self) -> str:
        if self.replay:
            return f"Directory file number {self.sequence} was already applied: nothing changed."
        return (f"Applied La Piaule's directory number {self.sequence}: {self.new} new, {self.changed} changed, "
                f"{self.withdrawn} withdrawn, {self.unchanged} unchanged services; "
                f"{self.receipts} of your bundles confirmed received.")


# json.dumps(item, sort_keys=True, ensure_ascii=False), made once (a file has 10,000 items).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, check_circular=False)


def _item_hash(item: dict) -> str:
    return hashlib.sha256(_CANONICAL.encode(item).encode("utf-8")).hexdigest()


def apply_directory_file(session: Session, data: bytes) -> Applied:
    with collector.paused():
        return _apply(session, data)


def _apply(session: Session, data: bytes) -> Applied:
    partner = export.partner(session)
    if partner is None:
        raise NotConfigured("No La Piaule key is set (milieu partner set FILE): a directory file cannot be checked.")
    file = decode(data, partner.signing_public)
    applied = int(settings.get(session, APPLIED_SEQUENCE) or 0)
    if file.sequence == applied and file.sha256 == settings.get(session, APPLIED_SHA256):
        return Applied(file.sequence, replay=True)
    if file.sequence <= applied:
        raise DirectoryFileOlder(
            f"This directory file (number {file.sequence}) is not newer than the one applied (number {applied}): refused."
        )
    directory = file.document.get("directory")
    contents = directory.get("contents") if isinstance(directory, dict) else None
    if not isinstance(contents, list) or not all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in contents):
        raise DirectoryFileDamaged("The directory file holds no list of services.")
    result = Applied(file.sequence)
    _apply_services(session, contents, result)
    result.receipts = _record_receipts(session, file.document.get("receipts"))
    settings.set_many(session, {APPLIED_SEQUENCE: str(file.sequence), APPLIED_SHA256: file.sha256})
    audit.record(session, "directory_applied", f"sequence {file.sequence}")
    return result


def _apply_services(session: Session, contents: list[dict], result: Applied) -> None:
    conn = session.connection()
    svc = DirService.__table__
    before = {r.hsds_id: r.published_hash for r in conn.execute(select(svc.c.hsds_id, svc.c.published_hash))}
    hashes = {item["id"]: _item_hash(item) for item in contents}
    # Only what La Piaule changed is imported again: a weekly file changes a few services.
    fresh = [item for item in contents if before.get(item["id"]) != hashes[item["id"]]]
    if fresh:
        reading = Reading("Milieu directory file", SOURCE)
        hsds3_json.read_services(fresh, "directory file", reading)
        import_reading(session, reading)
    marks = []
    for hsds_id, digest in hashes.items():
        previous = before.get(hsds_id)
        if previous is None:
            result.new += 1
            marks.append((digest, "new", hsds_id))
        elif previous != digest:
            result.changed += 1
            marks.append((digest, "changed", hsds_id))
        else:
            result.unchanged += 1
    if marks:
        conn.exec_driver_sql("UPDATE dir_service SET published_hash = ?, publication_change = ? WHERE hsds_id = ?", marks)
    gone = [h for h, digest in before.items() if digest is not None and h not in hashes]
    for start in range(0, len(gone), 500):
        conn.execute(update(svc).where(svc.c.hsds_id.in_(gone[start:start + 500])).values(
            status="inactive", publication_change="withdrawn", published_hash=None))
    result.withdrawn = len(gone)


def _record_receipts(session: Session, receipts) -> int:
    if not isinstance(receipts, dict):
        return 0
    own = keys.key_id(keys.ED25519, keys.signing_key(session).public_key().public_bytes_raw()).hex()
    count = 0
    for item in receipts.get(own) or []:
        if not isinstance(item, dict) or not isinstance(item.get("sequence"), int):
            continue
        try:
            at = datetime.strptime(str(item.get("imported_at")), "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            continue
        sent = session.scalars(select(BundleSent).where(
            BundleSent.sequence == item["sequence"], BundleSent.sha256 == str(item.get("sha256")))).first()
        if sent is not None and sent.receipt_at is None:
            sent.receipt_at = at
            count += 1
    return count


def mark_seen(session: Session, service_id: int) -> None:
    """The worker opened the service: what La Piaule's last file did to it is no longer news."""
    session.execute(update(DirService).where(DirService.id == service_id).values(publication_change=None))


def changed_services(session: Session) -> dict[str, int]:
    rows = session.execute(select(DirService.publication_change).where(DirService.publication_change.is_not(None)))
    counts: dict[str, int] = {}
    for (change,) in rows:
        counts[change] = counts.get(change, 0) + 1
    return counts
