"""``milieu demo``: deterministic synthetic data with the pilot's shape."""
from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select, text

from app import cli, demo, history, lists
from models.contacts import Contact
from models.history import RecordVersion
from models.people import Person
from tests.conftest import PASSPHRASE

END = date(2026, 11, 26)


def test_demo_has_the_pilot_proportions(vault):
    with vault.session() as s:
        stats = demo.generate(s, weeks=52, seed=7, end=END)
    with vault.session() as s:
        n = lists.count_contacts(s)
        assert n == stats.contacts and 560 <= n <= 680  # about 50 a month
        counts = [c for (c,) in s.execute(select(Person.contact_count))]
        assert sum(counts) >= n  # every contact has someone (groups count several)
        seen_once = sum(1 for c in counts if c == 1)
        assert seen_once / len(counts) > 0.5  # a long tail seen once
        # A few regulars, seen about weekly or more over the year.
        assert 1 <= sum(1 for c in counts if c >= 40) <= len(counts) * 0.1
        genders = Counter(g for (g,) in s.execute(select(Person.gender)))
        assert genders["man"] > genders["woman"]  # men for the most part
        firsts = s.scalar(text("select count(*) from contact_type where code = 'first_contact'"))
        assert firsts == len(counts)  # everyone has a first contact
        assert s.scalar(select(func.min(Contact.occurred_at))).date() >= date(2025, 11, 27)
        assert s.scalar(select(func.max(Contact.occurred_at))).date() <= END
        versions = s.scalar(select(func.count()).select_from(RecordVersion).where(RecordVersion.entity == "contact"))
        assert versions == n  # each demo contact has its first version for the bundle


def test_demo_is_deterministic_and_can_run_twice(make_vault):
    def fingerprint(vault):
        with vault.session() as s:
            return s.execute(text("select alias from person order by id")).all(), s.execute(
                text("select occurred_at, place_code, notes from contact order by id")
            ).all()

    one, two = make_vault("one"), make_vault("two")
    for v in (one, two):
        with v.session() as s:
            demo.generate(s, weeks=8, seed=3, end=END)
    assert fingerprint(one) == fingerprint(two)
    with one.session() as s:
        demo.generate(s, weeks=8, seed=3, end=END)  # adds to it, no uid clash, same items
        assert s.scalar(text("select count(*) from supply_item")) == len(demo.SUPPLIES)


def test_demo_command(make_vault, capsys, monkeypatch):
    vault = make_vault()
    vault.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)
    assert cli.main(["--data-dir", str(vault.paths.root), "demo", "--weeks", "4", "--seed", "2"]) == 0
    assert "invented" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(vault.paths.root), "demo", "--weeks", "0"]) == 9
    assert "--weeks" in capsys.readouterr().err


def test_demo_refuses_a_vault_with_real_entries(vault):
    import pytest

    from app import people, settings
    from app.errors import InvalidInput

    with vault.session() as s:
        people.create_person(s, "Bruno au chien")
    with vault.session() as s:
        with pytest.raises(InvalidInput):
            demo.generate(s, weeks=2, end=END)
        assert settings.get(s, demo.DEMO_SETTING) is None


def test_demo_history_snapshots_look_like_the_services_ones(vault):
    """The bundle exporter reads both the same way: same keys, same date format."""
    import json

    from app import contacts, people, supplies
    from app.contacts import ContactInput

    with vault.session() as s:
        demo.generate(s, weeks=4, seed=5, end=END)
    with vault.session() as s:
        demo_snaps = {
            entity: json.loads(s.scalar(select(RecordVersion.data).where(RecordVersion.entity == entity).limit(1)))
            for entity in ("person", "contact", "supply_item", "stock_movement")
        }
        assert demo.DEMO_SETTING in {k for (k,) in s.execute(text("select key from setting"))}
        # Hand entries after the demo are allowed (the vault is already a demo vault).
        p = people.create_person(s, "Hugo au vélo")
        item = supplies.create_item(s, "Bas", initial_stock=3)
        c = contacts.create_contact(s, ContactInput(types=["awareness"], person_ids=[p.id], supplies={item.id: 1})).contact
        service = {
            entity: json.loads(history.last_version(s, entity, uid).data)
            for entity, uid in (("person", p.uid), ("contact", c.uid), ("supply_item", item.uid))
        }
        move_uid = s.scalar(text("select uid from stock_movement order by id desc limit 1"))
        service["stock_movement"] = json.loads(history.last_version(s, "stock_movement", move_uid).data)
    for entity, snap in service.items():
        assert set(snap) == set(demo_snaps[entity]), entity
        assert "T" in snap["created_at"] and "T" in demo_snaps[entity]["created_at"]
