"""Erase fields of many records at once, in the records and in their history.

Retention must leave no copy of what it erases: each record's earlier versions in
``record_version`` are rewritten without those fields, and one new version is logged
per record so the next bundle narrows La Piaule's copy the same way. Everything is
set-based SQL (SQLite's json_replace on the history) over a temporary table of the
chosen ids, so 100,000 records take a few statements and seconds.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from typing import Callable, Iterator

from sqlalchemy import Column, Integer, MetaData, Table, func, insert, literal, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.history import UPDATE
from models.history import RecordVersion

# column name -> SQL value, given the record's id column (a constant, or e.g. a text built from the id)
Values = dict[str, Callable[[ColumnElement], ColumnElement]]

# In memory (the vault sets temp_store = MEMORY): the ids never reach a plaintext file.
_chosen = Table("scrub_chosen", MetaData(), Column("id", Integer, primary_key=True), prefixes=["TEMPORARY"])


@contextmanager
def _chosen_ids(session: Session, ids: list[int]) -> Iterator[Table]:
    conn = session.connection()
    _chosen.create(conn, checkfirst=True)
    conn.execute(_chosen.delete())
    conn.exec_driver_sql("INSERT INTO scrub_chosen (id) VALUES (?)", [(id_,) for id_ in ids])
    try:
        yield _chosen
    finally:
        _chosen.drop(conn)


def _json_args(values: Values, id_of_record: ColumnElement) -> list:
    args: list = []
    for name, value in values.items():
        args += [literal(f"$.{name}"), value(id_of_record)]
    return args


def scrub(
    session: Session, table: Table, ids: list[int], values: Values, *, changed_by: str, now: datetime,
    derived: Values | None = None,
) -> int:
    """Set ``values`` on the records ``ids`` of ``table``, in every logged snapshot too, and log a new version.

    ``derived``: columns set on the records only (computed from others, kept out of history).
    """
    if not ids:
        return 0
    rv = RecordVersion.__table__
    now_text = now.isoformat()
    fields = ",".join(sorted(values))
    with _chosen_ids(session, ids) as chosen:
        picked = table.c.id.in_(select(chosen.c.id))
        record_id = select(table.c.id).where(table.c.uid == rv.c.uid).scalar_subquery()
        in_history = (rv.c.entity == table.name) & rv.c.uid.in_(select(table.c.uid).where(picked))
        session.execute(
            update(rv).where(in_history).values(data=func.json_replace(rv.c.data, *_json_args(values, record_id)))
        )
        latest = select(func.max(rv.c.id)).where(in_history).group_by(rv.c.uid)
        session.execute(insert(rv).from_select(
            ["entity", "uid", "version", "op", "changed_at", "changed_by", "data", "changed_fields"],
            select(
                rv.c.entity, rv.c.uid, rv.c.version + 1, literal(UPDATE), literal(now), literal(changed_by),
                func.json_replace(rv.c.data, "$.version", rv.c.version + 1, "$.updated_at", now_text),
                literal(fields),
            ).where(rv.c.id.in_(latest)),
        ))
        session.execute(
            update(table).where(picked).values(
                {**{name: value(table.c.id) for name, value in {**values, **(derived or {})}.items()},
                 "version": table.c.version + 1, "updated_at": now}
            )
        )
    return len(ids)


def constant(value) -> Callable[[ColumnElement], ColumnElement]:
    return lambda _id: literal(value)
