"""Directory operations (Répertoire): services edited or added by hand, verified, imported, exported."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.directory import services
from app.directory.hsds_export import export_csv, export_json
from app.directory.hsds_import import import_file as read_and_import
from app.ops.changes import NOTHING, Changes, Done, Entity
from app.ops.registry import operation

DIRECTORY = Changes.of(Entity.DIRECTORY)


@operation(Entity.DIRECTORY)
def save_service(session: Session, service_id: int | None, data: services.ServiceInput) -> Done:
    """Update ``service_id``, or add a service by hand when it is None; the value is the service's id."""
    if service_id:
        return Done(DIRECTORY, services.update_service(session, service_id, data))
    return Done(DIRECTORY, services.add_service(session, data))


@operation(Entity.DIRECTORY)
def mark_verified(session: Session, service_id: int, today: date | None = None) -> Done:
    services.mark_verified(session, service_id, today or date.today())
    return Done(DIRECTORY, service_id)


@operation(Entity.DIRECTORY)
def import_file(session: Session, path: Path, *, skip_bad_rows: bool = False) -> Done:
    """An Open Referral HSDS file or CSV folder; the value is the import's result (counts, skipped rows)."""
    result = read_and_import(session, Path(path), skip_bad_rows=skip_bad_rows)
    return Done(DIRECTORY, result)


@operation()
def export(session: Session, fmt: str, target: Path) -> Done:
    """HSDS JSON in one file (``fmt="json"``) or CSV tables in a folder; the value is the service count.
    Writes files only: nothing in the vault changes."""
    count = export_json(session, Path(target)) if fmt == "json" else export_csv(session, Path(target))
    return Done(NOTHING, count)
