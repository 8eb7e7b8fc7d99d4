"""Retention (Law 25, s. 23): what is erased is gone everywhere, what the reports count stays."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select, text

import activity_data as D
import bundle_kit as K
from app import audit, contacts, people
from app.privacy import person_file, retention
from app.report import period, worker
from models.contacts import Contact
from models.people import Person

MARKER = "Zébulon-7Q marqueur"
TODAY = D.TODAY  # 2026-11-26: the pilot (January to May 2026) is six months old


@pytest.fixture
def pilot(vault, pilot_template):
    D.copy_into(pilot_template, vault)
    with vault.session() as s:
        first = s.scalars(select(Person).order_by(Person.id)).first()
        people.update_person(s, first.id, alias=MARKER, first_name="Zébulon", notes=f"voir {MARKER}",
                             consent_scope="alias", today=TODAY)
        for contact in s.scalars(select(Contact).order_by(Contact.id).limit(30)):
            contact.notes = f"Parlé avec {MARKER}"
        s.flush()
    return vault


def _reports(vault) -> list:
    out = []
    with vault.session() as s:
        for m in range(1, 7):
            r = worker.report(s, period.month(2026, m), today=TODAY)
            out.append(dataclasses.replace(r, generated_on=None))
    return out


def _vault_text(vault) -> str:
    """Every value of every table of the decrypted database, as one text."""
    with vault.session() as s:
        tables = [r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        return "\n".join(repr(row) for t in tables for row in s.execute(text(f'SELECT * FROM "{t}"')))


def test_a_run_anonymises_and_erases_while_every_past_report_keeps_its_figures(pilot, tmp_path):
    with pilot.session() as s:
        retention.set_rule(s, "people", 3)
        retention.set_rule(s, "contact-notes", 3)
    before = _reports(pilot)
    assert MARKER in _vault_text(pilot)
    with pilot.session() as s:
        counts = retention.run(s, TODAY)
    assert counts["people"] == D.PEOPLE and counts["contact_notes"] == 30
    assert _reports(pilot) == before
    assert MARKER not in _vault_text(pilot) and "Zébulon" not in _vault_text(pilot)
    files = tmp_path / "files"
    files.mkdir()
    with pilot.session() as s:
        for p in s.scalars(select(Person)):
            person_file.export(s, p, files)
        kept = s.scalars(select(Person).order_by(Person.id)).first()
        assert (kept.age_bracket, kept.gender, kept.anonymised_at is not None) == ("age_18_24", "woman", True)
        assert retention.run(s, TODAY)["people"] == 0  # nothing left to do
        assert [e.detail for e in audit.events(s) if e.kind == "retention_run"][0].startswith("people=82")
    exported = "".join(p.read_text("utf-8-sig") for p in files.iterdir())
    assert exported and MARKER not in exported


def test_a_dry_run_counts_and_changes_nothing(pilot):
    with pilot.session() as s:
        retention.set_rule(s, "people", 3)
    snapshot = _vault_text(pilot)
    with pilot.session() as s:
        counts = retention.run(s, TODAY, dry_run=True)
    assert counts["people"] == D.PEOPLE
    assert _vault_text(pilot) == snapshot


def test_default_rules_keep_a_recent_pilot(pilot):
    with pilot.session() as s:
        assert retention.rules(s) == {"people": 24, "contact-notes": 24, "conflict-notes": 24}
        assert retention.run(s, TODAY) == {"people": 0, "contact_notes": 0, "referral_notes": 0, "conflict_notes": 0}


def test_anonymisation_reaches_la_piaule_in_the_next_bundle(vault, tmp_path):
    coord = K.make_coordination(tmp_path / "coord")
    K.pair(vault, coord)
    K.add_person(vault, MARKER, consent="alias", notes="à revoir")
    with vault.session() as s:
        contacts.create_contact(s, contacts.ContactInput(
            occurred_at=D.contact_day(0, 1), person_ids=[s.scalars(select(Person.id)).one()], types=["listening"],
            share_with_supervision=True, notes=MARKER), today=TODAY)
    first = K.export_to(vault, tmp_path / "out")
    K.import_bytes(coord, first.path.read_bytes())
    assert MARKER in "".join(r.data for r in K.coordination_records(coord, "person").values())
    with vault.session() as s:
        retention.set_rule(s, "people", 3)
        retention.run(s, TODAY)
    second = K.export_to(vault, tmp_path / "out")
    K.import_bytes(coord, second.path.read_bytes())
    carried = "".join(r.data for e in ("person", "contact") for r in K.coordination_records(coord, e).values())
    assert len(K.coordination_records(coord, "person")) == 1 and MARKER not in carried


def test_rules_are_checked(vault):
    from app.validation import ValidationFailed

    with vault.session() as s:
        for kind, months in (("people", 0), ("people", 601), ("photos", 12)):
            with pytest.raises(ValidationFailed):
                retention.set_rule(s, kind, months)
        retention.set_rule(s, "conflict-notes", 60)
        assert retention.rules(s)["conflict-notes"] == 60
    assert retention.cutoff(date(2026, 3, 31), 1).date() == date(2026, 2, 28)
    assert retention.cutoff(date(2026, 1, 15), 24).date() == date(2024, 1, 15)


def test_backups_older_than_the_longest_rule_go_at_the_next_backup(vault):
    from app.privacy import backups
    from app.vault import BACKUP_SUFFIX

    recent = vault.backup()
    folder = recent.parent
    old = folder / f"milieu-20230101-120000-000000-manual{BACKUP_SUFFIX}"
    old.write_bytes(recent.read_bytes())
    other = folder / "notes-personnelles.txt"  # not a backup of this vault: never touched
    other.write_text("x")
    with vault.session() as s:
        retention.set_rule(s, "people", 48)  # the longest rule counts: kept from 2022-11-26
        assert backups.prune(s, [folder], BACKUP_SUFFIX, TODAY) == []
        retention.set_rule(s, "people", 24)
        assert backups.prune(s, [folder], BACKUP_SUFFIX, TODAY) == [old]
    assert recent.exists() and other.exists() and not old.exists()
