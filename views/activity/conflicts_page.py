"""The "Conflits" page: the quick form beside the latest conflicts."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from views.activity import common
from views.activity.conflict_form import ConflictForm
from views.context import AppContext
from views.floor.common import CodeLabels, heading
from views.page import Page

RECENT_DAYS = 90


class ConflictsPage(Page):
    page_id = "conflicts"
    entities = frozenset({"conflict", "person", "contact", "code_item"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("conflicts_page")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(20)

        left = QVBoxLayout()
        left.addWidget(heading(self.tr("New conflict")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form = ConflictForm(ctx)
        scroll.setWidget(self.form)
        left.addWidget(scroll, 1)
        outer.addLayout(left, 5)

        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Last 90 days"), 2))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Int."), self.tr("Where"),
                                              self.tr("Outcome")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._edit_selected)
        right.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("conflicts_summary")
        right.addWidget(self.summary)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.setObjectName("conflict_edit")
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setObjectName("conflict_delete")
        self.delete_button.clicked.connect(self._delete_selected)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        right.addLayout(row)
        outer.addLayout(right, 3)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, activated=self._delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.refresh()

    def title(self) -> str:
        return self.tr("Conflicts")

    def refresh(self) -> None:
        from app.activity import conflicts
        from models.codes import PLACE

        now = datetime.now()
        with self.ctx.vault.session() as s:
            labels = CodeLabels(s, PLACE)
            rows = [(k.id, k.occurred_at, k.intensity, labels.label(PLACE, k.place_code), k.outcome)
                    for k in conflicts.between(s, now - timedelta(days=RECENT_DAYS), now + timedelta(days=1))]
        self.form.reload_choices()
        outcomes = common.outcome_labels()
        levels = common.intensity_levels()
        self.table.setRowCount(len(rows))
        for r, (cid, when, level, place, outcome) in enumerate(rows):
            cells = [QLocale().toString(when, "d MMM, HH:mm"), str(level), place.split(" : ", 1)[-1], outcomes.get(outcome, outcome)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, cid)
                if c == 1:
                    item.setToolTip(f"{level} – {levels[level][0]}")
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        if rows:
            mean = sum(r[2] for r in rows) / len(rows)
            self.summary.setText(self.tr("%n conflict(s), mean intensity %1", "", len(rows)).replace(
                "%1", f"{mean:.1f}".replace(".", "," if common.ui_language() == "fr" else ".")))
        else:
            self.summary.setText(self.tr("No conflict in the last 90 days."))

    def _selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _edit_selected(self, *_args) -> None:
        cid = self._selected_id()
        if cid is not None:
            self.form.load(cid)
            self.form.when.setFocus()

    def _delete_selected(self) -> None:
        from app.activity import conflicts

        cid = self._selected_id()
        if cid is None:
            return
        dialogs = self.ctx.extras.get("dialogs")
        if dialogs is not None and not dialogs.confirm(
            self.tr("Delete this conflict?"), self.tr("It will no longer count in the report."), destructive=True
        ):
            return
        with self.ctx.vault.session() as s:
            conflicts.delete(s, cid)
        self.ctx.notify("conflict")
