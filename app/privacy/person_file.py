"""A person's file on request (Law 25: access, s. 27; portability in a structured format).

Everything the vault holds about one person: their record (own fields under their
model names, alias included) and its history of changes, consents, every contact with
its types, themes, supplies, notes and referrals (and their history), and the conflicts
they are linked to. Other people met in the same contacts or conflicts appear as
"autre personne", never by alias. Written as JSON and CSV, atomically, owner-only.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import audit, history
from app.atomic import atomic_write
from app.validation import fail
from models.activity import Conflict, conflict_person
from models.contacts import Contact, contact_person
from models.people import Person
from models.privacy import PersonConsent
from models.history import RecordVersion
from models.referral import Referral
from models.supplies import SupplyItem

OTHER_PERSON = "autre personne"
FORMAT = "milieu-person-file/1"


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def find_person(session: Session, who: str) -> Person:
    """An id (digits) or an exact alias (case-insensitive); an ambiguous alias is refused."""
    if who.strip().isdigit():
        person = session.get(Person, int(who))
        if person is not None:
            return person
    matches = list(session.scalars(select(Person).where(Person.alias.ilike(who.strip()))))
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        fail("person", "ambiguous", f"Several people have the alias {who!r}: give the id instead.")
    fail("person", "not_found", f"No person with the id or alias {who!r}.")


def _versions(session: Session, entity: str, uid: str) -> list[dict]:
    return [_version(v) for v in history.versions(session, entity, uid)]


def _version(v: RecordVersion) -> dict:
    return {"version": v.version, "op": v.op, "changed_at": _plain(v.changed_at), "changed_fields": v.changed_fields,
            "data": json.loads(v.data)}


def _versions_of(session: Session, entity: str, uids: list[str]) -> dict[str, list[dict]]:
    """Every version of many records in a few queries (a person with hundreds of contacts)."""
    out: dict[str, list[dict]] = {uid: [] for uid in uids}
    for start in range(0, len(uids), 500):
        query = select(RecordVersion).where(RecordVersion.entity == entity,
                                            RecordVersion.uid.in_(uids[start : start + 500]))
        for v in session.scalars(query.order_by(RecordVersion.id)):
            out[v.uid].append(_version(v))
    return out


def person_file(session: Session, person: Person) -> dict:
    own = {k: _plain(v) for k, v in history.snapshot(person, exclude=("search_key", "merged_into_id")).items()}
    own["groups"] = person.group_codes
    items = dict(session.execute(select(SupplyItem.id, SupplyItem.name)).all())
    contact_ids = select(contact_person.c.contact_id).where(contact_person.c.person_id == person.id)
    rows = list(session.scalars(
        select(Contact).where(Contact.id.in_(contact_ids)).order_by(Contact.occurred_at)
        .options(selectinload(Contact.types), selectinload(Contact.themes), selectinload(Contact.supplies),
                 selectinload(Contact.persons))
    ))
    by_contact: dict[int, list[Referral]] = {}
    for r in session.scalars(select(Referral).where(Referral.contact_id.in_(contact_ids)).order_by(Referral.id)):
        by_contact.setdefault(r.contact_id, []).append(r)
    contact_history = _versions_of(session, "contact", [c.uid for c in rows])
    referral_history = _versions_of(session, "referral", [r.uid for rs in by_contact.values() for r in rs])
    contacts = []
    for contact in rows:
        referrals = [
            {**{k: _plain(v) for k, v in history.snapshot(r, exclude=("contact_id", "person_id", "service_id")).items()},
             "for_this_person": r.person_id == person.id, "history": referral_history[r.uid]}
            for r in by_contact.get(contact.id, [])
        ]
        contacts.append({
            "uid": contact.uid, "occurred_at": _plain(contact.occurred_at), "duration_min": contact.duration_min,
            "place_code": contact.place_code, "initiated_by": contact.initiated_by,
            "types": [t.code for t in contact.types], "themes": [t.code for t in contact.themes],
            "supplies": [{"item": items.get(s.item_id, ""), "quantity": s.quantity} for s in contact.supplies],
            "notes": contact.notes, "follow_up_on": _plain(contact.follow_up_on),
            "unidentified_count": contact.unidentified_count,
            "with": [OTHER_PERSON for p in contact.persons if p.id != person.id],
            "deleted_at": _plain(contact.deleted_at), "referrals": referrals,
            "history": contact_history[contact.uid],
        })
    conflict_ids = select(conflict_person.c.conflict_id).where(conflict_person.c.person_id == person.id)
    conflicts = [
        {"uid": c.uid, "occurred_at": _plain(c.occurred_at), "place_code": c.place_code, "parties": c.parties,
         "intensity": c.intensity, "action_taken": c.action_taken, "outcome": c.outcome, "notes": c.notes,
         "with": [OTHER_PERSON for p in c.persons if p.id != person.id]}
        for c in session.scalars(select(Conflict).where(Conflict.id.in_(conflict_ids)).order_by(Conflict.occurred_at))
    ]
    consents = [
        {"purpose": c.purpose, "given_on": _plain(c.given_on), "withdrawn_on": _plain(c.withdrawn_on),
         "by_guardian": c.by_guardian}
        for c in session.scalars(select(PersonConsent).where(PersonConsent.person_id == person.id)
                                 .order_by(PersonConsent.given_on, PersonConsent.id))
    ]
    return {
        "format": FORMAT, "exported_at": datetime.now().replace(microsecond=0).isoformat(),
        "person": own, "person_history": _versions(session, "person", person.uid), "consents": consents,
        "contacts": contacts, "conflicts": conflicts,
    }


CSV_COLUMNS = ("occurred_at", "duration_min", "place_code", "initiated_by", "types", "themes", "supplies", "notes",
               "referrals", "with")


def contacts_csv(data: dict) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in data["contacts"]:
        writer.writerow([
            c["occurred_at"], c["duration_min"], c["place_code"], c["initiated_by"], " ".join(c["types"]),
            " ".join(c["themes"]), "; ".join(f"{s['item']} x{s['quantity']}" for s in c["supplies"]), c["notes"],
            "; ".join(f"{r['service_name']} ({r['status']}, {r['outcome']})" for r in c["referrals"]),
            ", ".join(c["with"]),
        ])
    return out.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheet software read the accents


def file_stem(person: Person) -> str:
    return f"personne-{person.id}"


def export(session: Session, person: Person, out_dir: Path) -> list[Path]:
    """Write ``personne-ID.json`` and ``personne-ID-contacts.csv`` in ``out_dir``; record the export."""
    if not out_dir.is_dir():
        fail("out", "not_a_folder", f"The folder {out_dir} does not exist.")
    data = person_file(session, person)
    stem = file_stem(person)
    written = [out_dir / f"{stem}.json", out_dir / f"{stem}-contacts.csv"]
    atomic_write(written[0], json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
    atomic_write(written[1], contacts_csv(data))
    audit.record(session, "person_export", f"files={len(written)}")
    return written
