"""Export the directory in HSDS 3 form: the JSON paged service list, or CSV tables.

Everything the directory holds goes out, local knowledge included (as
attributes of the "milieu" taxonomy), so importing the export gives the same
directory back. Files are written atomically with owner-only permissions.
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from app.atomic import atomic_write, ensure_private_dir
from app import collector
from app.directory import local_terms
from app.directory.hsds_import import LINK_COLUMNS, TABLES, guessed_flags
from app.directory.hsds_read import CSV_TABLES
from app.directory.hsds_validate import FIELDS

# The tables Milieu stores, under the file names the reader expects (cost options are read, not kept).
CSV_FILES = {entity: name for name, entity in CSV_TABLES.items() if entity in TABLES}
_TERM_LINKS = {"parent_id": "parent_hsds_id", "taxonomy_id": "taxonomy_hsds_id"}


# Per entity, computed once: its links (file field, column, target) and its HSDS fields
# that are columns (with whether the value is a date to write as text).
_LINKS = {e: [(f, c, t) for f, (c, t) in LINK_COLUMNS.get(e, {}).items()] for e in TABLES}
_FIELDS = {
    e: [(f, isinstance(table.c[f].type, (Date, DateTime))) for f in FIELDS[e] if f in table.c]
    for e, table in TABLES.items()
}


def _rows(conn, table) -> list[dict]:
    result = conn.execute(select(table).order_by(table.c.id))
    keys = list(result.keys())
    return [dict(zip(keys, r)) for r in result.all()]


def _value(value):
    if isinstance(value, datetime):
        return value.isoformat() + "Z"  # stored as naive UTC
    if isinstance(value, date):
        return value.isoformat()
    return value


class _Snapshot:
    """Every directory row, as HSDS records keyed by the entity they belong to."""

    def __init__(self, session: Session):
        conn = session.connection()
        self.rows = {e: _rows(conn, t) for e, t in TABLES.items()}
        self.hsds = {e: {r["id"]: r["hsds_id"] for r in rows} for e, rows in self.rows.items()}
        # What a JSON export holds: locations through their services, organisations of services.
        self.held = {
            "location": {r["location_id"] for r in self.rows["service_at_location"]},
            "organization": {r["organization_id"] for r in self.rows["service"]},
        }
        self.nested = False

    def record(self, entity: str, row: dict) -> dict:
        out = {"id": row["hsds_id"]}
        for field, column, target in _LINKS[entity]:
            ref = row[column]
            if ref is None or (self.nested and target in self.held and ref not in self.held[target]):
                continue  # a JSON file names only what it holds, so it stands on its own
            out[field] = self.hsds[target][ref]
        if entity == "taxonomy_term":
            for field, column in _TERM_LINKS.items():
                if row.get(column):
                    out[field] = row[column]
        for field, dated in _FIELDS[entity]:
            value = row[field]
            if value is not None and value != "":
                out[field] = _value(value) if dated else value
        if row.get("description_source"):
            out["description"] = row["description_source"]  # the source's HTML, as it was given
        if entity == "attribute":
            out["link_entity"] = "service"
        if entity == "taxonomy_term":
            out.setdefault("description", "")
        if entity == "organization":
            out.setdefault("description", "")
        return out

    def local_attributes(self, service: dict) -> list[dict]:
        """What the worker knows: only what is known (a plain import's "not free" is "not said"),
        every field once the worker has edited or added the service."""
        out = []
        said = service["locally_edited_at"] is not None or service["added_by_hand"]
        guess = guessed_flags(service)  # a "false" that a re-import would read as "true" is said
        for code, (column, kind, _name) in local_terms.LOCAL_FIELDS.items():
            value = service[column]
            if not value and not said and not guess.get(column):
                continue
            out.append({
                "id": local_terms.attribute_id(service["hsds_id"], code),
                "link_id": service["hsds_id"],
                "taxonomy_term_id": local_terms.term_id(code),
                "link_type": "local",
                "link_entity": "service",
                "value": ("true" if value else "false") if kind == "bool" else (value or ""),
            })
        return out

    @staticmethod
    def local_terms() -> list[dict]:
        return [
            {"id": local_terms.term_id(code), "code": code, "name": name,
             "description": "Milieu local field", "taxonomy": local_terms.TAXONOMY}
            for code, (_column, _kind, name) in local_terms.LOCAL_FIELDS.items()
        ]


# ---- JSON -----------------------------------------------------------------
def services_json(session: Session) -> dict:
    """The directory as an HSDS 3 paged service list (each item: the full service form)."""
    with collector.paused():
        return _services_json(session)


def _services_json(session: Session) -> dict:
    snap = _Snapshot(session)
    snap.nested = True
    by = defaultdict(lambda: defaultdict(list))  # entity -> (column, id) -> records
    for entity in ("phone", "schedule", "language", "address", "service_at_location", "attribute"):
        for row in snap.rows[entity]:
            record = snap.record(entity, row)
            for column in ("service_id", "location_id", "organization_id", "service_at_location_id",
                           "phone_id", "term_id"):
                if row.get(column) is not None:
                    by[entity][(column, row[column])].append((row, record))

    def phones(column, key):
        out = []
        for row, record in by["phone"][(column, key)]:
            langs = [r for _, r in by["language"][("phone_id", row["id"])]]
            out.append(dict(record, languages=langs) if langs else record)
        return out

    def plain(entity, column, key):
        return [record for _, record in by[entity][(column, key)]]

    orgs = {r["id"]: r for r in snap.rows["organization"]}
    locations = {r["id"]: r for r in snap.rows["location"]}
    terms = {r["id"]: r for r in snap.rows["taxonomy_term"]}
    local_defs = {t["id"]: t for t in snap.local_terms()}
    # An organisation or a category is the same record under each of its services: built once.
    org_records: dict[int, dict] = {}
    term_records: dict[int, dict] = {}

    def organization(org_id):
        if org_id not in org_records:
            org = snap.record("organization", orgs[org_id])
            org_phones = phones("organization_id", org_id)
            org_records[org_id] = dict(org, phones=org_phones) if org_phones else org
        return org_records[org_id]

    def term(term_id):
        if term_id not in term_records:
            term_records[term_id] = snap.record("taxonomy_term", terms[term_id])
        return term_records[term_id]

    contents = []
    services = sorted(snap.rows["service"], key=lambda r: (r["name"].casefold(), r["hsds_id"]))
    for svc in services:
        item = snap.record("service", svc)
        if svc["organization_id"] in orgs:
            item["organization"] = organization(svc["organization_id"])
        _put(item, "phones", phones("service_id", svc["id"]))
        _put(item, "schedules", plain("schedule", "service_id", svc["id"]))
        _put(item, "languages", plain("language", "service_id", svc["id"]))
        sals = []
        for sal_row, sal in by["service_at_location"][("service_id", svc["id"])]:
            loc_row = locations[sal_row["location_id"]]
            loc = snap.record("location", loc_row)
            _put(loc, "addresses", plain("address", "location_id", loc_row["id"]))
            _put(loc, "phones", phones("location_id", loc_row["id"]))
            _put(loc, "schedules", plain("schedule", "location_id", loc_row["id"]))
            _put(loc, "languages", plain("language", "location_id", loc_row["id"]))
            sal = dict(sal, location=loc)
            _put(sal, "schedules", plain("schedule", "service_at_location_id", sal_row["id"]))
            sals.append(sal)
        _put(item, "service_at_locations", sals)
        attributes = []
        for row, record in by["attribute"][("service_id", svc["id"])]:
            attributes.append(dict(record, taxonomy_term=term(row["term_id"])))
        for record in snap.local_attributes(svc):
            attributes.append(dict(record, taxonomy_term=local_defs[record["taxonomy_term_id"]]))
        item["attributes"] = attributes
        contents.append(item)
    return {
        "total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
        "first_page": True, "last_page": True, "empty": not contents, "contents": contents,
    }


def _put(obj: dict, key: str, items: list) -> None:
    if items:
        obj[key] = items


def export_json(session: Session, target: Path) -> int:
    doc = services_json(session)
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write(Path(target), data + b"\n")
    return doc["total_items"]


# ---- CSV ------------------------------------------------------------------
def _columns(entity: str) -> list[str]:
    links = list(LINK_COLUMNS.get(entity, {}))
    if entity == "taxonomy_term":
        links = list(_TERM_LINKS)
    extra = ["link_entity"] if entity == "attribute" else []
    fields = [f for f in FIELDS[entity] if f not in extra and f not in links]
    return ["id", *links, *fields, *extra]


def export_csv(session: Session, folder: Path) -> int:
    """HSDS tabular form: one CSV per table in ``folder`` (created owner-only if new; an
    existing folder the user chose keeps its permissions, the files are owner-only)."""
    folder = Path(folder)
    if not folder.exists():
        ensure_private_dir(folder)
    snap = _Snapshot(session)
    for entity, name in CSV_FILES.items():
        records = [snap.record(entity, row) for row in snap.rows[entity]]
        if entity == "taxonomy_term":
            records += snap.local_terms()
        if entity == "attribute":
            for svc in snap.rows["service"]:
                records += snap.local_attributes(svc)
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=_columns(entity), extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: _csv_value(v) for k, v in record.items()})
        atomic_write(folder / name, buffer.getvalue().encode("utf-8"))
    return len(snap.rows["service"])


def _csv_value(value):
    if isinstance(value, float) and value.is_integer():
        return repr(value)
    return value
