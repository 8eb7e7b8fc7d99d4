"""Backups as an operation (Paramètres' "Back up now", ``milieu backup``): a copy, then the
Law 25 pruning of backups older than the longest retention period."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation
from app.privacy import backups
from app.vault_backup import BACKUP_SUFFIX


@dataclass(frozen=True)
class BackupMade:
    path: Path
    pruned: int  # older backups deleted (they still held what retention erased)


@operation(Entity.AUDIT)
def back_up(session: Session, vault, folder: Path | None = None) -> Done:
    """``vault``'s copy in ``folder`` (default: its backups folder). The copy is made on its own
    connection before this session touches the database, so no write lock is held meanwhile."""
    path = vault.backup(folder)
    removed = backups.prune(session, [vault.paths.backups, Path(path).parent], BACKUP_SUFFIX, date.today())
    return Done(Changes.of(Entity.AUDIT), BackupMade(Path(path), len(removed)))
