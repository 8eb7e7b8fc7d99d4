"""Lists and Today: filters, newest first, paging, counts, follow-ups."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from app import contacts, lists, supplies, today
from app.contacts import ContactInput
from app.lists import ContactFilter
from tests.floor_helpers import person

DAY = date(2026, 11, 26)  # a Thursday


def at(days_ago: int, hour: int = 14) -> datetime:
    return datetime.combine(DAY - timedelta(days=days_ago), datetime.min.time()).replace(hour=hour)


def save(s, p, when, **kw):
    kw.setdefault("types", ["listening"])  # a contact needs a type
    return contacts.create_contact(s, ContactInput(occurred_at=when, person_ids=[p.id], **kw), today=DAY).contact


def test_filters_and_newest_first(vault):
    with vault.session() as s:
        a, b = person(s, "Réal au chien"), person(s, "Annie du parc")
        c_old = save(s, a, at(40), types=["referral"], themes=["housing"], place_code="street_downtown")
        c_mid = save(s, b, at(10), types=["listening"], themes=["food"], place_code="lib_adults")
        c_new = save(s, a, at(1), types=["listening", "crisis"], themes=["mental_health"], place_code="lib_adults")
        c_same_time = save(s, b, at(1), types=["awareness"], themes=["food"], place_code="lib_entrance")
    with vault.session() as s:
        ids = lambda f=None: [r.id for r in lists.contact_page(s, f)[0]]  # noqa: E731
        assert ids() == [c_same_time.id, c_new.id, c_mid.id, c_old.id]
        assert ids(ContactFilter(type_code="listening")) == [c_new.id, c_mid.id]
        assert ids(ContactFilter(theme_code="food")) == [c_same_time.id, c_mid.id]
        assert ids(ContactFilter(place_code="lib_adults")) == [c_new.id, c_mid.id]
        assert ids(ContactFilter(person_id=a.id)) == [c_new.id, c_old.id]
        assert ids(ContactFilter(date_from=DAY - timedelta(days=10), date_to=DAY - timedelta(days=10))) == [c_mid.id]
        assert ids(ContactFilter(date_from=DAY - timedelta(days=30), type_code="listening", person_id=a.id)) == [c_new.id]
        assert lists.count_contacts(s, ContactFilter(type_code="listening")) == 2
        row = lists.contact_page(s, ContactFilter(person_id=a.id))[0][0]
        assert row.type_codes == ("crisis", "listening") and row.person_aliases == ("Réal au chien",)
        contacts.delete_contact(s, c_mid.id)
        assert lists.count_contacts(s, ContactFilter(type_code="listening")) == 1
        assert lists.count_contacts(s, ContactFilter(theme_code="food")) == 1
        assert lists.count_contacts(s) == 3
        assert ids(ContactFilter(theme_code="food")) == [c_same_time.id]


def test_common_and_rare_codes_filter_alike(vault, monkeypatch):
    """A code filter takes one of two query plans depending on how often the code is used."""
    with vault.session() as s:
        p = person(s, "Serge aux échecs")
        for n in range(12):
            save(s, p, at(n), types=["listening"] if n % 3 else ["referral"], themes=["housing", "food"][n % 2:])
    with vault.session() as s:
        def results():
            out = []
            for flt in (ContactFilter(type_code="listening"), ContactFilter(theme_code="housing"),
                        ContactFilter(type_code="referral", theme_code="food", date_from=DAY - timedelta(days=8))):
                out.append(([r.id for r in lists.contact_page(s, flt)[0]], lists.count_contacts(s, flt)))
            return out

        by_code_index = results()
        monkeypatch.setattr(lists, "RARE_CODE", 1)  # every code now counts as common
        assert results() == by_code_index
        assert [n for _, n in by_code_index] == [8, 6, 3]


def test_keyset_pages_cover_every_row_once(vault):
    with vault.session() as s:
        p = person(s, "Denis aux échecs")
        for n in range(25):
            save(s, p, at(n % 6, hour=9 + n % 3))  # many equal times: the id breaks ties
    with vault.session() as s:
        seen, cursor = [], None
        while True:
            rows, cursor = lists.contact_page(s, after=cursor, limit=7)
            seen += rows
            if cursor is None:
                break
        assert len(seen) == 25 == len({r.id for r in seen}) == lists.count_contacts(s)
        keys = [(r.occurred_at, r.id) for r in seen]
        assert keys == sorted(keys, reverse=True)
        assert [r.id for r in lists.contact_rows(s, offset=7, limit=7)] == [r.id for r in seen[7:14]]


def test_people_list_shows_last_contact_and_count(vault):
    with vault.session() as s:
        a, b = person(s, "Francine aux livres d'histoire"), person(s, "Guy de la gare")
        person(s, "Karine au vélo")
        save(s, a, at(5))
        save(s, a, at(2))
        save(s, b, at(3))
    with vault.session() as s:
        rows = lists.people_rows(s, today=DAY)
        assert [(r.alias, r.contact_count) for r in rows[:2]] == [("Francine aux livres d'histoire", 2), ("Guy de la gare", 1)]
        assert rows[0].last_contact_at == at(2)
        assert [r.alias for r in lists.people_rows(s, query="velo")] == ["Karine au vélo"]
        assert lists.count_people(s) == 3
        assert [r.alias for r in lists.people_rows(s, order=lists.ORDER_ALIAS)][0] == "Francine aux livres d'histoire"


def test_today_summary(vault):
    with vault.session() as s:
        p = person(s, "Olivier au chien")
        save(s, p, at(0, hour=10))
        save(s, p, at(0, hour=15), follow_up_on=DAY)
        overdue = save(s, p, at(3), follow_up_on=DAY - timedelta(days=1))  # Monday, this week
        save(s, p, at(8), follow_up_on=DAY + timedelta(days=2))  # not due yet
        done = save(s, p, at(9), follow_up_on=DAY - timedelta(days=5))
        contacts.set_follow_up_done(s, done.id)
        supplies.create_item(s, "Couvertures", low_stock_level=3, initial_stock=1)
    with vault.session() as s:
        t = today.today_summary(s, DAY)
        assert [r.occurred_at.hour for r in t.contacts] == [15, 10]
        assert [(f.contact.id == overdue.id, f.overdue) for f in t.follow_ups] == [(True, True), (False, False)]
        assert [i.name for i in t.low_stock] == ["Couvertures"]
        assert (t.week_start, t.week_contacts, t.week_people) == (date(2026, 11, 23), 3, 1)
