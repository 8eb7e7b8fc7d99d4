"""Bundle operations: export and write again (worker), import several files (coordination),
and the public keys each side trusts."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.atomic import read_limited
from app.errors import MilieuError
from app.ops.changes import NOTHING, Changes, Done, Entity
from app.ops.registry import operation
from app.sync import envelope, export, importer, keys
from app.sync import store as coordination_store

MAX_BUNDLE_FILE = 200 * 1024 * 1024


@dataclass(frozen=True)
class Imported:
    """One file of an import: ``result`` (an importer.ImportResult) or ``error`` (why it was refused)."""

    name: str
    result: object = None
    error: BaseException | None = None
    unreadable: bool = False


@operation(Entity.BUNDLE, Entity.SETTING, Entity.AUDIT)
def export_bundle(session: Session, folder: Path, *, full: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> Done:
    """Write the next bundle into ``folder``; recorded only once the file is whole (value: ExportResult).
    ``progress(done, total)`` before each step (reading the changes, encoding and sealing, writing)."""
    result = export.export_bundle(session, Path(folder), full=full, progress=progress)
    return Done(Changes.of(Entity.BUNDLE, Entity.SETTING, Entity.AUDIT), result)


@operation()
def rewrite_bundle(session: Session, sequence: int, folder: Path) -> Done:
    """Write an earlier bundle again, byte for byte (value: the file's path); the vault is unchanged."""
    return Done(NOTHING, export.rewrite(session, sequence, Path(folder)))


@operation(Entity.SETTING, Entity.BUNDLE)
def set_reminder_weekday(session: Session, weekday: int | None) -> Done:
    """A setting, shown as the bundle reminder (Envois, Aujourd'hui): both hear of it."""
    export.set_reminder_weekday(session, weekday)
    return Done(Changes.of(Entity.SETTING, Entity.BUNDLE), weekday)


@operation(Entity.SYNC_KEY, Entity.AUDIT)
def set_partner(session: Session, identity: keys.PublicIdentity) -> Done:
    """Worker side: La Piaule's public keys become the recipient of the next bundles."""
    export.set_partner(session, identity)
    return Done(Changes.of(Entity.SYNC_KEY, Entity.AUDIT), identity.fingerprint)


@operation(Entity.SYNC_KEY, Entity.AUDIT)
def trust_worker(session: Session, identity: keys.PublicIdentity) -> Done:
    """Coordination side: bundles signed by this worker's key will be imported."""
    importer.trust_worker(session, identity)
    return Done(Changes.of(Entity.SYNC_KEY, Entity.AUDIT), identity.fingerprint)


def _read(path: Path) -> bytes:
    data = read_limited(path, MAX_BUNDLE_FILE)  # bounded: /dev/zero says st_size 0
    if data is None:
        raise OSError("too large")
    return data


@operation(Entity.BUNDLE, Entity.AUDIT)
def import_bundles(session: Session, paths: list, *, progress: Callable[[int, int], None] | None = None) -> Done:
    """Read and import bundle files in order. Each file is its own savepoint: a refused or
    unreadable file changes nothing and the others are still imported. Value: one ``Imported`` a file.
    ``progress(done, total)`` is called before each file."""
    out: list[Imported] = []
    imported = False
    paths = [Path(p) for p in paths]
    remote = coordination_store.separate_engine(session)  # records go to PostgreSQL when La Piaule chose it
    for number, path in enumerate(paths):
        if progress is not None:
            progress(number, len(paths))
        name = PurePath(path).name
        try:
            data = _read(path)
        except OSError:
            out.append(Imported(name, unreadable=True))
            continue
        try:
            with session.begin_nested():
                if remote is None:
                    result = importer.import_bundle(session, data, name)
                else:
                    with Session(remote, expire_on_commit=False) as other, other.begin():
                        result = importer.import_bundle(session, data, name, other)
        except MilieuError as exc:  # a refusal (BundleRejected, NotConfigured): that file only
            out.append(Imported(name, error=exc))
            continue
        except IntegrityError:  # another supervisor imported the same bundle at the same moment
            result = importer.ImportResult(importer.ALREADY_IMPORTED, 0, "", envelope.sha256_hex(data), {}, [])
        imported = imported or result.status == importer.IMPORTED
        out.append(Imported(name, result=result))
    if remote is not None:
        remote.dispose()
    changes = Changes.of(Entity.BUNDLE, Entity.AUDIT) if imported else NOTHING
    return Done(changes, out)
