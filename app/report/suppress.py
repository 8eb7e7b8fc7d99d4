"""Small-count suppression for exports meant for outside (council, library management).

Counts of people from 1 to 4 are shown as "< 5": with so few people, a reader who
knows the library could recognise someone. Zero stays zero (it reveals nobody).
The worker's own screen shows exact numbers.
"""
from __future__ import annotations

from app.report.model import Figure, Table

THRESHOLD = 5
MASK = "< 5"


def masked(value, people: bool, outside: bool):
    """The value, or MASK when it is a small count of people in an export for outside."""
    if outside and people and isinstance(value, int) and 0 < value < THRESHOLD:
        return MASK
    return value


def figure_value(figure: Figure, outside: bool):
    return masked(figure.value, figure.people, outside)


def cell(table: Table, column: int, value, outside: bool):
    return masked(value, column in table.people_columns, outside)


def applies(report, outside: bool) -> bool:
    """True when at least one number was masked (the export then carries the note)."""
    if not outside:
        return False
    if any(figure_value(f, True) == MASK for f in report.figures):
        return True
    return any(
        cell(t, i, v, True) == MASK for t in report.tables for row in t.rows for i, v in enumerate(row) if i
    )
