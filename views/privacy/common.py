"""Small pieces the privacy tabs share: a register table and a save-as through the pickers."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from views.floor.common import field_error_text, style_list_table


def register_table(name: str, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    style_list_table(table)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


def error_text(exc: BaseException) -> str | None:
    """The user's sentence for a refused register entry (None: not a field error)."""
    errors = getattr(exc, "errors", None)
    if not errors:
        return None
    own = {
        "before_start": QCoreApplication.translate("Privacy", "The period ends before it starts."),
        "before_incident": QCoreApplication.translate("Privacy", "The incident cannot be known before it happened."),
        "before_received": QCoreApplication.translate("Privacy", "A request cannot be answered before it was received."),
        "guardian_required": QCoreApplication.translate("Privacy", "A person under 14 needs a guardian's consent."),
        "consent_missing": QCoreApplication.translate("Privacy", "The person has not consented to this: record the consent first."),
        "no_extension": QCoreApplication.translate("Privacy", "Only an open request to a public body can be extended, once."),
        "invalid": QCoreApplication.translate("Privacy", "Check this value."),
    }
    first = errors[0]
    return own.get(first.code) or field_error_text(first.code)
