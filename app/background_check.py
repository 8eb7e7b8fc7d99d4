"""The whole-file integrity check run after unlock, on its own connection and thread.

cipher_integrity_check reads every page (2-3 s on a 5-year, 255 MB vault). SQLCipher already
authenticates each page it reads, so the window opens at once and this runs behind it;
writes wait for it (``Vault.require_writable``) and are refused if it fails. Locking
interrupts it (sqlite3_interrupt), so a lock never waits for it.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from app.vault_backup import _integrity_problems

INTERRUPTED = "interrupted"


class BackgroundCheck:
    def __init__(self, path: Path, key: bytes, on_done: Callable[[list[str] | None], None]):
        """``on_done(problems)`` runs on the check's thread: [] when sound, None when interrupted."""
        self._path, self._key, self._on_done = path, key, on_done
        self._conn = None
        self._stopped = False
        self._guard = threading.Lock()
        self.done = threading.Event()
        self.problems: list[str] | None = None
        self._thread = threading.Thread(target=self._run, name="milieu-integrity-check", daemon=True)

    def start(self) -> "BackgroundCheck":
        self._thread.start()
        return self

    def _connected(self, conn) -> None:
        with self._guard:
            self._conn = conn
            if self._stopped:
                conn.interrupt()

    def _run(self) -> None:
        try:
            problems = _integrity_problems(self._path, self._key, on_connect=self._connected)
        except Exception as exc:  # e.g. the disk is full: not a verdict on the file
            problems = [str(exc)]
        with self._guard:
            self._conn = None
            self._key = b""
            if self._stopped or problems and INTERRUPTED in problems[0]:
                problems = None
        self.problems = problems
        try:
            self._on_done(problems)  # first: a writer woken by ``done`` finds the verdict recorded
        finally:
            self.done.set()

    def stop(self) -> None:
        """Interrupt the check and wait for its thread (a lock must not leave it reading)."""
        with self._guard:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=10)
