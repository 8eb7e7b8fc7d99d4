"""The coordination evaluation's reader as it was before revision 0010, kept only for
benchmarks/bench_evaluation.py: every imported record's JSON picked apart at report time
(SQLite's json_extract, then Python), so it runs on the embedded vault only.

Baseline incidents, visit counts and questionnaire answers are the library's: two workers
of one library may both send the same incident file, so incidents count once per
``import_key`` and a month's visits once (the latest record wins).
"""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy.orm import Session

from app.evaluation import highlights
from app.evaluation import visits as visit_rows
from app.report.evaluation import EvaluationInput, IncidentRow
from app.report.period import Period
from app.report.evaluation_worker import labels as own_labels

FIELDS = {
    "baseline_incident": ("occurred_on", "intensity", "emergency", "import_key"),
    "visit_count": ("starts_on", "span", "visits"),
    "survey_response": ("round", "answers"),
    "conflict": ("occurred_at", "intensity", "outcome", "handled_by"),
    "contact": ("occurred_at", "unmet_needs", "person_uids"),
    "person": ("groups",),
    "code_item": ("list_name", "code", "label_fr", "label_en", "retired"),
}


def _records(session: Session, entity: str, peer_id: int | None):
    fields = FIELDS[entity]
    paths = ", ".join(f"'$.{name}'" for name in ("deleted_at",) + fields)
    sql = (f"SELECT peer_id, uid, json_extract(data, {paths}) FROM sync_record "
           "WHERE entity = ? AND deleted = 0 AND data IS NOT NULL")
    params: tuple = (entity,)
    if peer_id is not None:
        sql += " AND peer_id = ?"
        params += (peer_id,)
    raw = session.connection().connection.driver_connection
    for peer, uid, picked in raw.execute(sql + " ORDER BY id", params).fetchall():
        deleted_at, *values = json.loads(picked)
        if not deleted_at:
            yield peer, uid, dict(zip(fields, values))


def _day(text) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _incidents(session: Session, peer_id, periods: list[Period]) -> list[list[IncidentRow]]:
    out: list[list[IncidentRow]] = [[] for _ in periods]

    def place(day, level, emergency):
        for i, p in enumerate(periods):
            if day is not None and isinstance(level, int) and p.start <= day < p.end:
                out[i].append(IncidentRow(day, level, bool(emergency)))

    for _peer, _uid, d in _records(session, "conflict", peer_id):
        emergency = d.get("outcome") == "emergency_services" or "police" in str(d.get("handled_by") or "").split()
        place(_day(d.get("occurred_at")), d.get("intensity"), emergency)
    seen = set()
    for _peer, uid, d in _records(session, "baseline_incident", peer_id):
        key = d.get("import_key") or uid
        if key not in seen:
            seen.add(key)
            place(_day(d.get("occurred_on")), d.get("intensity"), d.get("emergency"))
    return out


def incidents(session: Session, p: Period, peer_id: int | None = None) -> list[IncidentRow]:
    return _incidents(session, peer_id, [p])[0]


def load(session: Session, p: Period, baseline: Period | None, peer_id: int | None = None,
         lang: str = "fr") -> EvaluationInput:
    found = _incidents(session, peer_id, [p] + ([baseline] if baseline else []))
    current, before = found[0], (found[1] if baseline else [])
    latest_visits = {}
    for _peer, _uid, d in _records(session, "visit_count", peer_id):
        day = _day(d.get("starts_on"))
        if day is not None and isinstance(d.get("visits"), int):
            latest_visits[(day, d.get("span") or "month")] = d["visits"]
    groups_of = {(peer, uid): d.get("groups") or [] for peer, uid, d in _records(session, "person", peer_id)}
    needs, contacts, people = [], {}, {}
    for peer, uid, d in _records(session, "contact", peer_id):
        day = _day(d.get("occurred_at"))
        if day is None or not p.start <= day < p.end:
            continue
        month = f"{day.year:04d}-{day.month:02d}"
        needs += [(month, code) for code in d.get("unmet_needs") or [] if isinstance(code, str)]
        for person in d.get("person_uids") or []:
            for group in groups_of.get((peer, person), []):
                contacts.setdefault(group, set()).add((peer, uid))
                people.setdefault(group, set()).add((peer, person))
    survey = []
    for _peer, _uid, d in _records(session, "survey_response", peer_id):
        answers = d.get("answers") if isinstance(d.get("answers"), list) else []
        survey += [(str(d.get("round")), pair[0], pair[1]) for pair in answers
                   if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[1], int)]

    labels = own_labels(session, lang)  # the seeded lists; workers' own items come in their bundles
    for _peer, _uid, d in _records(session, "code_item", peer_id):
        if d.get("list_name") in labels and not d.get("retired"):
            text = d.get("label_en") if lang.startswith("en") and d.get("label_en") else d.get("label_fr")
            labels[d["list_name"]].setdefault(d.get("code"), text or d.get("code"))
    return EvaluationInput(
        incidents=current, baseline_incidents=before,
        visits=visit_rows.by_month([(day, span, n) for (day, span), n in latest_visits.items()]),
        needs=needs, groups={g: (len(contacts[g]), len(people[g])) for g in contacts}, survey=survey,
        labels=labels, highlights=highlights.get(session),
    )
