"""People: search as you type, validation, archive, merge."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from app import history, lists, people, people_merge
from app.validation import ValidationFailed
from models.people import Person
from tests.floor_helpers import contact, person


@pytest.fixture
def crowd(vault):
    with vault.session() as s:
        ids = {
            "elodie": person(s, "Élodie, sac à dos vert").id,
            "marc": person(s, "Grand Marc, casquette rouge", first_name="Marc").id,
            "marcel": person(s, "Marcel aux échecs").id,
            "lise": person(s, "Lise au chien").id,
        }
    return ids


def aliases(matches):
    return [m.alias for m in matches]


def test_search_ignores_accents_and_case(vault, crowd):
    with vault.session() as s:
        assert aliases(people.search_people(s, "elo")) == ["Élodie, sac à dos vert"]
        assert aliases(people.search_people(s, "ÉLO")) == ["Élodie, sac à dos vert"]


def test_search_tolerates_one_typo_but_ranks_exact_matches_first(vault, crowd):
    with vault.session() as s:
        assert aliases(people.search_people(s, "elodei")) == ["Élodie, sac à dos vert"]  # swapped letters
        assert aliases(people.search_people(s, "alodie")) == ["Élodie, sac à dos vert"]  # wrong letter
        assert "Lise au chien" not in aliases(people.search_people(s, "elo"))
        found = people.search_people(s, "marc")
        # The alias starting with the query comes before a later word that does.
        assert aliases(found) == ["Marcel aux échecs", "Grand Marc, casquette rouge"]


def test_search_matches_every_word_and_prefers_recently_seen(vault, crowd):
    with vault.session() as s:
        assert aliases(people.search_people(s, "gr casq")) == ["Grand Marc, casquette rouge"]
        contact(s, s.get(Person, crowd["marcel"]), when=datetime.now() - timedelta(hours=1))
    with vault.session() as s:
        assert aliases(people.search_people(s, "mar"))[0] == "Marcel aux échecs"


def test_search_hides_archived_people_unless_asked(vault, crowd):
    with vault.session() as s:
        people.archive_person(s, crowd["lise"])
    with vault.session() as s:
        assert people.search_people(s, "lise") == []
        assert aliases(people.search_people(s, "lise", include_archived=True)) == ["Lise au chien"]
        assert lists.people_rows(s, status="archived")[0].status == "archived"


def test_alias_is_required_and_codes_are_checked(vault):
    with vault.session() as s:
        with pytest.raises(ValidationFailed) as err:
            people.create_person(
                s, "  ", age_bracket="age_200", groups=["nope"], consent_on=date.today() + timedelta(days=3)
            )
    fields = err.value.by_field()
    assert fields["alias"].code == "required"
    assert fields["age_bracket"].code == "unknown_code"
    assert fields["groups"].code == "unknown_code"
    assert fields["consent_on"].code == "future_date"


def test_person_keeps_profile_fields(vault):
    with vault.session() as s:
        p = people.create_person(
            s, "Josée aux chats", first_name="Josée", age_bracket="age_35_49", gender="self_described",
            gender_self="bispirituelle", languages=["fr", "atj"], groups=["single_parent", "newcomer"],
            consent_scope="alias", consent_on=date(2026, 10, 1),
        )
        pid = p.id
    with vault.session() as s:
        p = s.get(Person, pid)
        assert (p.gender_self, p.language_codes, p.group_codes) == ("bispirituelle", ["fr", "atj"], ["newcomer", "single_parent"])
        assert p.consent_on == date(2026, 10, 1)


def test_status_becomes_inactive_after_90_days_without_contact(vault, crowd):
    with vault.session() as s:
        p = s.get(Person, crowd["lise"])
        contact(s, p, when=datetime.now() - timedelta(days=100))
    with vault.session() as s:
        p = s.get(Person, crowd["lise"])
        assert p.status(date.today()) == "inactive"
        assert p.status(date.today() - timedelta(days=20)) == "active"
        assert [r.alias for r in lists.people_rows(s, status="inactive")] == ["Lise au chien"]


def test_merge_keeps_every_contact_and_records_history(vault, crowd):
    with vault.session() as s:
        marc, marcel, lise = (s.get(Person, crowd[k]) for k in ("marc", "marcel", "lise"))
        c1 = contact(s, marc)
        c2 = contact(s, marcel)
        c3 = contact(s, marc, marcel, lise)  # both records in one group contact
        people.update_person(s, marcel.id, notes="Aime les échecs.", languages=["en"])
    with vault.session() as s:
        result = people_merge.merge_people(s, crowd["marc"], crowd["marcel"])
        assert result.moved_contact_ids == sorted([c2.id, c3.id])
    with vault.session() as s:
        kept = s.get(Person, crowd["marc"])
        dup = s.get(Person, crowd["marcel"])
        assert kept.contact_count == 3
        assert "Aime les échecs." in kept.notes and kept.language_codes == ["en"]
        assert dup.merged_into_id == kept.id and dup.status(date.today()) == "archived"
        timeline, _ = lists.person_timeline(s, kept.id)
        assert sorted(r.id for r in timeline) == sorted([c1.id, c2.id, c3.id])
        group = next(r for r in timeline if r.id == c3.id)
        assert sorted(group.person_aliases) == ["Grand Marc, casquette rouge", "Lise au chien"]
        assert people.search_people(s, "marcel") == []  # the duplicate no longer comes up
        with pytest.raises(ValidationFailed) as err:  # nor can it get new contacts
            contact(s, dup)
        assert err.value.by_field()["persons"].code == "not_found"
        last = json.loads(history.versions(s, "person", dup.uid)[-1].data)
        assert last["merged_into_uid"] == kept.uid
        moved = history.versions(s, "contact", c2.uid)
        assert [v.op for v in moved] == ["create", "update"] and "person_uids" in moved[-1].changed_fields


def test_merge_refuses_the_same_record_twice(vault, crowd):
    with vault.session() as s:
        with pytest.raises(ValidationFailed):
            people_merge.merge_people(s, crowd["marc"], crowd["marc"])


def test_search_sees_new_renamed_merged_and_recent_people_between_keystrokes(vault):
    with vault.session() as s:
        a = person(s, "Luc du parc")
        b = person(s, "Luc au vélo")
        assert aliases(people.search_people(s, "zorro")) == []  # the search index is now built
    with vault.session() as s:
        person(s, "Zorro au chapeau")
        people.update_person(s, a.id, alias="Luc du terminus")
    with vault.session() as s:
        assert aliases(people.search_people(s, "zorro")) == ["Zorro au chapeau"]
        assert aliases(people.search_people(s, "luc du")) == ["Luc du terminus"]
        contact(s, s.get(Person, a.id), when=datetime.now() - timedelta(days=2))
    with vault.session() as s:
        assert aliases(people.search_people(s, "luc")) == ["Luc du terminus", "Luc au vélo"]
        contact(s, s.get(Person, b.id), when=datetime.now() - timedelta(hours=1))
    with vault.session() as s:
        assert aliases(people.search_people(s, "luc")) == ["Luc au vélo", "Luc du terminus"]
        people_merge.merge_people(s, a.id, b.id)
    with vault.session() as s:
        assert aliases(people.search_people(s, "luc")) == ["Luc du terminus"]


def test_locking_drops_the_search_index(make_vault):
    import gc
    import weakref

    vault = make_vault("locked")
    with vault.session() as s:
        person(s, "Ginette aux écouteurs")
        people.search_people(s, "gin")
    engine = weakref.ref(vault.engine)
    assert engine() in people._SEARCH_CACHE
    del s  # a finished session keeps a reference to its engine
    vault.lock()
    gc.collect()
    assert engine() is None  # the engine and its cached index are gone
    assert all(e is not None for e in people._SEARCH_CACHE.keys())


def test_merge_moves_conflicts_and_referrals_to_the_kept_person(vault, crowd):
    from datetime import datetime

    from app.activity import conflicts
    from app.directory.referrals import create_referral
    from app.directory.services import ServiceInput, add_service
    from models.activity import Conflict
    from models.referral import Referral

    with vault.session() as s:
        marcel = s.get(Person, crowd["marcel"])
        visit = contact(s, marcel)
        conflict = conflicts.create(
            s, occurred_at=datetime.now().replace(microsecond=0), intensity=2, person_ids=[marcel.id]
        )
        service = add_service(s, ServiceInput(name="Comptoir alimentaire (exemple)"))
        referral = create_referral(s, visit.id, service, person_id=marcel.id)
        ids = conflict.id, referral.id
    with vault.session() as s:
        people_merge.merge_people(s, crowd["marc"], crowd["marcel"])
    with vault.session() as s:
        kept = s.get(Person, crowd["marc"])
        assert [p.id for p in s.get(Conflict, ids[0]).persons] == [kept.id]
        assert s.get(Referral, ids[1]).person_id == kept.id
        moved = history.versions(s, "referral", s.get(Referral, ids[1]).uid)
        assert json.loads(moved[-1].data)["person_uid"] == kept.uid
