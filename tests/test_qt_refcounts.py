"""The Qt binding keeps Python's reference counts: a binding that drops one on each call
ends the app with "Fatal Python error: bool_dealloc" (or none_dealloc) when it closes.

PySide6 6.12.0 drops a reference to None on every void call on Python 3.11, where None is
not immortal; pyproject.toml keeps it out there. This test fails on any such binding.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton


def _drift(obj, call, n: int = 300) -> int:
    before = sys.getrefcount(obj)
    for _ in range(n):
        call()
    return sys.getrefcount(obj) - before


def test_void_calls_keep_none_alive(qapp):
    label, box, button = QLabel(), QCheckBox(), QPushButton()
    button.clicked.connect(lambda: None)
    # A few references may come and go with caches; a leak of one per call shows as hundreds.
    assert abs(_drift(None, lambda: label.setText("x"))) < 20
    assert abs(_drift(None, lambda: box.setChecked(True))) < 20
    assert abs(_drift(None, lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton))) < 50


def test_bool_results_keep_true_and_false_alive(qapp):
    box = QCheckBox()
    box.setChecked(True)
    assert abs(_drift(True, box.isChecked)) < 20
    assert abs(_drift(False, box.isTristate)) < 20


ROUNDS = """
import sys
sys.path.insert(0, {tests!r})
from PySide6.QtWidgets import QApplication
from conftest import FAST_KDF, PASSPHRASE
from gui_doubles import ScriptedDialogs
from views import registry
from views.main_window import MainWindow

app = QApplication(["milieu"])
for _ in range(4):
    window = MainWindow({root!r}, kdf_params=FAST_KDF, dialogs=ScriptedDialogs())
    window.start()
    window.show()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    while not window.is_unlocked or window.ctx.extras.get("quick_entry") is None:
        app.processEvents()
    for page_id, _ in registry.PAGES:
        window.show_page(page_id)
        app.processEvents()
    window.ctx.extras["quick_entry"].open_new()
    app.processEvents()
    window.close()  # the path of Alt+F4
    app.processEvents()
    window.deleteLater()
    app.processEvents()
print("closed cleanly")
"""


def test_the_window_opens_and_closes_many_times_with_pages_and_the_panel(vault):
    """As the user saw it: the process must end normally, not in "Fatal Python error" at exit."""
    import os
    import subprocess
    from pathlib import Path

    vault.lock()
    script = ROUNDS.format(tests=str(Path(__file__).parent), root=str(vault.paths.root))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300,
                          cwd=Path(__file__).parent.parent)
    assert "Fatal Python error" not in done.stderr and done.returncode == 0, done.stderr[-2000:]
    assert "closed cleanly" in done.stdout
