"""The floor pages in the real window: edit and delete from the list, history, merge, supplies, Today."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import contacts, history, lists, people, supplies
from app.contacts import ContactInput
from models.contacts import Contact
from tests.floor_gui_kit import ScriptedDialogs, focused, open_unlocked
from views.i18n import install_translators

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def french(qapp):
    translators = install_translators(qapp, "fr_CA")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def seeded(make_vault):
    vault = make_vault()
    now = datetime.now().replace(second=0, microsecond=0)
    with vault.session() as s:
        elodie = people.create_person(s, "Élodie au foulard")
        twin = people.create_person(s, "Élo, foulard bleu")  # the same person, met again under another name
        contacts.create_contact(s, ContactInput(
            occurred_at=now - timedelta(days=3), person_ids=[elodie.id], types=["listening"],
            follow_up_on=date.today() - timedelta(days=1), notes="Premier contact",
        ))
        contacts.create_contact(s, ContactInput(occurred_at=now - timedelta(days=2), person_ids=[twin.id],
                                                types=["awareness"]))
        contacts.create_contact(s, ContactInput(occurred_at=now - timedelta(days=1), person_ids=[twin.id],
                                                types=["referral"]))
        vault.ids = {"elodie": elodie.id, "twin": twin.id}
    return vault


def test_open_edit_and_history_from_the_contact_list(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    assert page.model.rowCount() == 3
    qtbot.waitUntil(lambda: page.count_label.text() == "3 contacts")
    page.table.selectRow(2)  # the oldest: Élodie's
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    panel = window.ctx.extras["quick_entry"].edit_panel
    assert panel.isVisible() and panel.title_label.text() == "Modifier le contact"
    assert panel.notes.toPlainText() == "Premier contact"
    panel.notes.setPlainText("Premier contact, corrigé")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert not panel.isVisible()
    row = page.model.row_at(2)
    assert row.notes == "Premier contact, corrigé"
    with window.vault.session() as s:
        versions = history.versions(s, "contact", row.uid)
        assert [v.op for v in versions] == ["create", "update"]
        assert json.loads(versions[0].data)["notes"] == "Premier contact"


def test_delete_asks_then_leaves_a_tombstone(qtbot, french, seeded):
    dialogs = ScriptedDialogs(confirm_answer=False)
    window = open_unlocked(qtbot, seeded, dialogs)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert dialogs.said[-1][0] == "confirm" and "historique est conservé" in dialogs.said[-1][2]
    assert page.model.rowCount() == 3  # declined: nothing happened
    dialogs.confirm_answer = True
    uid = page.model.row_at(0).uid
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    window.ctx.ops.wait()
    assert page.model.rowCount() == 2
    with window.vault.session() as s:
        gone = s.scalar(select(Contact).where(Contact.uid == uid))
        assert gone is not None and gone.deleted_at is not None  # kept, marked deleted
        assert history.versions(s, "contact", uid)[-1].op == "delete"


def test_person_page_merge_keeps_every_contact(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    window.show_page("people")
    page = window.workspace.page("people")
    page.search.setFocus()
    qtbot.keyClicks(page.search, "elodie")
    assert page.model.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    detail = page.detail
    assert page.stack.currentWidget() is detail and detail.title.text() == "Élodie au foulard"
    assert detail.timeline_model.rowCount() == 1
    assert detail.merge_with(seeded.ids["twin"], "Élo, foulard bleu")
    window.ctx.ops.wait()
    assert window.dialogs.said[-1][0] == "confirm"
    assert detail.timeline_model.rowCount() == 3  # her contact and both of the duplicate's
    with window.vault.session() as s:
        rows, _ = lists.person_timeline(s, seeded.ids["elodie"])
        assert len(rows) == 3
        assert [m.alias for m in people.search_people(s, "foulard")] == ["Élodie au foulard"]


def test_person_details_saved_with_field_errors_first(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    window.show_page("people")
    page = window.workspace.page("people")
    page.open_person(seeded.ids["elodie"])
    detail = page.detail
    detail.alias.clear()
    detail.first_name.setText("Élodie")
    detail.languages.boxes["fr"].setChecked(True)
    detail.groups.boxes["single_parent"].setChecked(True)
    detail.save()
    window.ctx.ops.wait()  # refused by the operation: said at the field
    assert detail.alias_error.isVisible() and detail.alias_error.text() == "Ce champ est obligatoire."
    assert detail.first_name.text() == "Élodie"  # nothing typed is lost
    detail.alias.setText("Élodie au foulard vert")
    assert detail.save()
    window.ctx.ops.wait()
    with window.vault.session() as s:
        p = people.get_person(s, seeded.ids["elodie"])
        assert (p.alias, p.first_name, p.language_codes, p.group_codes) == (
            "Élodie au foulard vert", "Élodie", ["fr"], ["single_parent"])


def test_supplies_receive_count_and_add(qtbot, french, seeded):
    with seeded.session() as s:
        supplies.create_item(s, "Bas", unit="paire", low_stock_level=5, initial_stock=3)
    window = open_unlocked(qtbot, seeded)
    window.show_page("supplies")
    page = window.workspace.page("supplies")
    assert page.table.rowCount() == 1 and page.table.item(0, 4).text() == "Bas"  # state: low
    page.receive_qty.setValue(10)
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    page.ctx.ops.wait()
    assert page.table.item(0, 2).text() == "13" and page.table.item(0, 4).text() == "Suffisant"
    page.count_qty.setValue(11)
    qtbot.mouseClick(page.count_button, Qt.MouseButton.LeftButton)
    page.ctx.ops.wait()
    assert page.table.item(0, 2).text() == "11"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.new_error.isVisible()  # a name is needed
    page.new_name.setText("Tuques")
    page.new_stock.setValue(4)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.ctx.ops.wait()
    assert page.table.rowCount() == 2 and page.new_name.text() == ""
    with window.vault.session() as s:
        assert [(i.name, i.stock_on_hand) for i in supplies.items(s)] == [("Bas", 11), ("Tuques", 4)]


def test_today_lists_follow_ups_and_marks_them_done(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    page = window.workspace.page("today")
    assert page.follow_list.count() == 1
    assert page.follow_list.item(0).text().startswith("En retard depuis le")
    assert page.week_contacts.text().endswith("contacts") or page.week_contacts.text().endswith("contact")
    page.follow_list.setCurrentRow(0)
    qtbot.mouseClick(page.follow_done, Qt.MouseButton.LeftButton)
    window.ctx.ops.wait()
    assert page.follow_list.item(0).text() == "Aucun suivi à faire aujourd'hui."


def test_filters_from_the_bar(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    page.type_filter.setCurrentIndex(page.type_filter.findData("awareness"))
    assert page.model.rowCount() == 1 and page.model.row_at(0).type_codes == ("awareness",)
    page.type_filter.setCurrentIndex(0)
    page.period.setCurrentIndex(page.period.findData("range"))
    assert page.range_box.isVisible()
    two_days_ago = date.today() - timedelta(days=2)
    from PySide6.QtCore import QDate
    page.date_from.setDate(QDate(two_days_ago.year, two_days_ago.month, two_days_ago.day))
    page.date_to.setDate(QDate(two_days_ago.year, two_days_ago.month, two_days_ago.day))
    assert page.model.rowCount() == 1 and page.model.row_at(0).occurred_at.date() == two_days_ago
    page.period.setCurrentIndex(page.period.findData("all"))
    page.person_filter.setFocus()
    qtbot.keyClicks(page.person_filter, "elodie")
    qtbot.keyClick(page.person_filter, Qt.Key.Key_Return)
    assert page.person_filter.text() == "Élodie au foulard"
    assert [page.model.row_at(r).person_aliases for r in range(page.model.rowCount())] == [("Élodie au foulard",)]
    page.person_filter.clear()
    assert page.model.rowCount() == 3


def test_history_dialog_lists_versions_newest_first(qtbot, french, seeded):
    with seeded.session() as s:
        rows, _ = lists.person_timeline(s, seeded.ids["elodie"])
        contact_id, uid = rows[0].id, rows[0].uid
        data = contacts.contact_input(s, contact_id)
        data.notes = "Corrigé"
        contacts.update_contact(s, contact_id, data)
    window = open_unlocked(qtbot, seeded)
    from views.floor.history_dialog import HistoryDialog

    dialog = HistoryDialog(window.ctx, "contact", uid, "Contact", window)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "2" and table.item(0, 3).text() == "Modifié : notes"
    assert table.item(1, 3).text() == "Créé" and table.item(1, 2).text() == "Intervenant test"


def test_merge_dialog_picks_the_duplicate(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    from views.floor.person_detail import MergeDialog

    dialog = MergeDialog(window.ctx, seeded.ids["elodie"], "Élodie au foulard", window)
    qtbot.addWidget(dialog)
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "bleu")
    assert dialog.results.count() == 1  # never the person herself
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen == (seeded.ids["twin"], "Élo, foulard bleu")


def test_person_form_draft_survives_a_lock(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    window.show_page("people")
    page = window.workspace.page("people")
    page.open_person(seeded.ids["elodie"])
    page.detail.first_name.setFocus()
    qtbot.keyClicks(page.detail.first_name, "Elodie")
    window.lock()
    from tests.floor_gui_kit import unlock

    unlock(qtbot, window)
    page = window.workspace.page("people")
    assert window.workspace.current_page_id() == "people"
    page.open_person(seeded.ids["elodie"])
    assert page.detail.first_name.text() == "Elodie"
    assert "reprises" in page.detail.summary.text()
    assert page.detail.save()
    window.ctx.ops.wait()
    with window.vault.session() as s:
        assert people.get_person(s, seeded.ids["elodie"]).first_name == "Elodie"


def test_tab_order_follows_the_screen(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    seen = [focused()]
    for _ in range(60):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    names = [w.objectName() for w in seen]
    assert names[:3] == ["person_search", "unidentified_count", "type_first_contact"]
    order = [names.index(n) for n in ("type_emergency_supplies", "theme_mental_health", "notes", "directory_search",
                                       "referrals_list", "occurred_at", "save_contact")]
    assert order == sorted(order)
    assert all(panel.isAncestorOf(w) for w in seen)  # Tab never leaves the panel for the page below


def test_a_hidden_list_is_current_when_shown_again(qtbot, french, seeded):
    window = open_unlocked(qtbot, seeded)
    window.show_page("contacts")
    contacts_page = window.workspace.page("contacts")
    assert contacts_page.model.rowCount() == 3
    window.show_page("today")
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(focused(), "elodie")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    window.show_page("contacts")
    assert contacts_page.model.rowCount() == 4
    assert contacts_page.model.row_at(0).person_aliases == ("Élodie au foulard",)
