"""The "Bilan" page: a period, the figures as cards, each table beside its chart, exports."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from app.ops import Entity
from app.report import labels as words
from app.report import period as periods
from app.report import reads
from app.report.model import Report
from views import paper as papers
from views.activity import drawn_export
from views.activity.bilan_widgets import ReportBody, section
from views.activity.evaluation_bar import EvaluationBar
from views.context import AppContext
from views.floor.common import heading, ui_language
from views.page import Page

PILOT, MONTH, QUARTER, CUSTOM = periods.PILOT, periods.MONTH, periods.QUARTER, periods.CUSTOM
CARDS = ("interventions", "people", "new_people", "conflicts", "intensity_mean", "staff_support",
         "presence_hours", "interventions_per_hour")
DATES_DEBOUNCE_MS = 600
FORMATS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "docx": "Word (*.docx)"}
DRAWN = ("pdf", "docx")  # charts painted by Qt on the GUI thread


class BilanPage(Page):
    page_id = "bilan"
    # Everything the report counts; bundles: a coordination vault reports what it imported.
    entities = frozenset({Entity.CONTACT, Entity.PERSON, Entity.REFERRAL, Entity.STOCK_MOVEMENT, Entity.SUPPLY_ITEM,
                          Entity.CONFLICT, Entity.STAFF_SUPPORT, Entity.PRESENCE, Entity.CODE_ITEM, Entity.BUNDLE,
                          Entity.SETTING, Entity.BASELINE_INCIDENT, Entity.VISIT_COUNT, Entity.SURVEY_RESPONSE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("bilan_page")
        self.report: Report | None = None
        self.last_export: Path | None = None
        self._dirty = True
        self._generation = 0
        self.coordination = self._coordination_mode()
        self.anchor = date.today()  # the month or quarter shown
        self.pick_path = self._ask_path  # tests replace it

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 14, 20, 10)
        outer.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()))
        top.addStretch(1)
        self.presence_button = QPushButton(self.tr("&Hours of presence…"))
        self.presence_button.setObjectName("bilan_presence")
        self.presence_button.clicked.connect(self.edit_presence)
        self.presence_button.setVisible(not self.coordination)
        top.addWidget(self.presence_button)
        outer.addLayout(top)

        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("bilan_period_kind")
        for code, text in ((PILOT, self.tr("Pilot project")), (MONTH, self.tr("Month")),
                           (QUARTER, self.tr("Quarter")), (CUSTOM, self.tr("Custom"))):
            self.kind.addItem(text, code)
        period_label = QLabel(self.tr("Pe&riod"))
        period_label.setBuddy(self.kind)
        bar.addWidget(period_label)
        bar.addWidget(self.kind)
        self.previous = QPushButton("◀")
        self.previous.setObjectName("bilan_previous")
        self.previous.setToolTip(self.tr("Previous (Alt+Left)"))
        self.previous.setShortcut("Alt+Left")
        self.previous.setFixedWidth(44)
        self.next = QPushButton("▶")
        self.next.setObjectName("bilan_next")
        self.next.setToolTip(self.tr("Next (Alt+Right)"))
        self.next.setShortcut("Alt+Right")
        self.next.setFixedWidth(44)
        self.first_day = QDateEdit()
        self.first_day.setObjectName("bilan_from")
        self.last_day = QDateEdit()
        self.last_day.setObjectName("bilan_to")
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.to_label = QLabel(self.tr("to"))
        bar.addWidget(self.previous)
        bar.addWidget(self.first_day)
        bar.addWidget(self.to_label)
        bar.addWidget(self.last_day)
        bar.addWidget(self.next)
        self.period_error = QLabel()  # a reversed or future period, said beside the dates
        self.period_error.setObjectName("bilan_period_error")
        self.period_error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.period_error.hide()
        bar.addWidget(self.period_error)
        self.worker = QComboBox()
        self.worker.setObjectName("bilan_worker")
        self.worker.setVisible(self.coordination)
        bar.addWidget(self.worker)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.evaluation = EvaluationBar(ctx, self.coordination, self)  # the baseline compared with (issue 13)
        outer.addWidget(self.evaluation)

        exports = QHBoxLayout()
        self.export_buttons = {}
        for fmt, text in (("pdf", self.tr("Export &PDF…")), ("csv", self.tr("Export C&SV…")),
                          ("xlsx", self.tr("Export E&xcel…")), ("docx", self.tr("Export &Word…"))):
            button = QPushButton(text)
            button.setObjectName(f"bilan_export_{fmt}")
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = button
            exports.addWidget(button)
        self.exact = QCheckBox(self.tr("Exact small counts (internal use only)"))
        self.exact.setObjectName("bilan_exact")
        self.exact.setToolTip(self.tr("Unchecked, counts of 1 to 4 people read \"< 5\" in exports, so that "
                                      "nobody can be recognised."))
        exports.addWidget(self.exact)
        exports.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("bilan_status")
        exports.addWidget(self.status)
        outer.addLayout(exports)

        body = ReportBody(CARDS)
        self.scroll, self.body, self.cards, self.note, self.sections = (
            body.scroll, body.body, body.cards, body.note, body.sections)
        outer.addWidget(self.scroll, 1)

        self._load_workers()
        self._set_kind(PILOT)
        self.kind.currentIndexChanged.connect(lambda _i: self._set_kind(self.kind.currentData()))
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        # Typing a date changes it digit by digit: recompute once the typing pauses.
        self._dates_timer = QTimer(self)
        self._dates_timer.setSingleShot(True)
        self._dates_timer.setInterval(DATES_DEBOUNCE_MS)
        self._dates_timer.timeout.connect(self._dates_edited)
        self.first_day.dateChanged.connect(lambda *_: self._dates_timer.start())
        self.last_day.dateChanged.connect(lambda *_: self._dates_timer.start())
        self.worker.currentIndexChanged.connect(lambda _i: self.refresh())
        self.evaluation.changed.connect(self.refresh)

    def title(self) -> str:
        return self.tr("Report")

    # ---- period ---------------------------------------------------------------------------
    def _coordination_mode(self) -> bool:
        return self.ctx.ops.read(reads.is_coordination)

    def _load_workers(self) -> None:
        if not self.coordination:
            return
        from app.sync import rows as sync_rows

        peers = self.ctx.ops.read(sync_rows.report_workers, store=True)
        self.worker.blockSignals(True)
        self.worker.clear()
        self.worker.addItem(self.tr("All workers"), None)
        for pid, label in peers:
            self.worker.addItem(label, pid)
        self.worker.blockSignals(False)

    def _pilot(self) -> periods.Period:
        return self.ctx.ops.read(reads.pilot_period, self.coordination, store=self.coordination)

    def period(self) -> periods.Period:
        kind = self.kind.currentData()
        if kind == MONTH:
            return periods.containing_month(self.anchor)
        if kind == QUARTER:
            return periods.containing_quarter(self.anchor)
        if kind == CUSTOM:
            first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
            return periods.custom(min(first, last), max(first, last))
        return self._pilot()

    def set_period(self, kind: str, anchor: date | None = None, first: date | None = None,
                   last: date | None = None) -> None:
        """Choose the period (what the controls do; tests call it too)."""
        if anchor is not None:
            self.anchor = anchor
        if first is not None and last is not None:
            self._show_dates(first, last)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        self._set_kind(kind)

    def _set_kind(self, kind: str) -> None:
        custom = kind == CUSTOM
        stepping = kind in (MONTH, QUARTER)
        self.previous.setVisible(stepping)
        self.next.setVisible(stepping)
        for w in (self.first_day, self.last_day, self.to_label):
            w.setEnabled(custom or kind == PILOT)  # the pilot's dates are edited here too
        self.first_day.setToolTip(self.tr("The pilot project's dates are kept for the next time")
                                  if kind == PILOT else "")
        if not custom:
            p = self.period()
            self._show_dates(p.start, p.last_day)
        self.refresh()

    def _show_dates(self, first: date, last: date) -> None:
        """Put the dates in the editors without it counting as typing."""
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)

    def _step(self, direction: int) -> None:
        p = self.period()
        self.anchor = p.start - timedelta(days=1) if direction < 0 else p.end
        self._set_kind(self.kind.currentData())

    def dates_problem(self) -> str:
        """Why the typed dates cannot be used ("" when they can); the dates stay as typed."""
        kind = self.kind.currentData()
        if kind not in (CUSTOM, PILOT):
            return ""
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        if first > last:
            return self.tr("The first day is after the last day.")
        if kind == CUSTOM and first > date.today():
            return self.tr("This period has not begun yet.")
        return ""

    def _dates_edited(self) -> None:
        problem = self.dates_problem()
        self.period_error.setText(problem)
        self.period_error.setVisible(bool(problem))
        if problem:
            return  # neither swapped nor saved: the worker corrects the date
        kind = self.kind.currentData()
        if kind == PILOT:
            self.save_pilot_dates()
        elif kind == CUSTOM:
            self.refresh()

    def save_pilot_dates(self) -> None:
        """The dates shown become the pilot project's period (kept in the vault's settings)."""
        from app.ops import settings as settings_ops

        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        self.ctx.ops.run(settings_ops.set_pilot_period, min(first, last), max(first, last))  # -> refresh

    # ---- content ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            self._dirty = True  # computed when shown: a hidden page (or an unlock) costs nothing
            return
        self._dirty = False
        # Years of data take about a second: on the writer thread, the newest request wins.
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Computing…"))
        self.ctx.ops.fetch(
            reads.compute, self.coordination, self.period(), self.worker.currentData(), lang=ui_language(),
            baseline=self.evaluation.baseline(), store=self.coordination,
            on_done=lambda report: self._deliver(generation, report),
            on_error=lambda _exc: self._failed(generation),
        )

    def _deliver(self, generation: int, report: Report) -> None:
        if generation != self._generation:
            return  # a newer period was asked for meanwhile
        try:
            self.status.setText("")
            self.report = report
            self._show(report)
        except RuntimeError:  # the page was closed (lock) while computing
            pass

    def _failed(self, generation: int) -> bool:
        try:
            if generation == self._generation:
                self.status.setText("")
                self._dirty = True  # e.g. locked meanwhile: computed again when shown
        except RuntimeError:
            pass
        return True  # said by the status line: no dialog

    def _show(self, report: Report) -> None:
        lang = report.lang
        for key, card in self.cards.items():
            f = report.figure(key)
            card.value.setText(words.number(f.value, f.decimals, lang))
            card.caption.setText(words.text(key, lang))
        self.note.setText("\n".join(report.evaluation_notes + [report.presence_note]))
        while self.sections.count():
            item = self.sections.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for table in report.tables:
            if table.rows:
                self.sections.addWidget(section(report, table))

    # ---- actions --------------------------------------------------------------------------------
    def _ask_path(self, fmt: str, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), suggested, FORMATS[fmt])
        return path

    def export(self, fmt: str) -> bool:
        """Ask where, then compute and write on the writer thread (a 5-year report takes seconds).
        CSV and Excel are written there too; the PDF's charts are drawn here once the figures are in."""
        from app.ops import report as report_ops

        problem = self.dates_problem()
        if problem:  # no silent swap in the exported file
            self.period_error.setText(problem)
            self.period_error.setVisible(True)
            return False
        p = self.period()
        suggested = f"bilan_{p.start}_{p.last_day}.{fmt}"
        chosen = self.pick_path(fmt, str(Path.home() / suggested))
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        outside = not self.exact.isChecked()
        busy = self.tr("Exporting the report…")
        self.status.setText(busy)
        self._exports_enabled(False)
        peer = self.worker.currentData()
        baseline = self.evaluation.baseline()
        if fmt in DRAWN:  # exports are in French
            self.ctx.ops.fetch(reads.compute, self.coordination, p, peer, lang="fr", busy=busy, baseline=baseline,
                               store=self.coordination,
                               on_done=lambda report: self._write_pdf(report, path, outside, fmt),
                               on_error=self._export_failed)
        else:
            self.ctx.ops.run(report_ops.export_tables, self.coordination, p, peer, fmt, path, outside=outside,
                             lang="fr", baseline=baseline, busy=busy, store=self.coordination,
                             on_done=self._exported, on_error=self._export_failed)
        return True

    def _write_pdf(self, report: Report, path: Path, outside: bool, fmt: str = "pdf") -> None:
        """The figures were computed on the writer thread; the charts and pages are drawn on the
        GUI thread, the PDF a chart or a page per event-loop turn (views.activity.drawn_export)."""
        drawn_export.write(self, report, path, outside, fmt, self.tr("Exporting the report…"),
                           paper=papers.saved(self.ctx))  # Paramètres' paper

    def _exports_enabled(self, enabled: bool) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(enabled)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self._exports_enabled(True)
        self.status.setText(self.tr("Exported: %1").replace("%1", path.name))

    def _export_failed(self, exc: BaseException) -> bool:
        self._exports_enabled(True)
        self.status.setText(self.tr("Export failed."))
        if not isinstance(exc, OSError):
            return False  # unexpected: the dialog seam says it
        dialogs = self.ctx.extras.get("dialogs")
        if dialogs is not None:
            dialogs.error(self.tr("Export failed"), self.tr("The file could not be written."), str(exc))
        return True

    def edit_presence(self) -> None:
        from views.activity.presence_dialog import PresenceDialog

        dialog = PresenceDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()  # it listens on the bus while it lives
