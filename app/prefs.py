"""Preferences needed before unlock. Only non-personal values belong here (the language):
everything else lives in the encrypted database."""
from __future__ import annotations

import json
from pathlib import Path

from app.atomic import atomic_write

LANGUAGES = ("fr_CA", "en")
DEFAULT_LANGUAGE = "fr_CA"


def load_language(path: Path) -> str:
    try:
        value = json.loads(Path(path).read_text("utf-8")).get("language")
    except (OSError, ValueError, AttributeError):
        return DEFAULT_LANGUAGE
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(path: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    atomic_write(path, json.dumps({"language": language}).encode(), vault_file=True)
