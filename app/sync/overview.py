"""The supervisor's overview: per library and per worker, the last bundle and how long
ago, a warning after more than 8 days of silence, gaps in sequence, contacts and
distinct people per week, referrals by outcome and conflicts by month.

A few GROUP BY queries over the typed coordination tables for every worker at once
(the window refreshes after each import, over years of records of tens of workers).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.sync import keys
from models import coordination as coord
from models.sync import BundleReceived, SyncPeer

SILENT_DAYS = 8  # a weekly bundle is due: more than this is worth a call
TREND_WEEKS = 12
SEPARATOR = " — "  # a worker's label is "library — worker" (app.sync.keys.own_identity)


@dataclass
class WorkerOverview:
    peer: SyncPeer
    last: BundleReceived | None
    missing: list[int]
    weekly_contacts: dict[str, int]  # ISO week -> live contacts (the last TREND_WEEKS weeks)
    weekly_people: dict[str, int] = field(default_factory=dict)  # ISO week -> distinct people
    referral_outcomes: dict[str, int] = field(default_factory=dict)
    conflicts_by_month: dict[str, int] = field(default_factory=dict)
    days_ago: int | None = None  # since the last bundle was written
    library: str = ""

    @property
    def silent(self) -> bool:
        """Nothing sent for more than SILENT_DAYS days (or never)."""
        return self.days_ago is None or self.days_ago > SILENT_DAYS


@dataclass
class LibraryOverview:
    name: str
    workers: list[WorkerOverview]

    def total(self, attribute: str) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for w in self.workers:
            for key, n in getattr(w, attribute).items():
                out[key] += n
        return dict(sorted(out.items()))

    @property
    def silent(self) -> int:
        return sum(w.silent for w in self.workers)


def library_of(label: str) -> str:
    return label.split(SEPARATOR, 1)[0].strip() if SEPARATOR in label else ""


def weeks_up_to(today: date, n: int = TREND_WEEKS) -> list[str]:
    monday = today - timedelta(days=today.weekday())
    return [coord.iso_week(monday - timedelta(weeks=k)) for k in range(n - 1, -1, -1)]


def _by_peer(rows) -> dict[int, dict]:
    out: dict[int, dict] = defaultdict(dict)
    for peer, key, n in rows:
        out[peer][key] = n
    return out


def overview(session: Session, today: date | None = None, peer_id: int | None = None) -> list[WorkerOverview]:
    """Every worker of the store (or one), in label order."""
    today = today or date.today()
    weeks = weeks_up_to(today)
    query = select(SyncPeer).where(SyncPeer.role == keys.ROLE_WORKER).order_by(SyncPeer.label)
    peers = list(session.scalars(query if peer_id is None else query.where(SyncPeer.id == peer_id)))

    def scoped(q, table):
        return q if peer_id is None else q.where(table.c.peer_id == peer_id)

    sequences: dict[int, list] = defaultdict(list)
    b = BundleReceived
    q = select(b.peer_id, b.sequence, b.id)
    for peer, seq, bid in session.execute(q if peer_id is None else q.where(b.peer_id == peer_id)):
        sequences[peer].append((seq, bid))
    # The trend's weeks by day range (the days' index), each day's ISO week worked out here.
    c, cp = coord.contact, coord.contact_person
    since = date.fromisocalendar(int(weeks[0][:4]), int(weeks[0][6:]), 1)
    contacts: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for peer, day, n in session.execute(scoped(
            select(c.c.peer_id, c.c.day, func.count()).where(c.c.day >= since).group_by(c.c.peer_id, c.c.day), c)):
        contacts[peer][coord.iso_week(day)] += n
    seen_in_week: dict[int, set] = defaultdict(set)
    for peer, person, day in session.execute(scoped(
            select(cp.c.peer_id, cp.c.person_uid, cp.c.day).where(cp.c.day >= since).distinct(), cp)):
        seen_in_week[peer].add((person, coord.iso_week(day)))
    people: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for peer, pairs in seen_in_week.items():
        for _person, week in pairs:
            people[peer][week] += 1
    r = coord.referral
    outcomes = _by_peer(session.execute(scoped(
        select(r.c.peer_id, r.c.outcome, func.count()).group_by(r.c.peer_id, r.c.outcome), r)))
    k = coord.conflict
    conflicts: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for peer, when in session.execute(scoped(select(k.c.peer_id, k.c.occurred_at), k)):
        conflicts[peer][f"{when:%Y-%m}"] += 1

    last_ids = {peer: max(items)[1] for peer, items in sequences.items()}
    last_rows = {row.id: row for row in session.scalars(select(b).where(b.id.in_(list(last_ids.values()))))} \
        if last_ids else {}
    out = []
    for peer in peers:
        last = last_rows.get(last_ids.get(peer.id))
        seen = {seq for seq, _ in sequences.get(peer.id, [])}
        missing = [n for n in range(1, max(seen, default=0)) if n not in seen]
        days = (today - last.created_at.date()).days if last is not None else None
        out.append(WorkerOverview(
            peer, last, missing,
            weekly_contacts={w: contacts[peer.id].get(w, 0) for w in weeks},
            weekly_people={w: people[peer.id].get(w, 0) for w in weeks},
            referral_outcomes=dict(sorted(outcomes[peer.id].items())),
            conflicts_by_month=dict(sorted(conflicts[peer.id].items())),
            days_ago=days, library=library_of(peer.label),
        ))
    return out


def worker_overview(session: Session, peer_id: int, today: date | None = None) -> WorkerOverview | None:
    rows = overview(session, today, peer_id)
    return rows[0] if rows else None


def libraries(rows: list[WorkerOverview]) -> list[LibraryOverview]:
    by_name: dict[str, list] = defaultdict(list)
    for row in rows:
        by_name[row.library].append(row)
    return [LibraryOverview(name, workers) for name, workers in sorted(by_name.items())]


def as_text(rows: list[WorkerOverview], today: date | None = None) -> str:
    """What ``milieu coordination overview`` prints (the coordination window shows the same)."""
    today = today or date.today()
    if not rows:
        return "No worker is trusted yet."
    lines = []
    libs = libraries(rows)
    weeks = weeks_up_to(today)
    lines.append(f"Libraries side by side (contacts per week, {weeks[0]} to {weeks[-1]}):")
    for lib in libs:
        trend = lib.total("weekly_contacts")
        people = lib.total("weekly_people")
        lines.append(f"  {lib.name or '(no library)'}: {len(lib.workers)} worker(s), {lib.silent} silent; "
                     f"contacts {' '.join(str(trend.get(w, 0)) for w in weeks)}; "
                     f"people {' '.join(str(people.get(w, 0)) for w in weeks)}")
    for lib in libs:
        lines.append("")
        lines.append(f"{lib.name or '(no library)'}")
        for w in lib.workers:
            last = (f"sequence {w.last.sequence}, {w.days_ago} day(s) ago" if w.last is not None
                    else "no bundle yet")
            lines.append(f"  {w.peer.label} [{w.peer.fingerprint}]: last bundle {last}")
            if w.silent:
                lines.append(f"    WARNING: nothing received for more than {SILENT_DAYS} days")
            if w.missing:
                lines.append(f"    gaps in sequence: {', '.join(map(str, w.missing))}")
            lines.append(f"    contacts per week: {' '.join(str(n) for n in w.weekly_contacts.values())}")
            lines.append(f"    people per week:   {' '.join(str(n) for n in w.weekly_people.values())}")
            lines.append("    referrals by outcome: "
                         + (", ".join(f"{k or 'unknown'} {n}" for k, n in w.referral_outcomes.items()) or "none"))
            lines.append("    conflicts by month: "
                         + (", ".join(f"{k} {n}" for k, n in w.conflicts_by_month.items()) or "none"))
    return "\n".join(lines)

