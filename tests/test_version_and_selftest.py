"""The version a worker or IT staff reads (``milieu --version``, Paramètres), and the
GUI self-test that packaging/check-deb runs on the built package."""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_milieu_version_prints_the_pyproject_version(capsys):
    from views.launcher import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"milieu {PYPROJECT_VERSION}"


def test_settings_page_shows_the_version_in_french(qtbot, french, make_vault, monkeypatch):
    from views import registry
    from views.main_window import MainWindow

    monkeypatch.setattr(registry, "PAGES", [("settings", "views.pages.settings_page:SettingsPage")])
    monkeypatch.setattr(registry, "STATUS_WIDGETS", [])
    vault = make_vault()
    vault.lock()
    window = MainWindow(vault.paths.root, kdf_params=FAST_KDF)
    qtbot.addWidget(window)
    window.start()
    window.show()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(window.unlock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10000)
    window.show_page("settings")
    label = window.workspace.page("settings").version_label
    assert label.isVisible()
    assert label.text() == f"Milieu, version {PYPROJECT_VERSION}"
    window.lock()


def _self_test(data_dir: Path, passphrase: str, seconds: str = "0") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MILIEU_SMOKE_SECONDS=seconds,
               MILIEU_PASSPHRASE=passphrase, MILIEU_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "views.launcher"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_gui_self_test_unlocks_and_shows_every_page(make_vault):
    from views import registry

    vault = make_vault()
    vault.lock()
    result = _self_test(vault.paths.root, PASSPHRASE)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["smoke: window shown", "smoke: unlocked"]
    assert [line for line in lines if line.startswith("smoke: page")] == [
        f"smoke: page {page_id} shown" for page_id, _spec in registry.PAGES
    ]
    assert lines[-1] == "smoke: ok"
    assert "Traceback" not in result.stderr


def test_gui_self_test_fails_when_the_vault_does_not_unlock(make_vault):
    vault = make_vault()
    vault.lock()
    result = _self_test(vault.paths.root, "not the passphrase")
    assert result.returncode == 1
    assert "smoke: FAILED the vault was not unlocked" in result.stdout
