"""The pilot's evaluation (issue 13): the library's own figures from before and beside the pilot.

Baseline incidents and visit counts are the library's records, imported from its files:
kept apart from the worker's conflicts so they are never sent or counted as the worker's
own. The staff questionnaire is anonymous: a date, a team, a round, and 1-5 answers.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, SyncMixin

SPAN_DAY = "day"
SPAN_MONTH = "month"

SOURCE_PAPER = "paper"
SOURCE_KIOSK = "kiosk"


class BaselineIncident(SyncMixin, Base):
    """An incident of the library's own reports (security agents), imported from a CSV file."""

    __tablename__ = "baseline_incident"
    __table_args__ = (Index("ix_baseline_incident_live_day", "deleted_at", "occurred_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    occurred_time: Mapped[str] = mapped_column(String(5), default="")  # HH:MM or ""
    zone: Mapped[str] = mapped_column(String(80), default="")  # the library's own zone name
    parties: Mapped[str] = mapped_column(String(20), default="")  # models.activity.PARTIES or ""
    intensity: Mapped[int] = mapped_column(Integer)  # Milieu's 1-5 scale (mapped if need be)
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)  # police or ambulance came
    source: Mapped[str] = mapped_column(String(120), default="")  # the file's name
    # sha256 of the row's normalised values and its occurrence number in its file: a
    # re-import of the same file adds nothing.
    import_key: Mapped[str] = mapped_column(String(64), unique=True)


class VisitCount(SyncMixin, Base):
    """Visits to the library for a day or a month (conflicts per 1,000 visits)."""

    __tablename__ = "visit_count"
    __table_args__ = (UniqueConstraint("starts_on", "span", name="uq_visit_count_starts_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date)  # the day, or the first of the month
    span: Mapped[str] = mapped_column(String(5), default=SPAN_MONTH)  # day | month
    visits: Mapped[int] = mapped_column(Integer)


class SurveyResponse(SyncMixin, Base):
    """One staff member's anonymous answers: no name, only the date, the team and the round."""

    __tablename__ = "survey_response"
    __table_args__ = (Index("ix_survey_response_live_round", "deleted_at", "round"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answered_on: Mapped[date] = mapped_column(Date)
    team: Mapped[str] = mapped_column(String(60), default="")
    round: Mapped[str] = mapped_column(String(20))  # e.g. "2025-03": rounds sort by this text
    source: Mapped[str] = mapped_column(String(8), default=SOURCE_PAPER)  # paper | kiosk

    answers: Mapped[list["SurveyAnswer"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="SurveyAnswer.item_code"
    )


class SurveyAnswer(Base):
    __tablename__ = "survey_answer"
    __table_args__ = {"sqlite_with_rowid": False}

    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(40), primary_key=True)  # code list staff_survey
    score: Mapped[int] = mapped_column(Integer)  # 1 (not at all) .. 5 (completely)
