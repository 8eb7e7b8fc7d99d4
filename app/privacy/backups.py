"""Backups follow retention too: a backup older than the longest retention period still
holds what retention erased, so it is deleted at the next backup (with a message)."""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app import audit
from app.privacy import retention

_STAMP = re.compile(r"^milieu-(\d{8})-")


def _taken_on(path: Path) -> date:
    match = _STAMP.match(path.name)
    if match:
        try:
            return datetime.strptime(match.group(1), "%Y%m%d").date()
        except ValueError:
            pass
    return date.fromtimestamp(path.stat().st_mtime)


def prune(session: Session, folders: list[Path], suffix: str, today: date) -> list[Path]:
    """Delete this vault's backups (``milieu-*<suffix>``) taken before the longest retention period."""
    keep_from = retention.cutoff(today, max(retention.rules(session).values())).date()
    removed = []
    for folder in dict.fromkeys(folders):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"milieu-*{suffix}")):
            if _taken_on(path) < keep_from:
                path.unlink()
                removed.append(path)
    if removed:
        audit.record(session, "backups_pruned", f"count={len(removed)}")
    return removed
