"""Small widgets shared by the worker and coordination panels."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem

BUTTON_HEIGHT = 40
TABLE_HINT_HEIGHT = 110  # a few rows; the page's scroll area sizes it from this, then it grows


class CompactTable(QTableWidget):
    """A table that asks for a few rows only: Qt's default (192 px) pushed the Envois page's
    last button ("Réécrire…") below a 1366x768 window."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), TABLE_HINT_HEIGHT))


def button(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setMinimumHeight(BUTTON_HEIGHT)
    return b


def table(name: str, headers: list[str]) -> QTableWidget:
    t = CompactTable(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            t.setItem(r, c, QTableWidgetItem(value))
