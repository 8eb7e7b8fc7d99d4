"""The confidentiality-incident register (P-39.1 s. 3.8 and its regulation, s. 6).

Each incident keeps the fields the regulation names; retention never touches this
register (it is kept at least 5 years after the organisation learned of the incident).
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.validation import FUTURE_DATE, Collector
from models.privacy import ConfidentialityIncident

KEEP_YEARS = 5
REQUIRED_TEXT = {
    "information": "Describe the information involved, or say why it cannot be described.",
    "circumstances": "Describe the circumstances of the incident.",
    "risk_assessment": "Assess the risk of serious injury (sensitivity, likely misuse, consequences).",
    "measures": "Say what measures were taken to reduce the risk and prevent a recurrence.",
}


@dataclass(frozen=True)
class IncidentRow:
    id: int
    information: str
    circumstances: str
    occurred_from: date
    occurred_to: date | None
    known_on: date
    people_count: int
    risk_assessment: str
    serious_risk: bool
    cai_notice_on: date | None
    people_notice_on: date | None
    public_notice_on: date | None
    public_notice_why: str
    measures: str


FIELDS = tuple(IncidentRow.__dataclass_fields__)


def _row(i: ConfidentialityIncident) -> IncidentRow:
    return IncidentRow(**{name: getattr(i, name) for name in FIELDS})


def add(session: Session, *, today: date | None = None, **values) -> IncidentRow:
    today = today or date.today()
    check = Collector()
    for name, message in REQUIRED_TEXT.items():
        if not str(values.get(name) or "").strip():
            check.add(name, "required", message)
    start, end, known = values.get("occurred_from"), values.get("occurred_to"), values.get("known_on")
    if start is None:
        check.add("occurred_from", "required", "Give the date of the incident, or the start of the period.")
    if known is None:
        check.add("known_on", "required", "Give the date the organisation learned of the incident.")
    if start and end and end < start:
        check.add("occurred_to", "before_start", "The period ends before it starts.")
    if start and known and known < start:
        check.add("known_on", "before_incident", "The incident cannot be known before it happened.")
    for name in ("occurred_from", "known_on", "cai_notice_on", "people_notice_on", "public_notice_on"):
        if values.get(name) and values[name] > today:
            check.add(name, FUTURE_DATE, "This date is in the future.")
    count = values.get("people_count")
    if not isinstance(count, int) or count < 0:
        check.add("people_count", "invalid", "Give the number of people concerned (0 or more).")
    if values.get("public_notice_on") and not str(values.get("public_notice_why") or "").strip():
        check.add("public_notice_why", "required", "Say why a public notice was given.")
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown incident fields: {', '.join(sorted(unknown))}")
    check.raise_if_any()
    incident = ConfidentialityIncident(**{k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()})
    incident.public_notice_why = incident.public_notice_why or ""
    incident.serious_risk = bool(incident.serious_risk)
    session.add(incident)
    session.flush()
    return _row(incident)


def all_incidents(session: Session) -> list[IncidentRow]:
    query = select(ConfidentialityIncident).order_by(ConfidentialityIncident.known_on, ConfidentialityIncident.id)
    return [_row(i) for i in session.scalars(query)]


# French headings: the register is handed to the Commission d'accès à l'information.
CSV_HEADINGS = {
    "id": "No", "information": "Renseignements visés", "circumstances": "Circonstances",
    "occurred_from": "Date ou début de la période", "occurred_to": "Fin de la période",
    "known_on": "Date de prise de connaissance", "people_count": "Nombre de personnes concernées",
    "risk_assessment": "Évaluation du risque de préjudice sérieux", "serious_risk": "Risque de préjudice sérieux",
    "cai_notice_on": "Avis à la Commission", "people_notice_on": "Avis aux personnes concernées",
    "public_notice_on": "Avis public", "public_notice_why": "Raison de l'avis public",
    "measures": "Mesures prises",
}


def to_csv(rows: list[IncidentRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([CSV_HEADINGS[name] for name in FIELDS])
    for row in rows:
        values = asdict(row)
        writer.writerow([
            ("oui" if values[n] else "non") if n == "serious_risk" else
            (values[n].isoformat() if isinstance(values[n], date) else ("" if values[n] is None else values[n]))
            for n in FIELDS
        ])
    return out.getvalue().encode("utf-8-sig")
