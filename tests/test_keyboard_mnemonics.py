"""Keyboard: no two visible controls of one screen share a mnemonic (Alt+letter), every page
has its Ctrl+digit and the sidebar shows it."""
from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QTabWidget, QWidget

from app.directory.sample import import_sample
from app.people import create_person
from tests.floor_gui_kit import ScriptedDialogs, open_unlocked


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Letter -> texts of the visible controls that answer Alt+letter in ``root``'s window."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        texts = []
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
        for text in texts:
            letter = mnemonic(text)
            if letter:
                found[letter].append(text.replace("&", ""))
    return found


def clashes(root: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in mnemonics(root).items() if len(texts) > 1}


def test_mnemonic_reading():
    assert mnemonic("&Exporter en PDF") == "e" and mnemonic("Fiche en P&DF…") == "d"
    assert mnemonic("Tom && Jerry") is None and mnemonic("R && &D") == "d"


def each_tab(root: QWidget):
    """Every combination a user can see: each tab of each tab widget, one at a time."""
    yield "page"
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield tabs.tabText(index).replace("&", "")
        tabs.setCurrentIndex(0)


@pytest.fixture(params=["fr_CA", "en"])
def language(request, qapp):
    """Both interfaces: the mnemonics are chosen per language (in the translations)."""
    from PySide6.QtCore import QLocale

    from views.i18n import install_translators

    before = QLocale()
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot, make_vault, language):
    vault = make_vault()
    with vault.session() as s:
        import_sample(s)
        create_person(s, "Grand Marc")
    window = open_unlocked(qtbot, vault, ScriptedDialogs())
    window.resize(1366, 720)
    yield window
    window.close()


def test_no_two_visible_controls_of_a_page_share_a_mnemonic(qtbot, window):
    found = {}
    for page in window.workspace.pages:
        window.show_page(page.page_id)
        QApplication.processEvents()
        for tab in each_tab(page):
            clash = clashes(window)
            if clash:
                found[f"{page.title()} / {tab}"] = clash
    assert not found, "\n".join(f"{where}: {clash}" for where, clash in found.items())


def test_no_two_controls_of_the_contact_panel_share_a_mnemonic(qtbot, window):
    window.show_page("today")
    quick = window.ctx.extras["quick_entry"]
    quick.open_new()
    QApplication.processEvents()
    assert not clashes(window), clashes(window)


def main_dialogs(window):
    """The dialogs a worker opens every week, built as their pages build them."""
    from app.directory.search import SearchFilters, search_services
    from views.activity.evaluation_dialogs import HighlightsDialog, VisitsDialog
    from views.activity.presence_dialog import PresenceDialog
    from views.directory.refer_dialog import ReferDialog
    from views.directory.service_editor import ServiceEditor
    from views.floor.add_person_dialog import AddPersonDialog
    from views.floor.merge_dialog import MergeDialog
    from views.pages.code_lists import CodeListsDialog
    from views.passphrase_dialog import ChangePassphraseDialog
    from views.privacy.incident_dialog import IncidentDialog
    from views.privacy.person_dialog import PersonPrivacyDialog

    ctx = window.ctx
    service = ctx.ops.read(search_services, "refuge", SearchFilters(), limit=1)[0]
    with window.vault.session() as s:
        from models.people import Person

        person = s.query(Person).filter_by(alias="Grand Marc").one().id
    yield "Référer", ReferDialog(ctx, service.id, service.name, window)
    yield "Ajouter une personne", AddPersonDialog(ctx, window)
    yield "Nouveau service", ServiceEditor(ctx, None, window)
    yield "Modifier un service", ServiceEditor(ctx, service.id, window)
    yield "Fusionner", MergeDialog(ctx, person, "Grand Marc", window)
    yield "Confidentialité d'une personne", PersonPrivacyDialog(ctx, person, "Grand Marc", window)
    yield "Incident", IncidentDialog(ctx, window)
    yield "Heures de présence", PresenceDialog(ctx, window)
    yield "Visites", VisitsDialog(ctx, window)
    yield "Faits saillants", HighlightsDialog(ctx, window)
    yield "Listes", CodeListsDialog(ctx, window)
    yield "Phrase de passe", ChangePassphraseDialog(window.vault, window.tasks, window)


def test_no_two_controls_of_a_main_dialog_share_a_mnemonic(qtbot, window):
    found = {}
    for name, dialog in main_dialogs(window):
        dialog.show()
        QApplication.processEvents()
        for tab in each_tab(dialog):
            clash = clashes(dialog)
            if clash:
                found[f"{name} / {tab}"] = clash
        dialog.reject()
        dialog.deleteLater()
    assert not found, "\n".join(f"{where}: {clash}" for where, clash in found.items())


def test_the_unlock_and_setup_screens_have_distinct_mnemonics(qtbot, data_dir, language):
    from tests.conftest import FAST_KDF
    from views.main_window import MainWindow

    window = MainWindow(data_dir, kdf_params=FAST_KDF)
    qtbot.addWidget(window)
    window.start()
    window.show()
    QApplication.processEvents()
    assert not clashes(window), clashes(window)  # setup: no vault in data_dir yet
    window.gate.setCurrentWidget(window.unlock_screen)
    QApplication.processEvents()
    assert not clashes(window), clashes(window)
    window.close()


def test_every_page_has_its_ctrl_digit_shown_in_the_sidebar(qtbot, window):
    workspace = window.workspace
    sidebar = workspace.sidebar
    settings_row = next(row for row, page in enumerate(workspace.pages) if page.page_id == "settings")
    qtbot.keyClick(sidebar, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_page_id() == "settings"
    assert "Ctrl+0" in sidebar.item(settings_row).toolTip()
    qtbot.keyClick(sidebar, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_page_id() == workspace.pages[3].page_id
    for row in range(9):
        assert sidebar.item(row).toolTip() == f"{workspace.pages[row].title()} (Ctrl+{row + 1})"
        assert sidebar.item(row).data(Qt.ItemDataRole.UserRole + 1) == f"Ctrl+{row + 1}"  # the grey hint
