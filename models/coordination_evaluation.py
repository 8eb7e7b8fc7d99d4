"""Coordination side of the evaluation (issue 13): the library's records a worker sends,
decoded once at import into typed tables, like models.coordination's (issue 15).

Baseline incidents, visit counts and questionnaire answers are the library's; a contact's
unmet needs, a person's groups and whether police or an ambulance came to a conflict are
the parts of the worker's records the evaluation reads that the report's tables do not
hold. Rows are keyed by (worker, record uid) so that a tombstone, a narrowed share or a
full refresh replaces them as it does the other typed tables (app.sync.decode); migration
0010 decodes an existing coordination vault's raw snapshots into them.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Table

from models.base import Base
from models.coordination import _day, _when

NEVER = datetime(1970, 1, 1)  # a visit count without its change time loses to every dated one
EMERGENCY_OUTCOME = "emergency_services"  # a conflict's outcome when police or an ambulance came


def _peer() -> Column:
    return Column("peer_id", Integer, ForeignKey("sync_peer.id"), primary_key=True)


def _uid(name: str = "uid") -> Column:
    return Column(name, String(64), primary_key=True)


_md = Base.metadata
baseline_incident = Table(
    "coord_baseline_incident", _md, _peer(), _uid(),
    Column("occurred_on", Date, nullable=False),
    Column("intensity", Integer, nullable=False),
    Column("emergency", Boolean, nullable=False),  # police or ambulance came
    # Two workers of one library may send the same file: an incident counts once per key.
    Column("import_key", String(64), nullable=False),
    Index("ix_coord_baseline_incident_day", "occurred_on", "import_key"),
)
visit_count = Table(
    "coord_visit_count", _md, _peer(), _uid(),
    Column("starts_on", Date, nullable=False),
    Column("span", String(5), nullable=False),  # day | month
    Column("visits", Integer, nullable=False),
    Column("updated_at", DateTime, nullable=False),  # the latest count of a day or month wins
    Index("ix_coord_visit_count_day", "starts_on", "span"),
)
survey_answer = Table(  # one row per answered item of an anonymous response (uid: the response's)
    "coord_survey_answer", _md, _peer(), _uid(), Column("item_code", String(40), primary_key=True),
    Column("round", String(20), nullable=False),
    Column("score", Integer, nullable=False),
)
contact_need = Table(  # what was asked for in a contact and could not be obtained
    "coord_contact_need", _md, _peer(), _uid("contact_uid"), Column("code", String(200), primary_key=True),
    Column("day", Date, nullable=False), Column("month", String(7), nullable=False),
    Index("ix_coord_contact_need_day", "day", "month", "code"),
)
person_group = Table(  # a pseudonymous person's groups of interest (uid: the pseudonym)
    "coord_person_group", _md, _peer(), _uid(), Column("code", String(200), primary_key=True),
)
conflict_call = Table(  # the conflicts police or an ambulance came to (a row of coord_conflict each)
    "coord_conflict_call", _md, _peer(), _uid(),
)

# Entity -> the tables its records fill here (beside models.coordination.TABLES).
TABLES = {
    "baseline_incident": (baseline_incident,),
    "visit_count": (visit_count,),
    "survey_response": (survey_answer,),
    "contact": (contact_need,),
    "person": (person_group,),
    "conflict": (conflict_call,),
}
ALL = (baseline_incident, visit_count, survey_answer, contact_need, person_group, conflict_call)


def _level(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _strings(value) -> list[str]:
    return sorted({v for v in value if isinstance(v, str)}) if isinstance(value, list) else []


def decode(entity: str, uid: str, data: dict | None) -> list[tuple[Table, dict]]:
    """The evaluation's typed rows of one live snapshot (without ``peer_id``); none for a
    tombstone, a deleted record, another entity, or a record missing its date or level."""
    if not isinstance(data, dict) or data.get("deleted_at") or entity not in TABLES:
        return []
    g = data.get
    if entity == "baseline_incident":
        day, level = _day(g("occurred_on")), _level(g("intensity"))
        return [] if day is None or level is None else [(baseline_incident, {
            "uid": uid, "occurred_on": day, "intensity": level, "emergency": bool(g("emergency")),
            "import_key": str(g("import_key") or uid)[:64],
        })]
    if entity == "visit_count":
        day, visits = _day(g("starts_on")), _level(g("visits"))
        return [] if day is None or visits is None else [(visit_count, {
            "uid": uid, "starts_on": day, "span": g("span") or "month", "visits": visits,
            "updated_at": _when(g("updated_at")) or NEVER,
        })]
    if entity == "survey_response":
        answers = g("answers") if isinstance(g("answers"), list) else []
        scores = {str(pair[0]): pair[1] for pair in answers
                  if isinstance(pair, list) and len(pair) == 2 and _level(pair[1]) is not None}
        return [(survey_answer, {"uid": uid, "item_code": item, "round": str(g("round")), "score": score})
                for item, score in sorted(scores.items())]
    if entity == "contact":
        when = _when(g("occurred_at"))
        if when is None:
            return []
        day, month = when.date(), f"{when:%Y-%m}"
        return [(contact_need, {"contact_uid": uid, "code": code, "day": day, "month": month})
                for code in _strings(g("unmet_needs"))]
    if entity == "person":
        return [(person_group, {"uid": uid, "code": code}) for code in _strings(g("groups"))]
    # conflict: its row in coord_conflict needs its time; police or an ambulance came when
    # its outcome says so or the police handled it (as app.report.evaluation_worker reads it)
    called = g("outcome") == EMERGENCY_OUTCOME or "police" in str(g("handled_by") or "").split()
    return [(conflict_call, {"uid": uid})] if called and _when(g("occurred_at")) is not None else []
