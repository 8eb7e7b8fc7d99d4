"""Milieu's version, from one source: ``version`` in pyproject.toml.

An installed Milieu (pip, or the PyInstaller build, which ships the package metadata)
reads it with importlib.metadata; a source checkout that was never installed reads
pyproject.toml beside the packages.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata
from pathlib import Path

UNKNOWN = "0+unknown"


@lru_cache(maxsize=1)
def version() -> str:
    try:
        return metadata.version("milieu")
    except metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        import tomllib

        return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return UNKNOWN
