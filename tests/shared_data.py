"""The shared real data beside the repository (../shared/data): skipped locally, required under CI.

A CI clone has shared/ beside it, so a missing folder there is a broken setup,
never a reason to pass: under CI=true the test fails instead of skipping.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def needs(folder: Path):
    """Decorator: run the test when ``folder`` exists; otherwise skip it, or fail it under CI."""

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
