"""Québec's Law 25 registers: consents per purpose, requests from people, confidentiality incidents."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow

# Purposes (code list consent_purpose; an organisation may add its own codes).
PURPOSE_SUPERVISION = "supervision"  # sharing with supervision at La Piaule (the bundle)
PURPOSE_REFERRAL = "referral_contact"  # contacting a service on the person's behalf


class PersonConsent(Base):
    """One consent for one purpose, with its date and, once withdrawn, the withdrawal date."""

    __tablename__ = "person_consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(40))
    given_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, default=None)
    by_guardian: Mapped[bool] = mapped_column(Boolean, default=False)  # under 14: a guardian consented
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PrivacyRequest(Base):
    """A request about a person's information: access, rectification, portability, deletion."""

    __tablename__ = "privacy_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), default=None)
    kind: Mapped[str] = mapped_column(String(20))  # access | rectification | portability | deletion
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | extended | answered | refused
    answered_on: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class ConfidentialityIncident(Base):
    """The register the regulation requires (s. 3.8 of P-39.1 and its regulation): kept 5 years at least."""

    __tablename__ = "confidentiality_incident"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    information: Mapped[str] = mapped_column(Text)  # what was involved, or why it cannot be described
    circumstances: Mapped[str] = mapped_column(Text)
    occurred_from: Mapped[date] = mapped_column(Date)  # the date, or the start of the period
    occurred_to: Mapped[date | None] = mapped_column(Date, default=None)
    known_on: Mapped[date] = mapped_column(Date)
    people_count: Mapped[int] = mapped_column(Integer)
    risk_assessment: Mapped[str] = mapped_column(Text)  # sensitivity, likely misuse, consequences
    serious_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    cai_notice_on: Mapped[date | None] = mapped_column(Date, default=None)  # Commission d'accès à l'information
    people_notice_on: Mapped[date | None] = mapped_column(Date, default=None)
    public_notice_on: Mapped[date | None] = mapped_column(Date, default=None)
    public_notice_why: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
