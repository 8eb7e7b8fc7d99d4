"""Directory operations: import a directory file of any form, apply La Piaule's signed
directory file (worker), publish it (coordination), mark a changed service as seen."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.directory.hsds_import import import_file
from app.directory.publication import apply as publication_apply
from app.directory.publication.publish import publish
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation


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
