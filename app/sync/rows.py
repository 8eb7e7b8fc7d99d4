"""What the bundle screens and the status bar show, as frozen rows (never ORM objects)."""
from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.report import coordination
from app.sync import export, importer, keys
from app.sync import overview as supervision


@dataclass(frozen=True)
class Peer:
    label: str
    fingerprint: str


@dataclass(frozen=True)
class SentRow:
    sequence: int
    created_at: datetime
    weeks: str
    record_count: int
    sha256: str
    file_name: str
    full: bool
    receipt_at: datetime | None  # when La Piaule's directory file said it received it


@dataclass(frozen=True)
class WorkerState:
    """The worker's Envois panel: own key, La Piaule's key, what waits, what was sent, the reminder."""

    own: Peer
    partner: Peer | None
    pending: dict  # {entity: {"changed": n, "deleted": n}}
    sent: tuple[SentRow, ...]
    reminder_weekday: int | None
    reminder_due: bool


@dataclass(frozen=True)
class WorkerRow:
    label: str
    fingerprint: str
    last_sequence: int | None
    last_weeks: str
    last_imported_at: datetime | None
    missing: tuple[int, ...]
    weekly_contacts: dict  # ISO week -> live contacts
    library: str = ""
    days_ago: int | None = None  # since the last bundle was written
    silent: bool = False  # nothing sent for more than overview.SILENT_DAYS days (or never)
    weekly_people: dict = field(default_factory=dict)  # ISO week -> distinct people
    referral_outcomes: dict = field(default_factory=dict)  # outcome code -> referrals
    conflicts_by_month: dict = field(default_factory=dict)  # "YYYY-MM" -> conflicts


@dataclass(frozen=True)
class LibraryRow:
    """One library's workers added up, for the side-by-side comparison."""

    name: str
    workers: int
    silent: int
    weekly_contacts: dict
    weekly_people: dict
    referral_outcomes: dict
    conflicts_by_month: dict
    days_ago: int | None = None  # the library's newest bundle (None: none yet)


@dataclass(frozen=True)
class CoordinationOverview:
    """The coordination window: what ``milieu coordination overview`` prints."""

    weeks: tuple[str, ...]  # the trend's ISO weeks, oldest first
    workers: tuple[WorkerRow, ...]
    libraries: tuple[LibraryRow, ...]
    silent_days: int = supervision.SILENT_DAYS


@dataclass(frozen=True)
class UnsentStatus:
    worker_mode: bool
    waiting: int
    last_sequence: int | None
    last_created_at: datetime | None
    sent_upto: int = 0  # the change-log row the last bundle ended at


def mode(session: Session) -> str:
    return keys.mode(session)


def is_coordination(session: Session) -> bool:
    return keys.mode(session) == keys.MODE_COORDINATION


def own_identity(session: Session) -> keys.PublicIdentity:
    """The vault's public identity (a frozen dataclass: label, public keys, fingerprint)."""
    return keys.own_identity(session)


def worker_state(session: Session) -> WorkerState:
    own = keys.own_identity(session)
    partner = export.partner(session)
    return WorkerState(
        own=Peer(own.label, own.fingerprint),
        partner=Peer(partner.label, partner.fingerprint) if partner else None,
        pending=export.pending_counts(session),
        sent=tuple(
            SentRow(b.sequence, b.created_at, b.weeks, b.record_count, b.sha256, b.file_name, b.full, b.receipt_at)
            for b in export.history(session)
        ),
        reminder_weekday=export.reminder_weekday(session),
        reminder_due=export.reminder_due(session),
    )


def own_peer(session: Session) -> Peer:
    """La Piaule's own identity (in the vault, whatever the store)."""
    own = keys.own_identity(session)
    return Peer(own.label, own.fingerprint)


def _worker_row(o: supervision.WorkerOverview) -> WorkerRow:
    return WorkerRow(
        o.peer.label, o.peer.fingerprint, o.last.sequence if o.last else None, o.last.weeks if o.last else "",
        o.last.imported_at if o.last else None, tuple(o.missing), dict(o.weekly_contacts),
        library=o.library, days_ago=o.days_ago, silent=o.silent, weekly_people=dict(o.weekly_people),
        referral_outcomes=dict(o.referral_outcomes), conflicts_by_month=dict(o.conflicts_by_month),
    )


def worker_rows(session: Session) -> tuple[WorkerRow, ...]:
    """Each worker's last bundle, gaps and weekly figures (``session`` on the coordination store)."""
    return tuple(_worker_row(o) for o in importer.overview(session))


def coordination_overview(session: Session, today: date | None = None) -> CoordinationOverview:
    """Per library and worker: last bundle, silence, gaps, weekly trend, referrals, conflicts
    (``session`` on the coordination store; the same figures as ``supervision.as_text``)."""
    today = today or date.today()
    found = supervision.overview(session, today)
    libraries = tuple(
        LibraryRow(lib.name, len(lib.workers), lib.silent, lib.total("weekly_contacts"), lib.total("weekly_people"),
                   lib.total("referral_outcomes"), lib.total("conflicts_by_month"),
                   min((w.days_ago for w in lib.workers if w.days_ago is not None), default=None))
        for lib in supervision.libraries(found)
    )
    return CoordinationOverview(tuple(supervision.weeks_up_to(today)), tuple(_worker_row(o) for o in found),
                                libraries)


def coordination_state(session: Session) -> tuple[Peer, tuple[WorkerRow, ...]]:
    """Both, when the store is the vault (tests, the embedded store)."""
    return own_peer(session), worker_rows(session)


def unsent_status(session: Session) -> UnsentStatus:
    if keys.mode(session) != keys.MODE_WORKER:
        return UnsentStatus(False, 0, None, None)
    last = export.last_sent(session)
    return UnsentStatus(True, export.unsent_changes(session), last.sequence if last else None,
                        last.created_at if last else None, last.last_change_id if last else 0)


def unsent_after_save(session: Session, status: UnsentStatus) -> UnsentStatus:
    """``status`` with its count read again, after a change that neither sent a bundle nor
    changed the vault's mode: one query on the append-only change log."""
    if not status.worker_mode:
        return status
    return dataclasses.replace(status, waiting=max(0, export.newest_change_id(session) - status.sent_upto))


def report_workers(session: Session) -> list[tuple[int, str]]:
    """(peer id, label) of the workers the coordination report can be narrowed to."""
    return [(p.id, p.label or p.fingerprint) for p in coordination.workers(session)]
