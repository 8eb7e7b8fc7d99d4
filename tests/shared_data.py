"""Where the shared data (../shared/data beside the repository) is, for tests that read it.

A test that needs it fails when it is missing (never skips): CI clones shared/ beside the repo.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
SHARED = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
REAL = SHARED / "hsds-real"
SCHEMA = SHARED / "hsds-schema" / "compiled" / "service_with_definitions.json"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read ../shared/data beside the repository.")
    return path
