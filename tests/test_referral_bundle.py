"""A referral travels in the weekly bundle: linked to its contact, its person pseudonymous."""
from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select

from app.contacts import ContactInput, create_contact
from app.directory import referrals
from app.directory.sample import import_sample
from models.directory import DirService
from models.people import Person
from tests.bundle_kit import add_person, coordination_records, export_to, import_bytes, make_coordination, pair


def test_referral_of_a_shared_contact_reaches_coordination(make_vault, tmp_path):
    worker = make_vault("worker")
    coord = make_coordination(tmp_path / "coord")
    pair(worker, coord)
    person_uid = add_person(worker, "Grand Marc casquette rouge", consent="full")
    with worker.session() as s:
        import_sample(s)
        person_id = s.scalars(select(Person.id).where(Person.uid == person_uid)).one()
        contact = create_contact(s, ContactInput(
            occurred_at=datetime(2026, 11, 24, 14, 0), duration_min=20, person_ids=[person_id],
            types=["referral"], share_with_supervision=True,
        ), today=date(2026, 11, 26)).contact
        shelter = s.scalars(select(DirService.id).where(DirService.name == "Refuge de nuit Le Phare")).one()
        ref = referrals.create_referral(s, contact.id, shelter, person_id=person_id, follow_up_on=date(2026, 12, 1))
        contact_uid, ref_uid = contact.uid, ref.uid
    with worker.session() as s:
        referrals.update_referral(s, ref.id, status="accompanied")

    import_bytes(coord, export_to(worker, tmp_path / "out").path.read_bytes())

    record = coordination_records(coord, "referral")[ref_uid]
    data = json.loads(record.data)
    assert data["service_name"] == "Refuge de nuit Le Phare"
    assert data["status"] == "accompanied" and data["contact_uid"] == contact_uid
    assert data["person_uid"] and data["person_uid"] != person_uid  # the worker's pseudonym, not the uid
    assert contact_uid in coordination_records(coord, "contact")
