"""The vault: one encrypted database, its key file and its backups.

Create, unlock, lock, change passphrase (rewrap only), check, back up and restore.
While locked the vault holds no key and no connection.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

import sqlcipher3
from sqlalchemy.orm import Session, sessionmaker

from app import audit, lock_hooks, schema, settings
from app.atomic import FILE_MODE, atomic_copy, atomic_path
from app.database import connect_raw, make_engine
from app.errors import IntegrityFailure, InvalidInput, VaultExists, VaultInUse, VaultLocked, VaultMissing
from app.filelock import FolderLock, VaultInUse as _Busy
from app.keyfile import DB_KEY_BYTES, KeyFile
from app.paths import DataPaths
from app.sync import keys

BACKUP_SUFFIX = ".milieu-backup"


@dataclass
class CheckReport:
    integrity_ok: bool
    problems: list[str]
    schema_version: str
    up_to_date: bool


def _wipe(buf: bytearray | None) -> None:
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0


def _forbid_core_dumps() -> None:
    """A crash of a process holding the key must not write its memory (the key, the
    data on screen) to disk: no core file, and systemd-coredump/apport honour it too."""
    try:
        import resource
    except ImportError:  # Windows: no core files
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass


def _integrity_problems(path: Path, key: bytes, full: bool = False) -> list[str]:
    """cipher_integrity_check (every page's HMAC); with ``full``, SQLite's own check too."""
    try:
        conn = connect_raw(path, key)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
            if full:
                rows += [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
            return rows
        finally:
            conn.close()
    except sqlcipher3.DatabaseError as exc:
        return [str(exc)]


class Vault:
    def __init__(self, data_dir: os.PathLike | str):
        self.paths = DataPaths(Path(data_dir))
        _forbid_core_dumps()
        self._key: bytearray | None = None
        self.engine = None
        self._sessions: sessionmaker | None = None
        self._warm_engine = None  # see warm_session() and _open()
        self._warm: sessionmaker | None = None
        # (inode, size, mtime) of the database as this object left it at lock: an
        # unchanged file is not re-checked page by page at the next unlock.
        self._verified_stamp: tuple[int, int, int] | None = None
        self._folder_lock = FolderLock(self.paths.lock)  # shared while unlocked

    # ---- state -------------------------------------------------------------
    def exists(self) -> bool:
        return self.paths.keyfile.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._key is not None

    def _current_key(self) -> bytes | None:
        return bytes(self._key) if self._key is not None else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One Session per operation; commits on success, rolls back on error."""
        if self._sessions is None:
            raise VaultLocked("The vault is locked.")
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def warm_session(self) -> Iterator[Session]:
        """Like session(), on a connection kept open while unlocked (one per thread).

        For queries repeated at typing speed (search as you type): a fresh keyed
        connection costs ~2.5 ms and starts with a cold, encrypted page cache.
        Each use is its own transaction (it sees every commit made before it);
        lock() closes these connections with the rest.
        """
        if self._warm is None:
            raise VaultLocked("The vault is locked.")
        with self._warm.begin() as session:
            yield session

    # ---- lifecycle ---------------------------------------------------------
    def create(
        self,
        passphrase: str,
        *,
        site_name: str,
        worker_name: str,
        kdf_params: dict | None = None,
        extra_settings: dict[str, str] | None = None,
    ) -> None:
        """Create the vault, unlocked, with its signing keys (``extra_settings`` may set
        the vault's mode, e.g. coordination, before the keys are made)."""
        if self.exists() or self.paths.database.exists():
            raise VaultExists(f"A vault already exists in {self.paths.root}; it was left untouched.")
        if not passphrase:
            raise InvalidInput("The passphrase cannot be empty.")
        self.paths.ensure()
        key = bytearray(os.urandom(DB_KEY_BYTES))
        keyfile = KeyFile.wrap_key(bytes(key), passphrase, kdf_params)
        self._open(key)
        try:
            schema.upgrade(self.engine)
            os.chmod(self.paths.database, FILE_MODE)
            with self.session() as s:
                settings.set_many(s, {settings.SITE_NAME: site_name, settings.WORKER_NAME: worker_name})
                settings.set_many(s, extra_settings or {})
                s.flush()
                keys.ensure_keys(s)
                audit.record(s, "vault_created")
            # The key file is written last: a vault "exists" only once complete.
            keyfile.save(self.paths.keyfile)
        except BaseException:
            self.lock()
            raise

    def unlock(self, passphrase: str) -> None:
        """Unwrap the key, check integrity, refuse newer schemas, migrate after a backup."""
        self.lock()  # unlocking twice must not leave a connection or key behind
        key = KeyFile.load(self.paths.keyfile).unwrap(passphrase)
        if not self.paths.database.exists():
            _wipe(key)
            raise VaultMissing(f"The database file {self.paths.database} is missing.")
        if self._verified_stamp is None or self._verified_stamp != self._file_stamp():
            # Every page's HMAC (2-3 s on a 5-year, 255 MB vault). Skipped when this same
            # object locked the file and nothing touched it since: SQLCipher still
            # authenticates each page as it is read.
            problems = _integrity_problems(self.paths.database, bytes(key))
            if problems:
                _wipe(key)
                raise self._integrity_failure(problems)
        self._verified_stamp = None
        self._open(key)
        try:
            state = schema.SchemaState(self.engine)
            state.refuse_if_too_new()
            if not state.up_to_date:
                if not state.empty:
                    self.backup(reason="pre-migration")
                schema.upgrade(self.engine)
            with self.session() as s:
                audit.record(s, "unlock")
        except BaseException:
            self.lock()
            raise

    def _open(self, key: bytearray) -> None:
        try:
            self._folder_lock.acquire(exclusive=False)
        except _Busy:
            _wipe(key)
            raise VaultInUse("A restore of this vault is under way; try again when it is done.") from None
        self._key = key
        self.engine = make_engine(self.paths.database, self._current_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._warm_engine = make_engine(self.paths.database, self._current_key, keep_per_thread=True)
        self._warm = sessionmaker(self._warm_engine, expire_on_commit=False)
        # Sessions use NullPool connections, but closing the last connection to a WAL
        # database checkpoints and syncs it (14-35 ms per save). Opening the warm pool's
        # connection now keeps one idle connection, and so the WAL, open until lock().
        self._warm_engine.connect().close()

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.paths.database.stat()
        except FileNotFoundError:
            return None
        wal = Path(str(self.paths.database) + "-wal")
        if wal.exists() and wal.stat().st_size:
            return None  # a WAL left behind (crash, other process): check the whole file
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def lock(self) -> None:
        """Drop every connection and the key reference."""
        was_open = self.engine is not None
        if self.engine is not None:
            self.engine.dispose()
        if self._warm_engine is not None:
            self._warm_engine.dispose()
        self._warm_engine = None
        self._warm = None
        if was_open:
            self._verified_stamp = self._file_stamp()
        self._folder_lock.release()
        self.engine = None
        self._sessions = None
        # The engine outlives lock() (reference cycles), so caches keyed on it would too.
        lock_hooks.forget_all()
        _wipe(self._key)
        self._key = None

    def change_passphrase(self, old: str, new: str) -> None:
        if not new:
            raise InvalidInput("The new passphrase cannot be empty.")
        current = KeyFile.load(self.paths.keyfile)
        key = current.unwrap(old)
        try:
            KeyFile.wrap_key(bytes(key), new, {k: v for k, v in current.kdf.items() if k != "salt"}).save(
                self.paths.keyfile
            )
        finally:
            _wipe(key)
        if self.is_unlocked:
            with self.session() as s:
                audit.record(s, "passphrase_changed")

    # ---- checks ------------------------------------------------------------
    def check(self) -> CheckReport:
        """Full integrity and schema check of the unlocked vault (for ``milieu check``)."""
        if self._key is None:
            raise VaultLocked("The vault is locked.")
        problems = _integrity_problems(self.paths.database, bytes(self._key), full=True)
        state = schema.SchemaState(self.engine)
        return CheckReport(
            integrity_ok=not problems,
            problems=problems,
            schema_version=schema.describe(state.current),
            up_to_date=state.up_to_date,
        )

    def latest_backup(self) -> Path | None:
        if not self.paths.backups.exists():
            return None
        found = sorted(self.paths.backups.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime)
        return found[-1] if found else None

    def _integrity_failure(self, problems: list[str]) -> IntegrityFailure:
        latest = self.latest_backup()
        if latest:
            how = f"Restore the latest backup, {latest}, with: milieu restore \"{latest}\"."
        else:
            how = "No backup was found in the backups folder; contact La Piaule's coordination."
        return IntegrityFailure(
            f"The database {self.paths.database} failed its integrity check ({problems[0]}). {how}",
            latest_backup=latest,
        )

    # ---- backup and restore -----------------------------------------------
    def backup(self, to_dir: os.PathLike | str | None = None, reason: str = "manual") -> Path:
        """A consistent, encrypted copy (same key) written atomically; returns its path."""
        if self._key is None:
            raise VaultLocked("The vault is locked.")
        target_dir = Path(to_dir) if to_dir else self.paths.backups
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = target_dir / f"milieu-{stamp}-{reason}{BACKUP_SUFFIX}"
        with atomic_path(target) as tmp:
            conn = connect_raw(self.paths.database, bytes(self._key))
            try:
                # VACUUM INTO writes a consistent snapshot encrypted with the same key.
                conn.execute("VACUUM INTO ?", (str(tmp),))
            finally:
                conn.close()
        if self.is_unlocked and self._sessions is not None:
            with self.session() as s:
                audit.record(s, "backup", reason)
        return target

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
            atomic_copy(backup_file, staging)
            problems = _integrity_problems(staging, bytes(key))
            if problems:
                raise IntegrityFailure(
                    f"The backup {backup_file} cannot be opened with this vault's key or is damaged ({problems[0]})."
                )
            probe = make_engine(staging, lambda: bytes(key))
            try:
                schema.SchemaState(probe).refuse_if_too_new()
            finally:
                probe.dispose()
            kept = self.paths.backups / f"milieu-{stamp}-before-restore{BACKUP_SUFFIX}"
            if self.paths.database.exists():
                # Fold the WAL in when the file is readable; copy as is otherwise.
                try:
                    conn = connect_raw(self.paths.database, bytes(key))
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    conn.close()
                except sqlcipher3.DatabaseError:
                    pass
                atomic_copy(self.paths.database, kept)
            for suffix in ("-wal", "-shm"):
                stale = Path(str(self.paths.database) + suffix)
                if stale.exists():
                    stale.unlink()
            atomic_copy(staging, self.paths.database)
            self._verified_stamp = None
            return kept
        finally:
            for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
                leftover.unlink(missing_ok=True)
            self._folder_lock.release()
            _wipe(key)
