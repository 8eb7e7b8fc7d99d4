"""Répertoire: search as you type on the left, the chosen service on the right.

Buttons under the service: « Référer… » (records the referral), « Imprimer la
fiche… » (the slip for the person), « Modifier… », « Vérifié aujourd'hui »;
above the search: « Ajouter un service… », « Importer… » (an HSDS file) and
« Exporter… » (HSDS JSON in one file, or CSV tables in a folder).
Keyboard: Ctrl+F goes to the search box; Enter in the results refers.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QSplitter, QVBoxLayout, QWidget

from app import settings
from app.directory.services import service_detail
from app.errors import MilieuError
from app.ops import Entity
from app.ops import directory as directory_ops
from views import paper as papers
from views.directory.detail_pane import ServiceDetailPane
from views.directory.search_panel import ServiceSearch
from views.page import Page
from views.sync.pickers import Pickers


class RepertoirePage(Page):
    page_id = "repertoire"
    entities = frozenset({Entity.DIRECTORY})  # referrals are made here, never shown

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("repertoire_page")
        self.now: Callable[[], datetime] = datetime.now

        heading = QLabel(self.title())
        font = heading.font()
        font.setPointSize(font.pointSize() + 6)
        heading.setFont(font)
        self.add_button = QPushButton(self.tr("&Add a service…"))
        self.add_button.setObjectName("directory_add")
        self.add_button.clicked.connect(self.add_service)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setObjectName("directory_import")
        self.import_button.setToolTip(self.tr("Import a directory file (Open Referral HSDS: JSON or CSV folder)"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setObjectName("directory_export")
        self.export_button.setToolTip(self.tr("Export the whole directory in Open Referral HSDS form"))
        export_menu = QMenu(self.export_button)
        self.export_json_action = export_menu.addAction(self.tr("HSDS &JSON (one file)…"))
        self.export_json_action.triggered.connect(lambda: self.export_directory("json"))
        self.export_csv_action = export_menu.addAction(self.tr("HSDS &CSV (tables in a folder)…"))
        self.export_csv_action.triggered.connect(lambda: self.export_directory("csv"))
        self.export_button.setMenu(export_menu)
        self.pickers = Pickers(self)  # tests replace it with a scripted double
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.search = ServiceSearch(ctx)
        self.search.now = lambda: self.now()
        self.search.serviceSelected.connect(self.show_service)
        self.search.servicePicked.connect(lambda sid, _name: self.refer())
        self.search.importRequested.connect(lambda: self.import_file())  # the page's own import flow
        self.detail = ServiceDetailPane()

        self.refer_button = QPushButton(self.tr("&Refer…"))
        self.refer_button.setObjectName("directory_refer")
        self.refer_button.clicked.connect(self.refer)
        self.print_button = QPushButton(self.tr("&Print the slip…"))
        self.print_button.setObjectName("directory_print")
        self.print_button.clicked.connect(self.print_slip)
        self.pdf_button = QPushButton(self.tr("Slip as P&DF…"))
        self.pdf_button.setObjectName("directory_pdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("directory_edit")
        self.edit_button.clicked.connect(self.edit_service)
        self.verified_button = QPushButton(self.tr("&Verified today"))
        self.verified_button.setObjectName("directory_verified")
        self.verified_button.setToolTip(self.tr("You checked these details today (by phone or on site)"))
        self.verified_button.clicked.connect(self.mark_verified)
        self.message = QLabel()
        self.message.setObjectName("directory_message")
        self.message.setWordWrap(True)
        # Two rows: the page keeps every label whole on a 1366x768 screen.
        actions = QVBoxLayout()
        for row_buttons in ((self.refer_button, self.print_button, self.pdf_button),
                            (self.edit_button, self.verified_button)):
            row = QHBoxLayout()
            for button in row_buttons:
                row.addWidget(button)
            row.addStretch(1)
            actions.addLayout(row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.message)
        right_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.search)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self._set_actions(False)

    def title(self) -> str:
        return self.tr("Directory")

    def focus_search(self) -> None:
        self.search.box.setFocus()
        self.search.box.selectAll()

    # ---- content ------------------------------------------------------------
    def refresh(self) -> None:
        """After a change: the same service shown again, and what the page last said kept."""
        said = self.message.text()
        self.search.refresh()
        if self.search.current_service_id():
            self.show_service(self.search.current_service_id())
        self.message.setText(said)

    def show_service(self, service_id: int) -> None:
        self.message.clear()
        if not service_id:
            self.detail.show_empty()
            self._set_actions(False)
            return
        detail = self.ctx.ops.read(service_detail, service_id)
        if detail.publication_change:  # shown once: opened, it is no longer news
            self.ctx.ops.run(directory_ops.mark_service_seen, service_id)
        self.detail.show_detail(detail, self.now())
        self._set_actions(True)

    def _set_actions(self, enabled: bool) -> None:
        for button in (self.refer_button, self.print_button, self.pdf_button, self.edit_button, self.verified_button):
            button.setEnabled(enabled)

    def _site(self) -> str:
        return self.ctx.ops.read(settings.get, settings.SITE_NAME, "") or ""

    # ---- actions ------------------------------------------------------------
    def refer(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from views.directory.refer_dialog import ReferDialog

        dialog = ReferDialog(self.ctx, detail.id, detail.name, self)
        if dialog.exec():
            count = len(dialog.saved_referrals)
            self.message.setText(self.tr("%n referral(s) saved. Print the slip for the person?", "", count))

    def print_slip(self) -> None:
        if self.detail.detail is None:
            return
        from views.directory.slip import print_slip

        print_slip(self.detail.detail, self, site=self._site(), paper=papers.saved(self.ctx))

    def save_pdf(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        from views.directory.slip import write_slip_pdf

        suggested = str(Path.home() / (self.tr("Slip - %1").replace("%1", detail.name).replace("/", "-") + ".pdf"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the slip"), suggested, self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            write_slip_pdf(detail, Path(path), site=self._site(), paper=papers.saved(self.ctx))
        except (MilieuError, OSError) as exc:  # e.g. a file of the vault's own folder: refused, in one sentence
            self.ctx.extras["dialogs"].error(self.tr("Slip not saved"), str(exc))
            return
        self.message.setText(self.tr("Slip saved: %1").replace("%1", path))

    def edit_service(self) -> None:
        if self.detail.detail is None:
            return
        self._open_editor(self.detail.detail.id)

    def add_service(self) -> None:
        self._open_editor(None)

    def _open_editor(self, service_id: int | None) -> None:
        from views.directory.service_editor import ServiceEditor

        editor = ServiceEditor(self.ctx, service_id, self)
        if editor.exec() and editor.saved_id:
            self.search.refresh()
            if not self.search.select_service(editor.saved_id):
                self.show_service(editor.saved_id)

    def mark_verified(self) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        self.ctx.ops.run(directory_ops.mark_verified, detail.id,
                         on_done=lambda _id: self.message.setText(self.tr("Marked as verified today.")))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a directory"), str(Path.home()),
            self.tr("Directory files (*.json *.csv *.zip *.milieu-directory)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path, *, skip_bad_rows: bool = False) -> None:
        """Import on the writer thread; bad rows are shown and nothing is imported unless asked."""
        from app.directory.publication.file_format import MAGIC
        from app.directory.records import DirectoryImportRejected

        if path.is_file() and path.read_bytes()[:len(MAGIC)] == MAGIC:
            self.apply_directory_file(path)
            return

        def done(result) -> None:  # after the page refreshed from the announced change
            text = self.tr("%n service(s) imported", "", result.services_created + result.services_updated)
            if result.skipped:
                text += " " + self.tr("(%n bad row(s) skipped)", "", len(result.skipped))
            self.message.setText(text)

        def failed(exc: BaseException) -> bool:
            dialogs = self.ctx.extras.get("dialogs")
            if isinstance(exc, DirectoryImportRejected):
                details = "\n".join(str(e) for e in exc.errors[:200])
                question = self.tr(
                    "%n row(s) of this file are not valid; nothing was imported. Import the valid rows anyway?",
                    "", len(exc.errors),
                )
                if dialogs is not None and dialogs.confirm(self.tr("Import"), question + "\n\n" + details[:2000]):
                    self.import_path(path, skip_bad_rows=True)
                else:
                    self.message.setText(self.tr("Nothing imported: %n row(s) are not valid.", "", len(exc.errors)))
                return True
            self.message.setText(self.tr("Import failed: %1").replace("%1", str(exc)))
            return True

        self.ctx.ops.run(directory_ops.import_directory, path, skip_bad_rows=skip_bad_rows, on_done=done,
                         on_error=failed, busy=self.tr("Importing the directory…"))

    def apply_directory_file(self, path: Path) -> None:
        """La Piaule's signed directory: applied only when signed by the partner key."""

        def done(result) -> None:  # after the screens refreshed (directory, receipts of bundles)
            if result.replay:
                text = self.tr("This directory file was already applied: nothing changed.")
            else:
                text = (self.tr("La Piaule's directory applied: %1 new, %2 changed, %3 withdrawn.")
                        .replace("%1", str(result.new)).replace("%2", str(result.changed))
                        .replace("%3", str(result.withdrawn)))
            self.message.setText(text)

        def failed(exc: BaseException) -> bool:
            self.message.setText(self.tr("Directory file refused: %1").replace("%1", str(exc)))
            return True

        self.ctx.ops.run(directory_ops.apply_directory_file, path.read_bytes(), on_done=done, on_error=failed,
                         busy=self.tr("Applying La Piaule's directory…"))

    def export_directory(self, fmt: str) -> None:
        """Ask where, then write the HSDS export: one JSON file, or one CSV per table in a folder."""
        if fmt == "json":
            path = self.pickers.save_file(
                self.tr("Export the directory (HSDS JSON)"), str(Path.home() / self.tr("directory.json")))
        else:
            path = self.pickers.folder(self.tr("Export the directory (HSDS CSV): choose a folder"))
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, target: Path) -> None:
        from app.directory.hsds_export import CSV_FILES

        dialogs = self.ctx.extras.get("dialogs")
        title = self.tr("Export the directory")
        if fmt == "json" and target.is_dir():
            if dialogs is not None:
                dialogs.error(title, self.tr("%1 is a folder; choose a file name.").replace("%1", str(target)))
            return
        if fmt == "csv" and any((target / name).exists() for name in CSV_FILES.values()):
            question = self.tr("This folder already holds directory tables. Replace them?")
            if dialogs is None or not dialogs.confirm(title, question, destructive=True):
                return

        def done(count: int) -> None:
            text = self.tr("%n service(s) exported to %1.", "", count).replace("%1", str(target))
            self.message.setText(text)
            if dialogs is not None:
                dialogs.info(title, text)

        def failed(exc: BaseException) -> bool:
            text = self.tr("The export failed: %1").replace("%1", str(exc))
            self.message.setText(text)
            if dialogs is not None:
                dialogs.error(title, text)
            return True

        self.ctx.ops.run(directory_ops.export, fmt, target, on_done=done, on_error=failed,
                         busy=self.tr("Exporting the directory…"))
