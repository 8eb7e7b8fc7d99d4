"""The Bilan's evaluation row: the baseline period compared with (a second period picker,
by default the 12 months before the pilot when there is data there), and the doors to the
monthly visits, the highlights for council and the staff questionnaire."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from app.report import period as periods
from views.context import AppContext

DEBOUNCE_MS = 600


class EvaluationBar(QWidget):
    changed = Signal()  # the baseline period changed: compute the report again

    def __init__(self, ctx: AppContext, coordination: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.coordination = coordination
        self.setObjectName("bilan_evaluation")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.compare = QCheckBox(self.tr("&Compare with"))
        self.compare.setObjectName("bilan_compare")
        self.compare.setToolTip(self.tr("A period before the pilot project: conflicts per month and per 1,000 "
                                        "visits, intensity, emergency calls, side by side"))
        self.first_day, self.last_day = QDateEdit(), QDateEdit()
        self.first_day.setObjectName("bilan_baseline_from")
        self.last_day.setObjectName("bilan_baseline_to")
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        row.addWidget(self.compare)
        row.addWidget(self.first_day)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.last_day)
        row.addStretch(1)
        self.buttons = {}
        for key, text in (("visits", self.tr("&Visits…")), ("highlights", self.tr("Hi&ghlights…")),
                          ("survey", self.tr("Staff &questionnaire…")), ("lists", self.tr("&Lists…"))):
            button = QPushButton(text)
            button.setObjectName(f"bilan_{key}")
            button.setVisible(not coordination)
            self.buttons[key] = button
            row.addWidget(button)
        self.buttons["visits"].clicked.connect(self.edit_visits)
        self.buttons["highlights"].clicked.connect(self.edit_highlights)
        self.buttons["survey"].clicked.connect(self.open_survey)
        self.buttons["lists"].clicked.connect(self.edit_lists)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.reset()
        self.compare.toggled.connect(self._toggled)
        self.first_day.dateChanged.connect(lambda *_: self._timer.start())
        self.last_day.dateChanged.connect(lambda *_: self._timer.start())

    def _default(self) -> periods.Period | None:
        from app.report import coordination, worker

        side = coordination if self.coordination else worker
        return self.ctx.ops.read(side.default_baseline, store=self.coordination)

    def reset(self) -> None:
        """Back to the default: the 12 months before the pilot, checked only when there is data."""
        found = self._default()
        shown = found
        if shown is None:
            today = date.today()
            shown = periods.Period(date(today.year - 2, 1, 1), date(today.year - 1, 1, 1))
        self.set_baseline(shown, enabled=found is not None)

    def set_baseline(self, p: periods.Period | None, enabled: bool = True) -> None:
        """Choose the baseline period (what the controls do; tests call it too)."""
        for edit, day in ((self.first_day, p.start), (self.last_day, p.last_day)) if p else ():
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)
        self.compare.blockSignals(True)
        self.compare.setChecked(enabled and p is not None)
        self.compare.blockSignals(False)
        self._toggled(self.compare.isChecked(), emit=False)

    def _toggled(self, on: bool, emit: bool = True) -> None:
        self.first_day.setEnabled(on)
        self.last_day.setEnabled(on)
        if emit:
            self.changed.emit()

    def baseline(self) -> periods.Period | None:
        if not self.compare.isChecked():
            return None
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        return periods.custom(min(first, last), max(first, last))

    # ---- the doors ----------------------------------------------------------------------------
    def edit_visits(self) -> None:
        from views.activity.evaluation_dialogs import VisitsDialog

        VisitsDialog(self.ctx, self).exec()

    def edit_highlights(self) -> None:
        from views.activity.evaluation_dialogs import HighlightsDialog

        HighlightsDialog(self.ctx, self).exec()

    def open_survey(self) -> None:
        from views.activity.survey_entry import SurveyDialog

        SurveyDialog(self.ctx, self).exec()

    def edit_lists(self) -> None:
        from views.activity.evaluation_lists import EvaluationListsDialog

        EvaluationListsDialog(self.ctx, self).exec()
