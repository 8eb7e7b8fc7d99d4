"""Stock arithmetic: received, given through contacts, adjusted, low stock."""
from __future__ import annotations

import pytest

from app import contacts, history, supplies
from app.contacts import ContactInput
from app.validation import ValidationFailed
from models.supplies import SupplyItem
from tests.floor_helpers import person


def stock(s, item_id):
    return s.get(SupplyItem, item_id).stock_on_hand


def test_receive_give_edit_delete_and_count(vault):
    with vault.session() as s:
        p = person(s, "Yvon aux mots croisés")
        bars = supplies.create_item(s, "Barres tendres", low_stock_level=5, initial_stock=20)
        socks = supplies.create_item(s, "Bas", unit="paire", initial_stock=4)
        supplies.receive(s, bars.id, 10, note="Don d'une épicerie")
        assert stock(s, bars.id) == 30
        c = contacts.create_contact(s, ContactInput(types=["awareness"], person_ids=[p.id], supplies={bars.id: 3, socks.id: 1})).contact
        assert (stock(s, bars.id), stock(s, socks.id)) == (27, 3)
        data = contacts.contact_input(s, c.id)
        data.supplies = {bars.id: 1}  # corrected: one bar, no socks
        contacts.update_contact(s, c.id, data)
        assert (stock(s, bars.id), stock(s, socks.id)) == (29, 4)
        # Growing a line takes only the difference into account for the shortage check.
        data.supplies = {bars.id: 30}
        contacts.update_contact(s, c.id, data)
        assert stock(s, bars.id) == 0
        contacts.delete_contact(s, c.id)
        assert stock(s, bars.id) == 30
        moved = supplies.adjust(s, bars.id, counted=26, note="Inventaire")
        assert moved.quantity == -4 and stock(s, bars.id) == 26
        assert supplies.adjust(s, bars.id, counted=26) is None
        # The maintained stock equals the sum of the live movements.
        assert supplies.recompute_stock(s)[bars.id] == 26
        kinds = [m.kind for m in supplies.movements(s, bars.id)]
        assert sorted(kinds) == ["adjusted", "received", "received"]  # the deleted contact's are tombstoned


def test_low_stock_list(vault):
    with vault.session() as s:
        supplies.create_item(s, "Couvertures", low_stock_level=3, initial_stock=3)
        supplies.create_item(s, "Tuques", low_stock_level=5, initial_stock=50)
        empty = supplies.create_item(s, "Mitaines", low_stock_level=2)
        assert [i.name for i in supplies.low_stock(s)] == ["Mitaines", "Couvertures"]
        supplies.update_item(s, empty.id, retired=True)
        assert [i.name for i in supplies.low_stock(s)] == ["Couvertures"]


def test_bad_quantities_are_refused(vault):
    with vault.session() as s:
        item = supplies.create_item(s, "Bouteilles d'eau")
        for call in (
            lambda: supplies.receive(s, item.id, 0),
            lambda: supplies.receive(s, item.id, -3),
            lambda: supplies.adjust(s, item.id, counted=-1),
            lambda: supplies.create_item(s, "", low_stock_level=-1),
        ):
            with pytest.raises(ValidationFailed):
                call()
        assert stock(s, item.id) == 0


def test_item_edits_are_versioned_but_stock_changes_are_movements(vault):
    with vault.session() as s:
        item = supplies.create_item(s, "Trousses d'hygiène", initial_stock=5)
        supplies.receive(s, item.id, 5)
        supplies.update_item(s, item.id, low_stock_level=4)
        ops = [v.op for v in history.versions(s, "supply_item", item.uid)]
        assert ops == ["create", "update"]
        from sqlalchemy import func, select

        from models.history import RecordVersion

        n = s.scalar(select(func.count()).select_from(RecordVersion).where(RecordVersion.entity == "stock_movement"))
        assert n == 2
