"""A synthetic pilot whose figures are known in advance (all names invented).

Five months, January to May 2026: 251 interventions with 82 distinct people,
20 conflicts, 7 staff supports, 51 referrals, 55 supply items given. The
expected figures below are worked out by hand from the rules in ``build``.
"""
from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from app import contacts, people, supplies
from app.activity import conflicts, presence, staff_support
from app.contacts import ContactInput
from app.directory import referrals
from app.report import worker
from models.activity import SPAN_DAY, SPAN_WEEK
from models.directory import DirService

PILOT_FIRST, PILOT_LAST = date(2026, 1, 1), date(2026, 5, 31)
TODAY = date(2026, 11, 26)
MONTHS = ((2026, 1, 40), (2026, 2, 45), (2026, 3, 50), (2026, 4, 56), (2026, 5, 60))  # contacts per month
PEOPLE = 82
CONFLICTS = {1: (1, 2, 3, 4, 5, 3), 2: (1, 2, 2, 3, 4), 3: (1, 1, 2, 3), 4: (1, 2, 1), 5: (1, 1)}
SUPPORTS = [  # (day, kind, staff, minutes)
    (date(2026, 1, 12), "information", 1, 30), (date(2026, 2, 3), "information", 1, 30),
    (date(2026, 2, 17), "awareness", 3, 60), (date(2026, 3, 10), "awareness", 3, 60),
    (date(2026, 3, 24), "debrief", 2, 45), (date(2026, 4, 14), "debrief", 2, 45),
    (date(2026, 5, 5), "group_training", 12, 120),
]
STATUSES = ("proposed", "accepted", "accompanied", "completed", "declined")

EXPECTED = {
    "interventions": 251,
    "people": 82,
    "new_people": 82,
    "unidentified": 11,  # contacts 0, 25, ..., 250
    "by_month": {"janv. 2026": (40, 40, 40), "févr. 2026": (45, 45, 42), "mars 2026": (50, 50, 0),
                 "avr. 2026": (56, 56, 0), "mai 2026": (60, 60, 0)},  # interventions, people, new
    "types": {"Écoute": 251, "Référence": 51, "Dépannage d'urgence": 25, "Intervention de crise": 5},
    "themes": {"Itinérance et logement": 126, "Santé mentale": 84},
    # age bracket -> (men, women, total)
    "age_gender": {"18 à 24 ans": (7, 3, 10), "35 à 49 ans": (30, 10, 40), "50 à 64 ans": (24, 8, 32)},
    "referrals": 51,
    "referral_status": {"Proposée": 11, "Acceptée": 10, "Accompagnée": 10, "Complétée": 10, "Refusée": 10},
    "referral_outcome": {"Non précisé": 31, "Atteint": 10, "Non atteint": 10},
    "supplies": {"Barres tendres": 50, "Bas": 5},
    "conflicts": 20,
    "conflicts_by_month": {"janv. 2026": (6, 3.0, 5), "févr. 2026": (5, 2.4, 4), "mars 2026": (4, 1.75, 3),
                           "avr. 2026": (3, 1.33, 2), "mai 2026": (2, 1.0, 1)},
    "intensity_mean": 2.15,
    "intensity_max": 5,
    "by_intensity": [8, 5, 4, 2, 1],
    "staff_support": 7,
    "staff_reached": 24,
    "staff_support_hours": 6.5,
    # 107 weekdays x 7 h = 749 h; week of March 2 entered as 25 h (-10); week of April 6
    # has one day entered, 8 h (-27).
    "presence_hours": 712.0,
    "interventions_per_hour": 0.35,
}


def contact_day(month_index: int, k: int) -> datetime:
    year, month, _ = MONTHS[month_index]
    return datetime(year, month, 1 + k % 28, 9 + k % 8, (k * 7) % 60)


def build(vault) -> None:
    """Write the pilot through the app's own services."""
    with vault.session() as s:
        worker.set_pilot_period(s, PILOT_FIRST, PILOT_LAST)
        persons = []
        for k in range(PEOPLE):
            age = "age_18_24" if k < 10 else "age_35_49" if k < 50 else "age_50_64"
            gender = "woman" if k % 4 == 0 else "man"
            persons.append(people.create_person(s, f"Personne {k:02d}", age_bracket=age, gender=gender,
                                                today=TODAY).id)
        bars = supplies.create_item(s, "Barres tendres", initial_stock=500, when=datetime(2025, 12, 1)).id
        socks = supplies.create_item(s, "Bas", unit="paire", initial_stock=100, when=datetime(2025, 12, 1)).id
        service = DirService(hsds_id="svc-exemple-1", name="Service d'hébergement (exemple)")
        s.add(service)
        s.flush()
        i = 0
        referral_count = 0
        for m, (_year, _month, count) in enumerate(MONTHS):
            for k in range(count):
                types = ["listening"]
                if i % 5 == 0:
                    types.append("referral")
                if i % 10 == 3:
                    types.append("emergency_supplies")
                if i % 50 == 7:
                    types.append("crisis")
                themes = (["housing"] if i % 2 == 0 else []) + (["mental_health"] if i % 3 == 0 else [])
                given = {}
                if i % 10 == 3:
                    given[bars] = 2
                if i % 50 == 7:
                    given[socks] = 1
                change = contacts.create_contact(s, ContactInput(
                    occurred_at=contact_day(m, k), duration_min=10, place_code="lib_reading",
                    person_ids=[persons[i % PEOPLE]], unidentified_count=1 if i % 25 == 0 else 0,
                    types=types, themes=themes, supplies=given,
                ), today=TODAY)
                if i % 5 == 0:
                    status = STATUSES[referral_count % 5]
                    ref = referrals.create_referral(s, change.contact.id, service.id, person_id=persons[i % PEOPLE],
                                                    status=status)
                    if status in ("completed", "declined"):
                        referrals.set_outcome(s, ref.id, "attained" if status == "completed" else "not_attained")
                    referral_count += 1
                i += 1
        for month, levels in CONFLICTS.items():
            for n, level in enumerate(levels):
                conflicts.create(
                    s, occurred_at=datetime(2026, month, 3 + 4 * n, 14, 0), intensity=level,
                    parties="patron_staff" if level >= 4 else "patron_patron", place_code="lib_entrance",
                    handled_by=("worker", "staff"), outcome="calmed", person_ids=[persons[n]],
                )
        for day, kind, staff, minutes in SUPPORTS:
            staff_support.create(s, occurred_on=day, kind=kind, topic="Approche bienveillante",
                                 staff_count=staff, duration_min=minutes, today=TODAY)
        presence.set_hours(s, date(2026, 3, 4), SPAN_WEEK, 20 * 60, 5 * 60)
        presence.set_hours(s, date(2026, 4, 7), SPAN_DAY, 8 * 60, 0)


def make_template(root: Path) -> Path:
    """The pilot built once into a locked vault at ``root`` (as conftest's make_vault would create it)."""
    from app.vault import Vault
    from conftest import FAST_KDF, PASSPHRASE

    vault = Vault(root)
    vault.create(PASSPHRASE, site_name="Bibliothèque de test", worker_name="Intervenant test", kdf_params=FAST_KDF)
    build(vault)
    vault.lock()
    return root


def copy_into(template: Path, vault) -> None:
    """Replace a test vault's files by a copy of the built pilot (seconds instead of a rebuild per test),
    then unlock it again: the same Vault object, so fixtures holding it stay valid."""
    from conftest import PASSPHRASE

    vault.lock()
    shutil.rmtree(vault.paths.root)
    shutil.copytree(template, vault.paths.root)
    vault.unlock(PASSPHRASE)
