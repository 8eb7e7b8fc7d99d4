"""Backups and restore of a vault (the Vault class mixes this in).

A restore accepts only a complete backup of this very vault: it opens with this vault's
database key, passes the integrity check, holds Milieu's schema, and carries the same
signing key as the vault it replaces. Anything else (an empty or 1-byte file, another
vault's backup) is refused and the current database is left untouched.
"""
from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import sqlcipher3

from app.atomic import atomic_copy, atomic_path, ensure_private_dir
from app.database import connect_raw, make_engine
from app.errors import DiskFull, IntegrityFailure, InvalidInput, VaultInUse, VaultLocked, disk_full
from app.filelock import VaultInUse as _Busy
from app.keyfile import KeyFile
from app import schema

BACKUP_SUFFIX = ".milieu-backup"
PRE_MIGRATION = "pre-migration"


class BackupRefused(IntegrityFailure):
    """A restore refused, nothing changed; ``reason``: "foreign" (another key, empty or damaged
    beyond reading), "damaged", "empty" (no Milieu schema) or "signing" (another vault's keys)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def _wipe(buf: bytearray | None) -> None:
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0


def _integrity_problems(path: Path, key: bytes, full: bool = False, on_connect=None) -> list[str]:
    """cipher_integrity_check (every page's HMAC); with ``full``, SQLite's own check too.
    ``on_connect(conn)``: given the connection first (app.background_check interrupts it)."""
    try:
        conn = connect_raw(path, key, any_thread=on_connect is not None)
        try:
            if on_connect is not None:
                on_connect(conn)
            rows = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
            if full:
                rows += [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
            return rows
        finally:
            conn.close()
    except sqlcipher3.DatabaseError as exc:
        full = disk_full(exc)
        if full is None and "disk I/O error" in str(exc) and shutil.disk_usage(path.parent).free < 64 * 1024:
            # No room to create the WAL index (-shm): SQLite says I/O error, not "full".
            full = DiskFull("The disk holding the vault is full; free some space on it, then try again.")
        if full is not None:
            raise full from None  # not a damaged file
        return [str(exc)]


def opens_with(path: Path, key: bytes) -> bool:
    """True when ``path`` is a non-empty database encrypted with ``key`` (page 1 decrypts)."""
    try:
        conn = connect_raw(path, key)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlcipher3.DatabaseError:
        return False


def signing_public(path: Path, key: bytes) -> bytes | None:
    """The vault's Ed25519 public key as stored in ``path``; None when it has none.
    Raises sqlcipher3.DatabaseError when the file cannot be read."""
    conn = connect_raw(path, key)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_key'").fetchone():
            return None
        row = conn.execute("SELECT public FROM sync_key WHERE name = 'signing'").fetchone()
        return bytes(row[0]) if row and row[0] is not None else None
    finally:
        conn.close()


class BackupMixin:
    def latest_backup(self) -> Path | None:
        if not self.paths.backups.exists():
            return None
        found = sorted(self.paths.backups.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime)
        return found[-1] if found else None

    def backup(self, to_dir: os.PathLike | str | None = None, reason: str = "manual") -> Path:
        """A consistent, encrypted copy (same key) written atomically; returns its path."""
        if self._key is None:
            raise VaultLocked("The vault is locked.")
        target_dir = Path(to_dir) if to_dir else self.paths.backups
        if not target_dir.is_dir():
            ensure_private_dir(target_dir)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = target_dir / f"milieu-{stamp}-{reason}{BACKUP_SUFFIX}"
        own = os.path.realpath(target_dir) == os.path.realpath(self.paths.backups)  # a new name: overwrites nothing
        with atomic_path(target, vault_file=own) as tmp:
            conn = connect_raw(self.paths.database, bytes(self._key))
            try:
                # VACUUM INTO writes a consistent snapshot encrypted with the same key.
                conn.execute("VACUUM INTO ?", (str(tmp),))
            finally:
                conn.close()
        if self.is_unlocked and self._sessions is not None:
            self._audit("backup", reason)
        return target

    def backup_before_migration(self, revision: str) -> Path:
        """One backup per schema revision migrated from: a migration interrupted again and
        again (kill, power cut) replaces its earlier backup instead of piling them up."""
        reason = f"{PRE_MIGRATION}-{revision.replace(',', '+')[:40]}"
        made = self.backup(reason=reason)
        for older in self.paths.backups.glob(f"milieu-*-{reason}{BACKUP_SUFFIX}"):
            if older != made:
                older.unlink(missing_ok=True)
        return made

    def _check_backup(self, backup_file: Path, staging: Path, key: bytes) -> None:
        """Refuse what is not a complete backup of this vault (module docstring)."""
        if not opens_with(staging, key):
            raise BackupRefused(
                f"{backup_file} is not a backup of this vault: it is empty, damaged or encrypted with another key; "
                "nothing was changed.", "foreign"
            )
        problems = _integrity_problems(staging, key)
        if problems:
            raise BackupRefused(f"The backup {backup_file} is damaged ({problems[0]}); nothing was changed.", "damaged")
        probe = make_engine(staging, lambda: key)
        try:
            state = schema.SchemaState(probe)
            state.refuse_if_too_new()
            if state.empty:
                raise BackupRefused(f"{backup_file} holds no Milieu data (no schema); nothing was changed.", "empty")
        finally:
            probe.dispose()
        theirs = signing_public(staging, key)
        try:
            ours = signing_public(self.paths.database, key) if self.paths.database.exists() else None
        except sqlcipher3.DatabaseError:
            ours = None  # the damaged database a restore is for: the database key proves the lineage
        if ours is not None and theirs != ours:
            raise BackupRefused(
                f"The backup {backup_file} does not carry this vault's signing key, so La Piaule would refuse "
                "the next bundles; nothing was changed.", "signing"
            )

    def restore(self, backup_file: os.PathLike | str, passphrase: str) -> Path:
        """Replace the database by ``backup_file`` after keeping a copy of the current one.

        Works on a damaged database too: the current file is copied byte for byte.
        Returns the path of the copy of the replaced database.
        """
        backup_file = Path(backup_file)
        if not backup_file.is_file():
            raise InvalidInput(f"The backup file {backup_file} does not exist.")
        self.lock()
        key = KeyFile.load(self.paths.keyfile).unwrap(passphrase)
        self.paths.ensure()
        try:
            self._folder_lock.acquire(exclusive=True)
        except _Busy:
            _wipe(key)
            raise VaultInUse(
                "Milieu has this vault open in another window or process; close it, then restore."
            ) from None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        # Checked as a private copy: opening a SQLite file writes to it (WAL), and the
        # user's backup may sit on read-only media or be needed again.
        staging = self.paths.backups / f".restoring-{stamp}.tmp"
        try:
            atomic_copy(backup_file, staging, vault_file=True)
            self._check_backup(backup_file, staging, bytes(key))
            kept = self.paths.backups / f"milieu-{stamp}-before-restore{BACKUP_SUFFIX}"
            if self.paths.database.exists():
                # Fold the WAL in when the file is readable; copy as is otherwise.
                try:
                    conn = connect_raw(self.paths.database, bytes(key))
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    conn.close()
                except sqlcipher3.DatabaseError:
                    pass
                atomic_copy(self.paths.database, kept, vault_file=True)
            for suffix in ("-wal", "-shm"):
                stale = Path(str(self.paths.database) + suffix)
                if stale.exists():
                    stale.unlink()
            atomic_copy(staging, self.paths.database, vault_file=True)
            self._verified_stamp = None
            return kept
        finally:
            for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
                leftover.unlink(missing_ok=True)
            self._folder_lock.release()
            _wipe(key)
