"""The directory file readers, by their older entry point (see app.directory.formats)."""
from __future__ import annotations

from pathlib import Path

from app.directory.formats import read_directory
from app.directory.formats.tabular import HSDS3_TABLES
from app.directory.records import Row

# HSDS 3 CSV file names -> entity (the export writes these).
CSV_TABLES = {f"{name}.csv": entity for name, entity in HSDS3_TABLES.items()}


def read_hsds(path: Path) -> list[Row]:
    return read_directory(Path(path)).rows
