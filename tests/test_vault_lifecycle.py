"""Passphrase change, schema refusal and migration backup, backup and restore."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from app import drafts, schema, settings
from app.errors import IntegrityFailure, SchemaTooNew, WrongPassphrase
from app.vault import Vault
from tests.conftest import PASSPHRASE


def test_passphrase_change_keeps_data_and_old_one_stops_working(vault):
    with vault.session() as s:
        settings.set_many(s, {"worker_name": "Intervenante Zoé"})
    db_before = vault.paths.database.read_bytes()[:4096]
    vault.change_passphrase(PASSPHRASE, "nouvelle phrase de passe")
    vault.lock()
    # Rewrap only: the database file itself was not re-encrypted.
    assert vault.paths.database.read_bytes()[:4096] == db_before
    with pytest.raises(WrongPassphrase):
        Vault(vault.paths.root).unlock(PASSPHRASE)
    reopened = Vault(vault.paths.root)
    reopened.unlock("nouvelle phrase de passe")
    with reopened.session() as s:
        assert settings.get(s, "worker_name") == "Intervenante Zoé"
    reopened.lock()


def test_database_from_newer_schema_is_refused(vault):
    with vault.engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_future')"))
    vault.lock()
    with pytest.raises(SchemaTooNew, match="newer version of Milieu"):
        Vault(vault.paths.root).unlock(PASSPHRASE)


def test_older_schema_is_backed_up_then_migrated(tmp_path):
    vault = Vault(tmp_path / "old")
    vault.paths.ensure()
    # A vault whose schema stops at the base revision, as an older Milieu left it.
    from tests.conftest import FAST_KDF
    from app.keyfile import KeyFile
    import os

    key = os.urandom(32)
    vault._open(bytearray(key))  # lock() wipes this copy
    schema.upgrade(vault.engine, "0001")
    vault.lock()
    KeyFile.wrap_key(key, PASSPHRASE, FAST_KDF).save(vault.paths.keyfile)
    if schema.code_heads() == {"0001"}:
        pytest.skip("only the base revision exists")
    vault.unlock(PASSPHRASE)
    assert vault.check().up_to_date
    assert vault.latest_backup() is not None and "pre-migration" in vault.latest_backup().name
    vault.lock()


def test_backup_then_restore_brings_back_the_old_state(vault, tmp_path):
    with vault.session() as s:
        drafts.save(s, "form", {"notes": "avant"})
    backup = vault.backup(tmp_path / "usb")
    assert backup.stat().st_mode & 0o777 == 0o600
    with vault.session() as s:
        drafts.save(s, "form", {"notes": "après"})
    kept = vault.restore(backup, PASSPHRASE)
    assert kept.exists()
    vault.unlock(PASSPHRASE)
    with vault.session() as s:
        assert drafts.load(s, "form") == {"notes": "avant"}
    vault.lock()
    # The replaced database was kept aside, still encrypted.
    assert kept.stat().st_size > 0
    assert not kept.read_bytes().startswith(b"SQLite format 3")


def test_corrupted_database_is_refused_naming_the_latest_backup(vault):
    latest = vault.backup()
    vault.lock()
    raw = bytearray(vault.paths.database.read_bytes())
    for i in range(5000, 5100):  # inside page 2
        raw[i] ^= 0xFF
    vault.paths.database.write_bytes(bytes(raw))
    with pytest.raises(IntegrityFailure) as err:
        Vault(vault.paths.root).unlock(PASSPHRASE)
    assert err.value.latest_backup == latest
    assert str(latest) in str(err.value)
    # The way out works: restore the named backup, then unlock.
    restored = Vault(vault.paths.root)
    restored.restore(latest, PASSPHRASE)
    restored.unlock(PASSPHRASE)
    assert restored.check().integrity_ok
    restored.lock()


def test_same_vault_object_still_checks_a_file_changed_while_locked(vault):
    vault.backup()
    vault.lock()
    raw = bytearray(vault.paths.database.read_bytes())
    for i in range(5000, 5100):
        raw[i] ^= 0xFF
    vault.paths.database.write_bytes(bytes(raw))
    with pytest.raises(IntegrityFailure):
        vault.unlock(PASSPHRASE)
    assert not vault.is_unlocked


def test_restore_is_refused_while_another_process_has_the_vault_open(vault, tmp_path):
    from app.errors import VaultInUse

    backup = vault.backup(tmp_path / "usb")
    # The vault stays unlocked here, as in a GUI; a second Vault object is the CLI.
    with pytest.raises(VaultInUse):
        Vault(vault.paths.root).restore(backup, PASSPHRASE)
    with vault.session() as s:  # untouched
        assert s is not None
    vault.lock()
    Vault(vault.paths.root).restore(backup, PASSPHRASE)


def test_restore_leaves_the_chosen_backup_file_unchanged(vault, tmp_path):
    backup = vault.backup(tmp_path / "usb")
    before = backup.read_bytes()
    vault.lock()
    Vault(vault.paths.root).restore(backup, PASSPHRASE)
    assert backup.read_bytes() == before
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]
    assert not list(vault.paths.backups.glob(".restoring-*"))


def test_unlocking_twice_keeps_one_working_vault(vault):
    vault.lock()
    vault.unlock(PASSPHRASE)
    vault.unlock(PASSPHRASE)
    with vault.session() as s:
        assert settings.get(s, "site_name")
    vault.lock()
    assert not vault.is_unlocked
