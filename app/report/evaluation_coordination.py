"""The evaluation's rows on La Piaule's side, from the typed tables decoded at import
(models.coordination, models.coordination_evaluation): portable SQL through SQLAlchemy,
the same on the embedded vault and on PostgreSQL, for one worker or all of them.

Baseline incidents, visit counts and questionnaire answers are the library's: two workers
of one library may both send the same incident file, so incidents count once per
``import_key``, and a day's or a month's visits once (the latest changed count wins).
A code list item a worker sent names its code whether retired or not, as on the worker's side.
"""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.evaluation import highlights
from app.evaluation import visits as visit_rows
from app.report.evaluation import EvaluationInput, IncidentRow
from app.report.evaluation_worker import labels as own_labels
from app.report.period import Period
from models import coordination as coord
from models import coordination_evaluation as coord_eval


def _scoped(query, table, peer_id: int | None):
    return query if peer_id is None else query.where(table.c.peer_id == peer_id)


def _span(periods: list[Period]) -> tuple[date, date]:
    return min(p.start for p in periods), max(p.end for p in periods)


def _incidents(session: Session, peer_id: int | None, periods: list[Period]) -> list[list[IncidentRow]]:
    out: list[list[IncidentRow]] = [[] for _ in periods]
    first, last = _span(periods)

    def place(day: date, level: int, emergency) -> None:
        for i, p in enumerate(periods):
            if p.start <= day < p.end:
                out[i].append(IncidentRow(day, level, bool(emergency)))

    k, call = coord.conflict, coord_eval.conflict_call
    conflicts = (
        select(k.c.occurred_at, k.c.intensity, call.c.uid.is_not(None))
        .select_from(k.outerjoin(call, and_(call.c.peer_id == k.c.peer_id, call.c.uid == k.c.uid)))
        .where(k.c.occurred_at >= datetime.combine(first, time()), k.c.occurred_at < datetime.combine(last, time()))
    )
    for when, level, emergency in session.execute(_scoped(conflicts, k, peer_id)):
        place(when.date(), level, emergency)
    # One row per import_key: the same key is the same source row, so the same values.
    b = coord_eval.baseline_incident
    called = func.max(case((b.c.emergency.is_(True), 1), else_=0))
    library = (
        select(func.min(b.c.occurred_on), func.min(b.c.intensity), called)
        .where(b.c.occurred_on >= first, b.c.occurred_on < last).group_by(b.c.import_key)
    )
    for day, level, emergency in session.execute(_scoped(library, b, peer_id)):
        place(day, level, emergency)
    return out


def incidents(session: Session, p: Period, peer_id: int | None = None) -> list[IncidentRow]:
    return _incidents(session, peer_id, [p])[0]


def _visits(session: Session, peer_id: int | None, first: date, last: date) -> dict[str, int]:
    """{"YYYY-MM": visits} of the months touching [first, last); per day or month, the latest count."""
    v = coord_eval.visit_count
    query = (select(v.c.starts_on, v.c.span, v.c.visits)
             .where(v.c.starts_on >= first.replace(day=1), v.c.starts_on < last)
             .order_by(v.c.updated_at, v.c.peer_id, v.c.uid))
    latest = {(day, span): n for day, span, n in session.execute(_scoped(query, v, peer_id))}
    return visit_rows.by_month([(day, span, n) for (day, span), n in latest.items()])


def _needs(session: Session, peer_id: int | None, p: Period) -> list[tuple[str, str]]:
    n = coord_eval.contact_need
    query = (select(n.c.month, n.c.code, func.count()).where(n.c.day >= p.start, n.c.day < p.end)
             .group_by(n.c.month, n.c.code).order_by(n.c.month, n.c.code))
    return [(month, code) for month, code, count in session.execute(_scoped(query, n, peer_id)) for _ in range(count)]


def _groups(session: Session, peer_id: int | None, p: Period) -> dict[str, tuple[int, int]]:
    """Group -> (interventions, distinct people) of the period's contacts, per worker's uids."""
    cp, g = coord.contact_person, coord_eval.person_group
    # The few persons with a group drive the join (a grouped subquery is not flattened, so
    # SQLite does not read every contact of the period through the day index instead).
    grouped = _scoped(select(g.c.peer_id, g.c.uid, g.c.code), g, peer_id).group_by(g.c.peer_id, g.c.uid, g.c.code)
    gs = grouped.subquery()
    joined = gs.join(cp, and_(cp.c.peer_id == gs.c.peer_id, cp.c.person_uid == gs.c.uid))

    def distinct_count(column) -> dict[str, int]:
        pairs = (select(gs.c.code, cp.c.peer_id, column).select_from(joined)
                 .where(cp.c.day >= p.start, cp.c.day < p.end).distinct().subquery())
        return dict(session.execute(select(pairs.c.code, func.count()).group_by(pairs.c.code)).all())

    contacts, people = distinct_count(cp.c.contact_uid), distinct_count(cp.c.person_uid)
    return {code: (n, people.get(code, 0)) for code, n in contacts.items()}


def _labels(session: Session, peer_id: int | None, lang: str) -> dict[str, dict[str, str]]:
    labels = own_labels(session, lang)  # the seeded lists; workers' own items come in their bundles
    ci = coord.code_item
    query = (select(ci.c.list_name, ci.c.code, ci.c.label_fr, ci.c.label_en)
             .where(ci.c.list_name.in_(sorted(labels))).order_by(ci.c.peer_id, ci.c.uid))
    for name, code, fr, en in session.execute(_scoped(query, ci, peer_id)):
        text = en if lang.startswith("en") and en else fr
        labels[name].setdefault(code, text or code)
    return labels


def load(session: Session, p: Period, baseline: Period | None, peer_id: int | None = None,
         lang: str = "fr") -> EvaluationInput:
    periods = [p] + ([baseline] if baseline else [])
    found = _incidents(session, peer_id, periods)
    s = coord_eval.survey_answer
    survey = [tuple(row) for row in session.execute(_scoped(
        select(s.c.round, s.c.item_code, s.c.score).order_by(s.c.peer_id, s.c.uid, s.c.item_code), s, peer_id))]
    return EvaluationInput(
        incidents=found[0], baseline_incidents=found[1] if baseline else [],
        visits=_visits(session, peer_id, *_span(periods)),
        needs=_needs(session, peer_id, p), groups=_groups(session, peer_id, p), survey=survey,
        labels=_labels(session, peer_id, lang), highlights=highlights.get(session),
    )
