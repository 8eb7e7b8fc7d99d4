"""The whole-file integrity check after unlock (Vault.check_in_background), and what the
screen says when it fails: writes are refused (the operation runner) until a restore."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from app.errors import IntegrityFailure


class IntegrityWatch(QObject):
    finished = Signal(object)  # (vault, IntegrityFailure | None), from the check's thread

    @classmethod
    def of(cls, window) -> "IntegrityWatch":
        """The window's one watch (kept in ``ctx.extras["integrity"]`` for the operation runner)."""
        watch = window.ctx.extras.get("integrity")
        if watch is None:
            watch = window.ctx.extras["integrity"] = cls(window)
        return watch

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)

    def start(self, vault) -> bool:
        """Start the check the unlock left for later; the lock interrupts it."""
        return vault.check_in_background(lambda failure: self.finished.emit((vault, failure)))

    def _finished(self, result) -> None:
        vault, failure = result
        if failure is None or self.window.vault is not vault or not self.window.is_unlocked:
            return
        banner = QLabel(self.tr("Damaged database: nothing can be saved"))
        banner.setObjectName("integrity_banner")
        banner.setStyleSheet("color: #b00020; font-weight: bold;")
        self.window.ctx.extras["status"].add(banner)
        self.window.dialogs.error(self.tr("Damaged database"), self.refusal(failure))

    def refusal(self, failure: IntegrityFailure) -> str:
        """Why a write was refused, and the way out, in one or two sentences."""
        backup = failure.latest_backup
        if backup is None:
            return self.tr("The vault's database failed its integrity check, so nothing is saved any more, and no "
                           "backup was found. Delete nothing and contact La Piaule's coordination.")
        return self.tr("The vault's database failed its integrity check, so nothing is saved any more. Restore the "
                       "latest backup, %1, in Settings: Restore a backup...").replace("%1", backup.name)
