"""Law 25 from the command line: retention, a person's file, consents, requests,
confidentiality incidents, the audit trail (app/privacy)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import audit, settings
from app.atomic import atomic_write
from app.errors import InvalidInput
from app.privacy import consents, documents, incidents, person_file, requests, retention
from app.report import renderers
from app.report.period import parse_day
from models.people import Person

RETENTION_KINDS = ("people", "contact-notes", "conflict-notes")


def register(sub) -> None:
    p = sub.add_parser("retention", help="retention rules: show, set, run")
    rsub = p.add_subparsers(dest="action", required=True)
    rsub.add_parser("show", help="the rules and what they would touch now").set_defaults(handler=cmd_retention_show)
    q = rsub.add_parser("set", help="change a rule (months)")
    q.add_argument("kind", choices=RETENTION_KINDS)
    q.add_argument("months", type=int)
    q.set_defaults(handler=cmd_retention_set)
    q = rsub.add_parser("run", help="anonymise and erase what the rules say, in one transaction")
    q.add_argument("--dry-run", action="store_true", help="count only, change nothing")
    q.set_defaults(handler=cmd_retention_run)

    p = sub.add_parser("person", help="a person's file (access and portability requests)")
    psub = p.add_subparsers(dest="action", required=True)
    q = psub.add_parser("export", help="everything held about a person, as JSON and CSV")
    q.add_argument("person", nargs="?", help="an alias or an id")
    q.add_argument("--all", action="store_true", help="every person's file")
    q.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    q.set_defaults(handler=cmd_person_export)

    p = sub.add_parser("consent", help="consents per purpose")
    csub = p.add_subparsers(dest="action", required=True)
    q = csub.add_parser("give", help="record a consent")
    q.add_argument("person")
    q.add_argument("purpose", help="supervision, referral_contact, or the organisation's own code")
    q.add_argument("--on", help="date given (default today)")
    q.add_argument("--scope", choices=("alias", "full"), default="alias", help="supervision: what may be shared")
    q.add_argument("--under-14", action="store_true")
    q.add_argument("--guardian", action="store_true", help="given by a parent or guardian")
    q.set_defaults(handler=cmd_consent_give)
    q = csub.add_parser("withdraw", help="record a withdrawal")
    q.add_argument("person")
    q.add_argument("purpose")
    q.add_argument("--on", help="date withdrawn (default today)")
    q.set_defaults(handler=cmd_consent_withdraw)
    q = csub.add_parser("list", help="a person's consents")
    q.add_argument("person")
    q.set_defaults(handler=cmd_consent_list)

    p = sub.add_parser("request", help="the register of requests (access, rectification, portability, deletion)")
    qsub = p.add_subparsers(dest="action", required=True)
    q = qsub.add_parser("add")
    q.add_argument("kind", choices=("access", "rectification", "portability", "deletion"))
    q.add_argument("--received", help="date received (default today)")
    q.add_argument("--person", help="an alias or an id")
    q.add_argument("--notes", default="")
    q.set_defaults(handler=cmd_request_add)
    qsub.add_parser("list").set_defaults(handler=cmd_request_list)
    q = qsub.add_parser("answer")
    q.add_argument("id", type=int)
    q.add_argument("--on", help="date answered (default today)")
    q.add_argument("--refused", action="store_true")
    q.set_defaults(handler=cmd_request_answer)
    q = qsub.add_parser("extend", help="public body: extend by 10 days, once")
    q.add_argument("id", type=int)
    q.set_defaults(handler=cmd_request_extend)

    p = sub.add_parser("incident", help="the confidentiality-incident register")
    isub = p.add_subparsers(dest="action", required=True)
    q = isub.add_parser("add")
    q.add_argument("--information", required=True, help="the information involved, or why it cannot be described")
    q.add_argument("--circumstances", required=True)
    q.add_argument("--from", dest="occurred_from", required=True, help="date, or start of the period")
    q.add_argument("--to", dest="occurred_to", help="end of the period")
    q.add_argument("--known", dest="known_on", required=True, help="date the organisation learned of it")
    q.add_argument("--people", dest="people_count", type=int, required=True, help="number of people concerned")
    q.add_argument("--risk", dest="risk_assessment", required=True, help="assessment of the risk of serious injury")
    q.add_argument("--serious", dest="serious_risk", action="store_true", help="the risk of serious injury is real")
    q.add_argument("--cai-notice", dest="cai_notice_on", help="date of the notice to the Commission")
    q.add_argument("--people-notice", dest="people_notice_on", help="date of the notice to the people")
    q.add_argument("--public-notice", dest="public_notice_on", help="date of a public notice")
    q.add_argument("--public-why", dest="public_notice_why", default="", help="why a public notice")
    q.add_argument("--measures", required=True)
    q.set_defaults(handler=cmd_incident_add)
    isub.add_parser("list").set_defaults(handler=cmd_incident_list)
    q = isub.add_parser("export", help="the register as CSV or PDF, for the Commission")
    q.add_argument("--out", required=True, help="file to write (.csv or .pdf)")
    q.set_defaults(handler=cmd_incident_export)

    p = sub.add_parser("notice", help="the printable notice of what Milieu records about a person")
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--lang", choices=("fr", "en"), default="fr")
    p.set_defaults(handler=cmd_notice)

    p = sub.add_parser("audit", help="the security events the vault recorded (no personal data)")
    p.add_argument("--since", help="from this day, YYYY-MM-DD")
    p.set_defaults(handler=cmd_audit)


def _day(text: str | None) -> date | None:
    return parse_day(text) if text else None



def cmd_retention_show(ctx) -> int:
    def work(s):
        return retention.rules(s), retention.plan(s, date.today()).counts()

    rules, counts = ctx.in_session(work)
    for kind, months in rules.items():
        print(f"{kind}: {months} months")
    print("A run now would anonymise {people} people and erase the notes of {contact_notes} contacts, "
          "{referral_notes} referrals and {conflict_notes} conflicts.".format(**counts))
    return 0


def cmd_retention_set(ctx) -> int:
    ctx.in_session(lambda s: retention.set_rule(s, ctx.args.kind, ctx.args.months))
    print(f"{ctx.args.kind}: {ctx.args.months} months.")
    return 0


def cmd_retention_run(ctx) -> int:
    counts = ctx.in_session(lambda s: retention.run(s, date.today(), dry_run=ctx.args.dry_run))
    verb = "Would anonymise" if ctx.args.dry_run else "Anonymised"
    print(f"{verb} {counts['people']} people; notes erased: {counts['contact_notes']} contacts, "
          f"{counts['referral_notes']} referrals, {counts['conflict_notes']} conflicts."
          + (" Nothing was changed." if ctx.args.dry_run else ""))
    return 0


def cmd_person_export(ctx) -> int:
    args = ctx.args
    if bool(args.all) == bool(args.person):
        raise InvalidInput("Name one person (an alias or an id), or give --all.")
    out = Path(args.out)
    if not out.is_dir():
        raise InvalidInput(f"The folder {out} does not exist.")

    def work(s):
        chosen = list(s.scalars(select(Person).order_by(Person.id))) if args.all else [
            person_file.find_person(s, args.person)]
        written = []
        for person in chosen:
            written += person_file.export(s, person, out)
            pdf = out / f"{person_file.file_stem(person)}.pdf"
            renderer(documents.person_transcript(person_file.person_file(s, person)), pdf, title="Dossier",
                     paper=settings.paper(s))
            written.append(pdf)
        return written

    renderer = renderers.get("html_pdf")  # before the passphrase: fail early without the GUI layer
    written = ctx.in_session(work)
    print(f"Wrote {len(written)} files in {out}.")
    return 0


def cmd_consent_give(ctx) -> int:
    a = ctx.args
    ctx.in_session(lambda s: consents.give(
        s, person_file.find_person(s, a.person).id, a.purpose, _day(a.on) or date.today(), under_14=a.under_14,
        by_guardian=a.guardian, scope=a.scope))
    print(f"Consent recorded for {a.purpose}.")
    return 0


def cmd_consent_withdraw(ctx) -> int:
    a = ctx.args
    ctx.in_session(lambda s: consents.withdraw(s, person_file.find_person(s, a.person).id, a.purpose,
                                                 _day(a.on) or date.today()))
    print(f"Consent for {a.purpose} withdrawn.")
    return 0


def cmd_consent_list(ctx) -> int:
    rows = ctx.in_session(lambda s: consents.consents_of(s, person_file.find_person(s, ctx.args.person).id))
    for c in rows:
        end = f", withdrawn {c.withdrawn_on}" if c.withdrawn_on else ""
        print(f"{c.purpose}: given {c.given_on}{' by a guardian' if c.by_guardian else ''}{end}")
    if not rows:
        print("No consent recorded.")
    return 0


def cmd_request_add(ctx) -> int:
    a = ctx.args

    def work(s):
        person_id = person_file.find_person(s, a.person).id if a.person else None
        return requests.add(s, a.kind, _day(a.received) or date.today(), person_id=person_id, notes=a.notes)

    row = ctx.in_session(work)
    print(f"Request no. {row.id} ({row.kind}) recorded; answer due by {row.due_on}.")
    return 0


def cmd_request_list(ctx) -> int:
    today = date.today()
    for r in ctx.in_session(requests.all_requests):
        state = f"answered {r.answered_on}" if r.answered_on else (
            f"OVERDUE by {-r.days_left(today)} days" if r.days_left(today) < 0 else f"due {r.due_on}")
        print(f"{r.id}\t{r.kind}\treceived {r.received_on}\t{r.status}\t{state}")
    return 0


def cmd_request_answer(ctx) -> int:
    a = ctx.args
    row = ctx.in_session(lambda s: requests.answer(s, a.id, _day(a.on) or date.today(), refused=a.refused))
    print(f"Request no. {row.id}: {row.status} on {row.answered_on}.")
    return 0


def cmd_request_extend(ctx) -> int:
    row = ctx.in_session(lambda s: requests.extend(s, ctx.args.id))
    print(f"Request no. {row.id}: now due by {row.due_on}.")
    return 0


def cmd_incident_add(ctx) -> int:
    a = vars(ctx.args)
    values = {name: a[name] for name in incidents.FIELDS if name != "id"}
    for name in ("occurred_from", "occurred_to", "known_on", "cai_notice_on", "people_notice_on", "public_notice_on"):
        values[name] = _day(values[name])
    row = ctx.in_session(lambda s: incidents.add(s, **values))
    print(f"Incident no. {row.id} recorded (kept at least {incidents.KEEP_YEARS} years).")
    return 0


def cmd_incident_list(ctx) -> int:
    for i in ctx.in_session(incidents.all_incidents):
        print(f"{i.id}\tknown {i.known_on}\t{i.people_count} people\t"
              f"{'serious risk' if i.serious_risk else 'no serious risk'}\t{i.information[:60]}")
    return 0


def cmd_incident_export(ctx) -> int:
    out = _output(ctx.args.out, (".csv", ".pdf"))
    renderer = renderers.get("html_pdf") if out.suffix.lower() == ".pdf" else None
    rows, paper = ctx.in_session(lambda s: (incidents.all_incidents(s), settings.paper(s)))
    if renderer is not None:
        renderer(documents.incident_register(rows), out, title="Registre des incidents", paper=paper)
    else:
        atomic_write(out, incidents.to_csv(rows))
    print(f"Wrote {len(rows)} incidents to {out}.")
    return 0


def _output(path: str, suffixes: tuple[str, ...]) -> Path:
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise InvalidInput(f"Give a file name ending in {' or '.join(suffixes)}.")
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist.")
    return out


def cmd_notice(ctx) -> int:
    out = _output(ctx.args.out, (".pdf",))
    renderer = renderers.get("html_pdf")
    html, paper = ctx.in_session(lambda s: (documents.notice(s, ctx.args.lang), settings.paper(s)))
    renderer(html, out, title=documents.NOTICE[ctx.args.lang]["title"], paper=paper)
    print(f"Wrote the notice to {out}.")
    return 0


def cmd_audit(ctx) -> int:
    since = _day(ctx.args.since)
    for event in ctx.in_session(lambda s: audit.events(s, since=since)):
        print(f"{event.at:%Y-%m-%d %H:%M:%S}\t{event.kind}\t{event.detail}")
    return 0
