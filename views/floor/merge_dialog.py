"""Merging a duplicate: pick the other record of the person shown (search as you type)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app import people


class MergeDialog(QDialog):
    """Pick the duplicate record to fold into the person shown."""

    def __init__(self, ctx, keep_id: int, keep_alias: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge a duplicate"))
        self.resize(560, 420)
        self._read = ctx.ops.read
        self._keep_id = keep_id
        self.chosen: tuple[int, str] | None = None
        intro = QLabel(self.tr(
            "Find the other record of %1. Its contacts move here; it stays archived, pointing to this one."
        ).replace("%1", keep_alias))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("merge_search")
        self.search.setPlaceholderText(self.tr("Alias of the duplicate…"))
        self.search.textEdited.connect(self._search)
        self.results = QListWidget()
        self.results.setObjectName("merge_results")
        self.results.itemActivated.connect(lambda _i: self._accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge_confirm")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.search.returnPressed.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)
        self._search("")

    def _search(self, text: str) -> None:
        self.results.clear()
        found = [m for m in self._read(people.search_people, text, limit=20, include_archived=True, warm=True)
                 if m.id != self._keep_id]
        for m in found:
            label = m.alias + (f" ({m.first_name})" if m.first_name else "")
            label += "  —  " + self.tr("%n contact(s)", "", m.contact_count)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, (m.id, m.alias))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = tuple(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
