"""Settings for the directory's bulk work (import, publish, apply): 10,000 services at once.

Python's cyclic garbage collector runs every few hundred allocations and walks
every object still alive: building ~130,000 rows that all stay alive until the
end, it costs about a third of the time and frees nothing (the rows hold no
cycles; plain reference counting frees them). It is paused for the bulk work
only, and the pause nests and works across threads: it ends when the last one ends.

SQLite's page cache is widened for the write, so the transaction's pages stay in
memory instead of being encrypted out to the WAL and read back in mid-import.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

CACHE_KIB = 64 * 1024  # the pages of a 10,000-service directory and their indexes

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def no_gc_pauses():
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


@contextmanager
def wide_page_cache(conn):
    """``conn`` (a SQLAlchemy connection) keeps CACHE_KIB of pages while the block runs."""
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
