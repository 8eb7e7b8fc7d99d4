"""The GUI shell as a worker meets it: first run, unlock, locks, drafts, damaged vault.

Real vaults in temp folders, real widgets offscreen, the French translation installed.
"""
from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit
from sqlalchemy import text

from app import drafts, settings
from app.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.gui_doubles import ScriptedDialogs
from views.i18n import install_translators
from views.main_window import MainWindow
from views.page import Page


class NotesPage(Page):
    """A second page, as another feature would plug in through views/registry.py."""

    page_id = "notes"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.note = QLineEdit(self)

    def title(self):
        return "Notes"


class NoteCount(QLabel):
    """A status widget, as another feature would list in STATUS_WIDGETS."""

    def __init__(self, ctx):
        super().__init__("3 notes")
        self.setObjectName("note_count")


@pytest.fixture(autouse=True)
def shell_pages_only(monkeypatch):
    """These tests are about the shell: only its own page, whatever others register
    (test_every_registered_page_builds covers the real registry)."""
    from views import registry

    monkeypatch.setattr(registry, "PAGES", [("settings", "views.pages.settings_page:SettingsPage")])
    monkeypatch.setattr(registry, "STATUS_WIDGETS", [])


@pytest.fixture
def open_window(qtbot, french):
    def factory(data_dir, **kwargs) -> MainWindow:
        kwargs.setdefault("kdf_params", FAST_KDF)
        window = MainWindow(data_dir, **kwargs)
        qtbot.addWidget(window)
        window.start()
        window.show()
        return window

    return factory


@pytest.fixture
def locked_vault(make_vault):
    vault = make_vault()
    vault.lock()
    return vault


def unlock_with(qtbot, window: MainWindow, passphrase: str) -> None:
    screen = window.unlock_screen
    screen.passphrase.setText(passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)


def files_digest(root) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def visible_texts(window: MainWindow) -> list[str]:
    return [edit.text() for edit in window.findChildren(QLineEdit)]


def test_first_run_leads_to_the_main_window_in_french(qtbot, open_window, data_dir):
    window = open_window(data_dir)
    setup = window.setup_screen
    assert window.gate.currentWidget() is setup
    assert setup.create_button.text() == "&Créer le coffre"

    setup.passphrase.setText("court")
    assert not setup.create_button.isEnabled()
    assert setup.strength_label.text() == "Au moins 10 caractères."
    qtbot.keyClicks(setup.passphrase, " pas assez")  # "court pas assez": long enough, weak
    assert "faible" in setup.strength_label.text()
    setup.passphrase.setText(PASSPHRASE)
    assert setup.strength_label.text().endswith("excellente")
    setup.repeat.setText(PASSPHRASE + "!")
    setup.site.setText("Bibliothèque Côté-Jardin")
    setup.worker.setText("Alex Tremblay")
    assert not setup.create_button.isEnabled()
    assert setup.problem() == "Les deux phrases de passe sont différentes."
    mismatch = setup.fields.mismatch  # said in red right under the repeat field, not far below
    assert mismatch.isVisibleTo(setup) and mismatch.text() == "Les deux phrases de passe sont différentes."
    assert "#b00020" in mismatch.styleSheet()
    setup._submit()  # Enter: the message stays at the field, and nothing typed is lost
    assert not setup.message.isVisibleTo(setup) and setup.repeat.text() == PASSPHRASE + "!"
    setup.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert setup.busy_bar.isVisibleTo(window)  # feedback while Argon2id works
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10000)

    assert window.workspace.sidebar.item(0).text() == "Paramètres"
    assert window.countdown.text().startswith("Verrouillage dans 5:")
    assert window.workspace.page("settings").site.text() == "Bibliothèque Côté-Jardin"
    check = Vault(data_dir)
    check.unlock(PASSPHRASE)
    with check.session() as s:
        assert settings.get(s, settings.WORKER_NAME) == "Alex Tremblay"
    check.lock()


def test_wrong_then_right_passphrase(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root)
    assert window.gate.currentWidget() is window.unlock_screen
    assert window.unlock_screen.site_label.text() == "Milieu"  # encrypted at cold start
    before = files_digest(locked_vault.paths.root)

    unlock_with(qtbot, window, "not the passphrase")
    assert not window.is_unlocked
    assert window.unlock_screen.message.text().startswith("Phrase de passe incorrecte.")
    assert window.unlock_screen.passphrase.text() == ""
    assert files_digest(locked_vault.paths.root) == before  # nothing written

    unlock_with(qtbot, window, PASSPHRASE)
    assert window.is_unlocked
    assert window.findChildren(Page)
    window.lock()
    assert window.unlock_screen.site_label.text() == "Bibliothèque de test"


def test_growing_delay_after_three_failures_shows_a_countdown(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root)
    before = files_digest(locked_vault.paths.root)
    for _ in range(3):
        unlock_with(qtbot, window, "wrong guess")
    screen = window.unlock_screen
    assert screen.waiting
    assert not screen.passphrase.isEnabled() and not screen.unlock_button.isEnabled()
    assert "Réessayez dans 2 secondes." in screen.message.text()
    qtbot.waitUntil(lambda: screen.passphrase.isEnabled(), timeout=5000)
    unlock_with(qtbot, window, "wrong again")
    assert "Réessayez dans 4 secondes." in screen.message.text()
    assert files_digest(locked_vault.paths.root) == before


def test_idle_lock_hides_the_data_and_the_typed_draft_returns(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root, idle_lock_seconds=1.5)
    unlock_with(qtbot, window, PASSPHRASE)
    page = window.workspace.page("settings")
    page.site.selectAll()
    qtbot.keyClicks(page.site, "Annexe Saint-Joseph (brouillon)")
    assert window.is_unlocked

    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=5000)
    qtbot.wait(20)  # let the destroyed pages go
    assert not window.vault.is_unlocked
    assert window.gate.currentWidget() is window.unlock_screen
    assert window.findChildren(Page) == []
    assert not any("brouillon" in t or "Bibliothèque de test" in t for t in visible_texts(window))
    assert not window.statusBar().isVisible()

    unlock_with(qtbot, window, PASSPHRASE)
    page = window.workspace.page("settings")
    assert page.site.text() == "Annexe Saint-Joseph (brouillon)"
    assert window.workspace.current_page_id() == "settings"
    # Saving stores it and the draft is gone.
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    window.ctx.ops.wait()  # saved (and the draft dropped) on the writer thread
    with window.vault.session() as s:
        assert settings.get(s, settings.SITE_NAME) == "Annexe Saint-Joseph (brouillon)"
        assert drafts.load(s, "settings") is None


def test_ctrl_l_locks(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root)
    unlock_with(qtbot, window, PASSPHRASE)
    window.activateWindow()
    page = window.workspace.page("settings")
    page.worker.setFocus()
    qtbot.keyClick(page.worker, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert not window.vault.is_unlocked
    assert window.gate.currentWidget() is window.unlock_screen


def test_settings_change_the_idle_delay_and_the_language(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root)
    unlock_with(qtbot, window, PASSPHRASE)
    page = window.workspace.page("settings")
    page.idle_minutes.setValue(12)
    page.language.setCurrentIndex(page.language.findData("en"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    window.ctx.ops.wait()  # saved on the writer thread; the window listens for the setting change
    assert window.idle.timeout_s == 12 * 60
    assert window.countdown.text().startswith("Verrouillage dans 12:") or window.countdown.text().startswith(
        "Verrouillage dans 11:"
    )
    from app.prefs import load_language

    assert load_language(locked_vault.paths.prefs) == "en"
    assert page.message.text() == "Paramètres enregistrés."


def corrupt(db_path) -> None:
    """Flip bytes in the middle of a page (not the salt): the page's HMAC no longer matches."""
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 + 200, 4096 + 260):
        data[offset] ^= 0xFF
    db_path.write_bytes(bytes(data))


def test_integrity_failure_names_the_latest_backup_and_restores_it(qtbot, open_window, make_vault):
    vault = make_vault()
    backup = vault.backup()
    vault.lock()
    corrupt(vault.paths.database)
    dialogs = ScriptedDialogs(confirm_answer=True)
    window = open_window(vault.paths.root, dialogs=dialogs)

    unlock_with(qtbot, window, PASSPHRASE)
    assert not window.is_unlocked
    message = window.unlock_screen.message.text()
    assert message.startswith("La base de données du coffre est endommagée")
    assert backup.name in message and "milieu restore" in message
    assert window.unlock_screen.restore_button.isVisibleTo(window)

    window.unlock_screen.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(window.unlock_screen.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10000)
    assert dialogs.said[0][0] == "confirm" and backup.name in dialogs.said[0][2]
    assert dialogs.said[-1][1] == "Sauvegarde restaurée"
    assert window.workspace.page("settings").site.text() == "Bibliothèque de test"


def test_integrity_failure_without_backup_says_so(qtbot, open_window, locked_vault):
    corrupt(locked_vault.paths.database)
    window = open_window(locked_vault.paths.root)
    unlock_with(qtbot, window, PASSPHRASE)
    assert "aucune sauvegarde n’a été trouvée" in window.unlock_screen.message.text()
    assert not window.unlock_screen.restore_button.isVisibleTo(window)


def test_newer_schema_is_refused_with_a_clear_message(qtbot, open_window, make_vault):
    vault = make_vault()
    with vault.engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('ffff_from_the_future')"))
    vault.lock()
    window = open_window(vault.paths.root)
    unlock_with(qtbot, window, PASSPHRASE)
    assert not window.is_unlocked
    assert window.unlock_screen.message.text().startswith(
        "Ce coffre a été enregistré par une version plus récente de Milieu."
    )


def test_qt_standard_buttons_are_french(qtbot, french):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_english_is_selectable(qtbot, qapp, data_dir):
    assert install_translators(qapp, "en") == []
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.start()
    assert window.setup_screen.create_button.text() == "&Create the vault"


def test_idle_lock_also_closes_an_open_dialog(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root, idle_lock_seconds=1.0)
    unlock_with(qtbot, window, PASSPHRASE)
    # A real message box, left open by a worker who walked away: exec() returns at the lock.
    window.dialogs.info("Fiche", "Grand Marc, casquette rouge")
    assert not window.is_unlocked
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w is not window)


def test_closing_the_window_keeps_the_draft(qtbot, open_window, locked_vault):
    window = open_window(locked_vault.paths.root)
    unlock_with(qtbot, window, PASSPHRASE)
    page = window.workspace.page("settings")
    page.worker.selectAll()
    qtbot.keyClicks(page.worker, "Camille (brouillon)")
    window.close()
    assert not window.vault.is_unlocked
    locked_vault.unlock(PASSPHRASE)
    with locked_vault.session() as s:
        assert drafts.load(s, "settings")["worker_name"] == "Camille (brouillon)"


def test_first_run_and_navigation_by_keyboard_only(qtbot, open_window, data_dir, monkeypatch):
    from views import registry

    monkeypatch.setattr(registry, "PAGES", [*registry.PAGES, ("notes", "tests.test_gui_shell:NotesPage")])
    monkeypatch.setattr(registry, "STATUS_WIDGETS", ["tests.test_gui_shell:NoteCount"])
    window = open_window(data_dir)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.setup_screen.passphrase, timeout=2000)

    def type_then_tab(text):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    for text in (PASSPHRASE, PASSPHRASE, "Annexe Saint-Joseph"):  # QTest types ASCII only
        type_then_tab(text)
    qtbot.keyClicks(QApplication.focusWidget(), "Alex Tremblay")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10000)
    assert window.workspace.page("settings").worker.text() == "Alex Tremblay"
    assert window.workspace.sidebar.item(window.workspace.sidebar.count() - 1).text() == "Notes"
    assert QApplication.focusWidget() is window.workspace.sidebar, QApplication.focusWidget()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the sidebar has the focus
    assert window.workspace.current_page_id() == "notes"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_page_id() == "settings"
    assert window.statusBar().findChild(QLabel, "note_count").isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    assert window.statusBar().findChild(QLabel, "note_count") is None  # destroyed with the pages


def test_every_registered_page_builds_with_a_french_title(qtbot, open_window, locked_vault, monkeypatch):
    from views import registry

    monkeypatch.undo()  # the real registry, with every feature's pages and status widgets
    window = open_window(locked_vault.paths.root)
    unlock_with(qtbot, window, PASSPHRASE)
    sidebar = window.workspace.sidebar
    assert [p.page_id for p in window.workspace.pages] == [page_id for page_id, _ in registry.PAGES]
    titles = [sidebar.item(row).text() for row in range(sidebar.count())]
    assert all(titles) and "Paramètres" in titles and "Settings" not in titles
    for row in range(sidebar.count()):
        window.workspace.show_row(row)
    window.lock()


class BrokenPage(Page):
    page_id = "broken"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        raise RuntimeError("this page cannot be built")

    def title(self):
        return "Cassée"


def test_a_page_that_fails_to_build_leaves_the_vault_locked(qtbot, open_window, locked_vault, monkeypatch):
    from views import registry

    monkeypatch.setattr(registry, "PAGES", [*registry.PAGES, ("broken", "tests.test_gui_shell:BrokenPage")])
    window = open_window(locked_vault.paths.root)
    with qtbot.captureExceptions() as exceptions:
        unlock_with(qtbot, window, PASSPHRASE)
        qtbot.wait(20)
    assert [str(e[1]) for e in exceptions] == ["this page cannot be built"]
    assert not window.is_unlocked and not window.vault.is_unlocked
    assert window.gate.currentWidget() is window.unlock_screen
    assert window.findChildren(Page) == []
    assert window.unlock_screen.message.text().startswith("Erreur inattendue")
