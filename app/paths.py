"""Where Milieu keeps its files.

Order: ``--data-dir`` > ``MILIEU_DATA_DIR`` > the platform's user data folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.atomic import ensure_private_dir

ENV_DATA_DIR = "MILIEU_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir  # only without --data-dir or MILIEU_DATA_DIR (cold start)

    return Path(user_data_dir("milieu", appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "milieu.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "milieu.key"

    @property
    def prefs(self) -> Path:
        """Non-personal preferences needed before unlock (language only)."""
        return self.root / "prefs.json"

    @property
    def lock(self) -> Path:
        """Advisory lock file (app.filelock): held shared while the vault is unlocked."""
        return self.root / "milieu.lock"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> "DataPaths":
        ensure_private_dir(self.root)
        ensure_private_dir(self.backups)
        return self
