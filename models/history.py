"""Append-only change log: one row per create, update or delete of a synced record.

It keeps every previous version (right of rectification, audit of edits) and its
monotonic ``id`` tells the weekly bundle what changed since the last one.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class RecordVersion(Base):
    __tablename__ = "record_version"
    __table_args__ = (Index("ix_record_version_entity", "entity", "uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))  # table name, e.g. "contact"
    uid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(8))  # create | update | delete
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(120), default="")
    data: Mapped[str] = mapped_column(Text)  # JSON snapshot after the change
    changed_fields: Mapped[str] = mapped_column(Text, default="")  # comma-separated
