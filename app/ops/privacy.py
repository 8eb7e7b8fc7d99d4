"""Law 25 operations: retention, consents, the requests and incident registers, person files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app import audit, people, settings
from app.atomic import atomic_write
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation
from app.privacy import consents, documents, incidents, person_file, requests, retention

RETENTION_CHANGES = (Entity.PERSON, Entity.CONTACT, Entity.REFERRAL, Entity.CONFLICT, Entity.AUDIT)


@operation(Entity.SETTING)
def set_retention_rule(session: Session, kind: str, months: int) -> Done:
    retention.set_rule(session, kind, months)
    return Done(Changes.of(Entity.SETTING))


@operation(*RETENTION_CHANGES)
def run_retention(session: Session, today: date, *, dry_run: bool = False) -> Done:
    counts = retention.run(session, today, dry_run=dry_run)
    return Done(Changes() if dry_run else Changes(RETENTION_CHANGES), counts)


@operation(Entity.CONSENT, Entity.PERSON)
def give_consent(session: Session, person_id: int, purpose: str, given_on: date, **kw) -> Done:
    row = consents.give(session, person_id, purpose, given_on, **kw)
    return Done(Changes.of(Entity.CONSENT, Entity.PERSON), row)


@operation(Entity.CONSENT, Entity.PERSON)
def withdraw_consent(session: Session, person_id: int, purpose: str, on: date) -> Done:
    return Done(Changes.of(Entity.CONSENT, Entity.PERSON), consents.withdraw(session, person_id, purpose, on))


@operation(Entity.PRIVACY_REQUEST)
def add_request(session: Session, kind: str, received_on: date, **kw) -> Done:
    return Done(Changes.of(Entity.PRIVACY_REQUEST), requests.add(session, kind, received_on, **kw))


@operation(Entity.PRIVACY_REQUEST)
def answer_request(session: Session, request_id: int, on: date, *, refused: bool = False) -> Done:
    return Done(Changes.of(Entity.PRIVACY_REQUEST), requests.answer(session, request_id, on, refused=refused))


@operation(Entity.PRIVACY_REQUEST)
def extend_request(session: Session, request_id: int) -> Done:
    return Done(Changes.of(Entity.PRIVACY_REQUEST), requests.extend(session, request_id))


@operation(Entity.SETTING, Entity.PRIVACY_REQUEST)
def set_regime(session: Session, regime: str) -> Done:
    requests.set_regime(session, regime)
    return Done(Changes.of(Entity.SETTING))


@operation(Entity.INCIDENT)
def add_incident(session: Session, **values) -> Done:
    return Done(Changes.of(Entity.INCIDENT), incidents.add(session, **values))


@operation(Entity.AUDIT)
def export_person(session: Session, person_id: int, out_dir: Path, pdf_writer=None) -> Done:
    """The person's JSON and CSV files, and (with ``pdf_writer(html, path, paper=)``) the French transcript."""
    person = people.get_person(session, person_id)
    written = person_file.export(session, person, out_dir)
    if pdf_writer is not None:
        pdf = out_dir / f"{person_file.file_stem(person)}.pdf"
        pdf_writer(documents.person_transcript(person_file.person_file(session, person)), pdf,
                   paper=settings.paper(session))
        written.append(pdf)
    return Done(Changes.of(Entity.AUDIT), written)


@operation(Entity.AUDIT)
def export_incidents(session: Session, out: Path, pdf_writer=None) -> Done:
    rows = incidents.all_incidents(session)
    if pdf_writer is not None:
        pdf_writer(documents.incident_register(rows), out, paper=settings.paper(session))
    else:
        atomic_write(out, incidents.to_csv(rows))
    audit.record(session, "incident_register_export", f"incidents={len(rows)}")
    return Done(Changes.of(Entity.AUDIT), out)


@operation()
def write_notice(session: Session, out: Path, lang: str, pdf_writer) -> Done:
    """The printable notice (nothing changes in the vault: it is only read)."""
    pdf_writer(documents.notice(session, lang), out, paper=settings.paper(session))
    return Done(Changes(), out)
