"""The main window fits a 1366x768 screen with its frame, and comes back where it was closed."""
from __future__ import annotations

import json

from PySide6.QtCore import QRect

from app.prefs import load_language, load_window_geometry, save_language
from tests.conftest import FAST_KDF
from views.main_window import MainWindow
from views.window_place import FRAME_ALLOWANCE, placed


def test_a_1366x768_screen_holds_the_window_and_its_title_bar():
    screen = QRect(0, 0, 1366, 768)
    x, y, width, height = placed((1366, 768), FRAME_ALLOWANCE, screen, None)
    assert (x, y) == (0, 0) and y + height + FRAME_ALLOWANCE[1] <= 768 and width + FRAME_ALLOWANCE[0] <= 1366
    # A panel at the top of the screen (available area starts lower): still all inside.
    panel = QRect(0, 27, 1366, 741)
    x, y, width, height = placed((1366, 768), (2, 30), panel, (40, 0))
    assert y >= 27 and y + height + 30 <= 768 and x == 0
    # A place saved on a bigger screen is brought back inside this one.
    x, y, width, height = placed((1800, 1000), (2, 30), screen, (900, 500))
    assert (x, y, width, height) == (0, 0, 1364, 738)


def open_window(qtbot, root) -> MainWindow:
    window = MainWindow(root, kdf_params=FAST_KDF)
    qtbot.addWidget(window)
    window.start()
    window.show()
    qtbot.wait(300)  # the refits after the first show
    return window


def test_the_window_comes_back_where_it_was_closed(qtbot, make_vault, french):
    vault = make_vault()
    vault.lock()
    root = vault.paths.root
    save_language(vault.paths.prefs, "fr_CA")
    first = open_window(qtbot, root)
    screen = first.screen().availableGeometry()
    assert first.frameGeometry().bottom() <= screen.bottom()  # the status bar is on screen
    first.resize(1024, 660)
    first.move(0, 40)
    qtbot.wait(50)
    first.close()
    assert load_window_geometry(vault.paths.prefs)
    assert load_language(vault.paths.prefs) == "fr_CA"  # the window's place kept the language

    second = open_window(qtbot, root)
    assert (second.width(), second.height()) == (1024, 660)
    assert second.frameGeometry().top() == 40
    second.close()


def test_a_damaged_saved_place_is_ignored(qtbot, make_vault, french):
    vault = make_vault()
    vault.lock()
    vault.paths.prefs.write_text(json.dumps({"language": "fr_CA", "window_geometry": "not base64!"}), "utf-8")
    window = open_window(qtbot, vault.paths.root)
    assert window.height() >= 640 and window.frameGeometry().bottom() <= window.screen().availableGeometry().bottom()
    window.close()


def test_no_vault_no_file_written(qtbot, data_dir, french):
    window = open_window(qtbot, data_dir)
    window.close()
    assert not data_dir.exists() or not (data_dir / "prefs.json").exists()
