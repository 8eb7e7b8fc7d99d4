"""Self-test of an installed Milieu: ``MILIEU_SMOKE_SECONDS=N milieu``.

For packagers and IT staff (packaging/check-deb runs it from the unpacked .deb): the
window starts as usual; when ``MILIEU_PASSPHRASE`` is set the vault is unlocked through
the unlock screen and every sidebar page is shown and painted once. N seconds after
that (or after the window shows, without a passphrase) the window locks and the app
exits: 0 if all went well, 1 on an exception or a refused unlock. It prints one line per step on stdout, never data.
"""
from __future__ import annotations

import os
import sys
import traceback

from PySide6.QtCore import QTimer

ENV_SECONDS = "MILIEU_SMOKE_SECONDS"
WATCH_MS = 100
UNLOCK_TIMEOUT_MS = 120_000


def requested() -> float | None:
    value = os.environ.get(ENV_SECONDS)
    try:
        return float(value) if value else None
    except ValueError:
        return None


class Smoke:
    def __init__(self, app, window, seconds: float):
        self.app, self.window, self.seconds = app, window, seconds
        self.failures: list[str] = []
        self._previous_hook = sys.excepthook
        sys.excepthook = self._exception

    def _exception(self, kind, value, tb) -> None:
        # Qt slots report their exceptions here; the app would otherwise go on.
        traceback.print_exception(kind, value, tb)
        self.failures.append(f"{kind.__name__}: {value}")

    def _say(self, text: str) -> None:
        print(f"smoke: {text}", flush=True)

    def start(self) -> None:
        self._say("window shown")
        passphrase = os.environ.get("MILIEU_PASSPHRASE")
        if not (passphrase and self.window.paths.keyfile.exists()):
            QTimer.singleShot(int(self.seconds * 1000), self.finish)
            return
        self.window.unlocked.connect(self._tour)
        self.window.unlock_screen.submitted.emit(passphrase)
        # The unlock runs on the task thread: watch for its refusal, give up after a while.
        self._waited = 0
        self._watch = QTimer(self.window, interval=WATCH_MS)
        self._watch.timeout.connect(self._check_unlock)
        self._watch.start()

    def _check_unlock(self) -> None:
        self._waited += WATCH_MS
        refused = not self.window.tasks.busy and self.window.unlock_screen.message.text()
        if self.window.is_unlocked:
            self._watch.stop()
        elif refused or self._waited >= UNLOCK_TIMEOUT_MS:
            self._watch.stop()
            shown = self.window.unlock_screen.message.text()
            self.failures.append(f"the vault was not unlocked ({shown or 'timed out'})")
            self.finish()

    def _tour(self) -> None:
        self._say("unlocked")
        workspace = self.window.workspace
        for row, page in enumerate(workspace.pages):
            workspace.show_row(row)
            page.grab()  # paints it, charts and tables included
            self._say(f"page {page.page_id} shown")
        QTimer.singleShot(int(self.seconds * 1000), self.finish)

    def finish(self) -> None:
        self.window.lock()
        sys.excepthook = self._previous_hook
        for failure in self.failures:
            self._say(f"FAILED {failure}")
        self._say("ok" if not self.failures else f"{len(self.failures)} failure(s)")
        self.app.exit(1 if self.failures else 0)
