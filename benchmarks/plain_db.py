"""Unencrypted copies and session factories, so benchmarks can price SQLCipher against plain SQLite."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from app.vault import Vault


def plain_copy(vault: Vault, target: Path) -> Path:
    """The unlocked vault exported unencrypted (sqlcipher_export) to ``target``."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    conn = vault.engine.raw_connection()
    try:
        conn.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
        conn.execute("SELECT sqlcipher_export('plaintext')")
        conn.execute("DETACH DATABASE plaintext")
    finally:
        conn.close()
    return target


def sessions_for(path: Path, key: bytes | None = None, pooled: bool = False):
    """(session factory, engine) like Vault.session: keyed (SQLCipher) or plain, NullPool or one kept-open
    connection; plain connections get the vault's pragmas so only the encryption differs."""
    from app.database import connect_raw

    def creator():
        if key is not None:
            return connect_raw(path, key)
        conn = sqlcipher3.connect(str(path), timeout=30, isolation_level=None)
        for pragma in ("foreign_keys = ON", "secure_delete = ON", "journal_mode = WAL", "synchronous = FULL",
                       "temp_store = MEMORY"):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    if pooled:
        engine = create_engine("sqlite://", module=sqlcipher3, creator=creator, poolclass=QueuePool,
                               pool_size=1, max_overflow=0)
    else:
        engine = create_engine("sqlite://", module=sqlcipher3, creator=creator, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    maker = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session():
        with maker.begin() as s:
            yield s

    return session, engine
