"""The Conflits page's import of the library's past incident reports (the baseline), the
same as ``milieu conflict import``: a category map shown for confirmation, every bad row
listed, nothing imported unless the worker chooses to import the good rows."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import MilieuError
from app.evaluation import baseline
from app.evaluation.csvfile import ImportRejected
from app.ops import evaluation as ops
from views.context import AppContext

SHOWN_ERRORS = 50


class MapConfirmation(QDialog):
    """The library's categories and the level of Milieu's scale each one becomes."""

    def __init__(self, mapping: dict[str, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("baseline_map_dialog")
        self.setWindowTitle(self.tr("Categories of the library"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each category of the file becomes this intensity (1 to 5):")))
        self.table = QTableWidget(len(mapping), 2)
        self.table.setObjectName("baseline_map_table")
        self.table.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Intensity")])
        for r, (category, level) in enumerate(sorted(mapping.items(), key=lambda kv: (kv[1], kv[0]))):
            self.table.setItem(r, 0, QTableWidgetItem(category))
            self.table.setItem(r, 1, QTableWidgetItem(str(level)))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class BadRowsDialog(QDialog):
    """The bad rows, each as file, row, field, why; import the good rows or nothing."""

    def __init__(self, errors, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("baseline_bad_rows")
        self.setWindowTitle(self.tr("Rows that cannot be imported"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n row(s) cannot be imported; nothing was imported.", "", len(errors))))
        text = QPlainTextEdit("\n".join(str(e) for e in errors[:SHOWN_ERRORS]))
        text.setObjectName("baseline_bad_rows_text")
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        skip = QPushButton(self.tr("Import the &good rows"))
        skip.setObjectName("baseline_skip_bad_rows")
        buttons.addButton(skip, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class BaselineImport(QPushButton):
    """A button for the Conflits page; tests call ``start(path, map_path)`` with their own answers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setText(self.tr("Import past i&ncidents…"))
        self.setObjectName("conflict_import")
        self.show_summary()
        self.confirm_map = lambda mapping: MapConfirmation(mapping, self).exec() == QDialog.DialogCode.Accepted
        self.confirm_skip = lambda errors: BadRowsDialog(errors, self).exec() == QDialog.DialogCode.Accepted
        self.tell = lambda text: QMessageBox.information(self, self.tr("Past incidents"), text)
        self.clicked.connect(self.choose)

    def show_summary(self) -> None:
        """The tooltip says what was imported: the library's incidents are kept apart from the worker's."""
        count, first, last = self.ctx.ops.read(baseline.summary)
        text = self.tr("The library's incident reports from before the pilot (CSV: date, intensity, time, zone, "
                       "parties, emergency)")
        if count:
            text += "\n" + self.tr("Imported: %1 incident(s), %2 to %3 (kept apart from your conflicts)") \
                .replace("%1", str(count)).replace("%2", str(first)).replace("%3", str(last))
        self.setToolTip(text)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Past incidents (CSV)"), str(Path.home()),
                                              "CSV (*.csv *.txt)")
        if not path:
            return
        answer = QMessageBox.question(self, self.tr("Past incidents"),
                                      self.tr("Does the file use the library's own categories instead of "
                                              "intensities 1 to 5? (You then choose the category map.)"))
        map_path = None
        if answer == QMessageBox.StandardButton.Yes:
            map_path, _ = QFileDialog.getOpenFileName(self, self.tr("Category map (category,intensity)"),
                                                      str(Path(path).parent), "CSV (*.csv *.txt)")
            if not map_path:
                return
        self.start(Path(path), Path(map_path) if map_path else None)

    def start(self, path: Path, map_path: Path | None = None) -> None:
        mapping = None
        if map_path is not None:
            try:
                mapping = baseline.read_map(map_path)
            except MilieuError as exc:
                self.tell(str(exc))
                return
            if not self.confirm_map(mapping):
                return
        self._run(path, mapping, skip=False)

    def _run(self, path: Path, mapping, skip: bool) -> None:
        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ImportRejected) and not skip:
                if self.confirm_skip(exc.errors):
                    self._run(path, mapping, skip=True)
                return True
            return False  # the runner's dialog says it

        self.ctx.ops.run(ops.import_incidents, path, skip_bad_rows=skip, mapping=mapping,
                         on_done=self._done, on_error=failed)

    def _done(self, outcome) -> None:
        self.show_summary()
        self.tell(self.tr("%1 incident(s) imported, %2 already there, %3 row(s) skipped.")
                  .replace("%1", str(outcome.added)).replace("%2", str(outcome.unchanged))
                  .replace("%3", str(len(outcome.skipped))))
