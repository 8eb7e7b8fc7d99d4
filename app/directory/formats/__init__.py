"""Read the directory files the world publishes, whatever their form, detected from content.

Forms: HSDS 3.x JSON (one service, a list, a paged list), HSDS 3.x tabular CSV,
HSDS 1.x/2.0 tabular CSV, a datapackage.json, a .zip of any of these, and Open
Referral UK 1.0 JSON. Each reader turns its form into HSDS 3 rows; the import
checks and writes them the same way. ``Reading.form`` says which form was read.
"""
from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from app.directory.formats import hsds3_json, oruk_json, tabular
from app.directory.formats.files import Files
from app.directory.formats.reading import Reading
from app.directory.records import UnreadableDirectoryFile

__all__ = ["Reading", "read_directory"]


def read_directory(path: Path, source: str | None = None) -> Reading:
    """The rows of the directory file or folder at ``path`` and which form it is.

    ``source`` names the publisher in the stable ids of non-UUID records; by
    default the file or folder name (without a version stamp), so keep it
    stable, or pass the same ``source`` again, to update in place on re-import.
    """
    path = Path(path)
    name = source or default_source(path)
    if path.is_dir():
        return tabular.read_tabular(Files.folder(path), name)
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return _read_zip(Files.zip(path), name)
    if path.name.lower() == "datapackage.json" or suffix == ".csv":
        return tabular.read_tabular(Files.folder(path.parent), name, "datapackage.json" if suffix == ".json" else "")
    if suffix == ".json":
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UnreadableDirectoryFile(f"{path.name} is not UTF-8 text.") from None
        return read_json_text(text, path.name, name, Files.folder(path.parent))
    raise UnreadableDirectoryFile(
        f"{path.name} is not an HSDS file: give an HSDS or Open Referral UK .json file, "
        "a folder of CSV tables, its datapackage.json, or a .zip of one of these."
    )


def default_source(path: Path) -> str:
    """The publisher's name as the path gives it: the folder above ``data/``, without a date stamp."""
    path = Path(path).resolve() if Path(path).exists() else Path(path)
    if path.name.lower() == "datapackage.json" or path.suffix.lower() == ".csv":
        path = path.parent
    if path.name.lower() == "data" and path.parent.name:
        path = path.parent
    stem = path.stem if path.is_file() or path.suffix.lower() in (".zip", ".json") else path.name
    return re.sub(r"[-_ ]?\d{8,}$", "", stem) or stem


def _read_zip(files: Files, source: str) -> Reading:
    if files.find("datapackage.json") or files.find("services.csv"):
        return tabular.read_tabular(files, source, f"{files.label}")
    jsons = [n for n in files.names() if n.lower().endswith(".json")]
    if len(jsons) == 1:
        return read_json_text(files.read_text(jsons[0]), PurePosixPath(jsons[0]).name, source, files, files.label)
    raise UnreadableDirectoryFile(f"{files.label} holds no directory: no services.csv, datapackage.json or single .json file.")


def read_json_text(text: str, file: str, source: str, beside: Files, container: str = "") -> Reading:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableDirectoryFile(f"{file} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
    where = f", in {container}" if container else ""
    if isinstance(doc, dict) and isinstance(doc.get("resources"), list):
        return tabular.read_tabular(beside, source, f"datapackage.json{where}")
    paged = ""
    if isinstance(doc, dict) and isinstance(doc.get("contents"), list):
        services, paged = doc["contents"], "paged list"
    elif isinstance(doc, dict) and isinstance(doc.get("content"), list):  # ORUK's paged /services
        services, paged = doc["content"], "paged list"
    elif isinstance(doc, list):
        services, paged = doc, "list"
    elif isinstance(doc, dict) and "name" in doc and "id" in doc:
        services, paged = [doc], "one service"
    else:
        raise UnreadableDirectoryFile(
            f"{file} holds no directory services (expected a service, a list of services or a paged list)."
        )
    if oruk_json.looks_like_oruk(services):
        reading = Reading(f"Open Referral UK 1.0 JSON ({paged} of {len(services)} services{where})", source)
        oruk_json.read_services(services, file, reading)
    else:
        reading = Reading(f"HSDS 3.x JSON ({paged} of {len(services)} services{where})", source)
        hsds3_json.read_services(services, file, reading)
    return reading
