"""Helpers of the floor GUI tests: a real vault opened in the real main window (French)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.gui_doubles import ScriptedDialogs  # noqa: F401 - floor tests import it from here
from views.main_window import MainWindow


def open_unlocked(qtbot, vault, dialogs=None) -> MainWindow:
    """Lock ``vault`` (made by the make_vault fixture), open the window on it and unlock."""
    root = vault.paths.root
    vault.lock()
    window = MainWindow(root, kdf_params=FAST_KDF, dialogs=dialogs or ScriptedDialogs())
    qtbot.addWidget(window)
    window.start()
    window.show()
    unlock(qtbot, window)
    return window


def unlock(qtbot, window: MainWindow) -> None:
    screen = window.unlock_screen
    screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=15000)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.ctx.extras.get("quick_entry") is not None, timeout=5000)
    QApplication.processEvents()


def focused():
    return QApplication.focusWidget()
