"""What the activity screens (Conflits, Personnel, hours of presence) show, as frozen rows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app import codes
from app.activity import conflicts, presence, recent, staff_support
from models.codes import PLACE


@dataclass(frozen=True)
class ConflictRow:
    id: int
    occurred_at: datetime
    intensity: int
    place: str  # the place's label
    outcome: str


@dataclass(frozen=True)
class ConflictChoices:
    places: tuple[tuple[str, str], ...]  # (code, label) offered for new entries
    aliases: tuple[tuple[int, str], ...]  # (person id, alias)
    contacts: tuple[tuple[int, datetime, str], ...]  # (contact id, when, who)


@dataclass(frozen=True)
class StaffRow:
    id: int
    occurred_on: date
    kind: str
    staff_count: int
    duration_min: int
    topic: str


@dataclass(frozen=True)
class PresenceState:
    schedule: presence.Schedule
    entries: tuple[presence.PresenceRow, ...]


def recent_conflicts(session: Session, since: datetime, until: datetime, lang: str = "fr") -> list[ConflictRow]:
    labels = codes.labels(session, PLACE, lang)
    return [
        ConflictRow(k.id, k.occurred_at, k.intensity, labels.get(k.place_code, k.place_code or ""), k.outcome)
        for k in conflicts.between(session, since, until)
    ]


def conflict_choices(session: Session, lang: str = "fr") -> ConflictChoices:
    return ConflictChoices(
        places=tuple((i.code, i.label(lang)) for i in codes.items(session, PLACE)),
        aliases=tuple(recent.person_aliases(session)),
        contacts=tuple(recent.contacts(session)),
    )


def conflict_values(session: Session, conflict_id: int) -> dict:
    """The conflict's fields as the form holds them (plain values)."""
    k = conflicts.get(session, conflict_id)
    return {
        "editing_id": k.id, "occurred_at": k.occurred_at.isoformat(), "place_code": k.place_code,
        "parties": k.parties, "intensity": k.intensity, "action_taken": k.action_taken,
        "handled_by": list(k.responder_codes), "outcome": k.outcome,
        "persons": [[p.alias, p.id] for p in k.persons], "contact_id": k.contact_id,
    }


def recent_staff_support(session: Session, since: date, until: date) -> list[StaffRow]:
    return [StaffRow(r.id, r.occurred_on, r.kind, r.staff_count, r.duration_min, r.topic)
            for r in staff_support.between(session, since, until)]


def staff_support_values(session: Session, support_id: int) -> dict:
    r = staff_support.get(session, support_id)
    return {"editing_id": r.id, "occurred_on": r.occurred_on.isoformat(), "kind": r.kind, "topic": r.topic,
            "staff_count": r.staff_count, "duration_min": r.duration_min, "notes": r.notes}


def presence_state(session: Session, today: date | None = None) -> PresenceState:
    """The weekly plan, and the entries from six months back to a year ahead."""
    today = today or date.today()
    return PresenceState(presence.schedule(session),
                         tuple(presence.rows(session, today - timedelta(days=183), today + timedelta(days=366))))
