"""La Piaule's directory for its workers: a signed file, published by coordination and
applied by a worker, with receipts of the worker's bundles."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.directory.hsds_import import import_file
from app.directory.publication import errors as E
from app.directory.publication.apply import apply_directory_file, changed_services, mark_seen
from app.directory.publication.publish import publish
from app.directory.publication.receipts import overdue_bundles, overdue_sentence
from app.directory.sample import SAMPLE_DIRECTORY
from bundle_kit import PASSPHRASE, add_contact, add_person, export_to, import_bytes, make_coordination, pair
from models.directory import DirService
from models.sync import BundleSent


@pytest.fixture
def parties(make_vault, tmp_path):
    worker = make_vault("worker")
    coord = make_coordination(tmp_path / "coord")
    pair(worker, coord)
    with coord.session() as s:
        import_file(s, SAMPLE_DIRECTORY)
    yield worker, coord
    coord.lock()


def _publish(coord, out) -> bytes:
    with coord.session() as s:
        return publish(s, out).path.read_bytes()


def _apply(worker, data):
    with worker.session() as s:
        return apply_directory_file(s, data)


def _service(vault, name):
    with vault.session() as s:
        return s.scalars(select(DirService).where(DirService.name == name)).one()


def test_round_trip_changes_withdrawals_and_local_notes_kept(parties, tmp_path):
    worker, coord = parties
    first = _publish(coord, tmp_path / "out")
    applied = _apply(worker, first)
    assert (applied.new, applied.changed, applied.withdrawn) == (15, 0, 0)
    refuge = _service(worker, "Refuge de nuit Le Phare")
    with worker.session() as s:
        s.execute(update(DirService).where(DirService.id == refuge.id).values(local_notes="Demander Luc"))
        mark_seen(s, refuge.id)
    with coord.session() as s:
        s.execute(update(DirService).where(DirService.name == "Refuge de nuit Le Phare")
                  .values(description="Ouvert dès 19 h", local_notes="note de La Piaule"))
        gone = s.scalars(select(DirService).where(DirService.name != "Refuge de nuit Le Phare")).first()
        gone_name = gone.name
        s.delete(gone)
    applied = _apply(worker, _publish(coord, tmp_path / "out"))
    assert (applied.new, applied.changed, applied.withdrawn, applied.unchanged) == (0, 1, 1, 13)
    refuge = _service(worker, "Refuge de nuit Le Phare")
    assert refuge.description == "Ouvert dès 19 h" and refuge.local_notes == "Demander Luc"
    assert refuge.publication_change == "changed"
    withdrawn = _service(worker, gone_name)
    assert withdrawn.status == "inactive" and withdrawn.publication_change == "withdrawn"
    with worker.session() as s:
        counts = changed_services(s)
    assert counts["changed"] == 1 and counts["withdrawn"] == 1


def test_replay_is_a_no_op_and_an_older_file_is_refused(parties, tmp_path):
    worker, coord = parties
    first = _publish(coord, tmp_path / "a")
    second = _publish(coord, tmp_path / "b")
    _apply(worker, second)
    again = _apply(worker, second)
    assert again.replay and again.sentence() == "Directory file number 2 was already applied: nothing changed."
    with pytest.raises(E.DirectoryFileOlder):
        _apply(worker, first)


def test_other_signer_tampered_and_truncated_files_are_refused(parties, tmp_path):
    worker, coord = parties
    data = _publish(coord, tmp_path / "out")
    stranger = make_coordination(tmp_path / "stranger")
    with stranger.session() as s:
        import_file(s, SAMPLE_DIRECTORY)
    other = _publish(stranger, tmp_path / "other")
    stranger.lock()
    with pytest.raises(E.DirectoryFileUnknownSigner):
        _apply(worker, other)
    tampered = bytearray(data)
    tampered[100] ^= 0x01
    with pytest.raises(E.DirectoryFileBadSignature):
        _apply(worker, bytes(tampered))
    with pytest.raises(E.DirectoryFileDamaged):
        _apply(worker, data[:-10])
    with pytest.raises(E.NotADirectoryFile):
        _apply(worker, b"not a directory file at all, but long enough to have a header and more" * 2)
    with worker.session() as s:
        assert s.scalars(select(DirService)).first() is None  # nothing of a refused file is applied


def test_receipts_confirm_bundles_and_overdue_ones_are_named(parties, tmp_path):
    worker, coord = parties
    add_contact(worker, [add_person(worker, "Grand Marc")])
    sent = export_to(worker, tmp_path / "usb")
    add_contact(worker, [add_person(worker, "Petite Lune")])
    export_to(worker, tmp_path / "usb")  # number 2: not imported by coordination
    import_bytes(coord, sent.path.read_bytes())
    with worker.session() as s:
        s.execute(update(BundleSent).values(created_at=datetime.utcnow() - timedelta(days=20)))
        assert [b.sequence for b in overdue_bundles(s)] == [1, 2]
    applied = _apply(worker, _publish(coord, tmp_path / "out"))
    assert applied.receipts == 1
    with worker.session() as s:
        late = overdue_bundles(s)
        assert [b.sequence for b in late] == [2]
        assert overdue_sentence(late).startswith("La Piaule has not confirmed receiving 1 bundle(s)")
        assert s.scalars(select(BundleSent).where(BundleSent.sequence == 1)).one().receipt_at is not None


def test_publish_and_apply_from_the_command_line(parties, tmp_path, monkeypatch, capsys):
    worker, coord = parties
    worker_dir, coord_dir = worker.paths.root, coord.paths.root
    worker.lock()
    coord.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)

    def run(*argv):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("--data-dir", coord_dir, "directory", "publish", "--out", tmp_path / "out")
    assert code == 0 and out.startswith("Published directory number 1 (15 services, receipts for 0 workers)")
    (path,) = (tmp_path / "out").iterdir()
    code, out, _ = run("--data-dir", worker_dir, "directory", "import", path)
    assert code == 0 and out.splitlines() == [
        f"Read La Piaule's signed directory file from {path.name}.",
        "Applied La Piaule's directory number 1: 15 new, 0 changed, 0 withdrawn, 0 unchanged services; "
        "0 of your bundles confirmed received.",
    ]
    code, out, _ = run("--data-dir", worker_dir, "directory", "import", path)
    assert code == 0 and out.splitlines()[-1] == "Directory file number 1 was already applied: nothing changed."
    path.write_bytes(path.read_bytes()[:-1])
    code, out, err = run("--data-dir", worker_dir, "directory", "import", path)
    assert code == E.DirectoryFileDamaged.exit_code and err == "milieu: The directory file is truncated.\n"
    code, out, err = run("--data-dir", worker_dir, "directory", "publish", "--out", tmp_path / "w")
    assert code == 36 and "coordination" in err
