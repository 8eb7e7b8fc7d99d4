"""Contacts: defaults, validation at the field, history, tombstones, repeat, drafts."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from app import contacts, history, lists, supplies
from app.contacts import ContactInput
from app.validation import StockShortage, ValidationFailed
from models.contacts import Contact
from models.people import Person
from tests.floor_helpers import person


def test_defaults_follow_the_last_contact_entered(vault):
    with vault.session() as s:
        p = person(s, "Luc à la guitare")
        blank = contacts.contact_defaults(s)
        assert (blank.duration_min, blank.place_code) == (contacts.DEFAULT_DURATION_MIN, "")
        contacts.create_contact(
            s, ContactInput(person_ids=[p.id], place_code="lib_computers", duration_min=25, types=["listening"])
        )
    with vault.session() as s:
        blank = contacts.contact_defaults(s)
        assert (blank.duration_min, blank.place_code) == (25, "lib_computers")
        assert abs(blank.occurred_at - datetime.now()) < timedelta(minutes=2)
        # A quick entry that leaves them empty gets the same defaults.
        saved = contacts.create_contact(s, ContactInput(person_ids=[p.id], types=["awareness"])).contact
        assert (saved.duration_min, saved.place_code) == (25, "lib_computers")


def test_every_bad_field_is_reported_at_once_and_nothing_is_saved(vault):
    with vault.session() as s:
        item = supplies.create_item(s, "Bas", initial_stock=5)
        bad = ContactInput(
            occurred_at=datetime.now() + timedelta(days=2), duration_min=-5, unidentified_count=-1,
            types=["unknown_type"], place_code="lune", supplies={item.id: -2},
        )
        with pytest.raises(ValidationFailed) as err:
            contacts.create_contact(s, bad)
    fields = err.value.by_field()
    assert fields["occurred_at"].code == "future_date"
    assert fields["duration_min"].code == "negative"
    assert fields["unidentified_count"].code == "negative"
    assert fields["types"].code == "unknown_code"
    assert fields["place_code"].code == "unknown_code"
    assert fields[f"supplies[{item.id}]"].code == "negative"
    with vault.session() as s:
        assert lists.count_contacts(s) == 0


def test_a_contact_needs_someone(vault):
    with vault.session() as s:
        with pytest.raises(ValidationFailed) as err:
            contacts.create_contact(s, ContactInput(types=["listening"]))
        assert err.value.by_field()["persons"].code == "required"
        # A group with nobody known is fine.
        group = contacts.create_contact(s, ContactInput(unidentified_count=3, types=["mediation"])).contact
        assert group.unidentified_count == 3


def test_later_today_is_allowed_but_not_tomorrow(vault):
    with vault.session() as s:
        p = person(s, "Sylvie aux chats")
        late = datetime.combine(date.today(), datetime.max.time()).replace(microsecond=0)
        contacts.create_contact(s, ContactInput(types=["awareness"], occurred_at=late, person_ids=[p.id]))
        with pytest.raises(ValidationFailed):
            contacts.create_contact(s, ContactInput(types=["awareness"], occurred_at=late + timedelta(seconds=1), person_ids=[p.id]))


def test_an_edit_keeps_the_previous_version(vault):
    with vault.session() as s:
        p = person(s, "Roger du banc")
        c = contacts.create_contact(s, ContactInput(person_ids=[p.id], notes="Première note", types=["listening"])).contact
        cid, uid = c.id, c.uid
    with vault.session() as s:
        data = contacts.contact_input(s, cid)
        data.notes = "Note corrigée"
        data.themes = ["housing"]
        change = contacts.update_contact(s, cid, data)
        assert change.contact.version == 2
        assert {"contact", "person"} <= change.entities
    with vault.session() as s:
        versions = history.versions(s, "contact", uid)
        assert [v.op for v in versions] == ["create", "update"]
        assert json.loads(versions[0].data)["notes"] == "Première note"
        assert json.loads(versions[1].data)["notes"] == "Note corrigée"
        assert versions[1].changed_fields == "notes,themes"
        assert versions[1].changed_by == "Intervenant test"
        # Saving the same values again adds no version.
        contacts.update_contact(s, cid, contacts.contact_input(s, cid))
        assert len(history.versions(s, "contact", uid)) == 2


def test_delete_is_a_tombstone(vault):
    with vault.session() as s:
        p = person(s, "Gilles aux journaux")
        keep = contacts.create_contact(s, ContactInput(types=["awareness"], person_ids=[p.id])).contact
        gone = contacts.create_contact(s, ContactInput(types=["awareness"], person_ids=[p.id], notes="à effacer")).contact
        gone_id, gone_uid, pid = gone.id, gone.uid, p.id
        contacts.delete_contact(s, gone_id)
    with vault.session() as s:
        assert lists.count_contacts(s) == 1
        assert [r.id for r in lists.contact_page(s)[0]] == [keep.id]
        assert s.get(Person, pid).contact_count == 1
        row = s.get(Contact, gone_id)
        assert row is not None and row.deleted_at is not None  # still there, marked
        versions = history.versions(s, "contact", gone_uid)
        assert [v.op for v in versions] == ["create", "delete"]
        assert json.loads(versions[-1].data)["notes"] == "à effacer"
        with pytest.raises(ValidationFailed):
            contacts.update_contact(s, gone_id, ContactInput(types=["awareness"], person_ids=[pid]))


def test_repeat_last_contact_copies_the_routine_not_the_particulars(vault):
    with vault.session() as s:
        p = person(s, "Normand au vélo")
        item = supplies.create_item(s, "Barres tendres", initial_stock=10)
        assert contacts.repeat_last_contact(s, p.id) is None
        contacts.create_contact(
            s, ContactInput(
                occurred_at=datetime.now() - timedelta(days=1), person_ids=[p.id], place_code="street_downtown",
                duration_min=30, initiated_by="person", types=["listening", "referral"], themes=["food"],
                supplies={item.id: 2}, notes="Une note", follow_up_on=date.today(),
            ),
        )
        again = contacts.repeat_last_contact(s, p.id)
    assert (again.place_code, again.duration_min, again.initiated_by) == ("street_downtown", 30, "person")
    assert (sorted(again.types), again.themes, again.person_ids) == (["listening", "referral"], ["food"], [p.id])
    assert (again.notes, again.supplies, again.follow_up_on) == ("", {}, None)
    assert abs(again.occurred_at - datetime.now()) < timedelta(minutes=2)


def test_contact_input_round_trips_through_json_for_drafts(vault):
    data = ContactInput(
        occurred_at=datetime(2026, 11, 20, 14, 5), duration_min=15, place_code="lib_adults", person_ids=[3],
        types=["listening"], supplies={7: 2}, follow_up_on=date(2026, 12, 1), notes="Écoute",
    )
    assert ContactInput.from_dict(json.loads(json.dumps(data.to_dict()))) == data


def test_retired_codes_stay_on_old_contacts_but_not_new_ones(vault):
    from app import codes

    with vault.session() as s:
        p = person(s, "Mario du terminus")
        c = contacts.create_contact(s, ContactInput(person_ids=[p.id], types=["mediation"])).contact
        mediation = next(i for i in codes.items(s, "contact_type") if i.code == "mediation")
        codes.retire_item(s, mediation.id)
    with vault.session() as s:
        data = contacts.contact_input(s, c.id)
        data.notes = "édité"
        contacts.update_contact(s, c.id, data)  # keeps its retired type
        with pytest.raises(ValidationFailed):
            contacts.create_contact(s, ContactInput(person_ids=[p.id], types=["mediation"]))
        assert codes.labels(s, "contact_type")["mediation"] == "Médiation"


def test_shortage_asks_then_saves_when_confirmed(vault):
    with vault.session() as s:
        p = person(s, "Carl aux écouteurs")
        item = supplies.create_item(s, "Sacs de couchage", initial_stock=2)
        data = ContactInput(person_ids=[p.id], supplies={item.id: 3}, types=["emergency_supplies"])
        with pytest.raises(StockShortage) as err:
            contacts.create_contact(s, data)
        (short,) = err.value.shortfalls
        assert (short.requested, short.available, short.missing) == (3, 2, 1)
        change = contacts.create_contact(s, data, allow_negative_stock=True)
        assert change.supply_item_ids == {item.id} and {"supply_item", "stock_movement"} <= change.entities
        assert s.get(type(item), item.id).stock_on_hand == -1
