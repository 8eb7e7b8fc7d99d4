"""The worker's side: rows of the report read from the vault, a handful of queries."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app import settings
from app.activity import presence
from app.report import aggregate
from app.report import period as periods
from app.report.aggregate import Tallies
from app.report.model import Report
from app.report.period import Period
from app.report.rows import (
    ConflictRow, ContactRow, PersonRow, ReferralRow, ReportInput, SupplyRow, SupportRow,
)
from models.activity import Conflict, StaffSupport
from models.codes import CodeItem
from models.contacts import Contact, ContactTheme, ContactType, contact_person
from models.people import Person
from models.referral import Referral
from models.supplies import GIVEN, StockMovement, SupplyItem
from app.report import evaluation, evaluation_worker

LABELLED_LISTS = ("contact_type", "theme", "age_bracket", "gender", "place")


def _bounds(p: Period) -> tuple[datetime, datetime]:
    return datetime.combine(p.start, time()), datetime.combine(p.end, time())


def code_labels(session: Session, lang: str = "fr") -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {name: {} for name in LABELLED_LISTS}
    query = (
        select(CodeItem)
        .where(CodeItem.list_name.in_(LABELLED_LISTS), CodeItem.deleted_at.is_(None))
        .order_by(CodeItem.list_name, CodeItem.sort_order, CodeItem.id)
    )
    for item in session.scalars(query):
        out[item.list_name][item.code] = item.label(lang)
    return out


def load(session: Session, p: Period, lang: str = "fr") -> ReportInput:
    start, end = _bounds(p)
    in_period = and_(Contact.deleted_at.is_(None), Contact.occurred_at >= start, Contact.occurred_at < end)

    types: dict[int, list[str]] = defaultdict(list)
    for cid, code in session.execute(select(ContactType.contact_id, ContactType.code).join(Contact).where(in_period)):
        types[cid].append(code)
    themes: dict[int, list[str]] = defaultdict(list)
    for cid, code in session.execute(select(ContactTheme.contact_id, ContactTheme.code).join(Contact).where(in_period)):
        themes[cid].append(code)
    persons_of: dict[int, list[int]] = defaultdict(list)
    link = select(contact_person.c.contact_id, contact_person.c.person_id).join(
        Contact, Contact.id == contact_person.c.contact_id
    )
    for cid, pid in session.execute(link.where(in_period)):
        persons_of[cid].append(pid)

    contacts = []
    first_in_period: dict[int, date] = {}
    query = select(Contact.id, Contact.occurred_at, Contact.unidentified_count).where(in_period)
    for cid, when, unidentified in session.execute(query.order_by(Contact.occurred_at)):
        persons = tuple(persons_of.get(cid, ()))
        for pid in persons:
            first_in_period.setdefault(pid, when.date())
        contacts.append(ContactRow(when, persons, tuple(types.get(cid, ())), tuple(themes.get(cid, ())), unidentified))

    # A person is new when no live contact of theirs precedes the period.
    seen_before = set(
        session.scalars(
            select(contact_person.c.person_id)
            .join(Contact, Contact.id == contact_person.c.contact_id)
            .where(Contact.deleted_at.is_(None), Contact.occurred_at < start)
            .distinct()
        )
    )
    before = p.start - timedelta(days=1)
    first_seen = {pid: (before if pid in seen_before else day) for pid, day in first_in_period.items()}

    persons = {
        pid: PersonRow(pid, age, gender)
        for pid, age, gender in session.execute(select(Person.id, Person.age_bracket, Person.gender))
        if pid in first_in_period
    }

    referrals = [
        ReferralRow(when.date(), status, outcome)
        for status, outcome, when in session.execute(
            select(Referral.status, Referral.outcome, Contact.occurred_at)
            .join(Contact, Contact.id == Referral.contact_id)
            .where(Referral.deleted_at.is_(None), in_period)
        )
    ]
    supplies = [
        SupplyRow(name, -int(total))
        for name, total in session.execute(
            select(SupplyItem.name, func.sum(StockMovement.quantity))
            .join(SupplyItem, SupplyItem.id == StockMovement.item_id)
            .where(
                StockMovement.deleted_at.is_(None), StockMovement.kind == GIVEN,
                StockMovement.occurred_at >= start, StockMovement.occurred_at < end,
            )
            .group_by(SupplyItem.name)
        )
    ]
    return ReportInput(
        contacts=contacts, persons=persons, first_seen=first_seen, referrals=referrals, supplies=supplies,
        **_activity(session, p, lang),
    )


def _activity(session: Session, p: Period, lang: str) -> dict:
    """What ``load`` and ``tally`` read alike: conflicts, staff support, presence and labels."""
    start, end = _bounds(p)
    conflicts = [
        ConflictRow(when, intensity, parties)
        for when, intensity, parties in session.execute(
            select(Conflict.occurred_at, Conflict.intensity, Conflict.parties).where(
                Conflict.deleted_at.is_(None), Conflict.occurred_at >= start, Conflict.occurred_at < end
            )
        )
    ]
    supports = [
        SupportRow(day, kind, staff, minutes)
        for day, kind, staff, minutes in session.execute(
            select(StaffSupport.occurred_on, StaffSupport.kind, StaffSupport.staff_count, StaffSupport.duration_min)
            .where(StaffSupport.deleted_at.is_(None), StaffSupport.occurred_on >= p.start,
                   StaffSupport.occurred_on < p.end)
        )
    ]
    return dict(
        conflicts=conflicts, supports=supports, presence={None: presence.rows(session, p.start, p.end)},
        presence_from={None: _pilot_start(session) or p.start}, schedule=presence.schedule(session),
        labels=code_labels(session, lang),
    )


def _setting_day(session: Session, key: str) -> date | None:
    value = settings.get(session, key)
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _pilot_start(session: Session) -> date | None:
    """The pilot's start if set, else the day of the first live contact (None without any):
    the pilot period's default start and the day a worker's presence starts counting."""
    start = _setting_day(session, periods.PILOT_START_KEY)
    if start is None:
        first = session.scalar(select(func.min(Contact.occurred_at)).where(Contact.deleted_at.is_(None)))
        start = first.date() if first else None
    return start


def pilot_period(session: Session, today: date | None = None) -> Period:
    """The pilot period from the settings; without them, from the first contact to today."""
    today = today or date.today()
    return periods.pilot(_pilot_start(session) or today, _setting_day(session, periods.PILOT_END_KEY), today)


def set_pilot_period(session: Session, first_day: date, last_day: date | None) -> Period:
    p = periods.custom(first_day, last_day or first_day)
    settings.set_many(session, {periods.PILOT_START_KEY: first_day.isoformat(),
                                periods.PILOT_END_KEY: last_day.isoformat() if last_day else ""})
    return p


def report(
    session: Session, p: Period, *, lang: str = "fr", today: date | None = None, baseline: Period | None = None,
) -> Report:
    """The worker's report for a period (exact numbers; suppression happens at export), with
    the evaluation's tables (issue 13), compared with ``baseline`` when given."""

    out = aggregate.compute(
        tally(session, p, lang), p,
        site=settings.get(session, settings.SITE_NAME, "") or "",
        scope=settings.get(session, settings.WORKER_NAME, "") or "",
        lang=lang, today=today,
    )
    return evaluation.extend(out, evaluation_worker.load(session, p, baseline, lang), baseline)


def default_baseline(session: Session) -> Period | None:
    """The 12 months before the pilot started, when there is data there (the Bilan's default)."""

    start = _pilot_start(session)
    return evaluation_worker.default_baseline(session, start) if start else None


# ---- tallies with SQL: what the screen and the exports use ------------------------------
_LIVE = "c.deleted_at IS NULL AND c.occurred_at >= ? AND c.occurred_at < ?"
_OUTSIDE_IDS = (
    "SELECT id FROM contact WHERE deleted_at IS NOT NULL "
    "UNION ALL SELECT id FROM contact WHERE deleted_at IS NULL AND occurred_at < ? "
    "UNION ALL SELECT id FROM contact WHERE deleted_at IS NULL AND occurred_at >= ?"
)


def _code_counts(conn, table: str, bounds: tuple[str, str], most_inside: bool) -> Counter:
    """Codes of contacts in the period. When most contacts are inside, count every row
    through the (code, contact) index and take away the few outside: much cheaper."""
    if not most_inside:
        return Counter(dict(conn.exec_driver_sql(
            f"SELECT t.code, count(*) FROM {table} t JOIN contact c ON c.id = t.contact_id WHERE {_LIVE} GROUP BY 1",
            bounds,
        ).all()))
    counts = Counter(dict(conn.exec_driver_sql(f"SELECT code, count(*) FROM {table} GROUP BY code").all()))
    counts.subtract(dict(conn.exec_driver_sql(
        f"SELECT code, count(*) FROM {table} WHERE contact_id IN ({_OUTSIDE_IDS}) GROUP BY code", bounds
    ).all()))
    return +counts  # drops zeros


def _seen_before(raw, start: str, persons: set) -> set:
    """Which of ``persons`` had a live contact before ``start``. One range scan of the
    contacts before the period through covering indexes: cheaper, measured, than a
    lookup person by person (which reads the contact rows themselves)."""
    if not persons:
        return set()
    rows = raw.execute(
        "SELECT DISTINCT cp.person_id FROM contact c JOIN contact_person cp ON cp.contact_id = c.id "
        "WHERE c.deleted_at IS NULL AND c.occurred_at < ?", (start,),
    ).fetchall()
    return {row[0] for row in rows} & persons


def tally(session: Session, p: Period, lang: str = "fr") -> Tallies:
    """The report's tallies straight from SQL (same numbers as ``aggregate.tally(load(...))``)."""
    conn = session.connection()
    bounds = (p.start.isoformat(), p.end.isoformat())  # ISO dates bound ISO datetimes as text
    t = Tallies(**_activity(session, p, lang))
    for month, n, unidentified in conn.exec_driver_sql(
        "SELECT substr(c.occurred_at, 1, 7), count(*), total(c.unidentified_count) "
        f"FROM contact c WHERE {_LIVE} GROUP BY 1", bounds,
    ):
        t.contacts_by_month[month] = n
        t.unidentified += int(unidentified)
    every = conn.exec_driver_sql("SELECT count(*) FROM contact").scalar() or 0
    most_inside = t.interventions * 2 > every
    t.types = _code_counts(conn, "contact_type", bounds, most_inside)
    t.themes = _code_counts(conn, "contact_theme", bounds, most_inside)

    # Plain DB-API cursor for the three big results: no per-row wrapping.
    raw = conn.connection.driver_connection
    pairs = raw.execute(
        "SELECT DISTINCT cp.person_id, substr(c.occurred_at, 1, 7) FROM contact c "
        f"JOIN contact_person cp ON cp.contact_id = c.id WHERE {_LIVE}", bounds,
    ).fetchall()
    seen_before = _seen_before(raw, bounds[0], {person for person, _month in pairs})
    persons = {pid: (age, gender) for pid, age, gender in raw.execute(
        "SELECT id, age_bracket, gender FROM person INDEXED BY ix_person_report"
    ).fetchall()}
    aggregate.people_tallies(t, pairs, seen_before, persons)

    for status, outcome, n in conn.exec_driver_sql(
        "SELECT r.status, r.outcome, count(*) FROM referral r JOIN contact c ON c.id = r.contact_id "
        f"WHERE r.deleted_at IS NULL AND {_LIVE} GROUP BY 1, 2", bounds,
    ):
        t.referral_status[status] += n
        t.referral_outcome[outcome] += n
    for name, total in conn.exec_driver_sql(
        "SELECT i.name, -sum(m.quantity) FROM stock_movement m JOIN supply_item i ON i.id = m.item_id "
        "WHERE m.deleted_at IS NULL AND m.kind = ? AND m.occurred_at >= ? AND m.occurred_at < ? GROUP BY 1",
        (GIVEN, *bounds),
    ):
        t.supplies[name] += int(total)
    return t
