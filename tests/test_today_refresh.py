"""Today after an operation: what changed shows at once, and only what a change touches is redone.

Today re-reads only the parts of the page a change touches, and reads in full only the
contacts new or changed since it last showed them (their version and their people's
versions). These tests drive the real window and check what a worker would see.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import update

from app import codes, contacts, people
from app.contacts import ContactInput
from app.floor_reads import PART_CONTACTS, PART_NOTICES, PART_STOCK, today_parts
from app.ops import Changes, Entity
from app.ops import floor as floor_ops
from app.ops import people as people_ops
from app.ops import privacy as privacy_ops
from models.core import AuditEvent
from tests.floor_gui_kit import focused, open_unlocked

CTRL = Qt.KeyboardModifier.ControlModifier
NOW = datetime.now().replace(second=0, microsecond=0)


@pytest.fixture
def floor(make_vault):
    vault = make_vault()
    with vault.session() as s:
        types = sorted(codes.active_codes_of(s, ("contact_type",))["contact_type"])
        marc = people.create_person(s, "Marc au vélo").id
        elodie = people.create_person(s, "Élodie au foulard").id
        first = contacts.create_contact(s, ContactInput(
            occurred_at=NOW - timedelta(minutes=5), person_ids=[marc], types=[types[0]])).contact.id
        due = contacts.create_contact(s, ContactInput(
            occurred_at=NOW - timedelta(days=3), person_ids=[elodie], types=[types[0]],
            follow_up_on=date.today() - timedelta(days=1))).contact.id
    vault.ids = {"marc": marc, "elodie": elodie, "first": first, "due": due, "types": types}
    return vault


def texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def save_from_the_panel(qtbot, window, who: str) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(focused(), who)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # a type
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()


def run(window, op, *args, **kwargs):
    window.ctx.ops.run(op, *args, **kwargs)
    window.ctx.ops.wait()


def test_after_a_save_today_shows_the_new_contact_its_count_and_the_week(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    page = window.workspace.page("today")
    assert "(1)" in page.contacts_title.text() and texts(page.contacts_list)[0].count("Marc au vélo") == 1
    week = int(page.week_contacts.text().split()[0])
    save_from_the_panel(qtbot, window, "elo")
    assert "(2)" in page.contacts_title.text()
    lines = texts(page.contacts_list)
    assert len(lines) == 2 and "Élodie au foulard" in lines[0] and "Marc au vélo" in lines[1]
    assert int(page.week_contacts.text().split()[0]) == week + 1
    with window.vault.session() as s:  # committed: another connection sees it
        assert len(contacts.get_contact(s, page.contacts_list.item(0).data(Qt.ItemDataRole.UserRole)[1]).persons) == 1


def test_an_edited_contact_a_renamed_person_and_a_deleted_contact_show_at_once(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    page = window.workspace.page("today")
    before = texts(page.contacts_list)[0]
    types = floor.ids["types"]
    run(window, floor_ops.save_contact, floor_ops.ContactSave(
        ContactInput(occurred_at=NOW - timedelta(minutes=5), person_ids=[floor.ids["marc"]], types=[types[1]]),
        contact_id=floor.ids["first"]))
    edited = texts(page.contacts_list)[0]
    assert edited != before and "Marc au vélo" in edited  # the type's label changed in the line

    run(window, people_ops.update_person, floor.ids["marc"], alias="Marc à la tuque")
    assert "Marc à la tuque" in texts(page.contacts_list)[0]
    run(window, people_ops.update_person, floor.ids["elodie"], alias="Élodie aux mitaines")
    assert any("Élodie aux mitaines" in line for line in texts(page.follow_list))  # a follow-up's line too

    run(window, floor_ops.delete_contact, floor.ids["first"])
    assert "(0)" in page.contacts_title.text()
    assert not page.contacts_list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable  # the placeholder


def test_the_follow_up_chosen_stays_chosen_when_a_contact_is_saved(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    page = window.workspace.page("today")
    page.follow_list.setCurrentRow(0)
    chosen = page.follow_list.currentItem().data(Qt.ItemDataRole.UserRole)
    save_from_the_panel(qtbot, window, "marc")
    assert page.follow_list.currentItem() is not None
    assert page.follow_list.currentItem().data(Qt.ItemDataRole.UserRole) == chosen


def test_a_contact_save_refreshes_only_what_shows_a_changed_entity(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    page = window.workspace.page("today")
    refreshed: list[str] = []
    widgets = {f"page {p.page_id}": p for p in window.workspace.pages}
    widgets["unsent"] = window.findChild(QLabel, "unsent_status")
    for name, widget in widgets.items():
        for method in ("refresh", "refresh_changed", "update_text"):
            original = getattr(widget, method, None)
            if callable(original):
                def counted(*a, _o=original, _n=name, **k):
                    refreshed.append(_n)
                    return _o(*a, **k)
                setattr(widget, method, counted)
    notices: list = []
    original_notices = page._show_notices
    page._show_notices = lambda *a: (notices.append(a), original_notices(*a))

    save_from_the_panel(qtbot, window, "marc")
    assert sorted(set(refreshed)) == ["page today", "unsent"]  # hidden pages wait until shown
    assert notices == []  # a contact changes neither bundles, privacy requests nor the retention run


def test_which_parts_of_today_a_change_touches():
    saved = today_parts(Changes.of(Entity.CONTACT, Entity.PERSON))
    assert PART_CONTACTS in saved and PART_NOTICES not in saved and PART_STOCK not in saved
    assert PART_STOCK in today_parts(Changes.of(Entity.CONTACT, Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT))
    assert today_parts(Changes.of(Entity.DIRECTORY)) == frozenset()
    assert PART_NOTICES in today_parts(Changes.of(Entity.AUDIT))  # the retention run's reminder


def test_a_retention_run_takes_its_reminder_off_today(qtbot, french, floor):
    with floor.session() as s:  # the vault was made two months ago: the monthly run is due
        s.execute(update(AuditEvent).values(at=datetime.now() - timedelta(days=60)))
    window = open_unlocked(qtbot, floor)
    page = window.workspace.page("today")
    assert page.privacy_warning.isVisible() and "conservation" in page.privacy_warning.text()
    run(window, privacy_ops.run_retention, date.today())
    assert not page.privacy_warning.isVisible()


def test_the_page_under_the_panel_is_disabled_while_it_shows(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    today_page, contacts_page = window.workspace.page("today"), window.workspace.page("contacts")
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.isVisible() and not today_page.isEnabled() and panel.isEnabled()
    window.show_page("contacts")  # another page while the form is open: covered in turn
    assert not contacts_page.isEnabled() and today_page.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not panel.isVisible() and contacts_page.isEnabled() and today_page.isEnabled()
