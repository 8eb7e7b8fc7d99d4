"""Coordination side: verify a bundle, then import it in one transaction.

Checks run in the order of docs/bundle-format.md, section 8; the first failure raises
one BundleRejected subclass and nothing is written. A replayed bundle is a no-op; a
gap in sequence numbers is imported with a warning naming the missing numbers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Iterable, Iterator

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit, collector
from app.sync import decode, envelope, keys, payload
from app.sync import overview as supervision
from app.sync.record_check import check_records
from app.sync.errors import BundleRejected, HeaderMismatch, NotConfigured, UnknownSigner, WrongRecipient
from models import coordination as coord
from models.sync import BundleReceived, SyncKey, SyncPeer, SyncRecord

IMPORTED = "imported"
ALREADY_IMPORTED = "already_imported"


@dataclass
class Verified:
    peer: SyncPeer
    header: envelope.Header
    payload: payload.Payload
    sha256: str

    @property
    def sequence(self) -> int:
        return self.header.sequence


@dataclass
class ImportResult:
    status: str
    sequence: int
    worker: str
    sha256: str
    counts: dict
    weeks: list[str]
    warnings: list[str] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)


def _require_coordination(session: Session) -> None:
    if keys.mode(session) != keys.MODE_COORDINATION:
        raise NotConfigured("This is a worker's vault: bundles are verified and imported in La Piaule's coordination vault.")


def trusted_worker(session: Session, key_id_hex: str) -> SyncPeer | None:
    return session.scalars(
        select(SyncPeer).where(
            SyncPeer.role == keys.ROLE_WORKER, SyncPeer.key_id == key_id_hex, SyncPeer.active.is_(True)
        )
    ).first()


def trust_worker(session: Session, identity: keys.PublicIdentity) -> SyncPeer:
    _require_coordination(session)
    if identity.role != keys.ROLE_WORKER:
        raise NotConfigured("This public-key file is a coordination key, not a worker's.")
    key_hex = identity.signing_key_id.hex()
    row = session.scalars(select(SyncPeer).where(SyncPeer.key_id == key_hex)).first()
    if row is None:
        row = SyncPeer(
            role=keys.ROLE_WORKER, label=identity.label, signing_public=identity.signing_public,
            key_id=key_hex, fingerprint=identity.fingerprint, active=True,
        )
        session.add(row)
    else:
        row.active, row.label = True, identity.label
    session.flush()
    audit.record(session, "worker_trusted", identity.fingerprint)
    return row


def workers(session: Session) -> list[SyncPeer]:
    return list(session.scalars(select(SyncPeer).where(SyncPeer.role == keys.ROLE_WORKER).order_by(SyncPeer.label)))


def verify(session: Session, data: bytes) -> Verified:
    """Every check of section 8, without writing anything."""
    _require_coordination(session)
    header = envelope.parse_header(data)
    receiving = session.get(SyncKey, keys.RECEIVING)
    if receiving is None:
        raise NotConfigured("This coordination vault has no receiving key.")
    if header.recipient_key_id != keys.key_id(keys.X25519, receiving.public):
        raise WrongRecipient("The bundle is encrypted to another receiving key than this coordination vault's.")
    peer = trusted_worker(session, header.signer_key_id.hex())
    if peer is None:
        raise UnknownSigner(
            "The bundle is signed by a key this coordination vault does not trust (milieu coordination trust FILE)."
        )
    envelope.verify_signature(data, header, ed25519.Ed25519PublicKey.from_public_bytes(peer.signing_public))
    private = x25519.X25519PrivateKey.from_private_bytes(receiving.secret)
    body = payload.parse(envelope.decrypt(data, header, private))
    doc = body.doc
    if (
        doc["sequence"] != header.sequence
        or doc["full"] != header.full
        or doc["signer_key_id"] != header.signer_key_id.hex()
        or doc["recipient_key_id"] != header.recipient_key_id.hex()
    ):
        raise HeaderMismatch("The bundle's payload disagrees with its signed header.")
    check_records(doc["records"])  # the record schema, before anything is written
    return Verified(peer, header, body, envelope.sha256_hex(data))


def _ranges(numbers: list[int]) -> str:
    parts, i = [], 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        parts.append(str(numbers[i]) if i == j else f"{numbers[i]}-{numbers[j]}")
        i = j + 1
    return ", ".join(parts)


def missing_sequences(session: Session, peer_id: int) -> list[int]:
    """Sequence numbers below the highest imported one that never arrived."""
    seen = set(session.scalars(select(BundleReceived.sequence).where(BundleReceived.peer_id == peer_id)))
    return [n for n in range(1, max(seen, default=0)) if n not in seen]


def _lock(store: Session, peer_id: int) -> None:
    """Take the worker's row lock in the store before reading what was imported: a second
    import of the same worker waits, then sees the first one's bundle. On SQLite this is
    the database's write lock (one writer); on PostgreSQL one row, so other workers'
    imports run side by side."""
    store.execute(update(SyncPeer).where(SyncPeer.id == peer_id).values(active=SyncPeer.active))


def store_peer(store: Session, peer: SyncPeer) -> SyncPeer:
    """The worker's row in the coordination store (the vault's own when the store is the vault)."""
    if peer in store:
        return peer
    row = store.scalars(select(SyncPeer).where(SyncPeer.key_id == peer.key_id)).first()
    if row is None:
        try:
            with store.begin_nested():
                row = SyncPeer(role=peer.role, label=peer.label, signing_public=peer.signing_public,
                               key_id=peer.key_id, fingerprint=peer.fingerprint, active=True)
                store.add(row)
        except IntegrityError:  # another supervisor added it meanwhile
            row = store.scalars(select(SyncPeer).where(SyncPeer.key_id == peer.key_id)).one()
    row.label = peer.label
    return row


def import_bundle(session: Session, data: bytes, file_name: str = "", store: Session | None = None) -> ImportResult:
    """Verify then apply one bundle inside the caller's transaction(s). ``session`` is the
    coordination vault (keys, trusted workers); ``store`` the coordination store the
    records go to (the vault itself by default, or PostgreSQL)."""
    store = session if store is None else store
    _lock(store, -1)  # SQLite: the write lock before the first read (no stale snapshot to upgrade)
    checked = verify(session, data)
    doc, seq = checked.payload.doc, checked.sequence
    peer = store_peer(store, checked.peer)
    _lock(store, peer.id)
    result = ImportResult(IMPORTED, seq, peer.label, checked.sha256, doc["counts"], doc["weeks"])
    if store.scalars(select(BundleReceived.id).where(BundleReceived.sha256 == checked.sha256)).first():
        result.status = ALREADY_IMPORTED
        return result

    seen = {
        row.sequence: row.sha256
        for row in store.scalars(select(BundleReceived).where(BundleReceived.peer_id == peer.id))
    }
    if seq in seen:
        result.warnings.append(f"Sequence {seq} was already imported from a different file; both are kept.")
    top = max(seen, default=0)
    if seq > top + 1:
        result.missing = [n for n in range(1, seq) if n not in seen]
        result.warnings.append(f"Bundles {_ranges(result.missing)} of this worker have not been received.")
    if seq - 1 in seen and doc["previous_sha256"] != seen[seq - 1]:
        result.warnings.append(f"This bundle does not follow bundle {seq - 1} as it was received.")

    stored = _stored(store, peer.id, None if doc["full"] else doc["records"])
    present, new_rows, changed, added = set(), [], [], []
    for rec in doc["records"]:
        key = (rec["entity"], rec["uid"])
        present.add(key)
        changed_at = payload.parse_stamp(rec["changed_at"])
        data_text = None if rec["deleted"] else json.dumps(rec["data"], sort_keys=True, ensure_ascii=False)
        row = stored.get(key)
        if row is None:
            new_rows.append({
                "peer_id": peer.id, "entity": key[0], "uid": key[1], "version": rec["version"],
                "deleted": rec["deleted"], "changed_at": changed_at, "data": data_text, "bundle_sequence": seq,
            })
            added.append((key[0], key[1], None if rec["deleted"] else rec["data"]))
        elif (rec["version"], seq) >= (row.version, row.bundle_sequence):
            row.version, row.deleted, row.changed_at, row.data, row.bundle_sequence = (
                rec["version"], rec["deleted"], changed_at, data_text, seq,
            )
            changed.append((key[0], key[1], None if rec["deleted"] else rec["data"]))
    if new_rows:
        store.execute(insert(SyncRecord), new_rows)
    if doc["full"]:
        # A full refresh is the worker's whole state: what it no longer holds is gone.
        for key, row in stored.items():
            if key not in present and row.bundle_sequence < seq and not row.deleted:
                row.deleted, row.data, row.bundle_sequence = True, None, seq
                changed.append((key[0], key[1], None))
    decode.apply(store, peer.id, changed, rollups=False)
    decode.apply(store, peer.id, added, fresh=True, rollups=False)
    coord.refresh_rollups(store, peer.id)

    store.add(BundleReceived(
        peer_id=peer.id, sequence=seq, sha256=checked.sha256, full=doc["full"],
        created_at=payload.parse_stamp(doc["created_at"]), weeks=",".join(doc["weeks"]),
        record_count=len(doc["records"]), counts=json.dumps(doc["counts"], sort_keys=True),
        warnings="\n".join(result.warnings), file_name=file_name[:200],
    ))
    audit.record(session, "bundle_import", f"sequence {seq}")
    store.flush()
    session.flush()
    collector.release(added, changed, new_rows, doc["records"], stored)  # freed one by one
    return result


def import_many(vault, items: Iterable[tuple[str, bytes]], store=None) -> Iterator[tuple[str, ImportResult | BundleRejected]]:
    """Import several bundles, each in its own transaction, on one connection (closing a
    connection checkpoints the WAL, so one per bundle would double the disk syncs).
    ``items`` are (file name or path, bytes); ``store`` an app.sync.store.Store when the
    records go elsewhere than the vault. Yields (name, result) or (name, the refusal);
    a refusal rolls back that bundle only."""
    with vault.engine.connect() as conn:
        for name, data in items:
            session = Session(bind=conn, expire_on_commit=False)
            try:
                with session.begin():
                    if store is None or not store.separate:
                        result = import_bundle(session, data, PurePath(name).name)
                    else:
                        with store.session() as remote:
                            result = import_bundle(session, data, PurePath(name).name, remote)
            except BundleRejected as exc:
                yield name, exc
                continue
            except IntegrityError:  # another supervisor imported the same bundle at the same moment
                result = ImportResult(ALREADY_IMPORTED, 0, "", envelope.sha256_hex(data), {}, [])
            finally:
                session.close()
            yield name, result
        if store is None or not store.separate:
            _refresh_statistics(conn)


def _refresh_statistics(conn) -> None:
    """Let SQLite's planner know the typed tables' sizes. Nothing analyses an embedded store
    otherwise, and without statistics SQLite picked a scan for one worker's evaluation
    (1.34 s instead of 0.10 s at 100 workers); PostgreSQL's autovacuum does this itself.
    ``analysis_limit`` bounds the work to a sample of each index."""
    conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
    conn.exec_driver_sql("PRAGMA optimize = 0x10002")  # every table, not only those this connection read
    conn.commit()


def _stored(session: Session, peer_id: int, records: list[dict] | None) -> dict[tuple[str, str], SyncRecord]:
    """The worker's stored records: all of them (full refresh) or those the bundle names."""
    query = select(SyncRecord).where(SyncRecord.peer_id == peer_id)
    if records is None:
        return {(r.entity, r.uid): r for r in session.scalars(query)}
    by_entity: dict[str, list[str]] = {}
    for rec in records:
        by_entity.setdefault(rec["entity"], []).append(rec["uid"])
    out = {}
    for entity, uids in by_entity.items():  # (peer_id, entity, uid) is the unique index
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            for r in session.scalars(query.where(SyncRecord.entity == entity, SyncRecord.uid.in_(chunk))):
                out[(r.entity, r.uid)] = r
    return out


def overview(session: Session):
    """Each worker, their last bundle, gaps and weekly figures (app.sync.overview)."""
    return supervision.overview(session)
