"""The writer thread keeps one keyed connection between saves (a warm page cache, no keying per save).

Qt's worker thread loses Python's thread-locals between tasks, so a per-thread pool opened,
keyed and cold-started a new connection for every save (3 ms, and the pages it read
decrypted again): the connection is now kept by the vault itself.
"""
from __future__ import annotations

from sqlalchemy import text

from tests.conftest import PASSPHRASE
from views.tasks import TaskRunner


def _driver_connection(vault) -> int:
    with vault.write_session() as s:
        s.execute(text("SELECT 1"))
        return id(s.connection().connection.driver_connection)


def test_saves_on_the_writer_thread_reuse_one_connection(vault, qtbot):
    tasks, seen = TaskRunner(), []
    for n in range(3):
        tasks.run(lambda: _driver_connection(vault), seen.append)
        qtbot.waitUntil(lambda: len(seen) == n + 1)
    assert len(set(seen)) == 1
    assert _driver_connection(vault) == seen[0]  # whichever thread asks, in turn


def test_locking_closes_the_kept_connection(vault):
    import pytest
    from app.errors import VaultLocked

    _driver_connection(vault)
    vault.lock()
    with pytest.raises(VaultLocked):
        _driver_connection(vault)
    vault.unlock(PASSPHRASE)
    with vault.write_session() as s:  # a new connection, keyed again
        assert s.execute(text("SELECT count(*) FROM setting")).scalar() >= 1
