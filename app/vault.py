"""The vault: one encrypted database, its key file and its backups.

Create, unlock, lock, change passphrase (rewrap only), check, back up and restore.
While locked the vault holds no key and no connection.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

import sqlcipher3
from sqlalchemy.orm import Session, sessionmaker

from app import audit, lock_hooks, passphrase_policy, schema, settings, vault_files
from app.coredumps import forbid_core_dumps
from app.atomic import FILE_MODE, atomic_copy, atomic_path, ensure_private_dir, protect_vault_folder
from app.background_check import BackgroundCheck
from app.database import connect_raw, make_engine
from app.errors import IntegrityFailure, InvalidInput, VaultExists, VaultInUse, VaultLocked, VaultMissing, disk_full
from app.filelock import FolderLock, VaultInUse as _Busy
from app.keyfile import DB_KEY_BYTES, KeyFile
from app.paths import DataPaths
from app.sync import keys
from app.vault_backup import BACKUP_SUFFIX, BackupMixin, _integrity_problems, _wipe, opens_with  # noqa: F401 (re-exported)

@dataclass
class CheckReport:
    integrity_ok: bool
    problems: list[str]
    schema_version: str
    up_to_date: bool


class Vault(BackupMixin):
    def __init__(self, data_dir: os.PathLike | str):
        self.paths = DataPaths(Path(data_dir))
        forbid_core_dumps()
        protect_vault_folder(self.paths.root)  # no export may overwrite this vault's files
        self._key: bytearray | None = None
        self.engine = None
        self._sessions: sessionmaker | None = None
        self._warm_engine = None  # see warm_session() and _open()
        self._warm: sessionmaker | None = None
        self._writer_engine = None  # see write_session()
        self._writer: sessionmaker | None = None
        self._writer_turn = threading.RLock()  # the kept writer connection serves one caller at a time
        # (inode, size, mtime) of the database as this object left it at lock: an
        # unchanged file is not re-checked page by page at the next unlock.
        self._verified_stamp: tuple[int, int, int] | None = None
        self._folder_lock = FolderLock(self.paths.lock)  # shared while unlocked
        # unlock(check_later=True): the whole-file check runs after unlock (app.background_check);
        # until it passes the file is unverified, and writes wait for it (require_writable).
        self._unverified = False
        self._check: BackgroundCheck | None = None
        self._damaged: IntegrityFailure | None = None  # what the background check found
        self.warnings: list[str] = []  # e.g. an audit entry skipped on a full disk

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

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """Like session() (BEGIN IMMEDIATE, commits on success), on a connection kept open per thread.

        For the GUI's single writer thread: each save then skips keying a new connection
        and re-decrypting the pages it needs (a fresh connection starts with a cold cache).
        One connection, whichever thread asks; callers take turns on it. Durability is
        unchanged (WAL, synchronous=FULL: every commit is synced); lock() closes it.
        """
        with self._writer_turn:
            if self._sessions is None:
                raise VaultLocked("The vault is locked.")
            if self._writer is None:
                self._writer_engine = make_engine(
                    self.paths.database, self._current_key, keep_one=True, immediate=True
                )
                self._writer = sessionmaker(self._writer_engine, expire_on_commit=False)
            with self._writer.begin() as session:
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
        if self.exists():
            raise VaultExists(f"A vault already exists in {self.paths.root}; it was left untouched.")
        passphrase_policy.require(passphrase)
        final = self.paths
        replaced = vault_files.before_create(final)
        final.ensure()
        # Built in a temporary folder, moved into place last (app.vault_files): an
        # interrupted init leaves no vault-looking file that init would then refuse.
        build = DataPaths(Path(tempfile.mkdtemp(prefix=vault_files.INIT_PREFIX, suffix=".tmp", dir=final.root)))
        key = bytearray(os.urandom(DB_KEY_BYTES))
        kept = bytearray(key)
        keyfile = KeyFile.wrap_key(bytes(key), passphrase, kdf_params)
        os.close(os.open(build.database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))  # never 0644
        self.paths = build
        try:
            self._open(key)
            schema.upgrade(self.engine)
            with self.session() as s:
                settings.set_many(s, {settings.SITE_NAME: site_name, settings.WORKER_NAME: worker_name})
                settings.set_many(s, extra_settings or {})
                s.flush()
                keys.create_keys(s)
                audit.record(s, "vault_created", "replaced a half-made vault" if replaced else "")
            self.lock()
            keyfile.save(build.keyfile)
            vault_files.move_into_place(build, final)
        except BaseException:
            self.lock()
            _wipe(kept)
            raise
        finally:
            self.paths = final
            shutil.rmtree(build.root, ignore_errors=True)
        self._open(kept)
        self.replaced_half_made = replaced
        vault_files.keep_room(final)

    def unlock(self, passphrase: str, *, check_later: bool = False) -> None:
        """Unwrap the key, check integrity, refuse newer schemas, migrate after a backup.

        ``check_later`` (the window): the whole-file check is left to check_in_background(),
        except before a migration, which never writes to an unchecked file."""
        self.lock()  # unlocking twice must not leave a connection or key behind
        if not self.paths.keyfile.exists():
            raise vault_files.missing_key(self.paths)
        key = KeyFile.load(self.paths.keyfile).unwrap(passphrase)
        self.warnings = [w for w in [vault_files.keep_room(self.paths)] if w]
        if not self.paths.database.exists():
            _wipe(key)
            raise VaultMissing(f"The database file {self.paths.database} is missing.")
        needs_check = self._verified_stamp is None or self._verified_stamp != self._file_stamp()
        if needs_check and not check_later:
            # Every page's HMAC (2-3 s on a 5-year, 255 MB vault). Skipped when this same
            # object locked the file and nothing touched it since: SQLCipher still
            # authenticates each page as it is read.
            problems = _integrity_problems(self.paths.database, bytes(key))
            if problems:
                failure = self._integrity_failure(problems, bytes(key))
                _wipe(key)
                raise failure
        self._verified_stamp = None
        self._open(key)
        self._unverified = needs_check and check_later
        vault_files.remove_leftovers(self.paths)  # of writes interrupted earlier (kill, power cut)
        try:
            state = schema.SchemaState(self.engine)
            state.refuse_if_too_new()
            if not state.up_to_date:
                if self._unverified:
                    self._check_now()
                if not state.empty:
                    self.backup_before_migration(schema.describe(state.current))
                schema.upgrade(self.engine)
            self._audit("unlock")
        except BaseException as exc:
            failure = self._failure_behind(exc)
            self.lock()
            if failure is not None:
                raise failure from None
            raise

    def _failure_behind(self, exc: BaseException) -> IntegrityFailure | None:
        """A page read at an unlock that left the check for later failed (its HMAC): the check says why."""
        if not self._unverified or not isinstance(getattr(exc, "orig", exc), sqlcipher3.DatabaseError):
            return None
        problems = _integrity_problems(self.paths.database, bytes(self._key))
        return self._integrity_failure(problems, bytes(self._key)) if problems else None

    def _check_now(self) -> None:
        problems = _integrity_problems(self.paths.database, bytes(self._key))
        if problems:
            raise self._integrity_failure(problems, bytes(self._key))
        self._unverified = False

    def check_in_background(self, on_done: Callable[[IntegrityFailure | None], None] | None = None) -> bool:
        """Start the whole-file check left by unlock(check_later=True); False when none is due.
        ``on_done(failure or None)`` runs on the check's thread."""
        if not self._unverified or self._key is None or self._check is not None:
            return False
        key = bytes(self._key)

        def finished(problems: list[str] | None) -> None:
            if problems is None:  # interrupted by lock()
                return
            if problems:
                self._damaged = self._integrity_failure(problems, key)
            else:
                self._unverified = False
            if on_done is not None:
                on_done(self._damaged)

        self._check = BackgroundCheck(self.paths.database, key, finished).start()
        return True

    def require_writable(self) -> None:
        """Wait for the background check, if one runs; raise its IntegrityFailure if it failed."""
        check = self._check
        if check is not None:
            check.done.wait()
        if self._damaged is not None:
            raise IntegrityFailure(str(self._damaged), latest_backup=self._damaged.latest_backup)

    @property
    def damaged(self) -> IntegrityFailure | None:
        return self._damaged

    def _open(self, key: bytearray) -> None:
        try:
            self._folder_lock.acquire(exclusive=False)
        except _Busy:
            _wipe(key)
            raise VaultInUse("A restore or a passphrase change of this vault is under way; try again when it is done.") from None
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
        if self._check is not None:
            self._check.stop()  # interrupted: never waited for
            self._check = None
        if self.engine is not None:
            self.engine.dispose()
        if self._warm_engine is not None:
            self._warm_engine.dispose()
        with self._writer_turn:  # a write under way finishes before its connection closes
            if self._writer_engine is not None:
                self._writer_engine.dispose()
        self._warm_engine = None
        self._warm = None
        self._writer_engine = None
        self._writer = None
        if was_open and not self._unverified and self._damaged is None:
            self._verified_stamp = self._file_stamp()
        self._unverified, self._damaged = False, None
        self._folder_lock.release()
        self.engine = None
        self._sessions = None
        # The engine outlives lock() (reference cycles), so caches keyed on it would too.
        lock_hooks.forget_all()
        _wipe(self._key)
        self._key = None

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the key under ``new``, holding the folder lock exclusively: of two
        concurrent changes one fails (VaultInUse), never both report success."""
        passphrase_policy.require(new)
        was_unlocked = self.is_unlocked
        try:
            with self._folder_lock.exclusive():
                current = KeyFile.load(self.paths.keyfile)  # read under the lock: the latest wrap
                key = current.unwrap(old)
                try:
                    KeyFile.wrap_key(bytes(key), new, {k: v for k, v in current.kdf.items() if k != "salt"}).save(
                        self.paths.keyfile
                    )
                except BaseException:
                    _wipe(key)
                    raise
        except _Busy:
            raise VaultInUse(
                "Another Milieu window or process has this vault open or is changing it; close it, then try again."
            ) from None
        if not was_unlocked:
            self._open(key)  # only to log the change; the database is not re-checked
        try:
            self._audit("passphrase_changed")
        finally:
            if not was_unlocked:
                self.lock()
            else:
                _wipe(key)

    def _audit(self, kind: str, detail: str = "") -> None:
        """Log a security event; on a full disk the event is skipped with a warning, so
        unlocking and read-only work (check, a backup to another disk) still go on."""
        try:
            with self.session() as s:
                audit.record(s, kind, detail)
        except Exception as exc:
            if disk_full(exc) is None:
                raise
            self.warnings.append(f"the disk is full, so the audit entry \"{kind}\" was not written")

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

    def _integrity_failure(self, problems: list[str], key: bytes) -> IntegrityFailure:
        latest = self.latest_backup()
        if not opens_with(self.paths.database, key) and (latest is None or not opens_with(latest, key)):
            # Page 1 does not decrypt, nor does the latest backup: the key file is most
            # likely another vault's, and no backup of this folder can help with it.
            return IntegrityFailure(
                f"The key file {self.paths.keyfile} does not open the database {self.paths.database}"
                + (" nor its latest backup" if latest else "")
                + ": it is probably another vault's key file; put back this vault's own milieu.key.",
                latest_backup=None,
            )
        if latest:
            how = f"Restore the latest backup, {latest}, with: milieu restore \"{latest}\"."
        else:
            how = "No backup was found in the backups folder; contact La Piaule's coordination."
        return IntegrityFailure(
            f"The database {self.paths.database} failed its integrity check ({problems[0]}). {how}",
            latest_backup=latest,
        )
