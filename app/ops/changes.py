"""What an operation changed: a frozen set of ``Entity`` members (Anki's OpChanges).

``Entity`` is defined once; its values are the entity names that record history
and bundles already use (the tables' names), plus a few groups that screens show
as one (the directory, the bundle log). Every widget that shows data lists the
entities it shows and refreshes when a change touches one of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, Iterable, Mapping, TypeVar

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
    """A frozen set of ``Entity``; strings are accepted and checked (a typo fails at once).

    An operation that knows exactly which records of an entity it wrote says so
    (``with_ids``): a screen can then re-read those rows alone instead of all it shows
    (a contact saved: Today inserts one line). ``ids(entity)`` is None when the entity
    changed in ways not listed, and empty when it did not change.
    """

    _ids: dict  # Entity -> frozenset[int], only for entities whose changed records are all known

    def __new__(cls, entities: Iterable[Entity | str] = (), ids: Mapping | None = None):
        self = super().__new__(cls, (Entity(e) for e in entities))
        if ids is None and isinstance(entities, Changes):
            ids = entities._ids
        self._ids = {Entity(e): frozenset(v) for e, v in (ids or {}).items() if Entity(e) in self}
        return self

    @classmethod
    def of(cls, *entities: Entity | str) -> "Changes":
        return cls(entities)

    @classmethod
    def everything(cls) -> "Changes":
        """After a restore or a migration: every screen reloads."""
        return cls(Entity)

    def with_ids(self, entity: Entity | str, ids: Iterable[int]) -> "Changes":
        """These changes, saying that of ``entity`` exactly the records ``ids`` changed."""
        entity = Entity(entity)
        return Changes(frozenset.__or__(self, {entity}), {**self._ids, entity: frozenset(ids)})

    def ids(self, entity: Entity | str) -> frozenset[int] | None:
        entity = Entity(entity)
        if entity not in self:
            return frozenset()
        return self._ids.get(entity)

    def __or__(self, other: Iterable[Entity | str]) -> "Changes":
        other = other if isinstance(other, Changes) else Changes(other)
        ids = {}
        for entity in frozenset.__or__(self, other):
            mine, theirs = self.ids(entity), other.ids(entity)
            if mine is not None and theirs is not None:  # both list theirs (or one did not change it)
                ids[entity] = mine | theirs
        return Changes(frozenset.__or__(self, other), ids)

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
