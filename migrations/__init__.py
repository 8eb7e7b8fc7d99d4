"""Alembic environment and versions, run programmatically at unlock (see app.schema)."""
from pathlib import Path

SCRIPT_LOCATION = str(Path(__file__).resolve().parent)
