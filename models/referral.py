"""Referrals: a contact sends a person to a directory service, and the worker follows up.

A referral travels in the weekly bundle (SyncMixin + history). It keeps the
service's HSDS id and name, so it stays readable on another machine and after
the service leaves the directory.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin
from models.contacts import Contact
from models.directory import DirService
from models.people import Person

REFERRAL_STATUSES = ("proposed", "accepted", "accompanied", "completed", "declined")
REFERRAL_OUTCOMES = ("unknown", "attained", "not_attained")


class Referral(SyncMixin, Base):
    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_follow_up", "follow_up_done", "follow_up_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("dir_service.id", ondelete="SET NULL"), index=True)
    service_hsds_id: Mapped[str] = mapped_column(String(64), default="")
    service_name: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    follow_up_on: Mapped[date | None] = mapped_column(Date, default=None)  # local date
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str] = mapped_column(String(20), default="unknown")
    notes: Mapped[str] = mapped_column(Text, default="")

    contact: Mapped[Contact] = relationship()
    person: Mapped[Person | None] = relationship()
    service: Mapped[DirService | None] = relationship()
