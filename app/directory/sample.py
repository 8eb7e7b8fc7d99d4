"""The sample directory shipped for demos: fictional organisations, clearly marked as such."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.directory.hsds_import import import_file
from app.directory.records import ImportResult

SAMPLE_DIRECTORY = Path(__file__).resolve().parents[2] / "resources" / "data" / "sample_directory.json"


def import_sample(session: Session) -> ImportResult:
    """Import (or refresh in place) the fictional sample directory."""
    return import_file(session, SAMPLE_DIRECTORY)
