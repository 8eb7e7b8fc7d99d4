"""``milieu report --from DATE --to DATE --format pdf|csv|xlsx --out FILE``: the "Bilan", headless.

On a coordination vault (La Piaule) the report is made from the imported bundles:
all workers together, or one with ``--worker``. Exports are meant for outside, so
counts of people below 5 read "< 5" unless ``--exact`` (the worker's own use).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from app.commands.bundles import open_store
from app.errors import InvalidInput
from app.report import coordination, export, renderers, worker
from app.report import period as periods
from app.sync import keys

FORMATS = ("pdf", "csv", "xlsx")


def register(sub) -> None:
    p = sub.add_parser("report", help="export the activity report (Bilan) for a period")
    p.add_argument("--from", dest="first_day", help="first day, YYYY-MM-DD (default: the pilot period)")
    p.add_argument("--to", dest="last_day", help="last day included, YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=FORMATS, default=None, help="pdf, csv or xlsx (default: from --out)")
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the report (default fr)")
    p.add_argument("--exact", action="store_true", help="exact small counts (not for outside)")
    p.add_argument("--worker", type=int, default=None,
                   help="coordination vault: one worker's report (peer id); default all workers")
    p.set_defaults(handler=cmd_report)


def _format(args) -> str:
    fmt = args.format or Path(args.out).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput("Choose --format pdf, csv or xlsx.")
    return fmt


def cmd_report(ctx) -> int:

    args = ctx.args
    fmt = _format(args)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist.")
    renderer = renderers.get("pdf") if fmt == "pdf" else None  # fail before asking the passphrase
    today = date.today()
    vault = ctx.unlocked_vault()
    store = None
    try:
        with vault.session() as s:
            side = coordination if keys.mode(s) == keys.MODE_COORDINATION else worker
        if side is coordination:  # the imported records may live in PostgreSQL

            store = open_store(vault)
        with (store.reading() if store is not None else vault.session()) as s:
            if args.first_day:
                last = periods.parse_day(args.last_day) if args.last_day else today
                p = periods.custom(periods.parse_day(args.first_day), last)
            else:
                p = side.pilot_period(s, today)  # as the Bilan page: each side has its own default
                if args.last_day:
                    p = periods.custom(p.start, periods.parse_day(args.last_day))
            if side is coordination and not args.exact:  # consistent with every other worker's export
                report = coordination.for_outside(s, p, args.worker, lang=args.lang, today=today)
            elif side is coordination:
                report = coordination.report(s, p, args.worker, lang=args.lang, today=today)
            else:
                report = worker.report(s, p, lang=args.lang, today=today)
    finally:
        if store is not None:
            store.close()
        vault.lock()
    outside = not args.exact
    if renderer is not None:
        renderer(report, out, outside)
    else:
        export.write(report, out, fmt, outside=outside)
    print(f"Report {p.start} to {p.last_day} written to {out} ({report.value('interventions')} interventions).")
    return 0
