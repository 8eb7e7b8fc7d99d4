"""The evaluation's rows read from the worker's vault (a handful of queries)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.evaluation import highlights, survey, visits
from app.report.evaluation import EvaluationInput, IncidentRow
from app.report.period import Period
from models.codes import GROUP, STAFF_SURVEY, UNMET_NEED, CodeItem
from app.errors import InvalidInput
from app.report import period as periods

LISTS = (UNMET_NEED, GROUP, STAFF_SURVEY)
_LIVE = "c.deleted_at IS NULL AND c.occurred_at >= ? AND c.occurred_at < ?"


def incidents(session: Session, p: Period) -> list[IncidentRow]:
    """The worker's conflicts and the library's imported incidents of [start, end).

    A conflict called for police or an ambulance when its outcome says so or the police
    handled it."""
    raw = session.connection().connection.driver_connection
    bounds = (p.start.isoformat(), p.end.isoformat())
    rows = [
        IncidentRow(date.fromisoformat(day), level, bool(emergency))
        for day, level, emergency in raw.execute(
            "SELECT substr(occurred_at, 1, 10), intensity, "
            "outcome = 'emergency_services' OR (' ' || handled_by || ' ') LIKE '% police %' "
            "FROM conflict WHERE deleted_at IS NULL AND occurred_at >= ? AND occurred_at < ?", bounds,
        ).fetchall()
    ]
    rows += [
        IncidentRow(date.fromisoformat(day), level, bool(emergency))
        for day, level, emergency in raw.execute(
            "SELECT occurred_on, intensity, emergency FROM baseline_incident "
            "WHERE deleted_at IS NULL AND occurred_on >= ? AND occurred_on < ?", bounds,
        ).fetchall()
    ]
    return rows


def labels(session: Session, lang: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {name: {} for name in LISTS}
    query = (select(CodeItem).where(CodeItem.list_name.in_(LISTS), CodeItem.deleted_at.is_(None))
             .order_by(CodeItem.list_name, CodeItem.sort_order, CodeItem.id))
    for item in session.scalars(query):
        if not item.retired:
            out[item.list_name][item.code] = item.label(lang)
    for item in session.scalars(query):  # retired codes keep a label, after the active ones
        out[item.list_name].setdefault(item.code, item.label(lang))
    return out


def load(session: Session, p: Period, baseline: Period | None, lang: str = "fr") -> EvaluationInput:
    conn = session.connection()
    bounds = (p.start.isoformat(), p.end.isoformat())
    needs = [tuple(r) for r in conn.exec_driver_sql(
        "SELECT substr(c.occurred_at, 1, 7), n.code FROM contact_unmet_need n JOIN contact c ON c.id = n.contact_id "
        f"WHERE {_LIVE}", bounds,
    ).all()]
    groups = {code: (contacts, people) for code, contacts, people in conn.exec_driver_sql(
        "SELECT g.code, count(DISTINCT c.id), count(DISTINCT cp.person_id) FROM contact c "
        "JOIN contact_person cp ON cp.contact_id = c.id JOIN person_group g ON g.person_id = cp.person_id "
        f"WHERE {_LIVE} GROUP BY g.code", bounds,
    ).all()}
    first = min(p.start, baseline.start) if baseline else p.start
    last = max(p.end, baseline.end) if baseline else p.end
    return EvaluationInput(
        incidents=incidents(session, p),
        baseline_incidents=incidents(session, baseline) if baseline else [],
        visits=visits.monthly(session, first, last),
        needs=needs, groups=groups, survey=survey.answer_rows(session),
        labels=labels(session, lang), highlights=highlights.get(session),
    )


def default_baseline(session: Session, pilot_start: date) -> Period | None:
    """The 12 months before the pilot started, when conflicts or incidents are recorded there."""
    p = twelve_months_before(pilot_start)
    return p if incidents(session, p) else None


def twelve_months_before(start: date) -> Period:
    return Period(date(start.year - 1, start.month, min(start.day, 28) if start.month == 2 else start.day), start)


def parse_range(text: str) -> Period:
    """"FROM..TO" (both days included, YYYY-MM-DD) -> a period."""

    first, sep, last = text.partition("..")
    if not sep:
        raise InvalidInput(f"{text!r} is not a period (expected FROM..TO, e.g. 2019-01-01..2019-12-31).")
    return periods.custom(periods.parse_day(first), periods.parse_day(last))


