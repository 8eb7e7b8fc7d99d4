"""Referrals: from a contact to a service, status changes with history, follow-ups on Today."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app import history
from app.contacts import ContactInput, create_contact, delete_contact
from app.directory import referrals
from app.directory.hsds_import import import_file
from app.directory.sample import SAMPLE_DIRECTORY
from app.errors import InvalidInput
from app.people import create_person
from models.directory import DirService

TODAY = date(2026, 11, 26)


@pytest.fixture
def setup(vault):
    with vault.session() as s:
        import_file(s, SAMPLE_DIRECTORY)
        marc = create_person(s, "Grand Marc, casquette rouge", today=TODAY)
        julie = create_person(s, "Julie au sac vert", today=TODAY)
        contact = create_contact(s, ContactInput(
            types=["awareness"],
            occurred_at=datetime(2026, 11, 26, 14, 0), duration_min=15, place_code=None,
            person_ids=[marc.id, julie.id],
        ), today=TODAY).contact
        shelter = s.scalars(select(DirService).where(DirService.name == "Refuge de nuit Le Phare")).one()
        food = s.scalars(select(DirService).where(DirService.name == "Comptoir alimentaire Le Grenier")).one()
        ids = dict(marc=marc.id, julie=julie.id, contact=contact.id, shelter=shelter.id, food=food.id)
    return vault, ids


def test_referral_keeps_the_service_name_and_logs_each_status_change(setup):
    vault, ids = setup
    with vault.session() as s:
        ref = referrals.create_referral(s, ids["contact"], ids["shelter"], person_id=ids["marc"],
                                        follow_up_on=TODAY + timedelta(days=2))
        ref_id, uid = ref.id, ref.uid
    for status in ("accepted", "accompanied", "completed"):
        with vault.session() as s:
            referrals.set_status(s, ref_id, status)
    with vault.session() as s:
        referrals.follow_up_done(s, ref_id, outcome="attained")
        versions = history.versions(s, "referral", uid)
        [row] = referrals.referrals_for_contact(s, ids["contact"])
    assert [json.loads(v.data)["status"] for v in versions] == [
        "proposed", "accepted", "accompanied", "completed", "completed",
    ]
    assert json.loads(versions[-1].data)["outcome"] == "attained"
    # What the weekly bundle reads: uids, never this machine's row ids.
    with vault.session() as s:
        from app.people import get_person
        from models.contacts import Contact

        contact_uid, marc_uid = s.get(Contact, ids["contact"]).uid, get_person(s, ids["marc"]).uid
    first = json.loads(versions[0].data)
    assert (first["contact_uid"], first["person_uid"]) == (contact_uid, marc_uid)
    assert first["service_hsds_id"] and "contact_id" not in first and "person_id" not in first
    assert [v.version for v in versions] == [1, 2, 3, 4, 5]
    assert (row.service_name, row.status, row.outcome, row.person_alias) == (
        "Refuge de nuit Le Phare", "completed", "attained", "Grand Marc, casquette rouge",
    )


def test_unknown_status_or_outcome_is_refused_and_nothing_changes(setup):
    vault, ids = setup
    with vault.session() as s:
        ref_id = referrals.create_referral(s, ids["contact"], ids["food"]).id
    with pytest.raises(InvalidInput, match="status"), vault.session() as s:
        referrals.set_status(s, ref_id, "maybe")
    with pytest.raises(InvalidInput, match="outcome"), vault.session() as s:
        referrals.set_outcome(s, ref_id, "great")
    with vault.session() as s:
        [row] = referrals.referrals_for_contact(s, ids["contact"])
    assert (row.status, row.outcome) == ("proposed", "unknown")


def test_follow_ups_due_today_and_overdue_show_until_done(setup):
    vault, ids = setup
    with vault.session() as s:
        overdue = referrals.create_referral(s, ids["contact"], ids["shelter"], person_id=ids["marc"],
                                            follow_up_on=TODAY - timedelta(days=3)).id
        due = referrals.create_referral(s, ids["contact"], ids["food"], person_id=ids["julie"],
                                        follow_up_on=TODAY).id
        tomorrow = referrals.create_referral(s, ids["contact"], ids["food"], follow_up_on=TODAY + timedelta(days=1)).id
        referrals.create_referral(s, ids["contact"], ids["shelter"])  # no follow-up
    with vault.session() as s:
        shown = referrals.referral_follow_ups(s, TODAY)
    assert [(f.referral.id, f.overdue) for f in shown] == [(overdue, True), (due, False)]
    with vault.session() as s:
        referrals.follow_up_done(s, overdue)
        referrals.update_referral(s, due, follow_up_on=TODAY + timedelta(days=7))
    with vault.session() as s:
        assert referrals.referral_follow_ups(s, TODAY) == []
        week = [(f.referral.id, f.overdue) for f in referrals.referral_follow_ups(s, TODAY + timedelta(days=7))]
    assert week == [(tomorrow, True), (due, False)]


def test_a_persons_referrals(setup):
    vault, ids = setup
    with vault.session() as s:
        referrals.create_referral(s, ids["contact"], ids["shelter"], person_id=ids["marc"])
        referrals.create_referral(s, ids["contact"], ids["food"], person_id=ids["julie"])
        referrals.create_referral(s, ids["contact"], ids["food"])  # for whoever was there
    with vault.session() as s:
        marc = [(r.service_name, r.person_id) for r in referrals.referrals_for_person(s, ids["marc"])]
    assert sorted(marc) == [("Comptoir alimentaire Le Grenier", None), ("Refuge de nuit Le Phare", ids["marc"])]


def test_deleted_referral_or_contact_leaves_the_lists(setup):
    vault, ids = setup
    with vault.session() as s:
        a = referrals.create_referral(s, ids["contact"], ids["shelter"], follow_up_on=TODAY).id
    with vault.session() as s:
        referrals.delete_referral(s, a)
        assert referrals.referral_follow_ups(s, TODAY) == []
        referrals.create_referral(s, ids["contact"], ids["food"], follow_up_on=TODAY)
    with vault.session() as s:
        assert len(referrals.referral_follow_ups(s, TODAY)) == 1
        delete_contact(s, ids["contact"])
    with vault.session() as s:
        assert referrals.referral_follow_ups(s, TODAY) == []
        assert referrals.referrals_for_person(s, ids["marc"]) == []


def test_demo_gives_each_referral_contact_a_referral_once(vault):
    from app import demo
    from app.directory.sample import demo_referrals, import_sample
    from models.contacts import ContactType

    with vault.session() as s:
        demo.generate(s, weeks=8, seed=3)
        import_sample(s)
        made = demo_referrals(s, seed=3)
        referral_contacts = len(s.scalars(select(ContactType).where(ContactType.code == "referral")).all())
        assert made == referral_contacts > 0
        assert demo_referrals(s, seed=3) == 0
        due = referrals.referral_follow_ups(s, date.today() + timedelta(days=14))
    assert due and all(f.referral.status == "proposed" for f in due)
