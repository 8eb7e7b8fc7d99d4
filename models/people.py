"""People met on the floor: pseudonymous records (an alias, never a legal name)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin

INACTIVE_AFTER_DAYS = 90

STATUS_ACTIVE = "active"
STATUS_INACTIVE = "inactive"
STATUS_ARCHIVED = "archived"


class Person(SyncMixin, Base):
    __tablename__ = "person"
    # max(id), max(updated_at), max(last_contact_at) by index: the search cache's cheap freshness check.
    __table_args__ = (Index("ix_person_updated_at", "updated_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alias: Mapped[str] = mapped_column(String(120))  # e.g. "Grand Marc, casquette rouge"
    first_name: Mapped[str] = mapped_column(String(80), default="")
    # Accent-folded, lower-case "alias first_name" for search as you type (derived).
    search_key: Mapped[str] = mapped_column(String(220), default="")
    age_bracket: Mapped[str | None] = mapped_column(String(40), default=None)  # code list age_bracket
    gender: Mapped[str | None] = mapped_column(String(40), default=None)  # code list gender
    gender_self: Mapped[str] = mapped_column(String(120), default="")  # self-described, in their words
    languages: Mapped[str] = mapped_column(String(200), default="")  # space-separated language codes
    notes: Mapped[str] = mapped_column(Text, default="")
    consent_scope: Mapped[str] = mapped_column(String(40), default="none")  # code list consent
    consent_on: Mapped[date | None] = mapped_column(Date, default=None)
    consent_notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), default=None)
    # Set by retention: alias and free text are gone, what reports count stays (app/privacy/retention.py).
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # Derived from live contacts, maintained by app.contacts (not part of history).
    last_contact_at: Mapped[datetime | None] = mapped_column(DateTime, default=None, index=True)
    contact_count: Mapped[int] = mapped_column(Integer, default=0)

    groups: Mapped[list["PersonGroup"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="PersonGroup.code"
    )

    @property
    def group_codes(self) -> list[str]:
        return [g.code for g in self.groups]

    @property
    def language_codes(self) -> list[str]:
        return self.languages.split()

    def status(self, today: date) -> str:
        """active / inactive (no contact for 90 days) / archived (merged records count as archived)."""
        if self.archived_at is not None or self.merged_into_id is not None or self.deleted_at is not None:
            return STATUS_ARCHIVED
        seen = (self.last_contact_at or self.created_at).date()
        return STATUS_INACTIVE if (today - seen).days > INACTIVE_AFTER_DAYS else STATUS_ACTIVE


class PersonGroup(Base):
    """A group of interest of a person (code list group: single parent, newcomer, refugee...)."""

    __tablename__ = "person_group"
    __table_args__ = {"sqlite_with_rowid": False}

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
