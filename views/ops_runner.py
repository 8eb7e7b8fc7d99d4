"""The one place in views/ that opens a session (Anki's CollectionOp).

``ctx.ops.run(op, *args, on_done=..., on_error=...)`` runs the operation on the
single writer thread (the TaskRunner), shows the busy indicator after 300 ms,
then, on the GUI thread, emits the operation's ``Changes`` on the bus (every
widget that shows one of those entities refreshes) and calls ``on_done(value)``.
An error goes to ``on_error(exc)``; if that is absent or returns False, the
dialog seam says it. ``ctx.ops.read(query, *args)`` runs a read on the GUI
thread and returns what the query returns (frozen rows, never ORM objects);
``ctx.ops.fetch(query, *args, on_done=...)`` runs a slow read (a years-long report)
on the writer thread instead, and changes nothing. Off the GUI thread helps where the
work waits on SQLite or runs Python; a long call into Qt (laying out a QTextDocument)
holds the GIL in PySide6 and would freeze the window just the same: that stays here.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app import collector
from app.errors import IntegrityFailure, MilieuError
from app.sync import store as coordination_store
from app.ops.changes import Changes, Done


class _Progress(QObject):
    """Carries an operation's ``progress(done, total)`` calls from the writer thread to the GUI thread."""

    step = Signal(int, int)

    def __init__(self, on_progress: Callable[[int, int], None]):
        super().__init__()
        self._on_progress = on_progress
        self.step.connect(self._deliver, Qt.ConnectionType.QueuedConnection)  # runs in this (the GUI) thread

    def __call__(self, done: int, total: int) -> None:  # writer thread
        self.step.emit(done, total)

    @Slot(int, int)
    def _deliver(self, done: int, total: int) -> None:
        self._on_progress(done, total)


class OpRunner(QObject):
    def __init__(self, ctx, tasks, dialogs: Callable[[], Any]):
        super().__init__()
        self._ctx = ctx
        self._tasks = tasks
        self._dialogs = dialogs

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def run(
        self,
        op: Callable[..., Done],
        *args,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        busy: str | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        store: bool = False,
        **kwargs,
    ) -> None:
        """``on_progress(done, total)``: for a long operation taking ``progress=`` (e.g. several
        bundles), called on the GUI thread as it goes. ``store``: an operation that only reads La
        Piaule's coordination store (an export) gets a session on it instead of the vault."""
        vault = self._ctx.vault
        progress = _Progress(on_progress) if on_progress is not None else None
        if progress is not None:
            kwargs["progress"] = progress

        def work() -> Done:
            if not store:
                vault.require_writable()  # the whole-file check after unlock: writes wait for it
            with collector.paused(), self._session(vault, store) as session:
                return op(session, *args, **kwargs)

        def succeeded(done: Done) -> None:
            if progress is not None:
                progress.deleteLater()
            self.announce(done.changes)
            if on_done is not None:
                on_done(done.value)

        def failed(exc: BaseException) -> None:
            if progress is not None:
                progress.deleteLater()
            if on_error is not None and on_error(exc):
                return
            self._say(exc)

        self._tasks.run(work, succeeded, failed, busy=busy or self.tr("One moment..."))

    def fetch(
        self,
        query: Callable[..., Any],
        *args,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        busy: str | None = None,
        store: bool = False,
        **kwargs,
    ) -> None:
        """A slow read off the GUI thread: ``on_done(result)`` on the GUI thread; nothing is announced.
        Without ``busy`` no busy window shows (the page says it is computing). ``store``: read La
        Piaule's coordination store (the vault, or PostgreSQL) instead of the vault."""
        vault = self._ctx.vault

        def work() -> Any:
            with collector.paused(), self._session(vault, store) as session:
                return query(session, *args, **kwargs)

        def failed(exc: BaseException) -> None:
            if on_error is not None and on_error(exc):
                return
            self._say(exc)

        self._tasks.run(work, on_done, failed, busy=busy)

    def read(self, query: Callable[..., Any], *args, warm: bool = False, store: bool = False, **kwargs) -> Any:
        """A read on the GUI thread; ``warm`` uses the connection kept open for typing-speed queries,
        ``store`` the coordination store."""
        vault = self._ctx.vault
        with (vault.warm_session() if warm else self._session(vault, store)) as session:
            return query(session, *args, **kwargs)

    @staticmethod
    def _session(vault, store: bool):
        return coordination_store.read_session(vault) if store else vault.session()

    def announce(self, changes: Changes) -> None:
        """Tell every listening widget what changed (also after work done outside an operation)."""
        if changes:
            self._ctx.bus.changed.emit(Changes(changes))

    def wait(self) -> None:
        """Block until the writer is idle and its results are delivered (shutdown, tests)."""
        from PySide6.QtCore import QCoreApplication

        while True:
            self._tasks.wait()
            QCoreApplication.processEvents()
            if not self._tasks.busy:
                return

    def _say(self, exc: BaseException) -> None:
        title = self.tr("Not done")
        watch = self._ctx.extras.get("integrity")
        if isinstance(exc, IntegrityFailure) and watch is not None:
            self._dialogs().error(title, watch.refusal(exc))  # French, with the way out (a restore)
        elif isinstance(exc, MilieuError):
            self._dialogs().error(title, str(exc))
        else:
            self._dialogs().error(
                title, self.tr("Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
            )
