"""Changing the passphrase from Paramètres, as a worker does it in the main window.

Real vaults in temp folders, the real shell (task thread, French translation), and the
scripted dialog service to read the confirmation.
"""
from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.errors import WrongPassphrase
from app.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.gui_doubles import ScriptedDialogs
from views.main_window import MainWindow

NEW_PASSPHRASE = "quatre chevaux bleus sous la pluie"


@pytest.fixture(autouse=True)
def settings_page_only(monkeypatch):
    from views import registry

    monkeypatch.setattr(registry, "PAGES", [("settings", "views.pages.settings_page:SettingsPage")])
    monkeypatch.setattr(registry, "STATUS_WIDGETS", [])


@pytest.fixture
def shell(qtbot, french, make_vault):
    """The main window unlocked on a real vault, Paramètres shown; returns (window, dialogs)."""
    vault = make_vault()
    vault.lock()
    dialogs = ScriptedDialogs()
    window = MainWindow(vault.paths.root, kdf_params=FAST_KDF, dialogs=dialogs)
    qtbot.addWidget(window)
    window.start()
    window.show()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(window.unlock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10000)
    window.show_page("settings")
    return window, dialogs


def open_dialog(qtbot, window):
    page = window.workspace.page("settings")
    assert page.passphrase_button.text() == "&Changer la phrase de passe…"
    qtbot.mouseClick(page.passphrase_button, Qt.MouseButton.LeftButton)
    dialog = page.passphrase_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill(dialog, current: str, new: str, repeat: str) -> None:
    dialog.current.setText(current)
    dialog.fields.passphrase.setText(new)
    dialog.fields.repeat.setText(repeat)


def press_enter(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.fields.repeat, Qt.Key.Key_Return)


def key_file_digest(vault_root) -> str:
    return hashlib.sha256(Vault(vault_root).paths.keyfile.read_bytes()).hexdigest()


def test_wrong_current_passphrase_is_said_at_the_field_and_changes_nothing(qtbot, shell):
    window, dialogs = shell
    before = key_file_digest(window.paths.root)
    dialog = open_dialog(qtbot, window)
    fill(dialog, "pas la bonne phrase", NEW_PASSPHRASE, NEW_PASSPHRASE)
    press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.current_error.isVisible(), timeout=10000)

    assert dialog.current_error.text().startswith("Ce n’est pas la phrase de passe actuelle.")
    assert "Rien n’a été modifié." in dialog.current_error.text()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.current
    assert key_file_digest(window.paths.root) == before
    assert dialogs.said == []
    check = Vault(window.paths.root)
    with pytest.raises(WrongPassphrase):
        check.unlock(NEW_PASSPHRASE)

    # Esc closes it; still nothing changed.
    qtbot.keyClick(dialog.current, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert key_file_digest(window.paths.root) == before


def test_new_passphrase_opens_the_vault_and_the_old_one_no_longer_does(qtbot, shell):
    window, dialogs = shell
    dialog = open_dialog(qtbot, window)
    fill(dialog, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert dialog.fields.strength_label.text() == "Solidité\u00a0: excellente"
    page = window.workspace.page("settings")
    press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: page.passphrase_dialog is None, timeout=10000)  # closed once done

    assert dialogs.said == [(
        "info", "Phrase de passe changée",
        "La phrase de passe a été changée. Dorénavant, déverrouillez Milieu avec la nouvelle.",
    )]
    window.lock()
    assert window.unlock_screen.isVisible()
    check = Vault(window.paths.root)
    with pytest.raises(WrongPassphrase):
        check.unlock(PASSPHRASE)
    check.unlock(NEW_PASSPHRASE)
    from app import settings

    with check.session() as s:  # same key: the data is still there
        assert settings.get_all(s)[settings.SITE_NAME] == "Bibliothèque de test"
    check.lock()


@pytest.mark.parametrize("new, repeat, expected", [
    (NEW_PASSPHRASE, NEW_PASSPHRASE + "!", "Les deux phrases de passe sont différentes."),
    ("", "", "La phrase de passe doit compter au moins 10 caractères."),
])
def test_mismatch_or_empty_new_passphrase_is_said_at_the_field(qtbot, shell, new, repeat, expected):
    window, dialogs = shell
    before = key_file_digest(window.paths.root)
    dialog = open_dialog(qtbot, window)
    fill(dialog, PASSPHRASE, new, repeat)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    mismatch = bool(new)  # a mismatch is said in red under the repeat field
    label = dialog.fields.mismatch if mismatch else dialog.new_error
    field = dialog.fields.repeat if mismatch else dialog.fields.passphrase
    assert label.isVisible()
    assert label.text() == expected
    assert dialog.isVisible() and dialog.focusWidget() is field
    assert not window.tasks.busy  # no Argon2id work was even started
    assert key_file_digest(window.paths.root) == before
    assert dialog.fields.passphrase.text() == new and dialog.fields.repeat.text() == repeat  # nothing lost
    dialog.fields.repeat.setText(new + "?")  # a correction hides the message
    if mismatch:
        dialog.fields.repeat.setText(new)
    assert not label.isVisible()


def test_dialog_reads_in_french_with_distinct_mnemonics(qtbot, shell):
    window, _ = shell
    dialog = open_dialog(qtbot, window)
    from PySide6.QtWidgets import QLabel

    labels = [label.text() for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert labels == ["Phrase de passe &actuelle\u00a0:", "&Nouvelle phrase de passe\u00a0:", "&Répétez-la\u00a0:"]
    mnemonics = [text[text.index("&") + 1].lower() for text in labels]
    assert len(set(mnemonics)) == len(mnemonics)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    assert dialog.windowTitle() == "Changer la phrase de passe"
    # Tab goes current -> new -> repeat, as read.
    from PySide6.QtWidgets import QLineEdit

    chain, widget = [], dialog.current
    while len(chain) < 3:
        if isinstance(widget, QLineEdit):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == [dialog.current, dialog.fields.passphrase, dialog.fields.repeat]
