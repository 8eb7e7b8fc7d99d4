"""The evaluation's editable lists: needs left unmet and the questionnaire's items.
Items are added, renamed or retired, never deleted (past records keep their meaning)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from app import codes
from app.ops import evaluation as ops
from views.context import AppContext
from views.floor.common import ui_language


class EvaluationListsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("evaluation_lists")
        self.setWindowTitle(self.tr("Lists of the evaluation"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        self.which = QComboBox()
        self.which.setObjectName("evaluation_list_name")
        self.which.addItem(self.tr("Needs left unmet"), "unmet_need")
        self.which.addItem(self.tr("Staff questionnaire items"), "staff_survey")
        layout.addWidget(self.which)
        self.items = QListWidget()
        self.items.setObjectName("evaluation_list_items")
        layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        self.buttons = {}
        for key, text in (("add", self.tr("&Add…")), ("rename", self.tr("&Rename…")),
                          ("retire", self.tr("Re&tire / bring back"))):
            button = QPushButton(text)
            button.setObjectName(f"evaluation_list_{key}")
            self.buttons[key] = button
            row.addWidget(button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.ask_text = lambda title, current: QInputDialog.getText(self, title, title, text=current)
        self.which.currentIndexChanged.connect(lambda _i: self.reload())
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["rename"].clicked.connect(self.rename)
        self.buttons["retire"].clicked.connect(self.retire)
        self.reload()

    def reload(self) -> None:
        list_name = self.which.currentData()
        lang = ui_language()
        with self.ctx.vault.session() as s:
            rows = [(i.id, i.label(lang), i.retired) for i in codes.items(s, list_name, include_retired=True)]
        self.items.clear()
        suffix = self.tr("(retired)")
        for item_id, label, retired in rows:
            item = QListWidgetItem(f"{label}  {suffix}" if retired else label)
            item.setData(Qt.ItemDataRole.UserRole, (item_id, label, retired))
            self.items.addItem(item)

    def _selected(self):
        item = self.items.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _run(self, op, *args) -> None:
        self.ctx.ops.run(op, *args, on_done=lambda _v: self.reload())

    def add(self) -> None:
        text, ok = self.ask_text(self.tr("New item"), "")
        if ok and text.strip():
            self._run(ops.add_list_item, self.which.currentData(), text.strip())

    def rename(self) -> None:
        chosen = self._selected()
        if chosen:
            text, ok = self.ask_text(self.tr("Rename"), chosen[1])
            if ok and text.strip():
                self._run(ops.rename_list_item, chosen[0], text.strip())

    def retire(self) -> None:
        chosen = self._selected()
        if chosen:
            self._run(ops.retire_list_item, chosen[0], not chosen[2])
