"""Preferences needed before unlock. Only non-personal values belong here (the language,
the window's place on screen): everything else lives in the encrypted database."""
from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path

from app.atomic import atomic_write

LANGUAGES = ("fr_CA", "en")
DEFAULT_LANGUAGE = "fr_CA"
MAX_GEOMETRY_BYTES = 4096  # Qt's saveGeometry() is about 66 bytes: anything much larger is not ours


def _load(path: Path) -> dict:
    try:
        values = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}


def _save(path: Path, **changes) -> None:
    """Change some values, keep the others (the language survives a window move)."""
    values = _load(path)
    values.update(changes)
    atomic_write(path, json.dumps(values).encode(), vault_file=True)


def load_language(path: Path) -> str:
    value = _load(path).get("language")
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(path: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _save(path, language=language)


def load_window_geometry(path: Path) -> bytes | None:
    """The main window's geometry as Qt saved it at the last close, or None."""
    value = _load(path).get("window_geometry")
    if not isinstance(value, str) or len(value) > MAX_GEOMETRY_BYTES * 2:
        return None
    try:
        return base64.b64decode(value, validate=True) or None
    except (binascii.Error, ValueError):
        return None


def save_window_geometry(path: Path, geometry: bytes) -> None:
    if len(geometry) <= MAX_GEOMETRY_BYTES:
        _save(path, window_geometry=base64.b64encode(geometry).decode("ascii"))
