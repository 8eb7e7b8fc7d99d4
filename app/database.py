"""SQLCipher engine: a raw 256-bit key issued first on every connection.

NullPool: no keyed connection outlives its use, so locking leaves nothing open.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, SingletonThreadPool, StaticPool

from app.errors import VaultLocked


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def connect_raw(path: Path, key: bytes, *, any_thread: bool = False) -> sqlcipher3.Connection:
    """A keyed DB-API connection with Milieu's pragmas (also used by backups and checks).

    ``any_thread``: the connection may be closed by another thread than its creator's
    (the vault is unlocked off the GUI thread and locked on it).
    """
    conn = sqlcipher3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=not any_thread)
    # Before anything else: SQLCipher logs to stderr otherwise, then the key.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(_key_pragma(key))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
    return conn


def make_engine(
    path: Path,
    key_source: Callable[[], bytes | None],
    *,
    keep_per_thread: bool = False,
    keep_one: bool = False,
    immediate: bool | None = None,
) -> Engine:
    """Engine whose every connection reads the key from ``key_source`` (None once locked).

    NullPool by default: a connection lives as long as one operation. With
    ``keep_per_thread`` one connection per thread stays open until ``dispose()``
    (the vault's warm sessions, closed at lock). With ``keep_one`` a single connection
    stays open for whichever thread uses it (the caller serialises its use): a Qt
    worker thread loses Python's thread-locals between tasks, so a per-thread pool
    would open and key a new connection, with a cold page cache, for every task.

    ``immediate`` (default: the NullPool engine, the one writes go through): transactions
    BEGIN IMMEDIATE, so a second writer waits for the write lock under the busy timeout
    instead of failing with "database is locked" when its deferred transaction upgrades
    (SQLite returns SQLITE_BUSY at once there: waiting could deadlock). The warm engine
    (search as you type) stays deferred so reads never queue behind a writer.
    """

    def creator():
        key = key_source()
        if key is None:
            raise VaultLocked("The vault is locked.")
        return connect_raw(path, key, any_thread=keep_per_thread or keep_one)

    if keep_one:
        pool = {"poolclass": StaticPool}
    elif keep_per_thread:
        pool = {"poolclass": SingletonThreadPool, "pool_size": 4}
    else:
        pool = {"poolclass": NullPool}
    engine = create_engine("sqlite://", module=sqlcipher3, creator=creator, **pool)

    # The driver stays in autocommit (isolation_level=None) and SQLAlchemy emits
    # BEGIN itself: pysqlite's implicit transactions would break transactional
    # DDL in migrations and SAVEPOINTs (SQLAlchemy's documented SQLite recipe).
    begin = "BEGIN IMMEDIATE" if (not (keep_per_thread or keep_one) if immediate is None else immediate) else "BEGIN"

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql(begin)

    return engine


BULK_CACHE_KIB = 64 * 1024


@contextmanager
def bulk_cache(session: Session, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A larger page cache for one set-based pass over much of the vault.

    SQLite's default 2 MiB cache makes a pass that touches most of a 5-year vault's
    history read and decrypt the same index pages again and again (a retention run
    spent 40 % more CPU so). The memory is the connection's and goes with it.
    """
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
