"""Ordinary commands never destroy a vault (issue 10, items 1, 2, 5, 8 and the key-file
and leftover cases of 10): CLI and Python API on real vaults in a temporary folder."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app import schema
from app.atomic import OutputRefused, atomic_write
from app.errors import IntegrityFailure, VaultExists, VaultMissing
from app.keyfile import KeyFile
from app.vault import Vault
from cli_kit import PASSPHRASE as CLI_PASS, run
from conftest import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def cli_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("guards") / "data"
    assert run(data, "init", "--site", "Bibliothèque", "--worker", "Intervenant").returncode == 0
    return data


def _vault_bytes(data: Path) -> dict[str, bytes]:
    # The database changes with each unlock (audit), the key file never does.
    return {p.name: p.read_bytes() for p in (data / "milieu.key",)}


@pytest.mark.parametrize("command", [
    ["keys", "export-public", "{D}/milieu.key"],
    ["keys", "export-public", "{D}/backups/../milieu.db"],
    ["keys", "export-public", "{LINK}"],
    ["report", "--format", "csv", "--out", "{D}/milieu.db"],
    ["report", "--format", "csv", "--out", "{D}/milieu.lock"],
    ["directory", "export", "{D}/milieu.key"],
])
def test_cli_outputs_refuse_the_vaults_files(cli_data, tmp_path, command):
    link = tmp_path / "innocent.pub"
    link.symlink_to(cli_data / "milieu.key")
    before = _vault_bytes(cli_data)
    args = [a.replace("{D}", str(cli_data)).replace("{LINK}", str(link)) for a in command]
    result = run(cli_data, *args)
    assert result.returncode == 15, result.stderr
    assert "file of the vault's data folder" in result.stderr and result.stderr.count("\n") == 1
    assert _vault_bytes(cli_data) == before
    assert run(cli_data, "check").returncode == 0


def test_api_and_dialog_writers_refuse_vault_files(vault, tmp_path):
    for target in (vault.paths.keyfile, vault.paths.database, Path(f"{vault.paths.database}-wal"),
                   vault.paths.backups / "x.milieu-backup", vault.paths.root / "backups" / ".." / "milieu.key"):
        with pytest.raises(OutputRefused):
            atomic_write(target, b"oops")
        with pytest.raises(OSError):  # what the screens catch
            atomic_write(target, b"oops")
    atomic_write(tmp_path / "elsewhere.txt", b"fine")  # anything else is written as before
    vault.backup()  # the vault's own writes go on


def test_restore_refuses_what_is_not_a_backup_of_this_vault(make_vault, tmp_path):
    vault = make_vault()
    with vault.session() as s:
        from app.sync import keys

        signing = keys.own_identity(s).signing_public
    vault.lock()
    empty, one = tmp_path / "empty.milieu-backup", tmp_path / "one.milieu-backup"
    empty.write_bytes(b"")
    one.write_bytes(b"x")
    other = make_vault("other")
    foreign = other.backup(tmp_path)  # another vault's backup: another key
    other.lock()
    for bad in (empty, one, foreign):
        with pytest.raises(IntegrityFailure) as caught:
            vault.restore(bad, PASSPHRASE)
        assert "nothing was changed" in str(caught.value)
    vault.unlock(PASSPHRASE)
    with vault.session() as s:
        assert keys.own_identity(s).signing_public == signing
    assert vault.check().integrity_ok


def test_restore_refuses_a_backup_with_another_signing_key(vault, tmp_path):
    from sqlalchemy import delete

    from models.sync import SyncKey

    good = vault.backup(tmp_path)
    with vault.session() as s:  # a backup of the same database key, but another identity
        s.execute(delete(SyncKey).where(SyncKey.name == "signing"))
    regenerated = vault.backup(tmp_path / "b")
    vault.lock()
    vault.restore(good, PASSPHRASE)  # the good one is fine
    with pytest.raises(IntegrityFailure, match="signing key"):
        vault.restore(regenerated, PASSPHRASE)


def test_cli_restore_of_an_empty_file_is_refused(cli_data, tmp_path):
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    result = run(cli_data, "restore", str(empty))
    assert result.returncode == 6 and "not a backup of this vault" in result.stderr
    assert run(cli_data, "keys", "show").returncode == 0


def test_interrupted_init_is_replaced_by_the_next_init(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # What a kill between the two final moves leaves: the marker and the database.
    (data / "milieu.init-pending").write_bytes(b"")
    (data / "milieu.db").write_bytes(os.urandom(8192))
    (data / ".milieu-init-abc.tmp").mkdir()
    result = run(data, "check")
    assert result.returncode == 3 and "never completed" in result.stderr
    assert run(data, "init", "--site", "s", "--worker", "w").returncode == 0
    assert run(data, "check").returncode == 0
    assert not (data / "milieu.init-pending").exists() and not list(data.glob(".milieu-init-*"))
    for name in ("milieu.db", "milieu.key"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600


def test_a_database_without_its_key_file_is_never_replaced(tmp_path):
    data = tmp_path / "data"
    vault = Vault(data)
    vault.create(PASSPHRASE, site_name="s", worker_name="w", kdf_params=FAST_KDF)
    vault.lock()
    (data / "milieu.key").rename(tmp_path / "milieu.key")  # moved away by the user
    before = (data / "milieu.db").read_bytes()
    with pytest.raises(VaultMissing, match="put back milieu.key"):
        vault.unlock(PASSPHRASE)
    with pytest.raises(VaultExists):
        Vault(data).create(PASSPHRASE, site_name="s", worker_name="w", kdf_params=FAST_KDF)
    assert (data / "milieu.db").read_bytes() == before


def test_init_failing_midway_leaves_no_vault_looking_file(tmp_path, monkeypatch):
    from app.sync import keys

    def broken(session):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keys, "create_keys", broken)
    data = tmp_path / "data"
    with pytest.raises(OSError):
        Vault(data).create(PASSPHRASE, site_name="s", worker_name="w", kdf_params=FAST_KDF)
    assert sorted(p.name for p in data.iterdir()) == ["backups", "milieu.lock"]
    monkeypatch.undo()
    Vault(data).create(PASSPHRASE, site_name="s", worker_name="w", kdf_params=FAST_KDF)


def test_data_dir_on_a_foreign_folder_is_left_alone(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    (shared / "notes.txt").write_text("someone else's")
    result = run(shared, "init", "--site", "s", "--worker", "w")
    assert result.returncode == 4 and "already holds other files" in result.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    empty = tmp_path / "empty"
    empty.mkdir()
    os.chmod(empty, 0o755)
    link = tmp_path / "link"
    link.symlink_to(empty)
    assert run(link, "init", "--site", "s", "--worker", "w").returncode == 0
    assert stat.S_IMODE(empty.stat().st_mode) == 0o755  # not ours: mode unchanged
    made = tmp_path / "new" / "data"
    assert run(made, "init", "--site", "s", "--worker", "w").returncode == 0
    assert stat.S_IMODE(made.stat().st_mode) == 0o700  # ours: owner only


def test_another_vaults_key_file_does_not_send_to_a_useless_backup(make_vault):
    mine, other = make_vault("mine"), make_vault("other")
    mine.backup()
    mine.lock()
    other.lock()
    (mine.paths.keyfile).write_bytes(other.paths.keyfile.read_bytes())
    with pytest.raises(IntegrityFailure) as caught:
        Vault(mine.paths.root).unlock(PASSPHRASE)
    assert "another vault's key file" in str(caught.value) and "milieu restore" not in str(caught.value)


def test_altered_kdf_parameters_do_not_say_wrong_passphrase(cli_data, tmp_path):
    import json

    doc = json.loads((cli_data / "milieu.key").read_text())
    doc["kdf"]["iterations"] += 1
    data = tmp_path / "copy"
    data.mkdir(mode=0o700)
    (data / "milieu.db").write_bytes((cli_data / "milieu.db").read_bytes())
    (data / "milieu.key").write_text(json.dumps(doc))
    result = run(data, "check")
    assert result.returncode == 8 and "wrong" not in result.stderr.lower(), result.stderr
    assert run(data, "check", passphrase="une tout autre phrase").returncode == 8


def test_leftover_temporary_files_go_at_the_next_unlock(vault):
    vault.lock()
    old = os.path.getmtime(vault.paths.keyfile) - 3600
    leftovers = [vault.paths.root / ".milieu.key.abc123.tmp", vault.paths.backups / ".milieu-x.milieu-backup.zz.tmp"]
    for p in leftovers:
        p.write_bytes(b"half")
        os.utime(p, (old, old))
    vault.unlock(PASSPHRASE)
    assert not any(p.exists() for p in leftovers)


def test_interrupted_migrations_keep_one_pre_migration_backup(tmp_path):
    if schema.code_heads() == {"0001"}:
        pytest.skip("only the base revision exists")
    vault = Vault(tmp_path / "old")
    vault.paths.ensure()
    key = os.urandom(32)
    vault._open(bytearray(key))
    schema.upgrade(vault.engine, "0001")
    vault.lock()
    KeyFile.wrap_key(key, PASSPHRASE, FAST_KDF).save(vault.paths.keyfile)
    real_upgrade = schema.upgrade
    for _ in range(3):  # each unlock is killed during the migration
        schema.upgrade = lambda engine, target="heads": (_ for _ in ()).throw(KeyboardInterrupt())
        try:
            with pytest.raises(KeyboardInterrupt):
                vault.unlock(PASSPHRASE)
        finally:
            schema.upgrade = real_upgrade
    assert len(list(vault.paths.backups.glob("*pre-migration*"))) == 1
    vault.unlock(PASSPHRASE)
    assert vault.check().up_to_date
    vault.lock()


def test_a_save_dialog_pointed_at_the_key_file_refuses_it(qtbot, make_vault):
    from test_gui_bundles import _page

    vault = make_vault()
    dialogs = __import__("gui_doubles").ScriptedDialogs()
    page, pickers, _ = _page(qtbot, vault, dialogs)
    before = vault.paths.keyfile.read_bytes()
    pickers.saved_path = str(vault.paths.keyfile)
    page.panel.save_public_key()
    assert vault.paths.keyfile.read_bytes() == before
    assert dialogs.said and dialogs.said[-1][0] == "error"
    pickers.folder_path = str(vault.paths.backups)
    pickers.saved_path = str(vault.paths.root / "backups" / ".." / "milieu.db")
    page.panel.save_public_key()
    assert vault.check().integrity_ok
