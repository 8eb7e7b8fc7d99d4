"""Run slow work off the GUI thread (Anki/Picard's pattern).

``ctx.extras["tasks"].run(work, on_success, on_failure, busy=self.tr("Exporting..."))``:
``work()`` runs on ONE background thread (so database writes are serialised);
``on_success(result)`` or ``on_failure(exception)`` is then called on the GUI thread.
With ``busy`` a small modal progress window appears if the work lasts more than
``BUSY_DELAY_MS``, so the UI never looks frozen. ``work`` must not touch widgets.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

BUSY_DELAY_MS = 300


class _Task(QObject):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: "TaskRunner", work, on_success, on_failure, busy: str | None):
        super().__init__()
        self._runner = runner
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._busy: QProgressDialog | None = None
        self._busy_text = busy
        self._busy_timer: QTimer | None = None
        from PySide6.QtCore import Qt  # not at import: keeps the Qt namespace off the cold start

        if busy:
            # The busy window is made only if the work outlasts the delay: a save (a few
            # milliseconds) never builds one.
            self._busy_timer = QTimer(self)
            self._busy_timer.setSingleShot(True)
            self._busy_timer.timeout.connect(self._show_busy)
            self._busy_timer.start(BUSY_DELAY_MS)

        # Queued: the slots run in this object's (the GUI) thread.
        self.succeeded.connect(self._deliver_success, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)

    def execute(self) -> None:  # background thread
        try:
            result = self._work()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def _show_busy(self) -> None:
        from PySide6.QtCore import Qt

        parent = self._runner._parent_window() if self._runner._parent_window else None
        dialog = QProgressDialog(self._busy_text, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setValue(0)
        dialog.show()
        self._busy = dialog

    def _finish(self) -> None:
        if self._busy_timer is not None:
            self._busy_timer.stop()
        if self._busy is not None:
            self._busy.reset()
            self._busy.deleteLater()
            self._busy = None
        self._runner._finished(self)

    @Slot(object)
    def _deliver_success(self, result: Any) -> None:
        self._finish()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, exc: BaseException) -> None:
        self._finish()
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            raise exc


class _Runnable(QRunnable):
    def __init__(self, task: _Task):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task

    def run(self) -> None:
        self._task.execute()


class TaskRunner(QObject):
    def __init__(self, parent_window: Callable[[], QWidget | None] | None = None):
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # one thread for good: it keeps the vault's writer connection
        self._parent_window = parent_window
        self._running: set[_Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        busy: str | None = None,
    ) -> None:
        task = _Task(self, work, on_success, on_failure, busy)
        self._running.add(task)
        self._pool.start(_Runnable(task))

    def _finished(self, task: _Task) -> None:
        self._running.discard(task)
        task.deleteLater()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the background thread is idle (shutdown and tests)."""
        return self._pool.waitForDone(msecs)
