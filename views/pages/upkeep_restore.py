"""Paramètres > Restaurer une sauvegarde: confirm, check the passphrase, lock, restore (the
checks of ``milieu restore``: this vault's key, integrity, schema, signing key), reopen.

The work runs on the writer thread (the operation runner's TaskRunner), not as an operation:
a restore replaces the database file, so no session may be open on it. Its callbacks hold
the window, never the Paramètres widgets, which the lock destroys.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from app.errors import DiskFull, InvalidInput, SchemaTooNew, VaultInUse, WrongPassphrase
from app.keyfile import KeyFile
from app.vault_backup import BackupRefused, _wipe


def explain(exc: BaseException, backup: Path, words: dict[str, str]) -> str | None:
    """One sentence for a refused restore (None: an unexpected error)."""
    if isinstance(exc, BackupRefused):
        return words.get(exc.reason, words["refused"])
    for kind, key in ((WrongPassphrase, "passphrase"), (SchemaTooNew, "newer"), (VaultInUse, "in_use"),
                      (DiskFull, "full"), ((InvalidInput, OSError), "unreadable")):
        if isinstance(exc, kind):
            return words[key].replace("%1", str(backup))
    return None


class RestoreFlow(QObject):
    def __init__(self, ctx, owner: QObject | None = None):
        super().__init__(owner)
        self.ctx = ctx

    def words(self) -> dict[str, str]:
        """Every sentence of the flow, translated now: the flow outlives this object (the lock)."""
        return {
            "title": self.tr("Restore a backup"),
            "passphrase": self.tr("Wrong passphrase: nothing was restored."),
            "foreign": self.tr("This file is not a backup of this vault (empty, damaged or made with another key): "
                               "nothing was changed."),
            "damaged": self.tr("This backup is damaged (it failed its integrity check): nothing was changed."),
            "empty": self.tr("This file holds no Milieu data: nothing was changed."),
            "signing": self.tr("This backup is another vault's (its signing key differs): nothing was changed."),
            "refused": self.tr("This backup was refused: nothing was changed."),
            "newer": self.tr("This backup was made by a newer version of Milieu; install it to restore this "
                             "backup: nothing was changed."),
            "in_use": self.tr("Milieu has this vault open in another window or process; close it, then restore."),
            "full": self.tr("The disk is full; free some space, then try again: nothing was changed."),
            "unreadable": self.tr("The file %1 cannot be read: nothing was changed."),
            "checking": self.tr("Checking the passphrase..."),
            "restoring": self.tr("Restoring the backup..."),
            "done_title": self.tr("Backup restored"),
            "done": self.tr("The backup %1 was restored; the data it replaced is kept as %2."),
        }

    def start(self, backup: Path) -> None:
        dialogs = self.ctx.extras["dialogs"]
        words = self.words()
        title = words["title"]
        question = self.tr(
            "Replace ALL the current data with the backup %1? What was entered after that backup will be lost. "
            "The current data is first kept in the backups folder; Milieu then locks and opens again."
        ).replace("%1", backup.name)
        if not dialogs.confirm(title, question, destructive=True):
            return
        passphrase = dialogs.ask(title, self.tr("This vault's passphrase, to confirm:"), secret=True)
        if not passphrase:
            return
        restore_and_reopen(self.ctx.extras["shell"], backup, passphrase, words)


def restore_and_reopen(window, backup: Path, passphrase: str, words: dict[str, str]) -> None:
    """Check the passphrase (a typo must not lock the worker out), lock the window (drafts saved,
    pages destroyed), restore, unlock again; on a refusal the current data opens again as it was."""
    vault, tasks, dialogs = window.vault, window.tasks, window.dialogs
    title = words["title"]

    def check() -> None:
        _wipe(KeyFile.load(vault.paths.keyfile).unwrap(passphrase))

    def work():
        try:
            kept = vault.restore(backup, passphrase)
        except BaseException:
            vault.unlock(passphrase, check_later=True)  # nothing was changed: the current data opens again
            raise
        vault.unlock(passphrase, check_later=True)  # the restored file was checked; again behind the window
        return kept

    def restored(kept: Path) -> None:
        window._unlocked(vault)
        dialogs.info(words["done_title"], words["done"].replace("%1", backup.name).replace("%2", str(kept)))

    def refused(exc: BaseException) -> None:
        if not vault.is_unlocked:
            window._unlock_failed(exc)  # the unlock screen says why
            return
        window._unlocked(vault)
        text = explain(exc, backup, words)
        if text is None:
            raise exc
        dialogs.error(title, text)

    def checked(_none) -> None:
        window.lock()
        window.unlock_screen.set_busy(True)
        tasks.run(work, restored, refused, busy=words["restoring"])

    def not_checked(exc: BaseException) -> None:
        dialogs.error(title, explain(exc, backup, words) or f"{type(exc).__name__}: {exc}")

    tasks.run(check, checked, not_checked, busy=words["checking"])
