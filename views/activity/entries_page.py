"""Layout and actions shared by the Conflits and Personnel pages: the entry form (left, scrollable)
beside the latest entries (right); double-click or Edit loads one into the form, Delete removes it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from views.floor.common import heading
from views.page import Page


class ActivityEntriesPage(Page):
    """Subclasses call ``_build`` in ``__init__``, then implement ``refresh`` (filling ``self.table``
    with ``_set_row``) and ``_delete_entry``; ``entity`` is what a delete notifies."""

    entity = ""

    def _build(self, *, name: str, button_prefix: str, form: QWidget, form_title: str, list_title: str,
               headers: list[str], delete_question: str, stretch: tuple[int, int]) -> None:
        self.setObjectName(f"{name}_page")
        self.form = form
        self._delete_question = delete_question
        outer = QHBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(20)

        left = QVBoxLayout()
        left.addWidget(heading(form_title))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form)
        left.addWidget(scroll, 1)
        outer.addLayout(left, stretch[0])

        right = QVBoxLayout()
        right.addWidget(heading(list_title, 2))
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(f"{name}_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._edit_selected)
        right.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}_summary")
        right.addWidget(self.summary)
        row = QHBoxLayout()
        self.edit_button = QPushButton(QCoreApplication.translate("ActivityEntriesPage", "&Edit"))
        self.edit_button.setObjectName(f"{button_prefix}_edit")
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button = QPushButton(QCoreApplication.translate("ActivityEntriesPage", "De&lete"))
        self.delete_button.setObjectName(f"{button_prefix}_delete")
        self.delete_button.clicked.connect(self._delete_selected)
        self.list_actions = row  # pages add their own actions here
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        right.addLayout(row)
        outer.addLayout(right, stretch[1])
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, activated=self._delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def _set_row(self, row: int, entry_id: int, cells: list[str]) -> list[QTableWidgetItem]:
        """One table row whose cells all carry the entry id (what Edit and Delete act on)."""
        items = []
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            self.table.setItem(row, c, item)
            items.append(item)
        return items

    def _selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _edit_selected(self, *_args) -> None:
        entry_id = self._selected_id()
        if entry_id is not None:
            self.form.load(entry_id)
            self._focus_after_load().setFocus()

    def _focus_after_load(self) -> QWidget:  # pragma: no cover - overridden
        raise NotImplementedError

    def _delete_entry(self, session, entry_id: int) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _delete_selected(self) -> None:
        entry_id = self._selected_id()
        if entry_id is None:
            return
        dialogs = self.ctx.extras.get("dialogs")
        if dialogs is not None and not dialogs.confirm(
            self._delete_question,
            QCoreApplication.translate("ActivityEntriesPage", "It will no longer count in the report."),
            destructive=True,
        ):
            return
        with self.ctx.vault.session() as s:
            self._delete_entry(s, entry_id)
        self.ctx.notify(self.entity)
