"""Tabular HSDS: a folder of CSV tables, its datapackage.json, or a .zip of either.

The datapackage's resource paths are honoured; a path that is not there is
looked for under ``data/`` and then beside the other tables (real packages get
this wrong). The table names tell the HSDS version: 3.x (schedules.csv,
addresses.csv...) or 1.x/2.0 (regular_schedules.csv, physical_addresses.csv...);
services that name their location_id are the older Ohana API layout.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import PurePosixPath

from app.directory.formats import legacy_csv, ohana_csv
from app.directory.formats.files import Files
from app.directory.formats.reading import Reading
from app.directory.records import Row, UnreadableDirectoryFile

# A 145 KB description is ordinary in real feeds: no field limit but memory.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

HSDS3_TABLES = {
    "taxonomy_terms": "taxonomy_term", "organizations": "organization", "locations": "location",
    "addresses": "address", "services": "service", "service_at_location": "service_at_location",
    "phones": "phone", "schedules": "schedule", "languages": "language", "attributes": "attribute",
    "cost_options": "cost_option",
}


def find_tables(files: Files) -> tuple[dict[str, str], str, list[str]]:
    """table name -> path, how they were found, and resources the package lists but lacks."""
    packages = files.find("datapackage.json")
    missing: list[str] = []
    if packages:
        try:
            tables, missing = _package_tables(files, packages[0])
        except UnreadableDirectoryFile:
            tables = {}  # an unreadable package: its tables may still be beside it
        if "services" in tables:
            return tables, "datapackage.json", missing
    hits = files.find("services.csv")
    if not hits:
        where = "its datapackage.json names no services table and " if packages else ""
        raise UnreadableDirectoryFile(
            f"{files.label}: {where}no services.csv was found: it is not an HSDS tabular export."
        )
    folder = str(PurePosixPath(hits[0]).parent)
    tables = {
        PurePosixPath(n).stem.lower(): n for n in files.names()
        if str(PurePosixPath(n).parent) == folder and n.lower().endswith(".csv")
    }
    return tables, "CSV tables", missing


def _package_tables(files: Files, package: str) -> tuple[dict[str, str], list[str]]:
    try:
        doc = json.loads(files.read_text(package))
    except json.JSONDecodeError as exc:
        raise UnreadableDirectoryFile(f"datapackage.json is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    base = PurePosixPath(package).parent
    names = set(files.names())
    tables, missing = {}, []
    for resource in doc.get("resources") or [] if isinstance(doc, dict) else []:
        if not isinstance(resource, dict):
            continue
        paths = resource.get("path")
        paths = paths if isinstance(paths, list) else [paths]
        for path in paths:
            if not isinstance(path, str) or not path.lower().endswith(".csv"):
                continue
            found = _locate(names, base, path)
            if found:
                tables[PurePosixPath(path).stem.lower()] = found
            else:
                missing.append(path)
    return tables, missing


def _locate(names: set[str], base: PurePosixPath, path: str) -> str | None:
    for candidate in (base / path, base / "data" / path, base / "data" / PurePosixPath(path).name):
        text = str(candidate).lstrip("./") if str(candidate).startswith("./") else str(candidate)
        if text in names:
            return text
    return None


def read_table(files: Files, path: str) -> list[dict]:
    """Records of one CSV table, each with ``__row__`` (the spreadsheet row, header = 1)."""
    name = PurePosixPath(path).name
    try:
        reader = csv.reader(io.StringIO(files.read_text(path), newline=""))
        header = [(k or "").strip().lower() for k in next(reader, [])]
        width = len(header)
        out = []
        for number, values in enumerate(reader, start=2):
            data = {}
            for key, value in zip(header, values):
                value = value.strip()
                data[key] = value or None
            if len(values) < width:
                data.update(dict.fromkeys(header[len(values):]))
            data["__row__"] = number
            out.append(data)
        return out
    except csv.Error as exc:
        raise UnreadableDirectoryFile(f"{name} is not a readable CSV table ({exc}).") from None


def read_tabular(files: Files, source: str, how: str = "") -> Reading:
    tables, found_by, missing = find_tables(files)
    loaded = {name: (PurePosixPath(path).name, read_table(files, path)) for name, path in tables.items()}
    ohana = ohana_csv.is_ohana(loaded)
    legacy = legacy_csv.is_legacy(tables)
    version = "Ohana API CSV" if ohana else legacy_csv.version(tables) if legacy else "HSDS 3.x tabular CSV"
    reading = Reading(f"{version} ({how or found_by})", source)
    if missing:
        reading.note(f"datapackage.json lists {len(missing)} tables that are not there "
                     f"({', '.join(sorted(missing)[:4])}{'...' if len(missing) > 4 else ''}): read past.")
    if ohana:
        ohana_csv.convert(loaded, reading)
        return reading
    if legacy:
        legacy_csv.convert(loaded, reading)
        return reading
    skipped = []
    for name, (file, records) in loaded.items():
        entity = HSDS3_TABLES.get(name)
        if entity is None:
            skipped.append(file)
            continue
        for record in records:
            number = record.pop("__row__")
            reading.rows.append(Row(entity, file, number, record))
    if skipped:
        reading.note(f"Tables outside Milieu's subset, read past: {', '.join(sorted(skipped))}.")
    return reading
