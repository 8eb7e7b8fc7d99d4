"""The plain rows every report is computed from, whatever side they come from.

``person`` keys are opaque and hashable: a local id on the worker's side, a
(worker, uid) pair on the coordination side.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Hashable

from app.activity.presence import PresenceRow, Schedule


@dataclass(frozen=True, slots=True)
class ContactRow:
    occurred_at: datetime
    persons: tuple[Hashable, ...]
    types: tuple[str, ...]
    themes: tuple[str, ...]
    unidentified: int = 0


@dataclass(frozen=True, slots=True)
class PersonRow:
    key: Hashable
    age_bracket: str | None
    gender: str | None


@dataclass(frozen=True, slots=True)
class ReferralRow:
    day: date
    status: str
    outcome: str


@dataclass(frozen=True, slots=True)
class SupplyRow:
    item: str  # a label (item name): items are free text, not codes
    quantity: int


@dataclass(frozen=True, slots=True)
class ConflictRow:
    occurred_at: datetime
    intensity: int
    parties: str


@dataclass(frozen=True, slots=True)
class SupportRow:
    day: date
    kind: str
    staff_count: int
    duration_min: int


@dataclass
class ReportInput:
    """Rows already limited to the period, except ``first_seen`` (all time)."""

    contacts: list[ContactRow] = field(default_factory=list)
    persons: dict[Hashable, PersonRow] = field(default_factory=dict)
    first_seen: dict[Hashable, date] = field(default_factory=dict)  # first contact ever, per person
    referrals: list[ReferralRow] = field(default_factory=list)
    supplies: list[SupplyRow] = field(default_factory=list)
    conflicts: list[ConflictRow] = field(default_factory=list)
    supports: list[SupportRow] = field(default_factory=list)
    # Per worker (one key on the worker's side): each worker's weeks count their own schedule.
    presence: dict[Hashable, list[PresenceRow]] = field(default_factory=lambda: {None: []})
    # Per worker: the day their work started (pilot start or first contact); no presence before it.
    presence_from: dict[Hashable, date] = field(default_factory=dict)
    schedule: Schedule = field(default_factory=Schedule)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # code list -> code -> label
