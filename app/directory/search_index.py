"""The directory's full-text index: FTS5 inside the encrypted database.

It is derived data: created on first use, rebuilt whole when missing or when its
definition changes, and updated service by service by every write (import,
local edit). unicode61 with ``remove_diacritics 2`` makes "hebergement" find
"Hébergement"; the prefix indexes keep one- to three-letter queries fast; the
rank weights make a match in the name beat one in the description.
"""
from __future__ import annotations

from sqlalchemy import text

from models.directory import SEARCH_INDEX_TABLE

INDEX_VERSION = "1"
_VERSION_KEY = "directory_search_index_version"
COLUMNS = ("name", "organization", "categories", "description", "notes")
# bm25 weights, in COLUMNS order.
WEIGHTS = (10.0, 4.0, 5.0, 1.0, 2.0)

_CREATE = (
    f"CREATE VIRTUAL TABLE {SEARCH_INDEX_TABLE} USING fts5("
    f"{', '.join(COLUMNS)}, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)
_RANK = (
    f"INSERT INTO {SEARCH_INDEX_TABLE}({SEARCH_INDEX_TABLE}, rank) "
    f"VALUES ('rank', 'bm25({', '.join(str(w) for w in WEIGHTS)})')"
)
# One row of searchable text per service.
_SOURCE = """
SELECT s.id,
       s.name || ' ' || coalesce(s.alternate_name, ''),
       coalesce(o.name, '') || ' ' || coalesce(o.alternate_name, ''),
       coalesce((SELECT group_concat(t.name, ' ') FROM dir_service_term st
                 JOIN dir_taxonomy_term t ON t.id = st.term_id WHERE st.service_id = s.id), ''),
       coalesce(s.description, '') || ' ' || coalesce(s.eligibility_description, ''),
       s.local_notes
FROM dir_service s LEFT JOIN dir_organization o ON o.id = s.organization_id
"""
_CHUNK = 500
# After a bulk import the index is many small segments; merging them makes queries
# several times faster (a second or so for 10,000 services).
OPTIMIZE_AFTER = 1000


def exists(conn) -> bool:
    row = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": SEARCH_INDEX_TABLE}
    ).first()
    return row is not None


def ensure(conn) -> bool:
    """Create (and fill) the index when missing or outdated. True when it was (re)built."""
    version = conn.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": _VERSION_KEY}).scalar()
    if version == INDEX_VERSION and exists(conn):
        return False
    conn.execute(text(f"DROP TABLE IF EXISTS {SEARCH_INDEX_TABLE}"))
    conn.execute(text(_CREATE))
    conn.execute(text(_RANK))
    conn.execute(text(f"INSERT INTO {SEARCH_INDEX_TABLE}(rowid, {', '.join(COLUMNS)}) {_SOURCE}"))
    optimize(conn)
    conn.execute(
        text("INSERT INTO setting(key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = :v"),
        {"k": _VERSION_KEY, "v": INDEX_VERSION},
    )
    return True


def reindex(conn, service_ids) -> None:
    """Refresh the indexed text of these services (deleted services leave the index)."""
    ids = sorted(set(service_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join(str(int(i)) for i in chunk)
        conn.execute(text(f"DELETE FROM {SEARCH_INDEX_TABLE} WHERE rowid IN ({marks})"))
        conn.execute(
            text(f"INSERT INTO {SEARCH_INDEX_TABLE}(rowid, {', '.join(COLUMNS)}) {_SOURCE} WHERE s.id IN ({marks})")
        )


def optimize(conn) -> None:
    conn.execute(text(f"INSERT INTO {SEARCH_INDEX_TABLE}({SEARCH_INDEX_TABLE}) VALUES ('optimize')"))
