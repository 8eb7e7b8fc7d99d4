"""Import HSDS data into the directory: all or nothing, updates in place by HSDS id.

Bad rows are reported (file, row, field, why) and nothing is written unless the
caller asks to skip them. Writing uses bulk Core statements: a 10,000-service
file imports in seconds.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.database import bulk_cache
from app import collector
from app.directory import search_index
from app.directory.hours import derived
from app.directory.formats import Reading, read_directory
from app.directory.formats.html_text import looks_like_html, plain_text
from app.directory.hsds_validate import Checked, Clean, check_rows
from app.directory.search import fold
from app.directory.records import ENTITIES, DirectoryImportRejected, ImportResult, NothingImported, Row
from models.base import utcnow
from models.directory import (
    DirAddress, DirLanguage, DirLocation, DirOrganization, DirPhone, DirSchedule, DirService,
    DirServiceAtLocation, DirServiceTerm, DirTaxonomyTerm,
)

TABLES = {
    "taxonomy_term": DirTaxonomyTerm.__table__,
    "organization": DirOrganization.__table__,
    "location": DirLocation.__table__,
    "address": DirAddress.__table__,
    "service": DirService.__table__,
    "service_at_location": DirServiceAtLocation.__table__,
    "phone": DirPhone.__table__,
    "schedule": DirSchedule.__table__,
    "language": DirLanguage.__table__,
    "attribute": DirServiceTerm.__table__,
}

# link field in the file -> (column, entity whose id map resolves it)
LINK_COLUMNS = {
    "address": {"location_id": ("location_id", "location")},
    "service": {"organization_id": ("organization_id", "organization")},
    "service_at_location": {"service_id": ("service_id", "service"), "location_id": ("location_id", "location")},
    "phone": {
        "service_id": ("service_id", "service"), "location_id": ("location_id", "location"),
        "organization_id": ("organization_id", "organization"),
    },
    "schedule": {
        "service_id": ("service_id", "service"), "location_id": ("location_id", "location"),
        "service_at_location_id": ("service_at_location_id", "service_at_location"),
    },
    "language": {
        "service_id": ("service_id", "service"), "location_id": ("location_id", "location"),
        "phone_id": ("phone_id", "phone"),
    },
    "attribute": {"link_id": ("service_id", "service"), "taxonomy_term_id": ("term_id", "taxonomy_term")},
}

_LINK_ITEMS = {e: [(f, c, t) for f, (c, t) in LINK_COLUMNS.get(e, {}).items()] for e in TABLES}
# Entities other rows link to: their stored ids are read back after writing them.
_LINKED = {target for links in LINK_COLUMNS.values() for _column, target in links.values()} | {"organization"}

# Records that only make sense attached to something Milieu holds.
NEEDS_A_LINK = {"phone", "schedule", "language"}

_FREE = re.compile(r"\b(gratuit\w*|free( of charge)?|no (cost|charge|fee)s?|aucun(s)? frais|sans frais)\b", re.I)
_WALK_IN = re.compile(r"\b(sans rendez-vous|walk-?ins?|drop-?in)\b", re.I)
_CHUNK = 500


def import_file(session: Session, path: Path, *, skip_bad_rows: bool = False, source: str | None = None) -> ImportResult:
    return import_reading(session, read_directory(Path(path), source), skip_bad_rows=skip_bad_rows)


def import_rows(session: Session, rows: list[Row], *, skip_bad_rows: bool = False, source: str = "") -> ImportResult:
    return import_reading(session, Reading("HSDS rows", source, rows), skip_bad_rows=skip_bad_rows)


def import_reading(session: Session, reading: Reading, *, skip_bad_rows: bool = False) -> ImportResult:
    with collector.paused(), bulk_cache(session):
        return _import(session.connection(), reading, skip_bad_rows)


def _import(conn, reading: Reading, skip_bad_rows: bool) -> ImportResult:
    known = {entity: _id_map(conn, entity) for entity in ENTITIES}  # hsds id -> stored id
    sal = DirServiceAtLocation.__table__
    svc = DirService.__table__
    sal_service = dict(conn.execute(select(sal.c.hsds_id, svc.c.hsds_id).join(svc, svc.c.id == sal.c.service_id)).all())

    checked = check_rows(reading.rows, known, sal_service, reading.source)
    errors = reading.problems + checked.errors
    if errors and not skip_bad_rows:
        raise DirectoryImportRejected(errors)
    if not checked.rows["service"] and not checked.local_fields:
        raise NothingImported(len(errors))
    result = ImportResult(skipped=errors, form=reading.form, notes=list(reading.notes),
                          warnings=list(checked.warnings), left_out=dict(checked.left_out))
    search_index.ensure(conn)
    _write(conn, checked, known, result)
    _keep_source_ids(conn, checked, reading.source)
    search_index.reindex(conn, result.service_ids)
    if len(result.service_ids) >= search_index.OPTIMIZE_AFTER:
        search_index.optimize(conn)
    return result


def _keep_source_ids(conn, checked: Checked, source: str) -> None:
    if checked.source_ids:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO dir_source_id (entity, hsds_id, source, source_id) VALUES (?, ?, ?, ?)",
            [(entity, hsds_id, source, raw) for (entity, hsds_id), raw in checked.source_ids.items()],
        )


def _id_map(conn, entity: str) -> dict[str, int]:
    table = TABLES[entity]
    return dict(conn.execute(select(table.c.hsds_id, table.c.id)).all())


def _write(conn, checked: Checked, known: dict[str, dict[str, int]], result: ImportResult) -> None:
    ids: dict[str, dict[str, int]] = {}
    new_services: set[str] = set()
    # Organisations and categories new or renamed: their names are indexed with their services.
    renamed: dict[str, list] = {"organization": [], "taxonomy_term": []}
    for entity in ENTITIES:
        table = TABLES[entity]
        existing = known[entity]
        inserts, updates = [], []
        for hsds_id, clean in checked.rows[entity].items():
            values = _columns(entity, clean, ids)
            if values is None:
                continue
            if hsds_id in existing:
                values["_id"] = existing[hsds_id]
                updates.append(values)
            else:
                values["hsds_id"] = hsds_id
                inserts.append(values)
        if entity == "service":
            new_services = {v["hsds_id"] for v in inserts}
            now = utcnow()
            for values in inserts:
                _guess_local_fields(values, checked)
                values["imported_at"] = now
            for values in updates:
                values["imported_at"] = now
        if entity in renamed:
            renamed[entity] = _renamed(conn, table, updates)
        if inserts:
            _insert_many(conn, table, inserts)
        for group in _by_keys(updates):
            _update_many(conn, table, group)
        result.created[entity] = len(inserts)
        result.updated[entity] = len(updates)
        ids[entity] = _id_map(conn, entity) if (inserts or known[entity]) and entity in _LINKED else {}
        if entity in renamed:
            renamed[entity] += [ids[entity][v["hsds_id"]] for v in inserts]
        if entity == "service":
            _apply_local_fields(conn, checked, ids["service"])
            result.service_ids = {ids["service"][h] for h in checked.rows["service"]}
            result.service_ids |= {ids["service"][h] for h in checked.local_fields if h in ids["service"]}
    _drop_stale_children(conn, checked, ids, set(checked.rows["service"]) - new_services)
    result.service_ids |= _services_of(conn, renamed["organization"], renamed["taxonomy_term"])


def _renamed(conn, table, updates: list[dict]) -> list[int]:
    """Stored ids of the rows whose indexed names these updates change (a weekly file renames
    few organisations: the services of the others need no new index text)."""
    if not updates:
        return []
    columns = [c for c in ("name", "alternate_name") if c in table.c]
    stored = {r[0]: tuple(r[1:]) for r in conn.execute(select(table.c.id, *[table.c[c] for c in columns]))}
    return [u["_id"] for u in updates if tuple(u.get(c) for c in columns) != stored.get(u["_id"])]


def _columns(entity: str, clean: Clean, ids: dict[str, dict[str, int]]) -> dict | None:
    values = dict(clean.values)
    if entity == "taxonomy_term":
        values["taxonomy_hsds_id"] = clean.links.get("taxonomy_id")
        values["parent_hsds_id"] = clean.links.get("parent_id")
        values["description"] = values.get("description") or ""
        return values
    if entity == "organization":
        values["description"] = values.get("description") or ""
    if entity == "location":
        values["location_type"] = values.get("location_type") or "physical"
    if entity in ("organization", "service", "location"):
        _plain_descriptions(values)
    linked = False
    links = clean.links
    for field, column, target in _LINK_ITEMS[entity]:
        ref = links.get(field)
        stored = ids[target].get(ref) if ref else None
        values[column] = stored
        linked = linked or stored is not None
    if entity in NEEDS_A_LINK and not linked:
        return None
    if entity == "attribute":
        values.pop("link_entity", None)
    if entity == "service":
        values["sort_name"] = fold(values["name"])
    if entity == "schedule":
        values.update(derived(values["opens_at"], values["closes_at"], values["byday"], values["freq"]))
    if entity == "language" and values.get("code"):
        values["code"] = values["code"].lower()
    return values


def _plain_descriptions(values: dict) -> None:
    """HTML is shown and searched as plain text; the source's HTML is kept for export."""
    text = values.get("description")
    values["description_source"] = text if looks_like_html(text) else None
    if values["description_source"] is not None:
        values["description"] = plain_text(text)
    for field in ("eligibility_description", "fees_description", "application_process"):
        if looks_like_html(values.get(field)):
            values[field] = plain_text(values[field])


_PLAIN = {str, int, float, type(None)}


def _sql_value(value):
    """As SQLAlchemy's SQLite types store them (the bulk writes below skip its per-row layer)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _insert_many(conn, table, rows: list[dict]) -> None:
    """One executemany through the driver: tens of thousands of rows in a fraction of a second."""
    keys = sorted(set().union(*rows))
    for column in table.c:  # scalar column defaults the rows leave out
        if column.name not in keys and column.default is not None and column.default.is_scalar:
            keys.append(column.name)
            for row in rows:
                row[column.name] = column.default.arg
    # Column by column (C loops, not Python ones): a column no row fills is left to be NULL,
    # since binding a parameter costs more than storing it (a schedule has ~20 columns,
    # most of them empty); values of other types than the driver's are converted.
    kept, columns = [], []
    for key, values in zip(keys, zip(*[tuple(map(row.get, keys)) for row in rows])):
        if values.count(None) == len(values) and not _has_default(table.c[key]):
            continue
        if not set(map(type, values)) <= _PLAIN:
            values = tuple(map(_sql_value, values))
        kept.append(key)
        columns.append(values)
    sql = f"INSERT INTO {table.name} ({', '.join(kept)}) VALUES ({', '.join('?' * len(kept))})"
    conn.exec_driver_sql(sql, list(zip(*columns)))


def _has_default(column) -> bool:
    return column.default is not None or column.server_default is not None


def _update_many(conn, table, rows: list[dict]) -> None:
    keys = [k for k in rows[0] if k != "_id"]
    sql = f"UPDATE {table.name} SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?"
    conn.exec_driver_sql(sql, [tuple(_sql_value(row[k]) for k in keys) + (row["_id"],) for row in rows])


def _by_keys(rows: list[dict]) -> list[list[dict]]:
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        # A link the file leaves empty keeps the stored one.
        clean = {k: v for k, v in row.items() if not (k.endswith("_id") and k != "_id" and v is None)}
        groups.setdefault(tuple(sorted(clean)), []).append(clean)
    return list(groups.values())


def guessed_flags(values: dict, amounts: list[float] = ()) -> dict[str, bool]:
    """"Free" and "walk-in" as a plain HSDS import reads them from a new service's texts."""
    fees = values.get("fees_description") or ""
    process = " ".join(filter(None, (values.get("application_process"), values.get("description"))))
    return {
        "is_free": bool((amounts and all(a == 0 for a in amounts)) or _FREE.search(fees)),
        "walk_in": bool(_WALK_IN.search(process)),
    }


def _guess_local_fields(values: dict, checked: Checked) -> None:
    """A new service from a plain HSDS file: read "free" and "walk-in" from its texts."""
    values.update(guessed_flags(values, checked.cost_amounts.get(values["hsds_id"], [])))
    values["local_notes"] = ""
    values["closed_on_holidays"] = False
    values["added_by_hand"] = False


def _apply_local_fields(conn, checked: Checked, service_ids: dict[str, int]) -> None:
    """Local fields carried by a Milieu export overwrite the stored ones."""
    table = TABLES["service"]
    for hsds_id, columns in checked.local_fields.items():
        if hsds_id in service_ids:
            conn.execute(update(table).where(table.c.id == service_ids[hsds_id]).values(**columns))


def _drop_stale_children(conn, checked: Checked, ids, updated_services: set[str]) -> None:
    """A service present in the file and already stored: what the file no longer lists goes."""
    if not updated_services:
        return
    service_ids = [ids["service"][h] for h in updated_services]
    for entity in ("service_at_location", "attribute", "phone", "schedule", "language"):
        table = TABLES[entity]
        in_file = set(checked.rows[entity])
        shared = [c for c in ("location_id", "organization_id", "service_at_location_id", "phone_id")
                  if c in table.c and entity != "service_at_location"]
        for chunk in _chunks(service_ids):
            cols = [table.c.id, table.c.hsds_id, *[table.c[c] for c in shared]]
            stale = [r for r in conn.execute(select(*cols).where(table.c.service_id.in_(chunk))) if r.hsds_id not in in_file]
            gone = [r.id for r in stale if not any(getattr(r, c) for c in shared)]
            kept = [r.id for r in stale if any(getattr(r, c) for c in shared)]
            if gone:
                conn.execute(delete(table).where(table.c.id.in_(gone)))
            if kept:
                conn.execute(update(table).where(table.c.id.in_(kept)).values(service_id=None))


def _services_of(conn, org_ids: list[int], term_ids: list[int]) -> set[int]:
    found: set[int] = set()
    svc, link = TABLES["service"], TABLES["attribute"]
    for chunk in _chunks(org_ids):
        found |= set(conn.execute(select(svc.c.id).where(svc.c.organization_id.in_(chunk))).scalars())
    for chunk in _chunks(term_ids):
        found |= set(conn.execute(select(link.c.service_id).where(link.c.term_id.in_(chunk))).scalars())
    return found


def _chunks(items: list) -> list[list]:
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
