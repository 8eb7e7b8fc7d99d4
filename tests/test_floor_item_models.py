"""The floor's Qt item models without any window: row counts, roles, order, lazy fetching."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app import contacts, people
from app.contacts import ContactInput
from app.lists import ContactFilter
from views.floor.common import CodeLabels
from views.floor.item_models import ContactTableModel, PeopleTableModel
from app.floor_reads import CONTACT_TYPE, PLACE, THEME
from views.bus import DataBus
from views.context import AppContext

START = datetime(2026, 11, 2, 9, 0)


def reader(vault):
    """What a page gives its models: the runner's read (frozen rows)."""
    return AppContext(vault=vault, bus=DataBus()).ops.read


@pytest.fixture
def filled(vault):
    """12 contacts an hour apart (newest: index 11); every third with Élodie and theme housing."""
    with vault.session() as s:
        elodie = people.create_person(s, "Élodie au foulard")
        marc = people.create_person(s, "Grand Marc, casquette rouge")
        zoe = people.create_person(s, "Zoé du parc")
        for n in range(12):
            who = elodie if n % 3 == 0 else marc
            contacts.create_contact(s, ContactInput(
                occurred_at=START + timedelta(hours=n), duration_min=5 + n, place_code="lib_adults",
                person_ids=[who.id], types=["listening"] if n % 2 else ["awareness"],
                themes=["housing"] if n % 3 == 0 else ["food"], unidentified_count=1 if n == 11 else 0,
            ))
        vault.ids = {"elodie": elodie.id, "marc": marc.id, "zoe": zoe.id}
    return vault


def test_contacts_newest_first_with_lazy_pages(qapp, filled):
    model = ContactTableModel(reader(filled), page_size=5)
    model.set_filter(ContactFilter())
    assert model.rowCount() == 5 and model.columnCount() == ContactTableModel.COLUMN_COUNT
    assert model.total() == 12  # known without loading every row
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12 and not model.canFetchMore(QModelIndex())
    times = [model.index(r, ContactTableModel.COL_WHEN).data(ContactTableModel.SortRole) for r in range(12)]
    assert times == sorted(times, reverse=True) and times[0] == START + timedelta(hours=11)


def test_contact_roles_and_labels(qapp, filled):
    labels = CodeLabels.read(AppContext(vault=filled, bus=DataBus()), CONTACT_TYPE, THEME, PLACE)
    model = ContactTableModel(reader(filled), labels)
    model.set_filter(ContactFilter())
    top = model.index(0, ContactTableModel.COL_PERSONS)
    row = top.data(ContactTableModel.RowRole)
    assert top.data(ContactTableModel.IdRole) == row.id
    assert top.data() == "Grand Marc, casquette rouge, 1 unidentified"  # English source without translator
    assert model.index(0, ContactTableModel.COL_TYPES).data() == "Écoute"
    assert model.index(0, ContactTableModel.COL_PLACE).data() == "Bibliothèque : section adultes"
    assert model.index(0, ContactTableModel.COL_DURATION).data() == "16 min"
    assert model.index(0, ContactTableModel.COL_DURATION).data(ContactTableModel.SortRole) == 16
    assert model.headerData(ContactTableModel.COL_WHEN, Qt.Orientation.Horizontal) == "When"
    assert model.data(QModelIndex()) is None


def test_contact_filters_and_reset_signals(qapp, qtbot, filled):
    model = ContactTableModel(reader(filled))
    model.set_filter(ContactFilter())
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_filter(ContactFilter(person_id=filled.ids["elodie"]))
    assert model.rowCount() == 4 == model.total()
    assert all(model.row_at(r).person_ids == (filled.ids["elodie"],) for r in range(4))
    model.set_filter(ContactFilter(type_code="listening", theme_code="food"))
    assert model.rowCount() == 4  # odd hours that are not multiples of 3: 1, 5, 7, 11
    model.set_filter(ContactFilter(person_id=filled.ids["zoe"]))
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    # A deleted contact leaves the list (tombstone): reload shows one fewer.
    model.set_filter(ContactFilter())
    first = model.row_at(0).id
    with filled.session() as s:
        contacts.delete_contact(s, first)
    model.reload()
    assert model.total() == 11 and model.row_at(0).id != first


def test_people_search_sort_and_lazy_fetch(qapp, filled):
    with filled.session() as s:
        for n in range(7):
            people.create_person(s, f"Personne d'essai {n:02d}")
    model = PeopleTableModel(reader(filled), page_size=4)
    model.search("elo")  # accents ignored
    assert model.rowCount() == 1
    index = model.index(0, PeopleTableModel.COL_ALIAS)
    assert index.data() == "Élodie au foulard" and index.data(PeopleTableModel.IdRole) == filled.ids["elodie"]
    assert model.index(0, PeopleTableModel.COL_COUNT).data() == 4
    assert model.index(0, PeopleTableModel.COL_STATUS).data(PeopleTableModel.SortRole) in ("active", "inactive")

    model.search("")
    assert model.rowCount() == 4 and model.canFetchMore(QModelIndex())
    # Default order: last contact first (Marc was seen last).
    assert model.row_at(0).alias == "Grand Marc, casquette rouge"
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total() == 10

    model.sort(PeopleTableModel.COL_ALIAS)
    aliases = []
    while True:
        aliases = [model.row_at(r).alias for r in range(model.rowCount())]
        if not model.canFetchMore(QModelIndex()):
            break
        model.fetchMore(QModelIndex())
    assert aliases[0] == "Élodie au foulard" and aliases[-1] == "Zoé du parc"
    assert aliases.index("Grand Marc, casquette rouge") < aliases.index("Personne d'essai 00")
    model.sort(PeopleTableModel.COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).alias == "Grand Marc, casquette rouge"


def test_people_sort_follows_the_direction_the_header_shows(qapp, filled):
    """Descending was ignored: Z to A showed A to Z, and the oldest contact never came first."""
    with filled.session() as s:
        people.create_person(s, "Aline sans contact")  # never seen: last either way
    model = PeopleTableModel(reader(filled))
    model.search("")
    model.sort(PeopleTableModel.COL_ALIAS, Qt.SortOrder.AscendingOrder)
    ascending = [model.row_at(r).alias for r in range(model.rowCount())]
    assert ascending == ["Aline sans contact", "Élodie au foulard", "Grand Marc, casquette rouge", "Zoé du parc"]
    model.sort(PeopleTableModel.COL_ALIAS, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(r).alias for r in range(model.rowCount())] == list(reversed(ascending))
    model.sort(PeopleTableModel.COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(r).alias for r in range(2)] == ["Grand Marc, casquette rouge", "Élodie au foulard"]
    model.sort(PeopleTableModel.COL_LAST_CONTACT, Qt.SortOrder.AscendingOrder)
    by_last = [model.row_at(r).alias for r in range(model.rowCount())]
    assert by_last[:2] == ["Élodie au foulard", "Grand Marc, casquette rouge"]  # the earliest seen first
    assert set(by_last[2:]) == {"Aline sans contact", "Zoé du parc"}  # never seen: after those seen
