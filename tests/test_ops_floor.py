"""Floor operations without any widget: one unit per save, typed changes, refusals that write nothing."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app import drafts, lists, people, supplies
from app.activity import conflicts
from app.contacts import ContactInput
from app.directory import referrals
from app.directory.sample import import_sample
from app.errors import InvalidInput
from app.ops import Changes, Entity
from app.ops import drafts as draft_ops
from app.ops import floor as floor_ops
from app.ops import people as people_ops
from app.ops import referrals as referral_ops
from app.validation import StockShortage, ValidationFailed
from models.contacts import Contact
from models.directory import DirService
from models.people import Person

NOW = datetime.now().replace(second=0, microsecond=0)


@pytest.fixture
def floor(vault):
    with vault.session() as s:
        import_sample(s)
        vault.ids = {
            "elodie": people.create_person(s, "Élodie au foulard").id,
            "socks": supplies.create_item(s, "Bas", initial_stock=10).id,
            "shelter": s.scalars(select(DirService.id).where(DirService.name == "Refuge de nuit Le Phare")).one(),
        }
    return vault


def count(vault, model) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_contact_with_new_people_supplies_referrals_and_its_draft_is_one_operation(floor):
    with floor.session() as s:
        drafts.save(s, "quick_contact", {"notes": "en cours"})
    form = floor_ops.ContactSave(
        contact=ContactInput(occurred_at=NOW, person_ids=[floor.ids["elodie"]], types=["referral"],
                             supplies={floor.ids["socks"]: 3}),
        new_aliases=("Grand Marc, casquette rouge",),
        referrals=(floor_ops.ReferralInput(floor.ids["shelter"], date.today() + timedelta(days=7)),),
        draft_form_id="quick_contact",
    )
    with floor.session() as s:
        done = floor_ops.save_contact(s, form)
    assert done.changes == Changes.of(Entity.CONTACT, Entity.PERSON, Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT,
                                      Entity.REFERRAL, Entity.DRAFT)
    with floor.session() as s:
        [row] = lists.contact_rows_by_id(s, [done.value])
        assert set(row.person_aliases) == {"Élodie au foulard", "Grand Marc, casquette rouge"}
        assert supplies.get_item(s, floor.ids["socks"]).stock_on_hand == 7
        made = referrals.referrals_for_contact(s, done.value)
        assert {r.person_alias for r in made} == {"Élodie au foulard", "Grand Marc, casquette rouge"}
        assert drafts.load(s, "quick_contact") is None
    assert form.contact.person_ids == [floor.ids["elodie"]]  # the form's input is left as it was


def test_a_refused_referral_leaves_nothing_behind(floor):
    """Before the operations layer, the panel could create the person and the contact, then fail on a referral."""
    form = floor_ops.ContactSave(
        contact=ContactInput(occurred_at=NOW, types=["referral"]), new_aliases=("Zoé du parc",),
        referrals=(floor_ops.ReferralInput(999_999),),
    )
    people_before, contacts_before = count(floor, Person), count(floor, Contact)
    with pytest.raises(InvalidInput):
        with floor.session() as s:
            floor_ops.save_contact(s, form)
    assert (count(floor, Person), count(floor, Contact)) == (people_before, contacts_before)


def test_a_shortage_is_refused_until_allowed(floor):
    data = ContactInput(types=["awareness"], occurred_at=NOW, person_ids=[floor.ids["elodie"]], supplies={floor.ids["socks"]: 12})
    with pytest.raises(StockShortage) as refused:
        with floor.session() as s:
            floor_ops.save_contact(s, floor_ops.ContactSave(contact=data))
    assert [(f.requested, f.available) for f in refused.value.shortfalls] == [(12, 10)]
    with floor.session() as s:
        done = floor_ops.save_contact(s, floor_ops.ContactSave(contact=data, allow_shortage=True))
        assert supplies.get_item(s, floor.ids["socks"]).stock_on_hand == -2
    with floor.session() as s:
        gone = floor_ops.delete_contact(s, done.value)
    assert Entity.STOCK_MOVEMENT in gone.changes
    with floor.session() as s:
        assert supplies.get_item(s, floor.ids["socks"]).stock_on_hand == 10  # back on the shelf
        again = floor_ops.delete_contact(s, done.value)
    assert again.changes == Changes.of(Entity.CONTACT)  # already gone: screens just refresh


def test_a_contact_without_supplies_does_not_announce_stock(floor):
    with floor.session() as s:
        done = floor_ops.save_contact(s, floor_ops.ContactSave(
            contact=ContactInput(types=["awareness"], occurred_at=NOW, person_ids=[floor.ids["elodie"]], follow_up_on=date.today())))
        assert done.changes == Changes.of(Entity.CONTACT, Entity.PERSON)
        assert floor_ops.set_follow_up_done(s, done.value).changes == Changes.of(Entity.CONTACT)
    with floor.session() as s, pytest.raises(ValidationFailed):
        floor_ops.save_contact(s, floor_ops.ContactSave(contact=ContactInput(types=["awareness"], occurred_at=NOW)))  # nobody


def test_merge_reports_the_conflicts_and_referrals_it_rewrites(floor):
    with floor.session() as s:
        twin = people.create_person(s, "Élo, foulard bleu").id
        contact = floor_ops.save_contact(s, floor_ops.ContactSave(
            contact=ContactInput(occurred_at=NOW, person_ids=[twin], types=["referral"]),
            referrals=(floor_ops.ReferralInput(floor.ids["shelter"]),),
        )).value
        conflict = conflicts.create(s, occurred_at=NOW - timedelta(hours=1), intensity=2, person_ids=[twin]).id
    with floor.session() as s:
        done = people_ops.merge_people(s, floor.ids["elodie"], twin)
    assert {Entity.CONFLICT, Entity.REFERRAL, Entity.PERSON, Entity.CONTACT} <= done.changes
    assert done.value == 1
    with floor.session() as s:
        [ref] = referrals.referrals_for_contact(s, contact)
        assert ref.person_alias == "Élodie au foulard"
        assert [p.alias for p in conflicts.get(s, conflict).persons] == ["Élodie au foulard"]


def test_people_referrals_and_drafts_operations(floor):
    with floor.session() as s:
        person = people_ops.create_person(s, "Julie au sac vert").value
        assert people_ops.update_person(s, person, first_name="Julie", archived=True).changes == {Entity.PERSON}
        assert people.get_person(s, person).archived_at is not None
        people_ops.archive_person(s, person, False)
        assert people.get_person(s, person).archived_at is None
    with floor.session() as s, pytest.raises(ValidationFailed):
        people_ops.create_person(s, "  ")
    with floor.session() as s:
        contact = floor_ops.save_contact(s, floor_ops.ContactSave(
            contact=ContactInput(types=["awareness"], occurred_at=NOW, person_ids=[person]),
            referrals=(floor_ops.ReferralInput(floor.ids["shelter"], date.today()),),
        )).value
        [ref] = referrals.referrals_for_contact(s, contact)
        assert referral_ops.update_referral(s, ref.id, status="accepted").changes == {Entity.REFERRAL}
        referral_ops.follow_up_done(s, ref.id, "attained")
        row = referrals.referral_row(s, ref.id)
        assert (row.status, row.outcome, row.follow_up_done) == ("accepted", "attained", True)
    with floor.session() as s:
        assert draft_ops.save_draft(s, "f", {"a": 1}).changes == {Entity.DRAFT}
        assert draft_ops.discard_draft(s, "f").changes == {Entity.DRAFT}
        assert draft_ops.discard_draft(s, "f").changes == Changes()  # nothing left: nothing changed


def test_every_entity_a_floor_screen_listens_for_is_produced_by_an_operation(qapp):
    import app.ops.all  # noqa: F401 - registers every operation
    from app.ops import producible
    from views.floor.contact_panel import ContactPanel
    from views.floor.contacts_page import ContactsPage
    from views.floor.people_page import PeoplePage
    from views.floor.supplies_page import SuppliesPage
    from views.floor.today_page import TodayPage

    listened = set().union(*(w.entities for w in (ContactPanel, ContactsPage, PeoplePage, SuppliesPage)))
    listened |= TodayPage.entities - {Entity.BUNDLE}  # bundles: the sync area's operations
    assert all(isinstance(e, Entity) for e in listened)
    assert listened - producible() <= {Entity.CODE_ITEM}  # code lists: the vocabulary's operations


def test_floor_screens_never_open_a_session_nor_touch_the_models():
    """Reads go through ctx.ops.read (frozen rows), writes through ctx.ops.run (operations)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "views" / "floor").glob("*.py")), root / "views" / "quick_entry.py",
             root / "views" / "drafts.py", root / "views" / "directory" / "referral_widgets.py",
             root / "views" / "directory" / "refer_dialog.py"]
    offending = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for needle in (".session()", "warm_session(", "from models", "import models", "sqlalchemy", ".notify("):
            if needle in text:
                offending.append(f"{path.relative_to(root)}: {needle}")
        if len(text.splitlines()) > 400:
            offending.append(f"{path.relative_to(root)}: over 400 lines")
    assert offending == []


def test_a_saved_contact_says_which_records_changed(vault):
    """Screens listing contacts re-read the saved one alone: the changes name it, and its people."""
    with vault.session() as s:
        done = floor_ops.save_contact(s, floor_ops.ContactSave(
            ContactInput(occurred_at=NOW, types=["referral"]), new_aliases=("Renard au sac vert",)))
    changes = done.changes
    assert changes.ids(Entity.CONTACT) == {done.value}
    assert len(changes.ids(Entity.PERSON)) == 1
    assert changes.ids(Entity.REFERRAL) == frozenset()  # not changed at all
    widened = changes | {Entity.REFERRAL}  # a change without ids: unknown which
    assert widened.ids(Entity.REFERRAL) is None and widened.ids(Entity.CONTACT) == {done.value}
    assert (changes | Changes.of(Entity.CONTACT)).ids(Entity.CONTACT) is None
    with vault.session() as s:
        gone = floor_ops.delete_contact(s, done.value)
    assert gone.changes.ids(Entity.CONTACT) == {done.value}
