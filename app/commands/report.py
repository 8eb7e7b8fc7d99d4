"""``milieu report --from DATE --to DATE [--baseline FROM..TO] --format pdf|csv|xlsx|docx --out FILE``:
the "Bilan", headless. Without ``--baseline``, the 12 months before the pilot started when there
is data there (as the Bilan page).

On a coordination vault (La Piaule) the report is made from the imported bundles:
all workers together, or one with ``--worker``. Exports are meant for outside, so
counts of people below 5 read "< 5" unless ``--exact`` (the worker's own use).
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app import settings
from app.commands.bundles import open_store
from app.errors import InvalidInput
from app.ops import evaluation as evaluation_ops
from app.report import coordination, evaluation_worker, export, renderers, worker
from app.report import period as periods
from app.sync import keys

FORMATS = ("pdf", "csv", "xlsx", "docx")
RENDERED = ("pdf", "docx")  # need the GUI layer (charts)


def register(sub) -> None:
    p = sub.add_parser("report", help="export the activity report (Bilan) for a period")
    p.add_argument("--from", dest="first_day", help="first day, YYYY-MM-DD (default: the pilot period)")
    p.add_argument("--to", dest="last_day", help="last day included, YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=FORMATS, default=None, help="pdf, csv, xlsx or docx (default: from --out)")
    p.add_argument("--baseline", help="period compared with, FROM..TO (default: the 12 months before the pilot)")
    p.add_argument("--no-baseline", action="store_true", help="no before/after comparison")
    p.add_argument("--highlights-file", help="UTF-8 text: the highlights for council (kept for the next reports)")
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the report (default fr)")
    p.add_argument("--exact", action="store_true", help="exact small counts (not for outside)")
    p.add_argument("--worker", type=int, default=None,
                   help="coordination vault: one worker's report (peer id); default all workers")
    p.set_defaults(handler=cmd_report)


def _format(args) -> str:
    fmt = args.format or Path(args.out).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput("Choose --format pdf, csv, xlsx or docx.")
    return fmt


def cmd_report(ctx) -> int:

    args = ctx.args
    fmt = _format(args)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist.")
    renderer = renderers.get(fmt) if fmt in RENDERED else None  # fail before asking the passphrase
    baseline = evaluation_worker.parse_range(args.baseline) if args.baseline else None
    highlights_text = _read_text(args.highlights_file) if args.highlights_file else None
    today = date.today()
    vault = ctx.unlocked_vault()
    store = None
    try:
        with vault.session() as s:
            side = coordination if keys.mode(s) == keys.MODE_COORDINATION else worker
            paper = settings.paper(s)  # the vault's, as in the Bilan
        if highlights_text is not None:  # the vault's own setting, whatever the store
            with vault.session() as s:
                _set_highlights(s, highlights_text)
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
            if baseline is None and not args.no_baseline:
                baseline = side.default_baseline(s)
            if side is coordination and not args.exact:  # consistent with every other worker's export
                report = coordination.for_outside(s, p, args.worker, lang=args.lang, today=today,
                                                  baseline=baseline)
            elif side is coordination:
                report = coordination.report(s, p, args.worker, lang=args.lang, today=today, baseline=baseline)
            else:
                report = worker.report(s, p, lang=args.lang, today=today, baseline=baseline)
    finally:
        if store is not None:
            store.close()
        vault.lock()
    outside = not args.exact
    if renderer is not None:
        renderer(report, out, outside, paper=paper)
    else:
        export.write(report, out, fmt, outside=outside)
    if baseline is not None:
        print(f"Compared with {baseline.start} to {baseline.last_day}.")
    print(f"Report {p.start} to {p.last_day} written to {out} ({report.value('interventions')} interventions).")
    return 0


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(f"Cannot read {path} as UTF-8 text.") from None


def _set_highlights(session, text: str) -> None:
    """Keep the highlights; warn (on stderr, without refusing) when they name a person of the vault."""
    named = evaluation_ops.set_highlights(session, text).value
    if named:
        print(f"milieu: warning: the highlights name {len(named)} person(s) of the vault "
              f"({', '.join(named[:3])}); check them before sending the report.", file=sys.stderr)
