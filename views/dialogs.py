"""The dialog service: every message box goes through one object (Picard's pattern).

Pages use ``ctx.extras["dialogs"]``; tests replace that one object with a scripted
double to answer questions and read what was said, without modal loops.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class Dialogs:
    """info/warning/error show a message; confirm returns a bool; ask returns text or None."""

    def __init__(self, parent: Callable[[], QWidget | None] | QWidget | None = None):
        self._parent = parent

    def _owner(self) -> QWidget | None:
        return self._parent() if callable(self._parent) else self._parent

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._owner())
        if details:
            box.setInformativeText(details)
        box.exec()

    def info(self, title: str, text: str, details: str = "") -> None:
        self._box(QMessageBox.Icon.Information, title, text, details)

    def warning(self, title: str, text: str, details: str = "") -> None:
        self._box(QMessageBox.Icon.Warning, title, text, details)

    def error(self, title: str, text: str, details: str = "") -> None:
        self._box(QMessageBox.Icon.Critical, title, text, details)

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        """Yes/No; the safe answer (No) is the default when ``destructive``."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, self._owner())
        box.setDefaultButton(QMessageBox.StandardButton.No if destructive else QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask(self, title: str, label: str, text: str = "", *, secret: bool = False) -> str | None:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(self._owner(), title, label, mode, text)
        return value if ok else None
