"""The files of a vault's data folder that are not the database itself: a half-made
vault left by an interrupted init, leftover temporary files, a folder that is not ours.

``init`` builds the vault in a temporary folder inside the data folder and moves it
into place last, the key file after the database, with a marker around the two moves:
a database without its key file is then either a half-made vault of an interrupted
init (the marker is there: init replaces it) or a vault whose key file went missing
(no marker: nothing replaces it, the user is told to put the key file back).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from app.atomic import VAULT_FILES, VAULT_FOLDERS, _fsync_dir, atomic_write
from app.errors import VaultExists, VaultMissing
from app.paths import DataPaths

INIT_MARKER = "milieu.init-pending"
INIT_PREFIX = ".milieu-init-"
# Files of ours that may be in a data folder before init (language chosen at first run).
OURS = set(VAULT_FILES) | set(VAULT_FOLDERS) | {INIT_MARKER}
LEFTOVER_AGE_S = 60  # an atomic write in progress in another process is younger than this


def _marker(paths: DataPaths) -> Path:
    return paths.root / INIT_MARKER


def is_half_made(paths: DataPaths) -> bool:
    """A database (or the marker) left by an interrupted init, without the key file."""
    return not paths.keyfile.exists() and _marker(paths).exists()


def missing_key(paths: DataPaths) -> VaultMissing:
    """Why there is no vault to open, in one sentence."""
    if is_half_made(paths):
        return VaultMissing(
            f"The vault in {paths.root} was never completed (its creation was interrupted); "
            "run milieu init again to replace it."
        )
    if paths.database.exists():
        return VaultMissing(
            f"The database {paths.database} has no key file beside it: put back milieu.key "
            "(a copy is kept with your backups); nothing was changed."
        )
    return VaultMissing(f"No vault found in {paths.root}.")


def before_create(paths: DataPaths) -> bool:
    """Refuse to create over a vault or a foreign folder; clear a half-made vault.
    Returns True when a half-made vault was removed."""
    if paths.keyfile.exists():
        raise VaultExists(f"A vault already exists in {paths.root}; it was left untouched.")
    if paths.database.exists() and not is_half_made(paths):
        raise VaultExists(
            f"The folder {paths.root} holds a database without its key file; put milieu.key back, "
            "or create the vault in another folder."
        )
    if paths.root.is_dir():
        foreign = sorted(p.name for p in paths.root.iterdir() if p.name not in OURS and not p.name.startswith(INIT_PREFIX))
        if foreign:
            raise VaultExists(
                f"The folder {paths.root} already holds other files ({foreign[0]}...); "
                "choose a new or empty folder for the vault, Milieu will create it."
            )
    replaced = is_half_made(paths)
    if replaced:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
        _marker(paths).unlink(missing_ok=True)
    remove_init_folders(paths)
    return replaced


def remove_init_folders(paths: DataPaths) -> None:
    if paths.root.is_dir():
        for p in paths.root.glob(f"{INIT_PREFIX}*"):
            shutil.rmtree(p, ignore_errors=True)


def move_into_place(build: DataPaths, final: DataPaths) -> None:
    """The database (and a WAL if any), then the key file: the vault exists once the key is there."""
    atomic_write(_marker(final), b"interrupted init\n", vault_file=True)
    for suffix in ("-wal", ""):
        src = Path(f"{build.database}{suffix}")
        if src.exists():
            os.replace(src, Path(f"{final.database}{suffix}"))
    os.replace(build.keyfile, final.keyfile)
    _fsync_dir(final.root)
    _marker(final).unlink()


def remove_leftovers(paths: DataPaths) -> list[Path]:
    """Temporary files of interrupted atomic writes (``.<name>.<random>.tmp``) in the data
    folder and backups/, older than a minute; returns what was removed."""
    removed = []
    cutoff = time.time() - LEFTOVER_AGE_S
    for folder in (paths.root, paths.backups):
        if not folder.is_dir():
            continue
        for p in folder.glob(".*.tmp"):
            try:
                if p.is_file() and p.stat().st_mtime < cutoff:
                    p.unlink()
                    removed.append(p)
            except OSError:
                pass
    remove_init_folders(paths)
    return removed


# A full disk: SQLite cannot even read a WAL database without creating its -shm index
# (32 KiB) and -wal. Milieu keeps this much room reserved in a file of its own and gives
# it back when the disk is full, so unlock, check, history and a backup to another disk
# still work; the reserve is made again once there is room.
RESERVE = "milieu.reserve"
RESERVE_BYTES = 1024 * 1024


def _reserve(paths: DataPaths) -> Path:
    return paths.root / RESERVE


def disk_free(paths: DataPaths) -> int:
    try:
        return shutil.disk_usage(paths.root).free
    except OSError:
        return 0


def keep_room(paths: DataPaths) -> str:
    """Before opening the database: give the reserve back when the disk is (nearly) full,
    or make it again when there is room. Returns a warning, or ""."""
    reserve = _reserve(paths)
    free = disk_free(paths)
    if free < RESERVE_BYTES:
        if reserve.exists():
            reserve.unlink()
            return ("the disk holding the vault is full: Milieu used its reserved space to open the vault; "
                    "free some space on that disk before entering more")
        return "the disk holding the vault is full: free some space on it before entering more"
    if not reserve.exists() and free > 2 * RESERVE_BYTES:
        try:
            fd = os.open(reserve, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, bytes(RESERVE_BYTES))  # real blocks, not a sparse file
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            reserve.unlink(missing_ok=True)
    return ""
