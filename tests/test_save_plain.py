"""The contact save path writes in plain SQL (app.plain_sql): what it stores is what the ORM reads back.

Beside the golden sequence (test_save_golden.py): each logged snapshot equals the ORM
snapshot of the row as stored, counters and stock agree with a recomputation, counters
never make an edit while a stock change does (as the ORM's onupdate did), objects the
Session already holds see the writes, and a code list changed on the writer connection
or elsewhere is what the next save validates against.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app import codes, contacts, drafts, history, people, supplies
from app.contact_snapshot import contact_snapshot
from app.contacts import ContactInput
from app.ops import codes as code_ops
from app.ops import floor as floor_ops
from app.validation import ValidationFailed
from models.codes import THEME, CodeItem
from models.contacts import Contact
from models.people import Person
from models.supplies import SupplyItem

TODAY = date(2025, 6, 12)
AT = datetime(2025, 6, 12, 9, 30)


@pytest.fixture
def floor(vault):
    with vault.session() as s:
        vault.ids = {
            "ana": people.create_person(s, "Ana au sac vert").id,
            "bo": people.create_person(s, "Bo").id,
            "bars": supplies.create_item(s, "Barres tendres", initial_stock=10).id,
            "socks": supplies.create_item(s, "Bas", initial_stock=4).id,
        }
    return vault


def save(vault, contact_id=None, **values):
    with vault.write_session() as s:
        return floor_ops.save_contact(
            s, floor_ops.ContactSave(contact=ContactInput(**values), contact_id=contact_id, allow_shortage=True),
            today=TODAY,
        ).value


def test_each_logged_snapshot_is_the_orm_snapshot_of_the_stored_row(floor):
    ids = floor.ids
    first = save(floor, occurred_at=AT, person_ids=[ids["bo"], ids["ana"]], types=["listening", "awareness"],
                 themes=["food"], unmet_needs=["housing"], supplies={ids["bars"]: 2, ids["socks"]: 1},
                 follow_up_on=TODAY + timedelta(days=3), share_with_supervision=True, notes="« café »")
    second = save(floor, unidentified_count=3, types=["mediation"], duration_min=None, place_code=None)
    save(floor, first, occurred_at=AT - timedelta(hours=2), person_ids=[ids["ana"]], types=["awareness", "crisis"],
         supplies={ids["socks"]: 3}, follow_up_on=TODAY, follow_up_done=True, notes="revu")
    save(floor, second, unidentified_count=2, types=["mediation"], themes=["housing", "food"])
    with floor.session() as s:
        for contact_id in (first, second):
            contact = s.get(Contact, contact_id)
            [*_, last] = history.versions(s, "contact", contact.uid)
            assert last.data == history.to_json(contact_snapshot(contact))
            assert last.version == contact.version == 2
        bars, socks = s.get(SupplyItem, ids["bars"]).uid, s.get(SupplyItem, ids["socks"]).uid
        lines = [json.loads(v.data)["supplies"] for v in history.versions(s, "contact", s.get(Contact, first).uid)]
        assert lines == [sorted([[bars, 2], [socks, 1]]), [[socks, 3]]]


def test_counters_never_make_an_edit_and_stock_changes_do(floor):
    ids = floor.ids
    with floor.session() as s:
        person_stamp = s.get(Person, ids["ana"]).updated_at
        item_stamp = s.get(SupplyItem, ids["bars"]).updated_at
    contact_id = save(floor, occurred_at=AT, person_ids=[ids["ana"]], types=["listening"], supplies={ids["bars"]: 4})
    save(floor, contact_id, occurred_at=AT + timedelta(minutes=5), person_ids=[ids["ana"], ids["bo"]],
         types=["listening"], supplies={ids["bars"]: 1})
    with floor.session() as s:
        ana, bars = s.get(Person, ids["ana"]), s.get(SupplyItem, ids["bars"])
        assert ana.updated_at == person_stamp and len(history.versions(s, "person", ana.uid)) == 1
        assert (ana.contact_count, ana.last_contact_at) == (1, AT + timedelta(minutes=5))
        assert bars.updated_at > item_stamp and bars.stock_on_hand == 9
        counted = {p.id: (p.contact_count, p.last_contact_at) for p in s.scalars(select(Person))}
        assert supplies.recompute_stock(s) == {ids["bars"]: 9, ids["socks"]: 4}
        people.refresh_stats(s, counted)
        assert {p.id: (p.contact_count, p.last_contact_at) for p in s.scalars(select(Person))} == counted


def test_objects_the_session_holds_see_the_writes(floor):
    ids = floor.ids
    with floor.session() as s:
        ana, socks = s.get(Person, ids["ana"]), s.get(SupplyItem, ids["socks"])
        assert (ana.contact_count, socks.stock_on_hand) == (0, 4)
        contact = contacts.create_contact(s, ContactInput(occurred_at=AT, person_ids=[ana.id], types=["listening"],
                                                          supplies={socks.id: 3}), today=TODAY).contact
        assert (ana.contact_count, ana.last_contact_at, socks.stock_on_hand) == (1, AT, 1)
        assert ([p.alias for p in contact.persons], contact.type_codes, contact.version) == (
            ["Ana au sac vert"], ["listening"], 1)
        change = contacts.update_contact(s, contact.id, ContactInput(
            occurred_at=AT, person_ids=[ids["bo"]], types=["awareness"], supplies={socks.id: 1}, notes="vu"),
            today=TODAY)
        assert change.contact is contact
        assert (contact.version, contact.notes, contact.type_codes, [p.alias for p in contact.persons]) == (
            2, "vu", ["awareness"], ["Bo"])
        assert [(line.item.name, line.quantity) for line in contact.supplies] == [("Bas", 1)]
        assert (ana.contact_count, socks.stock_on_hand) == (0, 3)
        drafts.save(s, "quick_contact", {"notes": "en cours"})
        drafts.discard(s, "quick_contact")  # the Session forgets the row, no stale delete at commit
        assert drafts.load(s, "quick_contact") is None
    with floor.session() as s:
        assert s.get(Contact, contact.id).notes == "vu" and drafts.load(s, "quick_contact") is None


def test_the_next_save_validates_against_the_lists_as_they_are_now(floor):
    ids = floor.ids
    with floor.write_session() as s:
        food = s.scalars(select(CodeItem.id).where(CodeItem.list_name == THEME, CodeItem.code == "food")).one()
    save(floor, occurred_at=AT, person_ids=[ids["ana"]], types=["listening"], themes=["food"])
    with floor.write_session() as s:  # on the writer's kept connection
        code_ops.retire_item(s, food)
    with pytest.raises(ValidationFailed) as refused:
        save(floor, occurred_at=AT, person_ids=[ids["ana"]], types=["listening"], themes=["food"])
    assert [(e.field, e.code) for e in refused.value.errors] == [("themes", "unknown_code")]
    with floor.session() as s:  # another connection (another process would be the same)
        code_ops.retire_item(s, food, False)
        code_ops.add_item(s, THEME, "Culture")
        culture = [c for c in codes.active_codes(s, THEME) if c.startswith("culture")]
    save(floor, occurred_at=AT, person_ids=[ids["ana"]], types=["listening"], themes=["food", *culture])


def test_a_new_contact_and_its_movements_are_created_and_updated_at_one_moment(floor):
    """As the ORM path gave a new record (and its first history version) one time for both."""
    from models.supplies import StockMovement

    contact_id = save(floor, occurred_at=AT, person_ids=[floor.ids["ana"]], types=["listening"],
                      supplies={floor.ids["bars"]: 1})
    with floor.session() as s:
        contact = s.get(Contact, contact_id)
        assert contact.created_at == contact.updated_at
        [first] = history.versions(s, "contact", contact.uid)
        assert json.loads(first.data)["created_at"] == json.loads(first.data)["updated_at"]
        given = s.scalars(select(StockMovement).where(StockMovement.contact_id == contact_id)).all()
        assert given and all(m.created_at == m.updated_at for m in given)
