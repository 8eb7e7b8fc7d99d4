"""Paramètres > Papier and Sauvegardes: the paper of every PDF and print (Letter or A4, a
setting written by app/ops/settings.set_paper), and backup / restore from the GUI
(app/ops/backups.back_up through the operation runner; the restore in upkeep_restore.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import settings
from app.errors import DiskFull, IntegrityFailure, MilieuError
from app.ops import Entity
from app.ops import backups as backup_ops
from app.ops import settings as settings_ops
from app.vault import BACKUP_SUFFIX
from views.context import AppContext
from views.pages.upkeep_restore import RestoreFlow


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + 2)
    font.setBold(True)
    label.setFont(font)
    return label


class PaperSection(QWidget):
    entities = frozenset({Entity.SETTING})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("paper_section")
        self.paper = QComboBox()
        self.paper.setObjectName("settings_paper")
        self.paper.addItem(self.tr("Letter (8.5 × 11 in)"), "letter")
        self.paper.addItem(self.tr("A4 (21 × 29.7 cm)"), "a4")
        self.paper.setMinimumHeight(36)
        label = QLabel(self.tr("&Paper:"))
        label.setBuddy(self.paper)
        self.message = QLabel()
        self.message.setObjectName("paper_message")
        note = QLabel(self.tr("For the Bilan, the slips and the Law 25 documents, here and from the command line."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.paper)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(_title(self.tr("Paper")))
        layout.addWidget(note)
        layout.addLayout(row)
        self.refresh()
        self.paper.activated.connect(self._chosen)
        ctx.bus.changed.connect(self._on_changed)

    def refresh(self) -> None:
        index = self.paper.findData(self.ctx.ops.read(settings.paper))
        self.paper.setCurrentIndex(max(index, 0))

    def _on_changed(self, changes) -> None:
        if self.ctx.vault.is_unlocked and not self.entities.isdisjoint(changes):
            self.refresh()

    def _chosen(self, _index: int) -> None:
        self.ctx.ops.run(settings_ops.set_paper, self.paper.currentData(),
                         on_done=lambda _paper: self.message.setText(self.tr("Saved.")))


class BackupSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backup_section")
        note = QLabel(self.tr("An encrypted copy of all the data; it opens only with this vault's passphrase."))
        note.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up now..."))
        self.backup_button.setObjectName("settings_backup")
        self.restore_button = QPushButton(self.tr("&Restore a backup..."))
        self.restore_button.setObjectName("settings_restore")
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button):
            button.setMinimumHeight(44)
            row.addWidget(button)
        row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("backup_message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(_title(self.tr("Backups")))
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.restorer = RestoreFlow(ctx, self)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)

    # ---- choosers (tests replace them) ------------------------------------------------
    def pick_folder(self, start: Path) -> str | None:
        return QFileDialog.getExistingDirectory(self, self.tr("Folder of the backup"), str(start)) or None

    def pick_backup(self, start: Path) -> str | None:
        pattern = self.tr("Milieu backups (*%1)").replace("%1", BACKUP_SUFFIX)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Backup to restore"), str(start), pattern)
        return path or None

    # ---- back up -------------------------------------------------------------------
    def back_up(self) -> None:
        default = self.ctx.vault.paths.backups
        folder = self.pick_folder(default)
        if not folder:
            return
        self.message.setText(self.tr("Backing up..."))
        self.ctx.ops.run(backup_ops.back_up, self.ctx.vault, Path(folder), busy=self.tr("Backing up..."),
                         on_done=self._backed_up, on_error=self._backup_failed)

    def _backed_up(self, made: backup_ops.BackupMade) -> None:
        text = self.tr("Backup saved: %1.").replace("%1", str(made.path))
        if made.pruned:
            text += " " + self.tr("%n older backup(s) deleted: they still held data that retention has since "
                                  "erased (Law 25).", "", made.pruned)
        self.message.setText(text)

    def _backup_failed(self, exc: BaseException) -> bool:
        if isinstance(exc, IntegrityFailure):
            return False  # a damaged database: the operation runner says so, and how to restore
        if isinstance(exc, DiskFull):
            text = self.tr("The backup was not made: the disk is full; free some space, then try again.")
        elif isinstance(exc, (OSError, MilieuError)):
            text = self.tr("The backup was not made: this folder cannot be written to; choose another one.")
        else:
            return False
        self.message.setText(text)
        self.ctx.extras["dialogs"].error(self.tr("Backup not made"), text)
        return True

    # ---- restore -------------------------------------------------------------------
    def restore(self) -> None:
        path = self.pick_backup(self.ctx.vault.paths.backups)
        if path:
            self.restorer.start(Path(path))
