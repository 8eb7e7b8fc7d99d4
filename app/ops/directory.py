"""Directory operations (Répertoire): import a directory file of any form, apply La Piaule's signed
directory file (worker), publish it (coordination), mark a changed service as seen; services edited,
added by hand or verified; the HSDS export."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.directory import services
from app.directory.hsds_export import export_csv, export_json
from app.directory.hsds_import import import_file
from app.directory.publication import apply as publication_apply
from app.directory.publication.publish import publish
from app.ops.changes import NOTHING, Changes, Done, Entity
from app.ops.registry import operation

DIRECTORY = Changes.of(Entity.DIRECTORY)


@operation(Entity.DIRECTORY)
def import_directory(session: Session, path: Path, *, skip_bad_rows: bool = False, source: str | None = None) -> Done:
    """HSDS 1.x-3.x, Open Referral UK, a datapackage or a .zip; the value is the ImportResult."""
    return Done(Changes.of(Entity.DIRECTORY), import_file(session, Path(path), skip_bad_rows=skip_bad_rows, source=source))


@operation(Entity.DIRECTORY, Entity.BUNDLE, Entity.SETTING)
def apply_directory_file(session: Session, data: bytes) -> Done:
    applied = publication_apply.apply_directory_file(session, data)
    if applied.replay:
        return Done(Changes(), applied)
    changes = Changes.of(Entity.DIRECTORY, Entity.SETTING) | (Changes.of(Entity.BUNDLE) if applied.receipts else ())
    return Done(changes, applied)


@operation(Entity.SETTING)
def publish_directory(session: Session, out_dir: Path) -> Done:
    return Done(Changes.of(Entity.SETTING), publish(session, Path(out_dir)))


@operation(Entity.DIRECTORY)
def mark_service_seen(session: Session, service_id: int) -> Done:
    publication_apply.mark_seen(session, service_id)
    return Done(Changes.of(Entity.DIRECTORY), service_id)


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


@operation()
def export(session: Session, fmt: str, target: Path) -> Done:
    """HSDS JSON in one file (``fmt="json"``) or CSV tables in a folder; the value is the service count.
    Writes files only: nothing in the vault changes."""
    count = export_json(session, Path(target)) if fmt == "json" else export_csv(session, Path(target))
    return Done(NOTHING, count)
