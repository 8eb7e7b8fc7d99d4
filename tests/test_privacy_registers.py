"""Law 25 registers and files: a person's file, consents per purpose, requests, incidents, audit, notice."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import contacts, people
from app.activity import conflicts
from app.contacts import ContactInput
from app.privacy import consents, incidents, person_file, requests
from app.validation import ValidationFailed
from models.privacy import PURPOSE_REFERRAL, PURPOSE_SUPERVISION

ROOT = Path(__file__).resolve().parent.parent
from conftest import PASSPHRASE as PASS  # the fixture vaults' (fast KDF: each command unlocks quickly)


def milieu(data_dir: Path, *args: str):
    env = {k: v for k, v in os.environ.items() if k not in ("MILIEU_DATA_DIR",)}
    env["MILIEU_PASSPHRASE"] = PASS
    result = subprocess.run([sys.executable, "-m", "views.launcher", "--data-dir", str(data_dir), *args], cwd=ROOT,
                            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def two_people(vault):
    with vault.session() as s:
        ana = people.create_person(s, "Ana au sac bleu", first_name="Ana", notes="aime le café").id
        bob = people.create_person(s, "Bob à la tuque").id
        for day in range(3):
            contacts.create_contact(s, ContactInput(occurred_at=datetime(2026, 11, 2 + day, 10), person_ids=[ana, bob],
                                                    types=["listening"], notes=f"contact {day}"))
        contacts.create_contact(s, ContactInput(occurred_at=datetime(2026, 11, 9, 10), person_ids=[bob],
                                                types=["listening"], notes="seul"))
        conflicts.create(s, occurred_at=datetime(2026, 11, 3, 14), intensity=2, place_code="lib_entrance",
                         handled_by=("worker",), outcome="calmed", person_ids=[ana, bob])
        people.update_person(s, ana, notes="aime le thé")  # a rectification: the earlier version is kept
    return vault, ana, bob


def test_a_persons_file_is_complete_and_silent_about_the_others(two_people, tmp_path):
    vault, ana, _bob = two_people
    with vault.session() as s:
        paths = person_file.export(s, people.get_person(s, ana), tmp_path)
    data = json.loads(paths[0].read_text("utf-8"))
    assert data["person"]["alias"] == "Ana au sac bleu" and data["person"]["notes"] == "aime le thé"
    assert [v["data"]["notes"] for v in data["person_history"]] == ["aime le café", "aime le thé"]
    assert len(data["contacts"]) == 3 and {c["notes"] for c in data["contacts"]} == {"contact 0", "contact 1", "contact 2"}
    assert all(c["with"] == ["autre personne"] for c in data["contacts"]) and len(data["conflicts"]) == 1
    everything = "".join(p.read_text("utf-8-sig") for p in paths)
    assert "Bob" not in everything and "seul" not in everything
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in paths)


def test_consent_per_purpose_guardian_and_withdrawal(two_people):
    vault, ana, bob = two_people
    today = date.today()
    with vault.session() as s:
        with pytest.raises(ValidationFailed, match="guardian"):
            consents.give(s, bob, PURPOSE_REFERRAL, today, under_14=True)
        consents.give(s, bob, PURPOSE_REFERRAL, today, under_14=True, by_guardian=True)
        consents.give(s, ana, PURPOSE_SUPERVISION, today, scope="alias")
        assert people.get_person(s, ana).consent_scope == "alias"
        consents.require(s, [bob], PURPOSE_REFERRAL, today)
        with pytest.raises(ValidationFailed, match="consented"):
            consents.require(s, [ana, bob], PURPOSE_REFERRAL, today)
        consents.withdraw(s, ana, PURPOSE_SUPERVISION, today)
        assert people.get_person(s, ana).consent_scope == "none"  # the next bundle narrows La Piaule's copy
        assert [(c.purpose, c.withdrawn_on) for c in consents.consents_of(s, ana)] == [(PURPOSE_SUPERVISION, today)]


def test_request_deadlines_private_and_public(vault):
    received = date.today() - timedelta(days=25)
    with vault.session() as s:
        private = requests.add(s, "access", received)
        assert private.due_on == received + timedelta(days=30)
        with pytest.raises(ValidationFailed):
            requests.extend(s, private.id)  # no extension under P-39.1
        assert [r.id for r in requests.due(s, date.today())] == [private.id]  # due within 7 days
        requests.set_regime(s, requests.PUBLIC)
        public = requests.add(s, "rectification", received)
        assert public.due_on == received + timedelta(days=20)
        assert requests.due(s, date.today())[0].days_left(date.today()) == -5  # overdue first
        assert requests.extend(s, public.id).due_on == received + timedelta(days=30)
        requests.answer(s, private.id, date.today())
        assert [r.id for r in requests.due(s, date.today())] == [public.id]


def test_an_incident_needs_the_regulations_fields(vault):
    with vault.session() as s:
        with pytest.raises(ValidationFailed) as failed:
            incidents.add(s, occurred_from=None, known_on=None, people_count=None, information="", circumstances="",
                          risk_assessment="", measures="")
        assert {e.field for e in failed.value.errors} >= {"information", "circumstances", "occurred_from", "known_on",
                                                         "people_count", "risk_assessment", "measures"}
        row = incidents.add(s, information="Liste de surnoms", circumstances="Portable oublié au comptoir",
                            occurred_from=date(2026, 11, 2), known_on=date(2026, 11, 3), people_count=12,
                            risk_assessment="Faible : base chiffrée, verrouillée", measures="Verrou à 2 minutes",
                            cai_notice_on=None)
        assert incidents.all_incidents(s) == [row]
        assert "Portable oublié au comptoir" in incidents.to_csv([row]).decode("utf-8-sig")


def _text(pdf: Path) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())


def test_the_commands_from_retention_to_the_notice(vault, tmp_path):
    vault.lock()
    data = vault.paths.root
    out = tmp_path / "out"
    out.mkdir()
    assert milieu(data, "retention", "set", "people", "12").returncode == 0
    shown = milieu(data, "retention", "show")
    assert "people: 12 months" in shown.stdout and "anonymise 0 people" in shown.stdout
    assert milieu(data, "retention", "run", "--dry-run").stdout.endswith("Nothing was changed.\n")
    assert milieu(data, "request", "add", "access").returncode == 0
    assert "due" in milieu(data, "request", "list").stdout
    bad = milieu(data, "incident", "add", "--information", " ", "--circumstances", "x", "--from", "2026-11-02",
                 "--known", "2026-11-01", "--people", "3", "--risk", "faible", "--measures", "m")
    assert bad.returncode == 12 and bad.stderr.count("\n") == 1
    assert milieu(data, "incident", "add", "--information", "Surnoms", "--circumstances", "Oubli", "--from",
                  "2026-11-02", "--known", "2026-11-03", "--people", "3", "--risk", "faible",
                  "--measures", "Verrou").returncode == 0
    assert milieu(data, "incident", "export", "--out", str(out / "registre.pdf")).returncode == 0
    assert "Oubli" in _text(out / "registre.pdf")
    assert milieu(data, "notice", "--out", str(out / "avis.pdf")).returncode == 0
    notice = _text(out / "avis.pdf")
    assert "12 mois" in notice and "30 jours" in notice
    assert "unlock" in milieu(data, "audit").stdout
    assert milieu(data, "person", "export", "--all", "--out", str(out)).returncode == 0
    assert milieu(data, "person", "export", "Personne inconnue", "--out", str(out)).returncode == 12
