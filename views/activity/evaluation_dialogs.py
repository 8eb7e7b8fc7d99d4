"""Small dialogs of the evaluation: the month's visits, the highlights for council."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from app.evaluation import highlights, visits
from app.ops import evaluation as ops
from views.context import AppContext


class VisitsDialog(QDialog):
    """One month's visits at a time (the library's monthly count); a file of days or months
    goes through ``milieu visits import``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("visits_dialog")
        self.setWindowTitle(self.tr("Visits to the library"))
        form = QFormLayout(self)
        self.month = QDateEdit()
        self.month.setObjectName("visits_month")
        self.month.setDisplayFormat("MMMM yyyy")
        self.month.setCalendarPopup(True)
        today = date.today()
        self.month.setDate(QDate(today.year, today.month, 1).addMonths(-1))
        self.count = QSpinBox()
        self.count.setObjectName("visits_count")
        self.count.setRange(0, visits.MAX_VISITS)
        self.count.setGroupSeparatorShown(True)
        self.count.setSingleStep(100)
        form.addRow(self.tr("&Month"), self.month)
        form.addRow(self.tr("&Visits"), self.count)
        self.saved = QLabel()
        self.saved.setObjectName("visits_saved")
        form.addRow("", self.saved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("visits_save")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        form.addRow(buttons)
        self.month.dateChanged.connect(lambda *_: self._load())
        self._load()

    def _first(self) -> date:
        return self.month.date().toPython().replace(day=1)

    def _load(self) -> None:
        first = self._first()
        known = self.ctx.ops.read(visits.monthly, first, first.replace(day=28))
        self.count.setValue(known.get(f"{first.year:04d}-{first.month:02d}", 0))
        self.saved.setText("")

    def save(self) -> None:
        self.ctx.ops.run(ops.set_month_visits, self._first(), self.count.value(),
                         on_done=lambda _result: self.saved.setText(self.tr("Saved.")))


class HighlightsDialog(QDialog):
    """The worker's highlights for the council's summary page, with a warning when they name
    a person of the vault (the document goes outside)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("highlights_dialog")
        self.setWindowTitle(self.tr("Highlights for council"))
        self.resize(620, 380)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("A few lines on the pilot's results, in your words. They open the report for "
                              "council: name nobody."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text = QPlainTextEdit()
        self.text.setObjectName("highlights_text")
        self.text.setPlainText(ctx.ops.read(highlights.get))
        layout.addWidget(self.text, 1)
        self.warning = QLabel()
        self.warning.setObjectName("highlights_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.ctx.ops.run(ops.set_highlights, self.text.toPlainText(), on_done=self._saved)

    def _saved(self, named: list[str]) -> None:
        if named:
            self.warning.setText(self.tr("Saved, but these words name a person of the vault: %1. Remove them "
                                         "before the report leaves.").replace("%1", ", ".join(named)))
        else:
            self.warning.setText("")
            self.accept()
