"""Presence hours: the weekly schedule (default 25 h library, 10 h street and team) and the
days or weeks that differed from it."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from app.activity.presence import SPAN_DAY, SPAN_WEEK
from app.ops import Entity
from app.ops import activity as activity_ops
from app.validation import ValidationFailed
from views.context import AppContext
from views.floor.common import FieldError, day_text, field_error_text


def _hours_spin(name: str, maximum: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, maximum)
    spin.setSingleStep(0.5)
    spin.setDecimals(2)
    spin.setSuffix(" h")
    return spin


class PresenceDialog(QDialog):
    """Open, it listens on the bus like a page: its table follows every presence change."""

    entities = frozenset({Entity.PRESENCE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.bus.changed.connect(self._changed)
        self.setObjectName("presence_dialog")
        self.setWindowTitle(self.tr("Hours of presence"))
        layout = QVBoxLayout(self)

        plan = QGroupBox(self.tr("Planned schedule, per week"))
        plan_form = QFormLayout(plan)
        self.plan_library = _hours_spin("plan_library", 80)
        self.plan_street = _hours_spin("plan_street", 80)
        plan_form.addRow(self.tr("Library floor"), self.plan_library)
        plan_form.addRow(self.tr("Street work and team"), self.plan_street)
        self.plan_save = QPushButton(self.tr("Save the &schedule"))
        self.plan_save.setObjectName("plan_save")
        self.plan_save.clicked.connect(self.save_schedule)
        plan_form.addRow("", self.plan_save)
        layout.addWidget(plan)

        entry = QGroupBox(self.tr("A day or a week that differed"))
        form = QFormLayout(entry)
        spans = QHBoxLayout()
        self.span = QButtonGroup(self)
        self.span_week = QRadioButton(self.tr("&Week"))
        self.span_week.setObjectName("span_week")
        self.span_day = QRadioButton(self.tr("D&ay"))
        self.span_day.setObjectName("span_day")
        self.span.addButton(self.span_week)
        self.span.addButton(self.span_day)
        self.span_week.setChecked(True)
        spans.addWidget(self.span_week)
        spans.addWidget(self.span_day)
        spans.addStretch(1)
        form.addRow(self.tr("For"), spans)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("presence_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        form.addRow(self.tr("Da&te (any day of the week)"), self.day)
        self.library = _hours_spin("presence_library", 24 * 7)
        self.street = _hours_spin("presence_street", 24 * 7)
        form.addRow(self.tr("&Library floor"), self.library)
        form.addRow(self.tr("St&reet work and team"), self.street)
        self.note = QLineEdit()
        self.note.setObjectName("presence_note")
        form.addRow(self.tr("&Note"), self.note)
        row = QHBoxLayout()
        self.entry_save = QPushButton(self.tr("Sa&ve these hours"))
        self.entry_save.setObjectName("presence_save")
        self.entry_save.clicked.connect(self.save_entry)
        self.entry_clear = QPushButton(self.tr("Back to the s&chedule"))
        self.entry_clear.setObjectName("presence_clear")
        self.entry_clear.clicked.connect(self.clear_entry)
        row.addStretch(1)
        row.addWidget(self.entry_clear)
        row.addWidget(self.entry_save)
        form.addRow("", row)
        layout.addWidget(entry)
        self.error = FieldError("presence")
        layout.addWidget(self.error)

        layout.addWidget(QLabel(self.tr("Entered in the last six months")))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("presence_table")
        self.table.setHorizontalHeaderLabels([self.tr("From"), self.tr("For"), self.tr("Library"),
                                              self.tr("Street and team")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)
        layout.addWidget(self.table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load()

    def _changed(self, changes) -> None:  # app.ops.Changes
        if self.ctx.vault.is_unlocked and not self.entities.isdisjoint(changes):
            self.load()

    def load(self) -> None:
        from app.activity import rows

        state = self.ctx.ops.read(rows.presence_state)
        plan = state.schedule
        self.plan_library.setValue(plan.library_min / 60)
        self.plan_street.setValue(plan.street_min / 60)
        if not self.library.value() and not self.street.value():
            self.library.setValue(plan.library_min / 60)
            self.street.setValue(plan.street_min / 60)
        self.table.setRowCount(len(state.entries))
        for r, p in enumerate(reversed(state.entries)):
            cells = [day_text(p.starts_on), self.tr("Week") if p.span == SPAN_WEEK else self.tr("Day"),
                     f"{p.library_min / 60:g} h", f"{p.street_min / 60:g} h"]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _span(self) -> str:
        return SPAN_DAY if self.span_day.isChecked() else SPAN_WEEK

    def _show(self, exc: ValidationFailed) -> None:
        self.error.set_error("\n".join(field_error_text(e.code) for e in exc.errors))

    def _run(self, op, *args) -> None:
        """Run a presence operation; the table reloads from the change it announces."""

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValidationFailed):
                self._show(exc)
                return True
            return False

        self.ctx.ops.run(op, *args, on_done=lambda _v: self.error.set_error(""), on_error=failed)

    def save_schedule(self) -> None:
        self._run(activity_ops.set_schedule, round(self.plan_library.value() * 60), round(self.plan_street.value() * 60))

    def save_entry(self) -> None:
        self._run(activity_ops.set_hours, self.day.date().toPython(), self._span(), round(self.library.value() * 60),
                  round(self.street.value() * 60), self.note.text())

    def clear_entry(self) -> None:
        self._run(activity_ops.clear_hours, self.day.date().toPython(), self._span())
