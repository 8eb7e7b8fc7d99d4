"""Headless vault commands: exit codes, one-sentence errors, never a traceback or SQLCipher log."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MILIEU = str(Path(sys.executable).parent / "milieu")


def run(data_dir: Path, *args: str, passphrase: str | None = "phrase de test", extra_env=None):
    env = {k: v for k, v in os.environ.items() if k not in ("MILIEU_PASSPHRASE", "MILIEU_DATA_DIR")}
    if passphrase is not None:
        env["MILIEU_PASSPHRASE"] = passphrase
    env.update(extra_env or {})
    result = subprocess.run(
        [MILIEU, "--data-dir", str(data_dir), *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert "Traceback" not in result.stderr
    assert "sqlcipher" not in result.stderr.lower()
    return result


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli") / "data"
    result = run(data, "init", "--site", "Bibliothèque test", "--worker", "Intervenant test")
    assert result.returncode == 0, result.stderr
    return data


def test_init_refuses_an_existing_vault(cli_vault):
    result = run(cli_vault, "init", "--site", "x", "--worker", "y")
    assert result.returncode == 4
    assert "already exists" in result.stderr and result.stderr.count("\n") == 1


def test_check_prints_schema_version(cli_vault):
    result = run(cli_vault, "check")
    assert result.returncode == 0, result.stderr
    assert "schema version" in result.stdout


def test_wrong_passphrase_exit_code(cli_vault):
    result = run(cli_vault, "check", passphrase="mauvaise")
    assert result.returncode == 5
    assert result.stderr.strip() == "milieu: The passphrase is wrong."


def test_no_passphrase_without_terminal_is_a_clear_error(cli_vault):
    result = run(cli_vault, "check", passphrase=None)
    assert result.returncode == 9
    assert "MILIEU_PASSPHRASE" in result.stderr


def test_missing_vault(tmp_path):
    result = run(tmp_path / "nothing", "check")
    assert result.returncode == 3
    assert "No vault" in result.stderr


def _fast_vault(data: Path) -> Path:
    """A vault made in-process with the suite's fast KDF (``init`` is tested by the cli_vault fixture):
    the commands below then unlock in a tenth of the time."""
    from app.vault import Vault
    from conftest import FAST_KDF

    vault = Vault(data)
    vault.create("phrase de test", site_name="s", worker_name="w", kdf_params=FAST_KDF)
    vault.lock()
    return data


def test_passphrase_file_and_passwd(tmp_path):
    data = _fast_vault(tmp_path / "data")
    new = tmp_path / "new.txt"
    new.write_text("nouvelle phrase\n")
    result = run(data, "passwd", "--new-passphrase-file", str(new))
    assert result.returncode == 0, result.stderr
    assert run(data, "check").returncode == 5
    result = subprocess.run(
        [MILIEU, "--data-dir", str(data), "--passphrase-file", str(new), "check"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "MILIEU_PASSPHRASE"},
    )
    assert result.returncode == 0, result.stderr


def test_backup_and_restore(cli_vault, tmp_path):
    result = run(cli_vault, "backup", "--to", str(tmp_path / "usb"))
    assert result.returncode == 0, result.stderr
    backup = Path(result.stdout.strip())
    assert backup.exists() and backup.parent == tmp_path / "usb"
    result = run(cli_vault, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout
    assert run(cli_vault, "check").returncode == 0
    result = run(cli_vault, "restore", str(tmp_path / "absent.milieu-backup"))
    assert result.returncode == 9


def test_check_reports_corruption_with_exit_6(tmp_path):
    data = _fast_vault(tmp_path / "data")
    db = data / "milieu.db"
    raw = bytearray(db.read_bytes())
    for i in range(5000, 5100):
        raw[i] ^= 0xFF
    db.write_bytes(bytes(raw))
    result = run(data, "check")
    assert result.returncode == 6
    assert "integrity" in result.stderr
