"""Worker side: what is waiting to be sent, export a bundle, write an earlier one again.

The export is recorded (bundle_sent) only after the file is completely written; a
failed export records nothing, so the same changes stay pending and can be retried.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives.asymmetric import x25519
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import audit, collector, settings
from app.atomic import atomic_write
from app.sync import envelope, keys, payload, privacy
from app.sync.errors import NotConfigured
from models.base import utcnow
from models.history import RecordVersion
from models.sync import BundleSent, SyncPeer

REMINDER_WEEKDAY = "bundle_reminder_weekday"  # ISO weekday 1 (Monday) .. 7, or "" for none
DEFAULT_REMINDER_WEEKDAY = "5"


@dataclass
class ExportResult:
    path: Path
    sequence: int
    sha256: str
    full: bool
    weeks: list[str]
    counts: dict
    record_count: int
    withheld: dict


def partner(session: Session) -> SyncPeer | None:
    return session.scalars(
        select(SyncPeer).where(SyncPeer.role == keys.ROLE_COORDINATION, SyncPeer.active.is_(True))
        .order_by(SyncPeer.id.desc()).limit(1)
    ).first()


def set_partner(session: Session, identity: keys.PublicIdentity) -> SyncPeer:
    """Make La Piaule's public keys the recipient of future bundles (previous ones stay in history)."""
    if keys.mode(session) != keys.MODE_WORKER:
        raise NotConfigured("A coordination vault does not send bundles; use milieu coordination trust instead.")
    if identity.role != keys.ROLE_COORDINATION:
        raise NotConfigured("This public-key file belongs to a worker, not to La Piaule's coordination.")
    key_hex = identity.receiving_key_id.hex()
    for peer in session.scalars(select(SyncPeer).where(SyncPeer.role == keys.ROLE_COORDINATION)):
        peer.active = peer.key_id == key_hex
    row = session.scalars(select(SyncPeer).where(SyncPeer.key_id == key_hex)).first()
    if row is None:
        row = SyncPeer(
            role=keys.ROLE_COORDINATION, label=identity.label, signing_public=identity.signing_public,
            receiving_public=identity.receiving_public, key_id=key_hex, fingerprint=identity.fingerprint, active=True,
        )
        session.add(row)
    session.flush()
    audit.record(session, "partner_set", identity.fingerprint)
    return row


def last_sent(session: Session) -> BundleSent | None:
    return session.scalars(select(BundleSent).order_by(BundleSent.sequence.desc()).limit(1)).first()


def history(session: Session) -> list[BundleSent]:
    return list(session.scalars(select(BundleSent).order_by(BundleSent.sequence.desc())))


def _latest(session: Session, after_id: int) -> dict[tuple[str, str], RecordVersion]:
    """The latest version of each record changed after change-log row ``after_id``."""
    query = select(RecordVersion).where(RecordVersion.id > after_id).order_by(RecordVersion.id)
    latest: dict[tuple[str, str], RecordVersion] = {}
    for row in session.scalars(query):
        latest[(row.entity, row.uid)] = row
    return latest


def _is_deleted(row: RecordVersion, data: dict) -> bool:
    return row.op == "delete" or bool(data.get("deleted_at"))


# The latest version of each record changed since the last bundle, counted by entity and
# op. SQLite gives a bare column (op) the value of the row holding max(id); the unary +
# keeps the planner on the primary-key range (id > ?) instead of scanning the whole
# (entity, uid) index: instant for a week of changes, ~1.3 s for 180,000 never sent.
_PENDING_SQL = text(
    "SELECT entity, op, count(*) FROM ("
    " SELECT entity, op, max(id) FROM record_version WHERE id > :after GROUP BY +entity, +uid"
    ") GROUP BY entity, op"
)


def pending_counts(session: Session) -> dict[str, dict[str, int]]:
    """{entity: {"changed": n, "deleted": n}} of records changed since the last bundle (for the GUI)."""
    last = last_sent(session)
    after = last.last_change_id if last else 0
    ops: dict[str, dict[str, int]] = {}
    for entity, op, count in session.execute(_PENDING_SQL, {"after": after}):
        if entity not in privacy.POLICY:
            continue  # withheld: never sent
        counts = ops.setdefault(entity, {"changed": 0, "deleted": 0})
        counts["deleted" if op == "delete" else "changed"] += count
    return ops


def unsent_changes(session: Session) -> int:
    """Changes (versions, not records) logged since the last bundle, for the status bar.

    The change log is append-only, so this is a difference of ids: constant time
    after every save, where pending_counts() reads every pending record.
    """
    last = last_sent(session)
    return max(0, newest_change_id(session) - (last.last_change_id if last else 0))


def newest_change_id(session: Session) -> int:
    return session.scalar(select(func.max(RecordVersion.id))) or 0


def site_slug(site: str) -> str:
    text = unicodedata.normalize("NFKD", site).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40] or "site"


def file_name(site: str, worker_short_id: str, sequence: int, week: str) -> str:
    return f"milieu-{site_slug(site)}-{worker_short_id}-seq{sequence:06d}-{week}.bundle"


SHARED = ("person", "contact", "referral")  # entities whose identity fields depend on the share context


def _share_candidates(session: Session, upto: int) -> list[tuple[str, str, int]]:
    """(entity, uid, id) of the versions up to change-log row ``upto`` that can widen what
    is shared: contacts marked for supervision, persons with a consent other than "none",
    referrals with notes. Snapshots are canonical JSON (app.history), so a plain text
    test finds them without parsing the whole log."""
    return session.execute(
        select(RecordVersion.entity, RecordVersion.uid, RecordVersion.id).where(
            RecordVersion.id <= upto,
            ((RecordVersion.entity == "contact") & RecordVersion.data.contains('"share_with_supervision":true', autoescape=True))
            | ((RecordVersion.entity == "person") & ~RecordVersion.data.contains('"consent_scope":"none"', autoescape=True))
            | ((RecordVersion.entity == "referral") & ~RecordVersion.data.contains('"notes":""', autoescape=True)),
        )
    ).all()


def _share_rows(session: Session, candidates: list[tuple[str, str, int]], upto: int) -> dict[tuple[str, str], RecordVersion]:
    """The candidates that are their record's latest version as of change-log row ``upto``."""
    by_entity: dict[str, set[str]] = {}
    for entity, uid, _ in candidates:
        by_entity.setdefault(entity, set()).add(uid)
    latest_ids: set[int] = set()
    for entity, uids in by_entity.items():
        ordered = sorted(uids)
        for start in range(0, len(ordered), 500):
            latest_ids.update(session.scalars(
                select(func.max(RecordVersion.id))
                .where(RecordVersion.id <= upto, RecordVersion.entity == entity,
                       RecordVersion.uid.in_(ordered[start : start + 500]))
                .group_by(RecordVersion.uid)
            ))
    wanted = sorted(rid for _, _, rid in candidates if rid in latest_ids)
    rows: dict[tuple[str, str], RecordVersion] = {}
    for start in range(0, len(wanted), 500):
        for row in session.scalars(select(RecordVersion).where(RecordVersion.id.in_(wanted[start : start + 500]))):
            rows[(row.entity, row.uid)] = row
    return rows


# Setting: the share context as of the last bundle and what that bundle left widened
# (docs/bundle-format.md, section 5.4).
SHARE_CACHE = "sync_share_context"


_NO_STATE, _UNKNOWN_STATE = "none", "unknown"
UNKNOWN = ("unknown",)  # shared fields a previous bundle may have sent, not recorded


def _kept_state(session: Session, after_id: int):
    """(context, widened) saved with the previous bundle; _NO_STATE if there is none;
    _UNKNOWN_STATE if it is not the previous bundle's (stale, unreadable, or saved by a
    version that did not record the widened fields)."""
    kept = settings.get(session, SHARE_CACHE)
    if not kept:
        return _NO_STATE
    try:
        doc = json.loads(kept)
        if doc.get("last_change_id") != after_id:
            return _UNKNOWN_STATE
        return privacy.ShareContext.from_json(doc), privacy.widened_from_json(doc["widened"])
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return _UNKNOWN_STATE


def _share_state(session: Session, full: bool, after_id: int, changed: dict, snapshots: dict):
    """(widened as of the previous bundle, or None for a full refresh; context after the
    changes). The previous state is the one saved with the previous bundle (cheap), or
    rebuilt from the change log up to that bundle."""
    def state_of(row, data):
        return None if _is_deleted(row, data) else data

    if full:
        return None, privacy.share_context({k: state_of(row, snapshots[k]) for k, row in changed.items() if k[0] in SHARED})
    state = _kept_state(session, after_id)
    if state in (_NO_STATE, _UNKNOWN_STATE):  # rows as of the previous bundle: older than ``changed``
        candidates = _share_candidates(session, after_id)
        rows = _share_rows(session, candidates, after_id)
        before = privacy.share_context({k: state_of(row, json.loads(row.data)) for k, row in rows.items()})
        widened = before.widened()
        if state == _UNKNOWN_STATE:
            # What earlier bundles left at coordination is not known (e.g. sent by a version
            # that did not re-send narrowed records): every record ever shareable goes again.
            widened.update({(entity, uid): UNKNOWN for entity, uid, _ in candidates})
        state = before, widened
    before, widened = state
    ctx = privacy.ShareContext.from_json(before.to_json())
    for key, row in changed.items():
        if key[0] in SHARED:
            ctx.apply(key[0], key[1], state_of(row, snapshots[key]))
    return widened, ctx


def _collect(session: Session, full: bool, after_id: int, secret: bytes):
    """Latest version of each changed record, filtered, plus the withheld counts, the
    share context and what it widens, to keep for the next bundle."""
    changed = _latest(session, 0 if full else after_id)
    snapshots = {key: json.loads(row.data) for key, row in changed.items()}
    previous, ctx = _share_state(session, full, after_id, changed, snapshots)
    widened = ctx.widened()
    if previous is not None:
        # A consent, a supervision mark, a contact's persons or a deletion changes what
        # other records may show: every record whose shared fields differ from what the
        # previous bundle left at coordination goes again, with only what is now allowed
        # (the importer replaces a record's data as a whole).
        again: dict[str, set[str]] = {}
        for key in previous.keys() | widened.keys():
            if previous.get(key) != widened.get(key) and key not in changed:
                again.setdefault(key[0], set()).add(key[1])
        for entity, uids in sorted(again.items()):
            for row in _latest_of(session, entity, uids).values():
                changed[(row.entity, row.uid)] = row
                snapshots[(row.entity, row.uid)] = json.loads(row.data)
    records, withheld = [], {}
    for (entity, uid), row in changed.items():
        data = snapshots[(entity, uid)]
        deleted = _is_deleted(row, data)
        filtered = privacy.filter_record(entity, uid, data, secret, ctx)
        if filtered is None:
            withheld[entity] = withheld.get(entity, 0) + 1
            continue
        records.append({
            "entity": entity,
            "uid": privacy.exported_uid(entity, uid, secret),
            "version": max(1, int(row.version)),
            "deleted": deleted,
            "changed_at": payload.stamp(row.changed_at),
            "data": None if deleted else filtered,
        })
    # One string per record ("\0" sorts before every character of names and uids): a sort of
    # tuples holds the GIL several times longer.
    records.sort(key=lambda r: r["entity"] + "\0" + r["uid"])
    last_id = max((r.id for r in changed.values()), default=after_id)
    first_at = min((r.changed_at for r in changed.values()), default=None)
    return records, withheld, max(last_id, after_id), first_at, ctx, widened


def _latest_of(session: Session, entity: str, uids: set[str]) -> dict[str, RecordVersion]:
    out: dict[str, RecordVersion] = {}
    ordered = sorted(uids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        ids = select(func.max(RecordVersion.id)).where(
            RecordVersion.entity == entity, RecordVersion.uid.in_(chunk)
        ).group_by(RecordVersion.uid)
        for row in session.scalars(select(RecordVersion).where(RecordVersion.id.in_(ids))):
            out[row.uid] = row
    return out


def export_bundle(session: Session, out_dir: Path, *, full: bool = False, today: date | None = None,
                  progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Write the next bundle into ``out_dir`` and record it; returns what was written.
    ``progress(done, total)`` before each of its three steps."""
    step = progress or (lambda done, total: None)
    if keys.mode(session) != keys.MODE_WORKER:
        raise NotConfigured("This is a coordination vault: it imports bundles, it does not export them.")
    peer = partner(session)
    if peer is None or peer.receiving_public is None:
        raise NotConfigured("La Piaule's public key is not set yet: run milieu partner set FILE first.")
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise NotConfigured(f"The folder {out_dir} does not exist.")
    keys.ensure_keys(session)
    identity = keys.own_identity(session)
    signer = keys.signing_key(session)
    secret = keys.pseudonym_secret(session)
    previous = last_sent(session)
    after_id = previous.last_change_id if previous else 0
    step(0, 3)
    records, withheld, last_id, first_at, share, widened = _collect(session, full, after_id, secret)
    step(1, 3)

    today = today or date.today()
    if previous is not None:
        start = min(previous.period_end, today)
    else:
        start = min(first_at.date(), today) if first_at else today
    sequence = (previous.sequence + 1) if previous else 1
    counts: dict[str, dict[str, int]] = {}
    for rec in records:
        counts.setdefault(rec["entity"], {"changed": 0, "deleted": 0})["deleted" if rec["deleted"] else "changed"] += 1
    weeks = payload.weeks_between(start, today)
    recipient_id = bytes.fromhex(peer.key_id)
    body = payload.build(
        sequence=sequence, full=full, previous_sha256=previous.sha256 if previous else None,
        created_at=payload.stamp(utcnow()), period_start=start.isoformat(), period_end=today.isoformat(),
        weeks=weeks, signer_key_id=identity.signing_key_id.hex(), recipient_key_id=peer.key_id,
        site=(settings.get(session, settings.SITE_NAME) or "")[:200],
        worker=(settings.get(session, settings.WORKER_NAME) or "")[:200],
        counts=counts, withheld=withheld, records=records,
    )
    bundle = envelope.seal(
        body, sequence=sequence, full=full, signer=signer, signer_key_id=identity.signing_key_id,
        recipient=x25519.X25519PublicKey.from_public_bytes(peer.receiving_public), recipient_key_id=recipient_id,
    )
    name = file_name(settings.get(session, settings.SITE_NAME) or "", identity.short_id, sequence, weeks[-1])
    path = out_dir / name
    step(2, 3)
    atomic_write(path, bundle)  # raises before anything is recorded
    digest = envelope.sha256_hex(bundle)
    session.add(BundleSent(
        sequence=sequence, full=full, period_start=start, period_end=today, weeks=",".join(weeks),
        last_change_id=last_id, record_count=len(records), counts=json.dumps(counts, sort_keys=True),
        sha256=digest, recipient_key_id=peer.key_id, file_name=name, content=bundle,
    ))
    saved = dict(share.to_json(), widened=privacy.widened_to_json(widened), last_change_id=last_id)
    settings.set_many(session, {SHARE_CACHE: json.dumps(saved, sort_keys=True)})
    audit.record(session, "bundle_export", f"sequence {sequence}")
    session.flush()
    count = len(records)
    collector.release(records)  # tens of thousands of records: freed one by one
    return ExportResult(path, sequence, digest, full, weeks, counts, count, withheld)


def rewrite(session: Session, sequence: int, out_dir: Path) -> Path:
    """Write an earlier bundle again, byte for byte (e.g. a lost USB key)."""
    row = session.scalars(select(BundleSent).where(BundleSent.sequence == sequence)).first()
    if row is None:
        raise NotConfigured(f"No bundle with sequence {sequence} was exported from this vault.")
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise NotConfigured(f"The folder {out_dir} does not exist.")
    path = out_dir / row.file_name
    atomic_write(path, row.content)
    return path


def reminder_weekday(session: Session) -> int | None:
    value = settings.get(session, REMINDER_WEEKDAY, DEFAULT_REMINDER_WEEKDAY)
    return int(value) if value and value.isdigit() and 1 <= int(value) <= 7 else None


def set_reminder_weekday(session: Session, weekday: int | None) -> None:
    settings.set_many(session, {REMINDER_WEEKDAY: "" if weekday is None else str(int(weekday))})


def reminder_due(session: Session, today: date | None = None) -> bool:
    """True on the chosen weekday (or later in the week) while nothing was sent since that day."""
    weekday = reminder_weekday(session)
    if weekday is None:
        return False
    today = today or date.today()
    if today.isoweekday() < weekday:
        return False
    last = last_sent(session)
    due_day = date.fromordinal(today.toordinal() - (today.isoweekday() - weekday))
    return last is None or last.created_at.date() < due_day
