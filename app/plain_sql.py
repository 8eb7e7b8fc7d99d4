"""Plain DB-API statements in the Session's transaction, for the writes a worker waits on.

Saving a contact runs about fifteen statements on the GUI's writer thread. Through
SQLAlchemy each costs ~0.1 ms (cache lookup, execution context, result wrapping) and
the ORM's unit of work as much again per flush; the sqlcipher cursor itself costs a
few µs. Values still go through the columns' own SQLAlchemy types (times and dates
as SQLAlchemy stores them, booleans as 0/1, read back as Python values), and columns
left out get their model's default, so the rows are those the ORM would write.

Objects the Session already holds do not see these writes: ``forget`` expires them.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from sqlalchemy import Table
from sqlalchemy.dialects.sqlite import pysqlite
from sqlalchemy.orm import Session, make_transient_to_detached

from models.base import utcnow

_DIALECT = pysqlite.dialect()  # every vault engine is SQLite through the pysqlite dialect (sqlcipher3)


def cursor(session: Session):
    """A DB-API cursor in ``session``'s transaction. The Session's pending changes are
    flushed first, so their rows (and history rows) come before these, as with the ORM."""
    session.flush()
    return session.connection().connection.driver_connection.cursor()


def fetch(session: Session, sql: str, params: Sequence = ()) -> list[tuple]:
    """The rows of one statement run on the DB-API cursor of ``session``'s transaction (the reads
    a screen makes after every save: SQLAlchemy's execute costs more than the statement)."""
    cur = cursor(session)
    try:
        return cur.execute(sql, params).fetchall()
    finally:
        cur.close()


class Rows:
    """One table's statements and conversions (module-level: built once per table)."""

    def __init__(self, table: Table):
        self.table = table
        self.name = table.name
        self.keys = tuple(c.key for c in table.columns)
        self._bind: dict[str, Callable | None] = {}
        self._result: dict[str, Callable | None] = {}
        for c in table.columns:
            impl = c.type.dialect_impl(_DIALECT)
            self._bind[c.key] = impl.bind_processor(_DIALECT)
            self._result[c.key] = impl.result_processor(_DIALECT, None)
        # What an ORM INSERT gives a column left out: its default, else NULL (none here has a server default)
        self._defaults = {
            c.key: c.default for c in table.columns if not c.primary_key and c.server_default is None
        }
        self.onupdate = {c.key: c.onupdate for c in table.columns if c.onupdate is not None}
        self._sql: dict[tuple, str] = {}

    # ---- values ----------------------------------------------------------------------
    def bind(self, key: str, value: Any) -> Any:
        process = self._bind[key]
        return value if process is None or value is None else process(value)

    def result(self, key: str, value: Any) -> Any:
        process = self._result[key]
        return value if process is None or value is None else process(value)

    def with_defaults(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` plus each column default they leave out (called now, as at an ORM flush)."""
        row = dict(values)
        if {"created_at", "updated_at"} <= self._defaults.keys() and not {"created_at", "updated_at"} & row.keys():
            row["created_at"] = row["updated_at"] = utcnow()  # one moment, as history gives a new record
        for key, default in self._defaults.items():
            if key not in row:
                row[key] = None if default is None else default.arg(None) if default.is_callable else default.arg
        return row

    def on_update(self) -> dict[str, Any]:
        """The values the columns' ``onupdate`` give an ORM UPDATE of a row (e.g. updated_at)."""
        return {key: d.arg(None) if d.is_callable else d.arg for key, d in self.onupdate.items()}

    # ---- statements ------------------------------------------------------------------
    def _statement(self, kind: str, keys: tuple, make: Callable[[], str]) -> str:
        sql = self._sql.get((kind, keys))
        if sql is None:
            sql = self._sql[(kind, keys)] = make()
        return sql

    def insert(self, cur, values: Mapping[str, Any]) -> int:
        """Insert one row (``values`` complete: see ``with_defaults``); returns its rowid."""
        keys = tuple(values)
        sql = self._statement("insert", keys, lambda: (
            f"INSERT INTO {self.name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"))
        cur.execute(sql, [self.bind(k, values[k]) for k in keys])
        return cur.lastrowid

    def insert_many(self, cur, keys: tuple[str, ...], rows: Iterable[Sequence[Any]]) -> None:
        sql = self._statement("insert", keys, lambda: (
            f"INSERT INTO {self.name} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})"))
        cur.executemany(sql, [[self.bind(k, v) for k, v in zip(keys, row)] for row in rows])

    def update(self, cur, row_id: int, values: Mapping[str, Any]) -> None:
        """UPDATE one row by id, setting exactly ``values`` (no onupdate: the caller decides)."""
        keys = tuple(values)
        sql = self._statement("update", keys, lambda: (
            f"UPDATE {self.name} SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?"))
        cur.execute(sql, [*(self.bind(k, values[k]) for k in keys), row_id])

    def select(self, cur, where: str, params: Sequence[Any], keys: tuple[str, ...] | None = None) -> list[dict]:
        """Rows as dicts of Python values (``keys``: the columns wanted, all by default)."""
        keys = keys or self.keys
        sql = self._statement(("select", where), keys, lambda: (
            f"SELECT {', '.join(keys)} FROM {self.name} WHERE {where}"))
        return [{k: self.result(k, v) for k, v in zip(keys, row)} for row in cur.execute(sql, params)]


_ROWS: dict[str, Rows] = {}


def rows(table: Table) -> Rows:
    found = _ROWS.get(table.name)
    if found is None:
        found = _ROWS[table.name] = Rows(table)
    return found


def marks(n: int) -> str:
    """``?, ?, ?`` for an IN list of n values."""
    return ", ".join("?" * n)


def forget(session: Session, model: type, ids: Iterable[int], attrs: Iterable[str] | None = None) -> None:
    """Objects of ``model`` with these ids that the Session holds re-read (``attrs`` of) their row."""
    ids = set(ids)
    if not ids:
        return
    for key, obj in list(session.identity_map.items()):
        if key[0] is model and key[1][0] in ids:
            session.expire(obj, None if attrs is None else list(attrs))


def attached(session: Session, model: type, values: Mapping[str, Any]):
    """The Session's object for this row, re-read on next use; or one built from ``values`` (a
    complete row just written), persistent and clean, its relationships loaded when used."""
    held = session.identity_map.get(session.identity_key(model, (values["id"],)))
    if held is not None:
        session.expire(held)
        return held
    obj = model(**values)
    make_transient_to_detached(obj)
    session.add(obj)
    return obj
