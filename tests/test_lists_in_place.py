"""Contacts and People after a save: the written rows alone are re-read and put in place.

A saved contact names itself and its people (``Changes.ids``): the Contacts page puts
that row at its place in the order (or takes it out), the People page updates those
people's counts, each keeping its filter, selection and count. Driven through the
real window, as a worker would.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import codes, contacts, lists, people, people_merge, supplies
from app.contacts import ContactInput
from app.ops import floor as floor_ops
from app.ops import people as people_ops
from models.contacts import Contact, ContactSupply, ContactTheme, ContactType, contact_person
from models.people import Person
from models.supplies import SupplyItem
from tests.floor_gui_kit import focused, open_unlocked
from views.floor.item_models import ContactTableModel, PeopleTableModel

CTRL = Qt.KeyboardModifier.ControlModifier
NOW = datetime.now().replace(second=0, microsecond=0)


@pytest.fixture
def floor(make_vault):
    vault = make_vault()
    with vault.session() as s:
        types = sorted(codes.active_codes_of(s, ("contact_type",))["contact_type"])
        marc = people.create_person(s, "Marc au vélo").id
        elodie = people.create_person(s, "Élodie au foulard").id
        made = [
            contacts.create_contact(s, ContactInput(
                occurred_at=NOW - timedelta(days=d), person_ids=[who], types=[types[t]])).contact.id
            for d, who, t in ((1, marc, 1), (3, elodie, 0), (5, marc, 1))
        ]
    vault.ids = {"marc": marc, "elodie": elodie, "contacts": made, "types": types}
    return vault


def ids(model) -> list[int]:
    return [model.row_at(i).id for i in range(model.rowCount())]


def run(window, op, *args, **kwargs):
    window.ctx.ops.run(op, *args, **kwargs)
    window.ctx.ops.wait()


def no_reload(model) -> list:
    resets: list = []
    model.modelReset.connect(lambda: resets.append(1))
    return resets


def save_from_the_panel(qtbot, window, who: str) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(focused(), who)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_1)  # a type
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()


def test_a_new_contact_comes_in_at_the_top_and_the_selection_stays(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    qtbot.waitUntil(lambda: page.count_label.text() == "3 contacts")
    page.table.selectRow(1)
    chosen = page.table.current_id()
    resets = no_reload(page.model)
    save_from_the_panel(qtbot, window, "elo")
    assert resets == []  # put in place, not reloaded
    assert page.model.rowCount() == 4 and ids(page.model)[1:] == floor.ids["contacts"]
    assert page.model.row_at(0).person_aliases == ("Élodie au foulard",)
    assert page.table.current_id() == chosen and page.table.currentIndex().row() == 2
    assert page.count_label.text() == "4 contacts"
    assert page.model.index(0, ContactTableModel.COL_PERSONS).data() == "Élodie au foulard"


def test_an_edit_changes_the_row_or_moves_it_and_a_delete_takes_it_out(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    first, second, third = floor.ids["contacts"]
    page.table.selectRow(2)  # the oldest
    page.table.setFocus()
    resets = no_reload(page.model)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # opens it in the edit panel
    panel = window.ctx.extras["quick_entry"].edit_panel
    panel.notes.setPlainText("Revu")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert ids(page.model) == [first, second, third] and page.model.row_at(2).notes == "Revu"
    assert page.table.current_id() == third

    types = floor.ids["types"]
    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(  # now the newest
        occurred_at=NOW - timedelta(hours=1), person_ids=[floor.ids["marc"]], types=[types[1]]), contact_id=third))
    assert ids(page.model) == [third, first, second]
    assert page.table.current_id() == third and page.table.currentIndex().row() == 0  # the selection followed

    run(window, floor_ops.delete_contact, second)
    assert ids(page.model) == [third, first] and page.count_label.text() == "2 contacts"
    assert resets == []


def test_the_filter_in_force_decides_what_comes_in_and_what_leaves(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    types = floor.ids["types"]
    first, second, third = floor.ids["contacts"]
    page.type_filter.setCurrentIndex(page.type_filter.findData(types[1]))  # days 1 and 5
    qtbot.waitUntil(lambda: page.count_label.text() == "2 contacts")
    assert ids(page.model) == [first, third]
    resets = no_reload(page.model)
    marc = floor.ids["marc"]
    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(
        occurred_at=NOW, person_ids=[marc], types=[types[0]])))  # another type: stays out
    assert ids(page.model) == [first, third] and page.count_label.text() == "2 contacts"
    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(
        occurred_at=NOW - timedelta(days=4), person_ids=[marc], types=[types[1]])))
    new = max(ids(page.model))
    assert ids(page.model) == [first, new, third] and page.count_label.text() == "3 contacts"
    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(  # no longer of that type: leaves
        occurred_at=NOW - timedelta(days=1), person_ids=[marc], types=[types[0]]), contact_id=first))
    assert ids(page.model) == [new, third] and page.count_label.text() == "2 contacts"
    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(  # of it again: back at its place
        occurred_at=NOW - timedelta(days=1), person_ids=[marc], types=[types[1]]), contact_id=first))
    assert ids(page.model) == [first, new, third] and page.count_label.text() == "3 contacts"
    assert resets == []


def test_a_person_rename_still_reloads_the_list(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("contacts")
    page = window.workspace.page("contacts")
    run(window, people_ops.update_person, floor.ids["marc"], alias="Marc à la tuque")
    assert page.model.index(0, ContactTableModel.COL_PERSONS).data() == "Marc à la tuque"


def read_in(vault):
    def read(fn, *args, **kwargs):
        with vault.session() as s:
            return fn(s, *args, **kwargs)
    return read


def test_past_the_loaded_page_a_row_waits_for_its_page(qtbot, floor):
    """Three contacts, pages of two: what sorts after the loaded rows comes with the next page, once."""
    vault = floor
    read = read_in(vault)
    model = ContactTableModel(read, page_size=2)
    model.set_filter(None)
    first, second, third = vault.ids["contacts"]
    assert ids(model) == [first, second] and model.canFetchMore()
    with vault.session() as s:
        contacts.update_contact(s, first, ContactInput(occurred_at=NOW - timedelta(days=9),
                                                      person_ids=[vault.ids["marc"]], types=["listening"]))
    model.put_written(read(lists.contact_rows_matching, model.filter, [first]))
    assert ids(model) == [second]
    while model.canFetchMore():
        model.fetchMore()
    assert ids(model) == [second, third, first]
    assert model.total() == 3


def test_people_counts_follow_a_saved_contact(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("people")
    page = window.workspace.page("people")
    qtbot.waitUntil(lambda: page.count_label.text() == "2 personnes")
    row = {page.model.row_at(i).alias: i for i in range(page.model.rowCount())}
    assert page.model.index(row["Élodie au foulard"], PeopleTableModel.COL_COUNT).data() == 1
    page.table.selectRow(row["Marc au vélo"])
    resets = no_reload(page.model)
    save_from_the_panel(qtbot, window, "elo")
    assert resets == []
    assert [page.model.row_at(i).alias for i in range(2)] == ["Élodie au foulard", "Marc au vélo"]  # most recent
    assert page.model.index(0, PeopleTableModel.COL_COUNT).data() == 2
    assert page.table.currentIndex().data(PeopleTableModel.IdRole) == floor.ids["marc"]
    save_from_the_panel(qtbot, window, "Lucie aux lunettes")  # a new person, typed in the panel
    qtbot.waitUntil(lambda: page.count_label.text() == "3 personnes")
    lucie = next(page.model.row_at(i) for i in range(3) if page.model.row_at(i).alias == "Lucie aux lunettes")
    assert lucie.contact_count == 1
    with window.vault.session() as s:  # where a reload would put everyone (same minute: by alias)
        assert ids(page.model) == [r.id for r in lists.people_page(s)]


def test_people_searched_keep_their_search(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("people")
    page = window.workspace.page("people")
    page.search.setText("marc")
    assert [page.model.row_at(i).alias for i in range(page.model.rowCount())] == ["Marc au vélo"]
    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(
        occurred_at=NOW, person_ids=[floor.ids["elodie"]], types=[floor.ids["types"][0]])))
    assert [page.model.row_at(i).alias for i in range(page.model.rowCount())] == ["Marc au vélo"]
    assert page.count_label.text() == "1 personne"


def test_fast_rows_are_the_rows_the_queries_made(floor):
    """contact_rows_by_id's one statement gives what the five SQLAlchemy queries gave."""
    with floor.session() as s:
        item = supplies.create_item(s, "Bas de laine", initial_stock=10).id
        c = contacts.create_contact(s, ContactInput(
            occurred_at=NOW, person_ids=[floor.ids["marc"], floor.ids["elodie"]], types=floor.ids["types"][:2],
            themes=["food"], unidentified_count=2, notes="Avec deux", follow_up_on=NOW.date(),
            supplies={item: 2})).contact.id
        contacts.set_follow_up_done(s, c, True)
        every = [*floor.ids["contacts"], c]
        before = five_queries(s, every)
        assert lists.contact_rows_by_id(s, every) == [before[i] for i in every]
        assert lists.contact_rows_where(s, Contact.id.in_(every), order_by=(Contact.id.desc(),)) == [
            before[i] for i in sorted(every, reverse=True)]
        [row] = lists.contact_rows_by_id(s, [c])
        assert row.person_aliases == ("Marc au vélo", "Élodie au foulard") and row.follow_up_on == NOW.date()
        assert row.follow_up_done and row.supplies == (("Bas de laine", 2),)


def test_a_person_re_read_matches_as_the_list_would(make_vault):
    """people_rows_matching (one statement, the conditions checked on the row) agrees with people_rows
    (SQL conditions) for every search and status, archived, inactive and merged people included."""
    vault = make_vault()
    with vault.session() as s:
        made = [people.create_person(s, alias, first_name=first, groups=groups).id for alias, first, groups in (
            ("Grand Marc, casquette rouge", "Marc", ["newcomer", "single_parent"]), ("Élodie au foulard", "", []),
            ("Marcel_100%", "", ["youth"]), ("Lucie", "Marc-André", []), ("Vieux Jo", "", []),
        )]
        people.archive_person(s, made[4])
        contacts.create_contact(s, ContactInput(occurred_at=NOW - timedelta(days=200), person_ids=[made[1]],
                                                types=["listening"]))
        contacts.create_contact(s, ContactInput(occurred_at=NOW, person_ids=[made[0]], types=["listening"]))
        merged = people.create_person(s, "Doublon de Marc").id
        people_merge.merge_people(s, made[0], merged)
        every = [*made, merged]
        for text in ("", "marc", "MARC", "elo", "marcel_1", "100%", "foul", "grand c", "andre", "x"):
            for status in (None, "active", "inactive", "archived", "all"):
                listed = {r.id: r for r in lists.people_rows(s, query=text, status=status, limit=100)}
                again = lists.people_rows_matching(s, every, text, status)
                assert {i for i, r in again.items() if r is not None} == set(listed), (text, status)
                for i, r in listed.items():
                    assert again[i] == r and again[i].search_key == r.search_key
                assert set(lists.people_ids(s, text, status)) == set(listed)
        for order in (lists.ORDER_RECENT, lists.ORDER_ALIAS):
            for descending in (True, False):
                rows = lists.people_rows(s, status="all", order=order, descending=descending)
                assert sorted(rows, key=lambda r: lists.people_order_key(r, order, descending)) == rows


def test_a_person_past_the_loaded_page_comes_to_the_top_and_is_counted_once(floor):
    read = read_in(floor)
    with floor.session() as s:
        more = [people.create_person(s, f"Personne {n}").id for n in range(4)]
    model = PeopleTableModel(read, page_size=2)
    model.search("")
    assert model.total() == 6 and model.rowCount() == 2 and model.canFetchMore()
    last = more[-1]
    assert last not in ids(model)
    with floor.session() as s:
        contacts.create_contact(s, ContactInput(occurred_at=NOW, person_ids=[last], types=["listening"]))
    model.put_written([last])
    assert ids(model)[0] == last and model.total() == 6
    while model.canFetchMore():
        model.fetchMore()
    with floor.session() as s:
        assert ids(model) == [r.id for r in lists.people_page(s)]


def test_a_person_page_showing_puts_their_new_contact_in_its_timeline(qtbot, french, floor):
    window = open_unlocked(qtbot, floor)
    window.show_page("people")
    page = window.workspace.page("people")
    page.open_person(floor.ids["marc"])
    detail = page.detail
    assert ids(detail.timeline_model) == [floor.ids["contacts"][0], floor.ids["contacts"][2]]
    resets = no_reload(detail.timeline_model)
    qtbot.mouseClick(detail.new_contact, Qt.MouseButton.LeftButton)  # the panel opens with Marc in it
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.isVisible()
    next(iter(panel.type_buttons.values())).click()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()
    assert resets == [] and detail.timeline_model.rowCount() == 3
    new = detail.timeline_model.row_at(0)
    assert new.person_ids == (floor.ids["marc"],) and new.id not in floor.ids["contacts"]
    assert "3 contacts" in detail.summary.text() and detail.tabs.tabText(0) == "Contacts (3)"

    run(window, floor_ops.save_contact, floor_ops.ContactSave(ContactInput(  # Marc taken off it: it leaves
        occurred_at=NOW, person_ids=[floor.ids["elodie"]], types=[floor.ids["types"][0]]), contact_id=new.id))
    assert ids(detail.timeline_model) == [floor.ids["contacts"][0], floor.ids["contacts"][2]]
    assert "2 contacts" in detail.summary.text()
    run(window, floor_ops.set_follow_up_done, floor.ids["contacts"][0])  # names no person: the line alone
    assert detail.timeline_model.row_at(0).follow_up_done
    assert resets == []


def five_queries(s, ids) -> dict[int, lists.ContactRow]:
    """How app.lists read rows before its one statement (the reference the rows must equal)."""
    columns = (
        Contact.id, Contact.uid, Contact.occurred_at, Contact.duration_min, Contact.place_code, Contact.initiated_by,
        Contact.unidentified_count, Contact.notes, Contact.follow_up_on, Contact.follow_up_done,
        Contact.share_with_supervision,
    )
    contacts = {c.id: c for c in s.execute(select(*columns).where(Contact.id.in_(ids))).all()}
    persons: dict[int, list[tuple[str, int]]] = {}
    for cid, pid, alias in s.execute(
        select(contact_person.c.contact_id, Person.id, Person.alias)
        .join(Person, Person.id == contact_person.c.person_id)
        .where(contact_person.c.contact_id.in_(ids))
    ):
        persons.setdefault(cid, []).append((alias, pid))
    types: dict[int, list[str]] = {}
    for cid, code in s.execute(select(ContactType.contact_id, ContactType.code).where(ContactType.contact_id.in_(ids))):
        types.setdefault(cid, []).append(code)
    themes: dict[int, list[str]] = {}
    for cid, code in s.execute(select(ContactTheme.contact_id, ContactTheme.code).where(ContactTheme.contact_id.in_(ids))):
        themes.setdefault(cid, []).append(code)
    given: dict[int, list[tuple[str, int]]] = {}
    for cid, name, qty in s.execute(
        select(ContactSupply.contact_id, SupplyItem.name, ContactSupply.quantity)
        .join(SupplyItem, SupplyItem.id == ContactSupply.item_id)
        .where(ContactSupply.contact_id.in_(ids))
        .order_by(ContactSupply.id)
    ):
        given.setdefault(cid, []).append((name, qty))
    rows = {}
    for cid, c in contacts.items():
        who = sorted(persons.get(cid, []), key=lambda x: x[0].casefold())
        rows[cid] = lists.ContactRow(
            id=c.id, uid=c.uid, occurred_at=c.occurred_at, duration_min=c.duration_min, place_code=c.place_code,
            initiated_by=c.initiated_by, person_ids=tuple(p for _, p in who),
            person_aliases=tuple(a for a, _ in who), unidentified_count=c.unidentified_count,
            type_codes=tuple(sorted(types.get(cid, []))), theme_codes=tuple(sorted(themes.get(cid, []))),
            supplies=tuple(given.get(cid, [])), notes=c.notes, follow_up_on=c.follow_up_on,
            follow_up_done=c.follow_up_done, share_with_supervision=c.share_with_supervision,
        )
    return rows
