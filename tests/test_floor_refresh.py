"""Screens follow what operations change (the defects the operations layer fixed), in the real window."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app import contacts, people, supplies
from app.activity import conflicts
from app.contacts import ContactInput
from app.directory import referrals
from app.directory.sample import import_sample
from app.ops import Entity
from app.sync import export
from models.directory import DirService
from tests.floor_gui_kit import focused, open_unlocked

CTRL = Qt.KeyboardModifier.ControlModifier
NOW = datetime.now().replace(second=0, microsecond=0)


@pytest.fixture
def stocked(make_vault):
    vault = make_vault()
    with vault.session() as s:
        vault.ids = {
            "elodie": people.create_person(s, "Élodie au foulard").id,
            "socks": supplies.create_item(s, "Bas", unit="paire", initial_stock=10).id,
        }
    return vault


def open_panel(qtbot, window):
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.isVisible()
    return panel


def test_the_panel_shows_the_stock_left_after_a_contact_that_gave_supplies(qtbot, french, stocked):
    window = open_unlocked(qtbot, stocked)
    panel = open_panel(qtbot, window)
    socks = panel.steppers[stocked.ids["socks"]]
    assert socks.stock_label.text() == "10 en stock"
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # a type
    for _ in range(3):
        qtbot.mouseClick(socks.plus, Qt.MouseButton.LeftButton)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert not panel.isVisible()

    open_panel(qtbot, window)
    assert panel.steppers[stocked.ids["socks"]].stock_label.text() == "7 en stock"  # it said 10


def test_an_item_added_or_received_on_depannage_shows_in_the_panel_at_once(qtbot, french, stocked):
    window = open_unlocked(qtbot, stocked)
    open_panel(qtbot, window).close_keeping_draft()  # built and shown once, as after any unlock
    window.show_page("supplies")
    page = window.workspace.page("supplies")
    page.new_name.setText("Tuques")
    page.new_stock.setValue(4)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.table.selectRow(0)  # Bas
    page.receive_qty.setValue(5)
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    window.ctx.ops.wait()

    panel = open_panel(qtbot, window)
    shown = {s.name_label.text(): s.stock_label.text() for s in panel.steppers.values()}
    assert shown == {"Bas": "15 en stock", "Tuques": "4 en stock"}  # Tuques came only after the next unlock
    # The new item is part of the form: a quantity typed there is saved and kept in drafts.
    tuques = next(s for s in panel.steppers.values() if s.name_label.text() == "Tuques")
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # a type
    qtbot.mouseClick(tuques.plus, Qt.MouseButton.LeftButton)
    assert panel.keeper.dirty
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    with window.vault.session() as s:
        assert supplies.get_item(s, tuques.item_id).stock_on_hand == 3


def test_the_unsent_counter_counts_a_supply_change_at_once(qtbot, french, stocked):
    window = open_unlocked(qtbot, stocked)
    counter = window.findChild(QLabel, "unsent_status")

    def waiting() -> int:
        with window.vault.session() as s:
            return export.unsent_changes(s)

    assert counter.text().startswith(f"{waiting()} ")
    window.show_page("supplies")
    page = window.workspace.page("supplies")
    page.table.selectRow(0)
    page.receive_qty.setValue(2)
    before = waiting()
    qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    window.ctx.ops.wait()
    assert waiting() > before
    assert counter.text().startswith(f"{waiting()} ")  # it said one less: Dépannage announced "supply"


def test_a_merge_refreshes_the_conflicts_and_referrals_on_open_screens(qtbot, french, make_vault):
    vault = make_vault()
    with vault.session() as s:
        import_sample(s)
        elodie = people.create_person(s, "Élodie au foulard").id
        twin = people.create_person(s, "Élo, foulard bleu").id
        contact = contacts.create_contact(s, ContactInput(
            occurred_at=NOW - timedelta(days=1), person_ids=[twin], types=["referral"])).contact.id
        shelter = s.scalars(select(DirService.id).where(DirService.name == "Refuge de nuit Le Phare")).one()
        referrals.create_referral(s, contact, shelter, person_id=twin, follow_up_on=date.today())
        conflicts.create(s, occurred_at=NOW - timedelta(hours=2), intensity=2, person_ids=[twin])
    window = open_unlocked(qtbot, vault)
    heard = []
    window.ctx.bus.changed.connect(heard.append)
    window.show_page("people")
    detail = window.workspace.page("people").detail
    window.workspace.page("people").open_person(elodie)
    assert detail.merge_with(twin, "Élo, foulard bleu")
    window.ctx.ops.wait()

    [merged] = [c for c in heard if Entity.PERSON in c]
    assert {Entity.CONFLICT, Entity.REFERRAL} <= merged  # it announced only person and contact
    assert detail.referrals.count() == 1  # the duplicate's referral now on the kept person's page
    window.show_page("today")
    follow = window.workspace.page("today").follow_list
    texts = [follow.item(i).text() for i in range(follow.count())]
    assert any("Refuge de nuit Le Phare · Élodie au foulard" in t for t in texts)
    window.show_page("conflicts")
    conflicts_page = window.workspace.page("conflicts")
    assert conflicts_page.table.rowCount() == 1
