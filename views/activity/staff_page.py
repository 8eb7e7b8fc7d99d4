"""The "Personnel" page: support given to library staff, form beside the latest entries."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from views.activity import common
from views.activity.staff_form import StaffSupportForm
from views.context import AppContext
from views.floor.common import heading
from views.page import Page

RECENT_DAYS = 180


class StaffPage(Page):
    page_id = "staff"
    entities = frozenset({"staff_support"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("staff_page")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(20)
        left = QVBoxLayout()
        left.addWidget(heading(self.tr("Support to library staff")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form = StaffSupportForm(ctx)
        scroll.setWidget(self.form)
        left.addWidget(scroll, 1)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Last six months"), 2))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("staff_table")
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Kind"), self.tr("Staff count"),
                                              self.tr("Topic")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._edit_selected)
        right.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("staff_summary")
        right.addWidget(self.summary)
        row = QHBoxLayout()
        edit = QPushButton(self.tr("&Edit"))
        edit.setObjectName("staff_edit")
        edit.clicked.connect(self._edit_selected)
        delete = QPushButton(self.tr("De&lete"))
        delete.setObjectName("staff_delete")
        delete.clicked.connect(self._delete_selected)
        row.addStretch(1)
        row.addWidget(edit)
        row.addWidget(delete)
        right.addLayout(row)
        outer.addLayout(right, 2)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, activated=self._delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.refresh()

    def title(self) -> str:
        return self.tr("Staff")

    def refresh(self) -> None:
        from app.activity import staff_support

        today = date.today()
        with self.ctx.vault.session() as s:
            rows = [(r.id, r.occurred_on, r.kind, r.staff_count, r.duration_min, r.topic)
                    for r in staff_support.between(s, today - timedelta(days=RECENT_DAYS), today + timedelta(days=1))]
        kinds = common.support_kind_labels()
        self.table.setRowCount(len(rows))
        for r, (sid, day, kind, staff, _minutes, topic) in enumerate(rows):
            for c, text in enumerate([QLocale().toString(day, "d MMM yy"), kinds.get(kind, kind), str(staff), topic]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, sid)
                self.table.setItem(r, c, item)
        hours = sum(r[4] for r in rows) / 60
        self.summary.setText(self.tr("%n support(s), %1 h in all", "", len(rows)).replace(
            "%1", f"{hours:.1f}".replace(".", "," if common.ui_language() == "fr" else ".")))

    def _selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _edit_selected(self, *_args) -> None:
        sid = self._selected_id()
        if sid is not None:
            self.form.load(sid)
            self.form.topic.setFocus()

    def _delete_selected(self) -> None:
        from app.activity import staff_support

        sid = self._selected_id()
        if sid is None:
            return
        dialogs = self.ctx.extras.get("dialogs")
        if dialogs is not None and not dialogs.confirm(
            self.tr("Delete this entry?"), self.tr("It will no longer count in the report."), destructive=True
        ):
            return
        with self.ctx.vault.session() as s:
            staff_support.delete(s, sid)
        self.ctx.notify("staff_support")
