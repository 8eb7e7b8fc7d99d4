"""Atomic, owner-only file writes: temp file (0600) in the same folder, fsync, os.replace.

A reader never sees a half-written file, and a crash leaves either the old file or
the new one.

No write here lands on a file of a vault's data folder (database, -wal/-shm, key file,
lock, preferences, backups) unless the vault itself writes it (``vault_file=True``):
``milieu keys export-public D/milieu.key`` or a dialog pointed at the database must
not destroy the vault. Every Vault() registers its folder (protect_vault_folder).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from app.errors import MilieuError

FILE_MODE = 0o600
DIR_MODE = 0o700
# The files of a vault's data folder (app.paths.DataPaths), and its backups folder.
VAULT_FILES = ("milieu.db", "milieu.db-wal", "milieu.db-shm", "milieu.db-journal", "milieu.key", "milieu.lock",
               "prefs.json", "milieu.reserve")
VAULT_FOLDERS = ("backups",)
_protected: set[Path] = set()


class OutputRefused(MilieuError, PermissionError):
    """An output path that is, or resolves to, a file of a vault's data folder.

    A PermissionError too, so the screens' ``except OSError`` show it as a write that failed."""

    code = "output_is_vault_file"
    exit_code = 15

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def protect_vault_folder(root: Path) -> None:
    _protected.add(Path(os.path.realpath(root)))


def refuse_vault_file(target: Path) -> None:
    """Raise OutputRefused if ``target`` (through symlinks and ``..``) is a vault file."""
    real = Path(os.path.realpath(target))
    for root in _protected:
        inside_backups = any(real.is_relative_to(root / name) for name in VAULT_FOLDERS)
        if inside_backups or real == root or (real.parent == root and real.name in VAULT_FILES):
            raise OutputRefused(
                f"{target} is a file of the vault's data folder {root}; choose another place for this file."
            )


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` owner-only. A folder that already exists keeps its mode: Milieu
    never changes the permissions of a folder it did not create (e.g. /tmp, a USB key)."""
    path = Path(path)
    if path.is_dir():
        return path
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # Windows cannot open directories
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: Path, *, vault_file: bool = False):
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    For writers that need a path (SQLite's VACUUM INTO, Qt's PDF writer). The temp
    path exists, empty and owner-only, when yielded: a writer that truncates it keeps
    that mode, so the content is never readable by others, even while being written.
    """
    target = Path(target)
    if not vault_file:
        refuse_vault_file(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, FILE_MODE)
    try:
        yield tmp_path
        os.chmod(tmp_path, FILE_MODE)
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_path, target)
        _fsync_dir(target.parent)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def atomic_write(target: Path, data: bytes, *, vault_file: bool = False) -> None:
    """Write ``data`` to ``target`` atomically with owner-only permissions."""
    target = Path(target)
    if not vault_file:
        refuse_vault_file(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, FILE_MODE) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_copy(source: Path, target: Path, *, vault_file: bool = False) -> None:
    """Copy a file atomically (for backups of files that are not open)."""
    with atomic_path(target, vault_file=vault_file) as tmp:
        shutil.copyfile(source, tmp)


def read_limited(path: Path, limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``path``; None when it holds more. Reads in one bounded
    call, so /dev/zero, a FIFO or a huge file never fills memory (st_size may say 0)."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    return None if len(data) > limit else data
