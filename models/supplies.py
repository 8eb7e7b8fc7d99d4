"""Emergency supplies: items, stock on hand and the movements that explain it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, SyncMixin

RECEIVED = "received"
GIVEN = "given"
ADJUSTED = "adjusted"
MOVEMENT_KINDS = (RECEIVED, GIVEN, ADJUSTED)


class SupplyItem(SyncMixin, Base):
    __tablename__ = "supply_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))  # e.g. "Barres tendres"
    unit: Mapped[str] = mapped_column(String(40), default="")  # e.g. "paire"
    # Sum of the live movements' quantities, maintained by app.supplies.
    stock_on_hand: Mapped[int] = mapped_column(Integer, default=0)
    low_stock_level: Mapped[int] = mapped_column(Integer, default=0)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def is_low(self) -> bool:
        return self.stock_on_hand <= self.low_stock_level


class StockMovement(SyncMixin, Base):
    """A signed change of stock: + received, - given (linked to its contact), +/- adjusted."""

    __tablename__ = "stock_movement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_item.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # received | given | adjusted
    quantity: Mapped[int] = mapped_column(Integer)  # signed delta
    occurred_at: Mapped[datetime] = mapped_column(DateTime)  # local time
    note: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"), default=None, index=True)
