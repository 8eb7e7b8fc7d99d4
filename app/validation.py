"""Errors about what was typed, reported field by field so the form can show each at its field.

Views map ``FieldError.code`` to a translated sentence; ``message`` is the
English fallback (CLI, logs). Nothing typed is lost: services raise before any
write, and the form keeps its values.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NoReturn

from app.errors import MilieuError

# FieldError codes.
REQUIRED = "required"
FUTURE_DATE = "future_date"
NEGATIVE = "negative"
TOO_LONG = "too_long"
UNKNOWN_CODE = "unknown_code"
NOT_FOUND = "not_found"
OUT_OF_RANGE = "out_of_range"


@dataclass(frozen=True)
class FieldError:
    field: str  # the input's name, e.g. "occurred_at", "supplies[3]" (item id 3)
    code: str  # one of the codes above
    message: str  # English fallback


class ValidationFailed(MilieuError):
    """One or more fields are invalid; ``errors`` lists them all (not just the first)."""

    code = "invalid_fields"
    exit_code = 12

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(e.message for e in errors) or "Invalid input.")
        self.errors = list(errors)

    def by_field(self) -> dict[str, FieldError]:
        return {e.field: e for e in self.errors}


@dataclass(frozen=True)
class Shortfall:
    item_id: int
    name: str
    requested: int  # what this contact would give
    available: int  # stock on hand for it (counting back what this contact already took)

    @property
    def missing(self) -> int:
        return self.requested - self.available


class StockShortage(MilieuError):
    """More supplies given than in stock. The UI asks for confirmation, then
    saves again with ``allow_negative_stock=True`` (the count on the shelf may be off)."""

    code = "stock_shortage"
    exit_code = 13

    def __init__(self, shortfalls: list[Shortfall]):
        parts = [f"{s.name}: {s.requested} requested, {s.available} in stock" for s in shortfalls]
        super().__init__("Not enough in stock (" + "; ".join(parts) + ").")
        self.shortfalls = list(shortfalls)


@dataclass
class Collector:
    """Gathers field errors, then raises them together."""

    errors: list[FieldError] = field(default_factory=list)

    def add(self, field_name: str, code: str, message: str) -> None:
        self.errors.append(FieldError(field_name, code, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)


def fail(field_name: str, code: str, message: str) -> NoReturn:
    """Raise ValidationFailed for one field (when no other check is pending)."""
    raise ValidationFailed([FieldError(field_name, code, message)])
