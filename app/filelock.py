"""Advisory lock on a vault's folder, so that a restore never swaps the database under
a process that has the vault open.

An unlocked vault holds a shared lock; a restore needs the exclusive one. POSIX
``flock`` only: on other systems the lock is a no-op (documented limitation).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None


class VaultInUse(Exception):
    """Another process has the vault open."""


class FolderLock:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self, exclusive: bool) -> None:
        """Take the lock without waiting; raise VaultInUse if another holder prevents it."""
        self.release()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise VaultInUse(str(self.path)) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    @contextmanager
    def exclusive(self):
        """Hold the lock exclusively for a block (a passphrase change): converts a shared
        lock this object holds, or takes the lock; raises VaultInUse if another process
        has the vault open or is changing it."""
        if self._fd is None:
            self.acquire(exclusive=True)
            try:
                yield
            finally:
                self.release()
            return
        if fcntl is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fcntl.flock(self._fd, fcntl.LOCK_SH)  # a failed conversion may have dropped it
                raise VaultInUse(str(self.path)) from None
        try:
            yield
        finally:
            if fcntl is not None and self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_SH)
