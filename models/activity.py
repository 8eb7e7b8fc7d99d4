"""Conflicts of use, support to library staff, and the worker's presence hours (issue 6)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin
from models.contacts import Contact
from models.people import Person

# Stable codes; the screens show translated labels.
PARTIES = ("patron_patron", "patron_staff", "other")
INTENSITIES = (1, 2, 3, 4, 5)
RESPONDERS = ("worker", "staff", "security", "police")
OUTCOMES = ("resolved", "calmed", "left", "asked_to_leave", "emergency_services", "unresolved")
SUPPORT_KINDS = ("information", "awareness", "accompaniment", "debrief", "group_training")

SPAN_DAY = "day"
SPAN_WEEK = "week"

conflict_person = Table(
    "conflict_person",
    Base.metadata,
    Column("conflict_id", ForeignKey("conflict.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id"), primary_key=True),
)


# Covering indexes for the report ("Bilan"): it counts years of contacts by month and
# people by age and gender without reading the (large) rows themselves.
Index("ix_contact_report", Contact.deleted_at, Contact.occurred_at, Contact.unidentified_count)
Index("ix_person_report", Person.age_bracket, Person.gender)


class Conflict(SyncMixin, Base):
    """A conflict of use: its intensity over time is what the library wants to see go down."""

    __tablename__ = "conflict"
    __table_args__ = (Index("ix_conflict_live_time", "deleted_at", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock time
    place_code: Mapped[str] = mapped_column(String(40), default="")  # code list place
    parties: Mapped[str] = mapped_column(String(20), default="patron_patron")
    intensity: Mapped[int] = mapped_column(Integer)  # 1 incivility ... 5 violence / emergency call
    action_taken: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[str] = mapped_column(String(80), default="")  # space-separated RESPONDERS
    outcome: Mapped[str] = mapped_column(String(20), default="resolved")
    notes: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), default=None, index=True
    )

    persons: Mapped[list[Person]] = relationship(secondary=conflict_person, order_by=Person.alias)
    contact: Mapped[Contact | None] = relationship()

    @property
    def responder_codes(self) -> list[str]:
        return self.handled_by.split()


class StaffSupport(SyncMixin, Base):
    """Axis 2: informing, sensitising and accompanying library staff."""

    __tablename__ = "staff_support"
    __table_args__ = (Index("ix_staff_support_live_day", "deleted_at", "occurred_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date)  # local date
    kind: Mapped[str] = mapped_column(String(20), default="information")
    topic: Mapped[str] = mapped_column(String(200), default="")
    staff_count: Mapped[int] = mapped_column(Integer, default=1)
    duration_min: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class Presence(SyncMixin, Base):
    """Hours actually worked on the library floor and in street work, for a day or a week.

    Minutes, not hours, so bundles stay integer-only. A week without any row counts
    the schedule's defaults (app.activity.presence).
    """

    __tablename__ = "presence"
    __table_args__ = (Index("ix_presence_live_day", "deleted_at", "starts_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date)  # the day, or the Monday of the week
    span: Mapped[str] = mapped_column(String(4), default=SPAN_WEEK)  # day | week
    library_min: Mapped[int] = mapped_column(Integer, default=0)
    street_min: Mapped[int] = mapped_column(Integer, default=0)  # street work and team meetings
    note: Mapped[str] = mapped_column(Text, default="")
