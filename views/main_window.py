"""The one window: setup or unlock screen while locked, the workspace while unlocked.

The shell's services are given to pages through ``ctx.extras``:
``"dialogs"`` (views.dialogs.Dialogs), ``"tasks"`` (views.tasks.TaskRunner),
``"drafts"`` (views.drafts.DraftRegistry), ``"status"`` (views.status.StatusArea) and
``"shell"`` (this window: ``show_page(page_id)``, ``lock()``).

Locking flushes every draft, destroys the workspace (pages and status widgets), drops the
vault's key and connections, then shows the unlock screen: nothing of the data remains
on screen or in a widget. Unlocking rebuilds the pages, which restore their drafts.
The vault (SQLAlchemy, alembic) is imported only when first needed, off the GUI thread.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from app.errors import (
    IntegrityFailure,
    KeyFileCorrupt,
    MilieuError,
    SchemaTooNew,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from app.ops.changes import Entity
from app.paths import DataPaths
from app.throttle import UnlockThrottle
from views.bus import DataBus
from views.context import AppContext
from views.dialogs import Dialogs
from views.drafts import DraftRegistry
from views.gate import SetupScreen, UnlockScreen
from views.idle import IdleWatcher
from views.pages.upkeep_integrity import IntegrityWatch
from views.status import LockCountdown, StatusArea
from views.tasks import TaskRunner
from views.window_place import MIN_SIZE, WindowPlace

DEFAULT_IDLE_MINUTES = 5


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal()
    entities = frozenset({Entity.SETTING})  # the idle-lock delay and the names it shows

    def __init__(
        self,
        data_dir: Path | str,
        *,
        idle_lock_seconds: float | None = None,
        kdf_params: dict | None = None,
        dialogs=None,
    ):
        """``idle_lock_seconds`` overrides the idle-lock setting (tests); ``kdf_params`` the
        Argon2id parameters of a new vault (tests; production uses app.keyfile's default)."""
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle("Milieu")
        self.paths = DataPaths(Path(data_dir))
        self._idle_override = idle_lock_seconds
        self._kdf_params = kdf_params
        self.vault = None
        self.site_name: str | None = None
        self.worker_name: str | None = None
        self.throttle = UnlockThrottle()
        self._last_page_id: str | None = None
        self._failed_backup: Path | None = None

        self.bus = DataBus()
        self.dialogs = dialogs or Dialogs(lambda: self)
        self.tasks = TaskRunner(lambda: self)
        self.drafts = DraftRegistry()
        self.ctx: AppContext | None = None
        self.workspace = None

        self.gate = QStackedWidget()
        self.gate.setObjectName("gate")
        self.setCentralWidget(self.gate)
        self.unlock_screen = UnlockScreen()
        self.unlock_screen.submitted.connect(self._unlock)
        self.unlock_screen.restore_requested.connect(self._restore_latest)
        self.gate.addWidget(self.unlock_screen)
        self.setup_screen: SetupScreen | None = None

        self.status_area = StatusArea(self.statusBar())
        self.countdown = LockCountdown()
        self.statusBar().addPermanentWidget(self.countdown)
        self.statusBar().setSizeGripEnabled(False)
        self.statusBar().hide()

        self.idle = IdleWatcher(self._idle_seconds(DEFAULT_IDLE_MINUTES), self)
        self.idle.remaining_changed.connect(self.countdown.set_seconds)
        self.idle.idle.connect(self.lock)
        self.lock_shortcut: QShortcut | None = None  # made at the first unlock (see _enter_workspace)
        self.bus.changed.connect(self._on_changed)

        self.setMinimumSize(*MIN_SIZE)
        self.place = WindowPlace(self, self.paths)
        self.place.fit()

    # ---- geometry ----------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.place.shown()

    # ---- state ---------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self.workspace is not None

    def start(self) -> None:
        """Show the unlock screen, or the setup screen when no vault exists yet."""
        if self.paths.keyfile.exists():
            self._show_unlock()
        else:
            self._show_setup()

    def _show_setup(self) -> None:
        if self.setup_screen is None:
            self.setup_screen = SetupScreen()
            self.setup_screen.submitted.connect(self._create)
            self.gate.addWidget(self.setup_screen)
        self.gate.setCurrentWidget(self.setup_screen)
        self.setup_screen.passphrase.setFocus()

    def _show_unlock(self) -> None:
        self.unlock_screen.set_site_name(self.site_name)
        self.gate.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.passphrase.setFocus()

    def _idle_seconds(self, minutes: int) -> float:
        return self._idle_override if self._idle_override is not None else minutes * 60.0

    # ---- setup -------------------------------------------------------------
    def _create(self, passphrase: str, site: str, worker: str) -> None:
        self.setup_screen.set_busy(True)
        data_dir, kdf = self.paths.root, self._kdf_params

        def work():
            from app.vault import Vault

            vault = Vault(data_dir)
            vault.create(passphrase, site_name=site, worker_name=worker, kdf_params=kdf)
            return vault

        self.tasks.run(work, self._created, self._create_failed)

    def _created(self, vault) -> None:
        self.setup_screen.clear_secrets()
        self.gate.removeWidget(self.setup_screen)
        self.setup_screen.deleteLater()
        self.setup_screen = None
        self._unlocked(vault)

    def _create_failed(self, exc: BaseException) -> None:
        self.setup_screen.set_busy(False)
        if isinstance(exc, VaultExists):
            text = self.tr("A vault already exists in %1; it was left untouched. Restart Milieu to open it.")
            self.setup_screen.show_message(text.replace("%1", str(self.paths.root)))
        else:
            self.setup_screen.show_message(self._unexpected(exc))

    # ---- unlock ------------------------------------------------------------
    def _unlock(self, passphrase: str) -> None:
        if self.throttle.wait_remaining() > 0 or self.tasks.busy:
            return
        self.unlock_screen.set_busy(True)
        self.unlock_screen.show_message("")
        data_dir, vault = self.paths.root, self.vault

        def work():
            from app.vault import Vault

            target = vault or Vault(data_dir)
            try:
                target.unlock(passphrase, check_later=True)  # the whole-file check runs behind Today
            except MilieuError as exc:
                exc.vault = target  # the restore offer needs it
                raise
            return target

        self.tasks.run(work, self._unlocked, self._unlock_failed)

    def _unlocked(self, vault) -> None:
        self.throttle.succeeded()
        self.vault = vault
        self.unlock_screen.reset()
        if self.ctx is None:
            self.ctx = AppContext(vault=vault, bus=self.bus, extras={
                "dialogs": self.dialogs,
                "tasks": self.tasks,
                "drafts": self.drafts,
                "status": self.status_area,
                "shell": self,
            })
        try:
            self._read_settings()
            self._enter_workspace()
            IntegrityWatch.of(self).start(vault)
        except BaseException as exc:
            # A page that fails to build must not leave the key in memory behind the lock screen.
            self._leave_workspace()
            vault.lock()
            self._show_unlock()
            self.unlock_screen.show_message(self._unexpected(exc))
            raise

    def _read_settings(self) -> None:
        from app import settings

        stored = self.ctx.ops.read(settings.get_all)
        self.site_name = stored.get(settings.SITE_NAME)
        self.worker_name = stored.get(settings.WORKER_NAME)
        minutes = self.ctx.ops.read(settings.idle_lock_minutes)
        self.idle.set_timeout(self._idle_seconds(minutes))

    def _unlock_failed(self, exc: BaseException) -> None:
        if self.vault is None:
            self.vault = getattr(exc, "vault", None)
        screen = self.unlock_screen
        screen.set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.throttle.failed()
            screen.passphrase.clear()
            text = self.tr("Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.")
            if self.throttle.wait_remaining() > 0:
                screen.wait(text, self.throttle.wait_remaining)
            else:
                screen.show_message(text)
        elif isinstance(exc, IntegrityFailure):
            screen.show_message(self.integrity_message(exc.latest_backup), restore_offered=exc.latest_backup is not None)
            self._failed_backup = exc.latest_backup
        elif isinstance(exc, SchemaTooNew):
            screen.show_message(self.tr(
                "This vault was saved by a newer version of Milieu. Install that version (or a newer one) "
                "to open it. Nothing was changed."
            ))
        elif isinstance(exc, KeyFileCorrupt):
            screen.show_message(self.tr(
                "The key file %1 is damaged. Nothing was changed. Contact La Piaule's coordination."
            ).replace("%1", str(self.paths.keyfile)))
        elif isinstance(exc, VaultMissing):
            screen.show_message(self.tr(
                "The database file %1 is missing. Nothing was changed. Contact La Piaule's coordination."
            ).replace("%1", str(self.paths.database)))
        else:
            screen.show_message(self._unexpected(exc))

    def integrity_message(self, backup: Path | None) -> str:
        if backup is None:
            return self.tr(
                "The vault's database is damaged (it failed its integrity check) and no backup was "
                "found in %1. Delete nothing and contact La Piaule's coordination."
            ).replace("%1", str(self.paths.backups))
        return self.tr(
            "The vault's database is damaged (it failed its integrity check). The latest backup is "
            "%1. To restore it, click \"Restore this backup\" (the damaged file is kept in the "
            "backups folder), or run in a terminal: milieu restore \"%2\""
        ).replace("%1", Path(backup).name).replace("%2", str(backup))

    def _unexpected(self, exc: BaseException) -> str:
        return self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")

    # ---- restore after an integrity failure --------------------------------
    def _restore_latest(self) -> None:
        backup = self._failed_backup
        passphrase = self.unlock_screen.passphrase.text()
        if backup is None or self.vault is None:
            return
        if not passphrase:
            self.unlock_screen.show_message(
                self.tr("Type the passphrase first, then click \"Restore this backup\"."), restore_offered=True
            )
            return
        question = self.tr(
            "Replace the damaged database with the backup %1? Changes made after that backup will be "
            "missing. The damaged file is kept in the backups folder."
        ).replace("%1", Path(backup).name)
        if not self.dialogs.confirm(self.tr("Restore a backup"), question, destructive=True):
            return
        vault = self.vault
        self.unlock_screen.set_busy(True)

        def work():
            kept = vault.restore(backup, passphrase)
            vault.unlock(passphrase)
            return vault, kept

        def done(result):
            self._failed_backup = None
            vault, kept = result
            self._unlocked(vault)
            self.dialogs.info(
                self.tr("Backup restored"),
                self.tr("The backup %1 was restored. The damaged file was kept as %2.")
                .replace("%1", Path(backup).name).replace("%2", str(kept)),
            )

        self.tasks.run(work, done, self._unlock_failed)

    # ---- workspace -----------------------------------------------------------
    def _enter_workspace(self) -> None:
        from views import registry
        from views.workspace import Workspace, load_class

        if self.lock_shortcut is None:
            # Imported here, not at cold start: building the Qt namespace's enums is slow.
            from PySide6.QtCore import Qt

            self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
            self.lock_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            self.lock_shortcut.activated.connect(self.lock)
        workspace = Workspace(self.ctx)
        workspace.lock_requested.connect(self.lock)
        self.gate.addWidget(workspace)
        self.workspace = workspace
        self.gate.setCurrentWidget(workspace)
        for spec in registry.STATUS_WIDGETS:
            self.status_area.add(load_class(spec)(self.ctx))
        self.statusBar().show()
        workspace.start(self._last_page_id)
        self.idle.start()
        self.unlocked.emit()

    def show_page(self, page_id: str) -> bool:
        return self.workspace.show_page(page_id) if self.workspace else False

    def lock(self) -> None:
        """Save drafts, destroy every widget showing data, drop the key, show the unlock screen."""
        workspace = self.workspace
        if workspace is None:
            return
        try:
            self.drafts.flush_all()
        finally:
            self._last_page_id = workspace.current_page_id()
            # Dialogs and popups may show data too; hiding a modal dialog ends its exec().
            for widget in QApplication.topLevelWidgets():
                if widget is not self and widget.isVisible():
                    widget.hide()
            # Operations queued before the lock finish, and their results reach the screens
            # (a saved form drops its draft) while the vault is still open.
            self.ctx.ops.wait()
            self._leave_workspace()
            self.vault.lock()
            self._show_unlock()
            self.locked.emit()

    def _leave_workspace(self) -> None:
        """Destroy the pages and status widgets (whatever was built of them)."""
        self.idle.stop()
        workspace, self.workspace = self.workspace, None
        self.gate.setCurrentWidget(self.unlock_screen)
        for index in reversed(range(self.gate.count())):
            widget = self.gate.widget(index)
            if widget is not self.unlock_screen and widget is not self.setup_screen:
                self.gate.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.status_area.clear()
        self.statusBar().clearMessage()
        self.statusBar().hide()

    def _on_changed(self, entities: set) -> None:
        if not self.entities.isdisjoint(entities) and self.vault is not None and self.vault.is_unlocked:
            self._read_settings()
            if self.idle.active:
                self.idle.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.place.save()
        if self.workspace is not None:
            self.lock()
        self.tasks.wait()
        event.accept()

