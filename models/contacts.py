"""Contacts (interventions): who, when, where, what kind, what was given."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin
from models.people import Person

INITIATORS = ("person", "staff", "worker")

# Many-to-many contact <-> person; the reverse index serves a person's timeline.
contact_person = Table(
    "contact_person",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id"), primary_key=True),
    Index("ix_contact_person_person", "person_id", "contact_id"),
    sqlite_with_rowid=False,  # link tables clustered on their key: half the pages to read
)


class Contact(SyncMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (
        # Lists, Today and counts read live contacts by time: this index covers them.
        Index("ix_contact_live_time", "deleted_at", "occurred_at"),
        Index("ix_contact_place", "place_code", "deleted_at", "occurred_at"),  # list filtered by place
        # Today's follow-ups: pending ones by due date, without visiting the done ones.
        Index("ix_contact_follow_up", "follow_up_done", "follow_up_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock time
    duration_min: Mapped[int] = mapped_column(Integer, default=0)
    place_code: Mapped[str] = mapped_column(String(40), default="")  # code list place
    unidentified_count: Mapped[int] = mapped_column(Integer, default=0)
    initiated_by: Mapped[str] = mapped_column(String(20), default="worker")  # code list initiator
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, default=None)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)
    share_with_supervision: Mapped[bool] = mapped_column(Boolean, default=False)

    persons: Mapped[list[Person]] = relationship(secondary=contact_person, order_by=Person.alias)
    types: Mapped[list["ContactType"]] = relationship(cascade="all, delete-orphan", order_by="ContactType.code")
    themes: Mapped[list["ContactTheme"]] = relationship(cascade="all, delete-orphan", order_by="ContactTheme.code")
    supplies: Mapped[list["ContactSupply"]] = relationship(cascade="all, delete-orphan", order_by="ContactSupply.id")
    unmet_needs: Mapped[list["ContactUnmetNeed"]] = relationship(
        cascade="all, delete-orphan", order_by="ContactUnmetNeed.code"
    )

    @property
    def type_codes(self) -> list[str]:
        return [t.code for t in self.types]

    @property
    def theme_codes(self) -> list[str]:
        return [t.code for t in self.themes]

    @property
    def unmet_need_codes(self) -> list[str]:
        return [n.code for n in self.unmet_needs]


class ContactType(Base):
    __tablename__ = "contact_type"
    __table_args__ = (Index("ix_contact_type_code", "code", "contact_id"), {"sqlite_with_rowid": False})

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)  # code list contact_type


class ContactTheme(Base):
    __tablename__ = "contact_theme"
    __table_args__ = (Index("ix_contact_theme_code", "code", "contact_id"), {"sqlite_with_rowid": False})

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)  # code list theme


class ContactUnmetNeed(Base):
    """What was asked for during the contact and could not be obtained (issue 13)."""

    __tablename__ = "contact_unmet_need"
    __table_args__ = (Index("ix_contact_unmet_need_code", "code", "contact_id"), {"sqlite_with_rowid": False})

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)  # code list unmet_need


class ContactSupply(Base):
    """A line "item x quantity" given during a contact (its stock movement links to the contact)."""

    __tablename__ = "contact_supply"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_item.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)

    item: Mapped["SupplyItem"] = relationship(lazy="joined")  # noqa: F821 - models.supplies
