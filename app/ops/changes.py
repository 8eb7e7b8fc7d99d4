"""What an operation changed: a frozen set of ``Entity`` members (Anki's OpChanges).

``Entity`` is defined once; its values are the entity names that record history
and bundles already use (the tables' names), plus a few groups that screens show
as one (the directory, the bundle log). Every widget that shows data lists the
entities it shows and refreshes when a change touches one of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, Iterable, TypeVar

T = TypeVar("T")


class Entity(StrEnum):
    # Floor
    PERSON = "person"
    CONTACT = "contact"
    REFERRAL = "referral"
    SUPPLY_ITEM = "supply_item"
    STOCK_MOVEMENT = "stock_movement"
    CODE_ITEM = "code_item"
    # Activity
    CONFLICT = "conflict"
    STAFF_SUPPORT = "staff_support"
    PRESENCE = "presence"
    # Evaluation (issue 13): the library's records, and the anonymous staff questionnaire
    BASELINE_INCIDENT = "baseline_incident"
    VISIT_COUNT = "visit_count"
    SURVEY_RESPONSE = "survey_response"
    # Directory (organizations, services, locations, schedules... shown as one)
    DIRECTORY = "directory"
    # Vault
    SETTING = "setting"
    DRAFT = "draft"
    AUDIT = "audit_event"
    # Law 25 registers (app/privacy)
    CONSENT = "person_consent"
    PRIVACY_REQUEST = "privacy_request"
    INCIDENT = "confidentiality_incident"
    # Sync: bundles sent or imported, keys of the vault and its partners
    BUNDLE = "bundle"
    SYNC_KEY = "sync_key"


class Changes(frozenset):
    """A frozen set of ``Entity``; strings are accepted and checked (a typo fails at once)."""

    def __new__(cls, entities: Iterable[Entity | str] = ()):
        return super().__new__(cls, (Entity(e) for e in entities))

    @classmethod
    def of(cls, *entities: Entity | str) -> "Changes":
        return cls(entities)

    @classmethod
    def everything(cls) -> "Changes":
        """After a restore or a migration: every screen reloads."""
        return cls(Entity)

    def __or__(self, other: Iterable[Entity | str]) -> "Changes":
        return Changes(frozenset.__or__(self, Changes(other)))

    __ror__ = __or__

    def touches(self, entities: Iterable[Entity | str]) -> bool:
        return not self.isdisjoint(Changes(entities))

    def __repr__(self) -> str:
        return "Changes(" + ", ".join(sorted(e.value for e in self)) + ")"


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an operation returns: what it changed, and what it made (an id, a count, a path)."""

    changes: Changes = NOTHING
    value: Any = None

    def __post_init__(self) -> None:
        if not isinstance(self.changes, Changes):
            object.__setattr__(self, "changes", Changes(self.changes))
