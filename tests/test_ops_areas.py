"""The operations of the directory, bundles, activity, settings and report export, without any widget:
each one writes in the caller's session and says what it changed."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from app import settings
from app.activity import presence
from app.activity import rows as activity_rows
from app.directory.records import DirectoryImportRejected
from app.directory.sample import import_sample
from app.directory.search import search_services
from app.directory.services import ServiceInput
from app.ops import Changes, Entity
from app.ops import activity as activity_ops
from app.ops import directory as directory_ops
from app.ops import report as report_ops
from app.ops import settings as settings_ops
from app.ops import sync as sync_ops
from app.report import period as periods
from app.sync import importer, keys
from app.sync import rows as sync_rows
from bundle_kit import add_contact, add_person, make_coordination
from models.activity import SPAN_WEEK


def test_directory_operations_add_verify_import_export(vault, tmp_path):
    with vault.session() as s:
        done = directory_ops.save_service(s, None, ServiceInput(name="Popote roulante", organization="Bénévoles"))
        assert done.changes == {Entity.DIRECTORY} and isinstance(done.value, int)
        assert directory_ops.mark_verified(s, done.value, date(2026, 11, 1)).changes == {Entity.DIRECTORY}
        import_sample(s)
        exported = directory_ops.export(s, "json", tmp_path / "dir.json")
    assert exported.changes == Changes() and exported.value == 16  # a file written, nothing in the vault
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "services.csv").write_text("id,name,status\nr1,Répit,active\nr2,,active\n", "utf-8")
    with vault.session() as s, pytest.raises(DirectoryImportRejected):
        directory_ops.import_directory(s, bad)
    with vault.session() as s:
        done = directory_ops.import_directory(s, bad, skip_bad_rows=True)
        assert done.changes == {Entity.DIRECTORY} and done.value.services_created == 1
        assert [h.name for h in search_services(s, "popote")] == ["Popote roulante"]


def test_bundle_operations_pair_export_and_import_several_files(make_vault, tmp_path):
    worker = make_vault("worker", worker="Alex Test")
    coord = make_coordination(tmp_path / "coord")
    with coord.session() as s:
        coord_id = keys.parse_public_file(sync_rows.own_identity(s).to_text().encode())
    with worker.session() as s:
        worker_id = keys.parse_public_file(sync_rows.own_identity(s).to_text().encode())
        assert sync_ops.set_partner(s, coord_id).changes == {Entity.SYNC_KEY, Entity.AUDIT}
    person = add_person(worker, "Grand Marc")
    add_contact(worker, [person])
    usb = tmp_path / "usb"
    usb.mkdir()
    with worker.session() as s:
        done = sync_ops.export_bundle(s, usb)
        assert Entity.BUNDLE in done.changes and done.value.sequence == 1
        state = sync_rows.worker_state(s)
    assert [b.sequence for b in state.sent] == [1] and state.partner.fingerprint == coord_id.fingerprint
    junk = tmp_path / "junk.bundle"
    junk.write_bytes(b"not a bundle")
    files = [done.value.path, junk, tmp_path / "missing.bundle", done.value.path]
    with coord.session() as s:
        refused = sync_ops.import_bundles(s, files[:1])  # the worker is not trusted yet
        assert refused.changes == Changes() and refused.value[0].error.code == "unknown_signer"
        assert sync_ops.trust_worker(s, worker_id).changes == {Entity.SYNC_KEY, Entity.AUDIT}
    with coord.session() as s:
        done = sync_ops.import_bundles(s, files)
    outcomes = [(o.name, o.unreadable, getattr(o.error, "code", None), o.result and o.result.status)
                for o in done.value]
    assert outcomes == [
        (files[0].name, False, None, importer.IMPORTED), ("junk.bundle", False, "not_a_bundle", None),
        ("missing.bundle", True, None, None), (files[0].name, False, None, importer.ALREADY_IMPORTED),
    ]
    assert done.changes == {Entity.BUNDLE, Entity.AUDIT}
    with coord.session() as s:
        _own, workers = sync_rows.coordination_state(s)
    assert [(w.label.endswith("Alex Test"), w.last_sequence) for w in workers] == [(True, 1)]


def test_activity_operations_save_edit_delete_and_presence(vault):
    with vault.session() as s:
        done = activity_ops.save_conflict(s, None, occurred_at=datetime(2026, 11, 3, 14, 0), intensity=2)
        assert done.changes == {Entity.CONFLICT}
        activity_ops.save_conflict(s, done.value, intensity=4)
        [row] = activity_rows.recent_conflicts(s, datetime(2026, 11, 1), datetime(2026, 11, 30))
        assert (row.id, row.intensity) == (done.value, 4)
        activity_ops.delete_conflict(s, done.value)
        assert activity_rows.recent_conflicts(s, datetime(2026, 11, 1), datetime(2026, 11, 30)) == []
        support = activity_ops.save_staff_support(s, None, occurred_on=date(2026, 11, 2), kind="awareness",
                                                  topic="Santé mentale")
        assert support.changes == {Entity.STAFF_SUPPORT}
        assert activity_ops.set_schedule(s, 20 * 60, 15 * 60).changes == {Entity.PRESENCE, Entity.SETTING}
        assert activity_ops.clear_hours(s, date(2026, 11, 2), SPAN_WEEK).changes == Changes()  # nothing to clear
        activity_ops.set_hours(s, date(2026, 11, 4), SPAN_WEEK, 600, 120)
        assert presence.schedule(s).library_min == 20 * 60
        assert [e.starts_on for e in activity_rows.presence_state(s, date(2026, 11, 26)).entries] == [date(2026, 11, 2)]


def test_settings_and_report_export_operations(vault, tmp_path):
    with vault.session() as s:
        done = settings_ops.save(s, site_name="Bibliothèque", worker_name="Alex", idle_lock_minutes=9)
        assert done.changes == {Entity.SETTING} and settings.idle_lock_minutes(s) == 9
        p = periods.custom(date(2026, 1, 1), date(2026, 3, 31))
        written = report_ops.export_tables(s, False, p, None, "csv", tmp_path / "bilan.csv")
    assert written.changes == Changes() and written.value.read_text("utf-8-sig").startswith("Bilan")
