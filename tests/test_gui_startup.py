"""``milieu`` with no subcommand: which screen comes up, from which folder, and how light."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from views.launcher import main

def shown():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
    print(window.gate.currentWidget().objectName(), "sqlalchemy" in sys.modules, "app.vault" in sys.modules)
    QApplication.quit()

import views.app_main
original = views.app_main.run_gui
views.app_main.run_gui = lambda argv: original(argv, on_shown=shown)
sys.exit(main(sys.argv[1:]))
"""


def start(args, env_extra=None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "MILIEU_DATA_DIR"}
    env.update(QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    result = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_unlock_window_shows_before_the_database_layer_loads(make_vault):
    vault = make_vault()
    vault.lock()
    assert start(["--data-dir", str(vault.paths.root)]) == "unlock_screen False False"


def test_an_empty_folder_gets_the_setup_screen_and_the_env_variable_is_honoured(tmp_path, make_vault):
    assert start(["--data-dir", str(tmp_path / "new")]) == "setup_screen False False"
    vault = make_vault("envdir")
    vault.lock()
    assert start([], {"MILIEU_DATA_DIR": str(vault.paths.root)}).startswith("unlock_screen")
