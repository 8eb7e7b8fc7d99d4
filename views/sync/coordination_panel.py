"""La Piaule's coordination window: workers, their last bundle, gaps and weekly figures;
trust a worker's key and import bundles."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.atomic import read_limited
from app.errors import MilieuError
from views.sync import common, labels, public_keys
from views.sync.pickers import Pickers

MAX_FILE = 200 * 1024 * 1024


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

        workers_box = QGroupBox(self.tr("Workers"))
        workers_layout = QVBoxLayout(workers_box)
        self.workers = common.table(
            "workers_table",
            [self.tr("Worker"), self.tr("Fingerprint"), self.tr("Last bundle"), self.tr("Weeks"), self.tr("Received"),
             self.tr("Missing bundles")],
        )
        header = self.workers.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the label gives way on narrow screens
        workers_layout.addWidget(self.workers)
        layout.addWidget(workers_box, 2)

        weekly_box = QGroupBox(self.tr("Contacts per week (selected worker)"))
        weekly_layout = QVBoxLayout(weekly_box)
        self.weekly = common.table("weekly_table", [self.tr("Week"), self.tr("Contacts")])
        weekly_layout.addWidget(self.weekly)
        layout.addWidget(weekly_box, 2)

        self.import_button.clicked.connect(self.import_files)
        self.trust_button.clicked.connect(self.trust)
        self.export_key_button.clicked.connect(self.save_public_key)
        self.workers.currentCellChanged.connect(lambda *_: self._show_weekly())
        self._weekly: list[dict[str, int]] = []

    def refresh(self) -> None:
        from app.sync import importer, keys, store

        with self.ctx.vault.session() as s:
            own = keys.own_identity(s)
        with store.read_session(self.ctx.vault) as s:  # the vault, or PostgreSQL
            items = [
                (o.peer.label, o.peer.fingerprint, o.last.sequence if o.last else None,
                 o.last.weeks if o.last else "", o.last.imported_at if o.last else None, o.missing, o.weekly_contacts)
                for o in importer.overview(s)
            ]
        self.own_label.setText(
            self.tr("Coordination vault. Your fingerprint, to read to workers by phone: %1").replace("%1", own.fingerprint)
        )
        rows = []
        for label, fingerprint, seq, weeks, imported, missing, _weekly in items:
            rows.append([
                label, fingerprint[:9] + "…", self.tr("No. %1").replace("%1", str(seq)) if seq else self.tr("None yet"),
                weeks.replace(",", ", "), f"{imported:%Y-%m-%d}" if imported else "",
                ", ".join(map(str, missing)) if missing else self.tr("None"),
            ])
        current = self.workers.currentRow()
        common.fill(self.workers, rows)
        for row, item in enumerate(items):
            self.workers.item(row, 0).setToolTip(item[0])
            self.workers.item(row, 1).setToolTip(item[1])  # the whole fingerprint
        self._weekly = [item[6] for item in items]
        if rows:
            self.workers.setCurrentCell(min(max(current, 0), len(rows) - 1), 0)
        self._show_weekly()

    def _show_weekly(self) -> None:
        row = self.workers.currentRow()
        weekly = self._weekly[row] if 0 <= row < len(self._weekly) else {}
        common.fill(self.weekly, [[week, str(n)] for week, n in sorted(weekly.items(), reverse=True) if n])

    def _dialogs(self):
        return self.ctx.extras["dialogs"]

    def trust(self) -> None:
        from app.sync import importer

        public_keys.accept_public_key(
            self.ctx, self.pickers, self.tr("A worker's public-key file"),
            self.tr("Key of %1.\n\nFingerprint:\n%2\n\nDoes it match, group by group, the fingerprint the worker read "
                    "to you by phone?"),
            importer.trust_worker,
            lambda exc: self._dialogs().error(self.tr("Coordination"), labels.error_message(exc)),
        )

    def import_files(self) -> None:
        from app.sync import importer

        paths = self.pickers.open_files(self.tr("Bundles to import"), self.tr("Milieu bundles (*.bundle);;All files (*)"))
        if not paths:
            return
        lines, readable = [], []
        for path in paths:
            name = Path(path).name
            try:
                data = read_limited(Path(path), MAX_FILE)  # bounded: /dev/zero says st_size 0
                if data is None:
                    raise OSError("too large")
                readable.append((name, data))
            except OSError:
                lines.append(self.tr("%1: cannot be read.").replace("%1", name))
        from app.sync import store

        with store.opened(self.ctx.vault) as coordination_store:
            results = list(importer.import_many(self.ctx.vault, readable, coordination_store))
        for name, result in results:
            if isinstance(result, MilieuError):
                lines.append(self.tr("%1: refused. %2").replace("%1", name).replace("%2", labels.error_message(result)))
            elif result.status == importer.ALREADY_IMPORTED:
                lines.append(self.tr("%1: already imported, nothing changed.").replace("%1", name))
            else:
                lines.append(self.tr("%1: bundle no. %2 imported.").replace("%1", name).replace("%2", str(result.sequence)))
                if result.missing:
                    lines.append(
                        self.tr("Missing bundles from this worker: %1.").replace("%1", ", ".join(map(str, result.missing)))
                    )
        self.result_label.setText("\n".join(lines))
        self.ctx.notify("bundle")

    def save_public_key(self) -> None:
        from app.atomic import atomic_write
        from app.sync import keys

        with self.ctx.vault.session() as s:
            identity = keys.own_identity(s)
        path = self.pickers.save_file(self.tr("Save my public key"), "la-piaule.pub")
        if not path:
            return
        try:
            atomic_write(Path(path), identity.to_text().encode("utf-8"))
        except OSError as exc:
            self._dialogs().error(self.tr("Coordination"), str(exc))
            return
        self.result_label.setText(self.tr("Public key saved. Its fingerprint is %1.").replace("%1", identity.fingerprint))
