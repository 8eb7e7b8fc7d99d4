"""La Piaule's side: the same report from the records imported from workers' bundles.

Each imported record was decoded once, at import, into the typed tables of
models.coordination (keyed by worker and uid; persons under a pseudonym). The report's
tallies are a handful of GROUP BY queries over them, portable SQL through SQLAlchemy:
the same on the embedded vault and on PostgreSQL, per worker or for all workers.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from app import settings
from app.activity.presence import PresenceRow
from app.activity import presence as presence_hours
from app.report import aggregate, coordination_counts
from app.report import labels as words
from app.report import period as periods
from app.report import suppress_set
from app.report.aggregate import Tallies
from app.report.model import Report
from app.report.period import Period
from app.report.rows import ConflictRow, SupportRow
from app.report.worker import LABELLED_LISTS, code_labels
from models import coordination as coord
from models import coordination_evaluation as coord_evaluation
from models.sync import SyncPeer
from app.report import evaluation, evaluation_coordination, evaluation_worker


def _day(text) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except (TypeError, ValueError):
        return None


def _scoped(query, table, peer_id: int | None):
    return query if peer_id is None else query.where(table.c.peer_id == peer_id)


def peers_with_records(session: Session, peer_id: int | None = None) -> list[int]:
    """Workers with at least one live decoded record (each counts their own presence): one
    index probe per worker and table, not a scan of every row."""
    has = [exists().where(t.c.peer_id == SyncPeer.id) for t in coord.ALL if "uid" in t.c]
    query = select(SyncPeer.id).where(or_(*has)).order_by(SyncPeer.id)
    return list(session.scalars(query if peer_id is None else query.where(SyncPeer.id == peer_id)))


def workers(session: Session) -> list[SyncPeer]:
    """Workers with at least one imported record, the library's own included (a worker may
    first send only the library's past incidents or visit counts). Presence still counts only
    for workers with records of their own work (peers_with_records)."""
    library = [exists().where(t.c.peer_id == SyncPeer.id) for t in coord_evaluation.ALL]
    ids = set(peers_with_records(session)) | set(session.scalars(select(SyncPeer.id).where(or_(*library))))
    return [p for p in session.scalars(select(SyncPeer).order_by(SyncPeer.label)) if p.id in ids]


def _in(table, column, p: Period, peer_id: int | None, *, as_time: bool = False):
    """``column`` inside the period (a date, or a datetime with ``as_time``), for one worker or all."""
    lo, hi = (datetime.combine(p.start, time()), datetime.combine(p.end, time())) if as_time else (p.start, p.end)
    clause = and_(column >= lo, column < hi)
    return clause if peer_id is None else and_(clause, table.c.peer_id == peer_id)


def tally(session: Session, p: Period, peer_id: int | None = None, lang: str = "fr") -> Tallies:
    """The report's tallies with SQL (same numbers as the worker's own for the same records)."""
    c = coord.contact
    t = Tallies(**_activity(session, p, peer_id, lang))
    coordination_counts.counts(session, t, p, peer_id)

    r = coord.referral
    # The contact's day; a referral that does not name its contact counts on the day it was made.
    day = func.coalesce(c.c.day, r.c.created_on)
    query = (select(r.c.status, r.c.outcome, func.count())
             .select_from(r.outerjoin(c, and_(c.c.peer_id == r.c.peer_id, c.c.uid == r.c.contact_uid)))
             .where(_in(r, day, p, peer_id)).group_by(r.c.status, r.c.outcome))
    for status, outcome, n in session.execute(query):
        t.referral_status[status] += n
        t.referral_outcome[outcome] += n
    return t


def _activity(session: Session, p: Period, peer_id: int | None, lang: str) -> dict:
    """Conflicts, staff support, presence and labels: few rows, read as rows."""
    k, s, pr, c = coord.conflict, coord.staff_support, coord.presence, coord.contact
    conflicts = [ConflictRow(*row) for row in session.execute(
        select(k.c.occurred_at, k.c.intensity, k.c.parties).where(_in(k, k.c.occurred_at, p, peer_id, as_time=True))
    )]
    supports = [SupportRow(*row) for row in session.execute(
        select(s.c.occurred_on, s.c.kind, s.c.staff_count, s.c.duration_min).where(_in(s, s.c.occurred_on, p, peer_id))
    )]
    presence: dict = {peer: [] for peer in peers_with_records(session, peer_id)}
    if peer_id is not None:
        presence.setdefault(peer_id, [])
    for peer, day, span, library, street in session.execute(_scoped(
        select(pr.c.peer_id, pr.c.starts_on, pr.c.span, pr.c.library_min, pr.c.street_min)
        .where(pr.c.starts_on >= p.start - timedelta(days=6), pr.c.starts_on < p.end), pr, peer_id
    )):
        presence.setdefault(peer, []).append(PresenceRow(day, span, library, street))
    # Each worker's first contact: one probe of the (worker, day) index per worker, not a scan.
    first = select(func.min(c.c.day)).where(c.c.peer_id == SyncPeer.id).scalar_subquery()
    query = select(SyncPeer.id, first) if peer_id is None else select(SyncPeer.id, first).where(SyncPeer.id == peer_id)
    started = {peer: day for peer, day in session.execute(query) if day is not None}

    labels = code_labels(session, lang)
    ci = coord.code_item
    for name, code, fr, en in session.execute(
        select(ci.c.list_name, ci.c.code, ci.c.label_fr, ci.c.label_en).where(ci.c.list_name.in_(LABELLED_LISTS))
        .order_by(ci.c.peer_id, ci.c.uid)
    ):
        text = en if lang.startswith("en") and en else fr
        labels.setdefault(name, {}).setdefault(code, text or code)
    return dict(conflicts=conflicts, supports=supports, presence=presence, presence_from=started,
                schedule=presence_hours.Schedule(), labels=labels)


def report(
    session: Session, p: Period, peer_id: int | None = None, *, lang: str = "fr", today: date | None = None,
    baseline: Period | None = None,
) -> Report:
    """One worker's report (``peer_id``) or all workers together (None), with the evaluation's
    tables (issue 13) from what the workers sent of their library's records."""
    if peer_id is None:
        scope = words.text("all_workers", lang)
    else:
        peer = session.get(SyncPeer, peer_id)
        scope = peer.label if peer is not None else str(peer_id)
    out = aggregate.compute(
        tally(session, p, peer_id, lang), p, site=settings.get(session, settings.SITE_NAME, "") or "",
        scope=scope, lang=lang, today=today,
    )
    data = evaluation_coordination.load(session, p, baseline, peer_id, lang)
    return evaluation.extend(out, data, baseline)


def default_baseline(session: Session, today: date | None = None) -> Period | None:
    """The 12 months before the pilot, when workers sent incidents or conflicts of that time."""

    start = pilot_period(session, today).start
    candidate = evaluation_worker.twelve_months_before(start)
    return candidate if evaluation_coordination.incidents(session, candidate) else None


def pilot_period(session: Session, today: date | None = None):
    """The pilot period from the settings; without them, from the first imported contact to today."""
    today = today or date.today()
    value = settings.get(session, periods.PILOT_START_KEY)
    start = _day(value) if value else None
    if start is None:
        start = session.scalar(select(func.min(coord.contact.c.day))) or today
    end_value = settings.get(session, periods.PILOT_END_KEY)
    return periods.pilot(start, _day(end_value) if end_value else None, today)



def for_outside(session: Session, p: Period, peer_id: int | None = None, *, lang: str = "fr",
                today: date | None = None, baseline: Period | None = None) -> Report:
    """The report an export for outside shows: small counts suppressed consistently with the
    all-workers report and every worker's (app.report.suppress_set), whichever is exported."""
    peers = [w.id for w in workers(session)]
    if peer_id is not None and peer_id not in peers:
        peers.append(peer_id)
    reports = [report(session, p, None, lang=lang, today=today, baseline=baseline)]
    reports += [report(session, p, pid, lang=lang, today=today, baseline=baseline) for pid in peers]
    done = suppress_set.for_outside_set(reports)
    return done[0] if peer_id is None else done[1 + peers.index(peer_id)]
