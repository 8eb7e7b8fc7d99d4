"""File and folder choosers of the bundle screens, in one place so tests replace them."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


class Pickers:
    def __init__(self, owner: QWidget):
        self.owner = owner

    def folder(self, title: str) -> str | None:
        path = QFileDialog.getExistingDirectory(self.owner, title)
        return path or None

    def open_file(self, title: str, pattern: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.owner, title, "", pattern)
        return path or None

    def open_files(self, title: str, pattern: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.owner, title, "", pattern)
        return list(paths)

    def save_file(self, title: str, name: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.owner, title, name)
        return path or None
