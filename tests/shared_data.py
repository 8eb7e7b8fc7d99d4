"""Where the shared data (../shared/data beside the repository) is, for tests that read it.

A test that needs it fails when it is missing (never skips): CI clones shared/ beside the repo.
"""
from __future__ import annotations

import functools
import os
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


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def needs(folder: Path):
    """Decorator: run the test when ``folder`` exists; otherwise skip it locally, but fail it
    under CI=true (a CI clone has shared/ beside it: a missing folder is a broken setup)."""

    def decorate(test):
        if folder.is_dir():
            return test
        reason = f"{folder} is missing (the shared data beside the repository)"
        if not under_ci():
            return pytest.mark.skip(reason=reason)(test)

        @functools.wraps(test)
        def missing(*args, **kwargs):
            pytest.fail(f"{reason}; under CI=true that is a failure, not a skip")

        return missing

    return decorate
