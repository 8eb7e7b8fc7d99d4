"""La Piaule's coordination window: per library and worker the last bundle and how long
ago, a warning after more than 8 days of silence, gaps, the weekly trend, referrals and
conflicts (views.sync.overview_widgets); trust a worker's key and import bundles."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from views import dates
from views.sync import common, labels, public_keys
from views.sync.overview_widgets import OVERDUE, LibrariesBox, SilenceWarning, WorkerDetail
from views.sync.pickers import Pickers


class CoordinationPanel(QWidget):
    def __init__(self, ctx, pickers: Pickers, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coordination_panel")
        self.ctx = ctx
        self.pickers = pickers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        self.own_label = QLabel()
        self.own_label.setObjectName("own_fingerprint")
        self.own_label.setWordWrap(True)
        layout.addWidget(self.own_label)
        row = QHBoxLayout()
        self.import_button = common.button(self.tr("&Import bundles…"), "import_bundles")
        font = self.import_button.font()
        font.setBold(True)
        self.import_button.setFont(font)
        self.trust_button = common.button(self.tr("&Trust a worker's key…"), "trust_worker")
        self.export_key_button = common.button(self.tr("Save &my public key…"), "save_public_key")
        for b in (self.import_button, self.trust_button, self.export_key_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

        self.result_label = QLabel()
        self.result_label.setObjectName("import_result")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.silence = SilenceWarning()
        layout.addWidget(self.silence)
        self.libraries = LibrariesBox()
        layout.addWidget(self.libraries, 1)

        workers_box = QGroupBox(self.tr("Workers"))
        workers_layout = QVBoxLayout(workers_box)
        self.workers = common.table(
            "workers_table",
            [self.tr("Worker"), self.tr("Fingerprint"), self.tr("Last bundle"), self.tr("Weeks"), self.tr("Received"),
             self.tr("Missing bundles"), self.tr("Days since")],
        )
        header = self.workers.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the label gives way on narrow screens
        workers_layout.addWidget(self.workers)
        layout.addWidget(workers_box, 1)

        self.detail = WorkerDetail()
        self.weekly = self.detail.weekly
        layout.addWidget(self.detail, 3)

        self.import_button.clicked.connect(self.import_files)
        self.trust_button.clicked.connect(self.trust)
        self.export_key_button.clicked.connect(self.save_public_key)
        self.workers.currentCellChanged.connect(lambda *_: self._show_weekly())
        self._overview = None

    def refresh(self) -> None:
        from app.sync import rows as sync_rows

        own = self.ctx.ops.read(sync_rows.own_peer)
        found = self.ctx.ops.read(sync_rows.coordination_overview, store=True)  # the vault, or PostgreSQL
        self._overview = found
        self.own_label.setText(
            self.tr("Coordination vault. Your fingerprint, to read to workers by phone: %1").replace("%1", own.fingerprint)
        )
        items = found.workers
        rows = []
        for w in items:
            seq = w.last_sequence
            rows.append([
                w.label, w.fingerprint[:9] + "…", self.tr("No. %1").replace("%1", str(seq)) if seq else self.tr("None yet"),
                dates.weeks_text(w.last_weeks), dates.short_date(w.last_imported_at, year=True) if w.last_imported_at else "",
                ", ".join(map(str, w.missing)) if w.missing else self.tr("None"), self._since(w),
            ])
        current = self.workers.currentRow()
        common.fill(self.workers, rows)
        for row, w in enumerate(items):
            self.workers.item(row, 0).setToolTip(w.label)
            self.workers.item(row, 1).setToolTip(w.fingerprint)  # the whole fingerprint
            if w.silent:
                self.workers.item(row, 6).setBackground(OVERDUE)
        self.silence.show_for(found)
        self.libraries.show_for(found)
        if rows:
            self.workers.setCurrentCell(min(max(current, 0), len(rows) - 1), 0)
        self._show_weekly()

    def _since(self, w) -> str:
        if w.days_ago is None:
            return self.tr("Never")
        if w.days_ago == 0:
            return self.tr("Today")
        text = self.tr("%n day(s)", "", w.days_ago)
        return self.tr("%1, overdue").replace("%1", text) if w.silent else text

    def _show_weekly(self) -> None:
        if self._overview is None:
            return
        row = self.workers.currentRow()
        items = self._overview.workers
        self.detail.show_for(self._overview.weeks, items[row] if 0 <= row < len(items) else None)

    def _dialogs(self):
        return self.ctx.extras["dialogs"]

    def _fail(self, exc: BaseException) -> None:
        self._dialogs().error(self.tr("Coordination"), labels.error_message(exc))

    def trust(self) -> None:
        from app.ops import sync as sync_ops

        public_keys.accept_public_key(
            self.ctx, self.pickers, self.tr("A worker's public-key file"),
            self.tr("Key of %1.\n\nFingerprint:\n%2\n\nDoes it match, group by group, the fingerprint the worker read "
                    "to you by phone?"),
            sync_ops.trust_worker, self._fail,
        )

    def import_files(self) -> None:
        """Read, verify and import on the writer thread (a year of bundles takes a while)."""
        from app.ops import sync as sync_ops

        paths = self.pickers.open_files(self.tr("Bundles to import"), self.tr("Milieu bundles (*.bundle);;All files (*)"))
        if not paths:
            return
        self.import_button.setEnabled(False)
        self.result_label.setText(self.tr("Importing %n bundle(s)…", "", len(paths)))

        def failed(exc: BaseException) -> bool:
            self.import_button.setEnabled(True)
            self.result_label.setText("")
            return False  # unexpected: the dialog seam says it

        def step(done: int, total: int) -> None:
            self.result_label.setText(self.tr("Importing bundle %1 of %2…").replace("%1", str(done + 1))
                                      .replace("%2", str(total)))

        self.ctx.ops.run(sync_ops.import_bundles, [Path(p) for p in paths], on_done=self._imported, on_error=failed,
                         on_progress=step, busy=self.tr("Importing the bundles…"))

    def _imported(self, outcomes) -> None:
        from app.sync import importer

        self.import_button.setEnabled(True)
        lines = []
        for item in outcomes:
            name, result = item.name, item.result
            if item.unreadable:
                lines.append(self.tr("%1: cannot be read.").replace("%1", name))
            elif item.error is not None:
                lines.append(self.tr("%1: refused. %2").replace("%1", name).replace("%2", labels.error_message(item.error)))
            elif result.status == importer.ALREADY_IMPORTED:
                lines.append(self.tr("%1: already imported, nothing changed.").replace("%1", name))
            else:
                lines.append(self.tr("%1: bundle no. %2 imported.").replace("%1", name).replace("%2", str(result.sequence)))
                if result.missing:
                    lines.append(
                        self.tr("Missing bundles from this worker: %1.").replace("%1", ", ".join(map(str, result.missing)))
                    )
        self.result_label.setText("\n".join(lines))

    def save_public_key(self) -> None:
        public_keys.save_own_key(self.ctx, self.pickers, self.tr("Save my public key"), self.result_label,
                                 lambda exc: self._dialogs().error(self.tr("Coordination"), str(exc)),
                                 suggested="la-piaule.pub")
