"""Quick entry as the worker uses it: keys only, a real vault, the real main window (French)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import contacts, lists, people, supplies
from app.contacts import ContactInput
from models.contacts import Contact
from tests.floor_gui_kit import ScriptedDialogs, focused, open_unlocked, unlock
from views.i18n import install_translators

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp, "fr_CA")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def floor_vault(make_vault):
    """Élodie and Marc (invented aliases); Marc's contact an hour ago sets place and duration."""
    vault = make_vault()
    with vault.session() as s:
        elodie = people.create_person(s, "Élodie au foulard")
        marc = people.create_person(s, "Grand Marc, casquette rouge")
        contacts.create_contact(s, ContactInput(
            occurred_at=datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1),
            duration_min=25, place_code="lib_computers", person_ids=[marc.id], types=["awareness"],
        ))
        vault.ids = {"elodie": elodie.id, "marc": marc.id}
    return vault


def live_contacts(vault, person_id):
    with vault.session() as s:
        rows, _ = lists.person_timeline(s, person_id)
        return rows


def test_routine_contact_in_five_actions(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    assert window.workspace.current_page_id() == "today"  # the landing page after unlock

    # 1. Ctrl+N from wherever the focus is (here the sidebar).
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.isVisible() and focused() is panel.person_field.edit
    # 2. Three letters of the alias, without the accent.
    qtbot.keyClicks(focused(), "elo")
    # 3. Enter adds the first match; the focus moves to the types row.
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    # 4. "2" toggles the second type (Écoute).
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    # 5. "S" toggles the theme Santé mentale (its letter is shown on the chip).
    assert panel.theme_buttons["mental_health"].text().startswith("S ")
    qtbot.keyClick(focused(), Qt.Key.Key_S)
    # 6. Ctrl+Enter saves and closes.
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()

    assert not panel.isVisible()
    [row] = live_contacts(window.vault, floor_vault.ids["elodie"])
    assert row.person_aliases == ("Élodie au foulard",)
    assert row.type_codes == ("listening",)
    assert row.theme_codes == ("mental_health",)
    # Place and duration come from the last contact entered (Marc's).
    assert (row.place_code, row.duration_min) == ("lib_computers", 25)
    assert abs(row.occurred_at - datetime.now()) < timedelta(minutes=2)
    # Today shows it at once.
    today_page = window.workspace.page("today")
    texts = [today_page.contacts_list.item(i).text() for i in range(today_page.contacts_list.count())]
    assert any("Élodie au foulard" in t and "Écoute" in t for t in texts)


def test_typo_and_new_person(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elodei")  # swapped letters still find Élodie
    assert panel.person_field.matches.item(0).text().startswith("Élodie au foulard")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    # A second person nobody met yet: the only choice is "+ nouvelle personne".
    panel.person_field.edit.setFocus()
    qtbot.keyClicks(focused(), "Zoe du parc")  # (QTest types ASCII only)
    matches = panel.person_field.matches
    texts = [matches.item(i).text() for i in range(matches.count())]
    assert texts[-2] == "+ nouvelle personne « Zoe du parc »" and texts[-1] == "+ 1 personne non identifiée"
    while matches.currentRow() < matches.count() - 2:  # arrows move in the list, the field keeps the focus
        qtbot.keyClick(panel.person_field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.person_field.edit, Qt.Key.Key_Return)
    panel.person_field.unidentified.setValue(2)  # a group: 2 more not named
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()

    assert not panel.isVisible()
    with window.vault.session() as s:
        [zoe] = people.search_people(s, "zoe du parc")
        rows, _ = lists.contact_page(s, lists.ContactFilter(person_id=zoe.id))
    assert set(rows[0].person_aliases) == {
        "Zoe du parc", "Élodie au foulard"}
    assert rows[0].unidentified_count == 2 and rows[0].people_count == 4


def test_escape_keeps_a_draft_that_survives_a_lock(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Cherche un logement pour janvier")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert live_contacts(window.vault, floor_vault.ids["elodie"]) == []

    # The same session: Ctrl+N brings it back as it was.
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert panel.isVisible() and panel.person_field.persons == [(floor_vault.ids["elodie"], "Élodie au foulard")]
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    # A lock destroys every widget; after unlocking, the draft comes back from the vault.
    window.lock()
    assert not window.is_unlocked
    unlock(qtbot, window)
    assert window.workspace.page("today").new_button.text().startswith("Reprendre")
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.person_field.persons == [(floor_vault.ids["elodie"], "Élodie au foulard")]
    assert panel.type_buttons["listening"].isChecked()
    assert panel.notes.toPlainText() == "Cherche un logement pour janvier"
    assert panel.draft_note.text() == "Brouillon repris"
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    [row] = live_contacts(window.vault, floor_vault.ids["elodie"])
    assert row.notes == "Cherche un logement pour janvier"
    # Saved: no draft is left behind.
    assert not panel.keeper.has_draft()


def test_errors_show_at_their_field_and_nothing_typed_is_lost(qtbot, french, floor_vault):
    with floor_vault.session() as s:
        socks = supplies.create_item(s, "Bas", unit="paire", initial_stock=10).id
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    tomorrow = datetime.now() + timedelta(days=1)
    panel.occurred.setDateTime(QDateTime(QDate(tomorrow.year, tomorrow.month, tomorrow.day), QTime(10, 0)))
    panel.steppers[socks].quantity.setValue(-2)
    panel.notes.setPlainText("Notes à garder")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()

    assert panel.isVisible()
    assert panel.occurred_error.isVisible() and "après aujourd'hui" in panel.occurred_error.text()
    assert panel.steppers[socks].error.isVisible() and "inférieure à zéro" in panel.steppers[socks].error.text()
    assert live_contacts(window.vault, floor_vault.ids["elodie"]) == []
    # Everything typed is still there.
    assert panel.notes.toPlainText() == "Notes à garder"
    assert panel.type_buttons["listening"].isChecked()
    assert panel.person_field.persons == [(floor_vault.ids["elodie"], "Élodie au foulard")]

    # Fix both and save.
    panel.occurred.setDateTime(QDateTime.currentDateTime())
    panel.steppers[socks].quantity.setValue(0)
    qtbot.mouseClick(panel.steppers[socks].plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    window.ctx.ops.wait()
    assert not panel.isVisible()
    [row] = live_contacts(window.vault, floor_vault.ids["elodie"])
    assert row.supplies == (("Bas", 1),)


def test_nobody_chosen_is_said_at_the_person_field(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter on an empty field: on to the types
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert panel.isVisible()
    assert "personne" in panel.persons_error.text()


def test_more_than_in_stock_asks_first(qtbot, french, floor_vault):
    with floor_vault.session() as s:
        bars = supplies.create_item(s, "Barres tendres", initial_stock=1).id
    dialogs = ScriptedDialogs(confirm_answer=False)
    window = open_unlocked(qtbot, floor_vault, dialogs)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_8)  # Dépannage d'urgence
    for _ in range(3):
        qtbot.mouseClick(panel.steppers[bars].plus, Qt.MouseButton.LeftButton)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()

    # Declined: nothing saved, nothing lost.
    kind, title, text = dialogs.said[-1]
    assert kind == "confirm" and "Barres tendres" in text and "3" in text
    assert panel.isVisible() and panel.steppers[bars].quantity.value() == 3
    assert live_contacts(window.vault, floor_vault.ids["elodie"]) == []

    dialogs.confirm_answer = True
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert not panel.isVisible()
    with window.vault.session() as s:
        assert supplies.get_item(s, bars).stock_on_hand == -2
    assert window.workspace.page("today").low_list.count() >= 1


def test_repeat_last_contact_of_the_same_person(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "marc")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert panel.repeat_button.isEnabled()
    qtbot.mouseClick(panel.repeat_button, Qt.MouseButton.LeftButton)
    assert panel.type_buttons["awareness"].isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    rows = live_contacts(window.vault, floor_vault.ids["marc"])
    assert len(rows) == 2 and rows[0].type_codes == ("awareness",) and rows[0].place_code == "lib_computers"


def test_a_group_with_unidentified_persons_and_escape_closing_the_list_first(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    field = panel.person_field
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # closes the list, not the form
    assert panel.isVisible() and not field.matches.isVisible() and field.edit.text() == "elo"
    qtbot.keyClicks(field.edit, "d")
    assert field.matches.isVisible()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    for _ in range(2):  # two more people in the group, not named
        field.edit.setFocus()
        qtbot.keyClicks(field.edit, "x")
        last = field.matches.item(field.matches.count() - 1)
        assert last.text() == "+ 1 personne non identifiée"
        field.matches.setCurrentRow(field.matches.count() - 1)
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.unidentified.value() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_1)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    [row] = live_contacts(window.vault, floor_vault.ids["elodie"])
    assert row.people_count == 3 and row.type_codes == ("first_contact",)


def test_follow_up_done_is_kept_when_editing(qtbot, french, floor_vault):
    from datetime import date

    with floor_vault.session() as s:
        contact_id = contacts.create_contact(s, ContactInput(
            person_ids=[floor_vault.ids["elodie"]], types=["listening"], follow_up_on=date.today(),
        )).contact.id
        contacts.set_follow_up_done(s, contact_id, True)
    window = open_unlocked(qtbot, floor_vault)
    entry = window.ctx.extras["quick_entry"]
    assert entry.open_edit(contact_id)
    assert entry.edit_panel.follow_up_done.isChecked()
    entry.edit_panel.notes.setPlainText("Suivi fait en personne")
    assert entry.edit_panel.save()
    window.ctx.ops.wait()
    [row] = live_contacts(window.vault, floor_vault.ids["elodie"])
    assert row.follow_up_done and row.notes == "Suivi fait en personne"


def test_no_type_is_asked_at_the_types_row_and_one_key_fixes_it(qtbot, french, floor_vault):
    """A stray Enter then Ctrl+Enter saved a contact with no type, which the Bilan's type table missed."""
    window = open_unlocked(qtbot, floor_vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert panel.isVisible() and live_contacts(window.vault, floor_vault.ids["elodie"]) == []
    assert panel.types_error.isVisible() and "type" in panel.types_error.text()
    assert focused() in panel.type_buttons.values()
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # one key
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert not panel.isVisible()
    assert len(live_contacts(window.vault, floor_vault.ids["elodie"])) == 1


def test_escape_on_an_unsaved_contact_turns_today_into_resume_at_once(qtbot, french, floor_vault):
    window = open_unlocked(qtbot, floor_vault)
    today = window.workspace.page("today")
    assert today.new_button.text().startswith("Nouveau contact")
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    window.ctx.ops.wait()
    QApplication.processEvents()
    assert not panel.isVisible()
    assert today.new_button.text().startswith("Reprendre le contact")  # not only after a restart
    # Emptied and closed: the draft goes, and so does « Reprendre » (once the draft op is done).
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.mouseClick(panel.person_field.chips.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    assert not panel.has_content()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    window.ctx.ops.wait()
    QApplication.processEvents()
    assert not panel.isVisible()
    assert today.new_button.text().startswith("Nouveau contact")
