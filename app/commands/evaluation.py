"""``milieu conflict import FILE.csv`` and ``milieu visits import FILE.csv``: the library's
own records for the evaluation's before and after (issue 13)."""
from __future__ import annotations

import sys
from pathlib import Path
from app.errors import InvalidInput
from app.evaluation.csvfile import ImportRejected
from app.evaluation import baseline
from app.ops import evaluation as ops


def register(sub) -> None:
    p = sub.add_parser("conflict", help="the library's past incident reports (baseline)")
    csub = p.add_subparsers(dest="conflict_command", metavar="ACTION")
    q = csub.add_parser("import", help="import past incidents from a CSV file (date, intensity, ...)")
    q.add_argument("file")
    q.add_argument("--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones")
    q.add_argument("--map", dest="map_file", help="CSV of category,intensity: the library's own categories")
    q.set_defaults(handler=cmd_conflict_import)
    p.set_defaults(handler=lambda _ctx: _usage(p))

    p = sub.add_parser("visits", help="visits to the library (conflicts per 1,000 visits)")
    vsub = p.add_subparsers(dest="visits_command", metavar="ACTION")
    q = vsub.add_parser("import", help="import visit counts from a CSV file (date, visits)")
    q.add_argument("file")
    q.add_argument("--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones")
    q.set_defaults(handler=cmd_visits_import)
    p.set_defaults(handler=lambda _ctx: _usage(p))


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _run(ctx, work):
    path = Path(ctx.args.file)
    if not path.is_file():
        raise InvalidInput(f"{path} does not exist.")
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            result = work(s, path).value
    except ImportRejected as exc:
        for error in exc.errors:
            print(f"bad row: {error}", file=sys.stderr)
        raise
    finally:
        vault.lock()
    for error in result.skipped:
        print(f"skipped: {error}", file=sys.stderr)
    return result


def cmd_conflict_import(ctx) -> int:
    mapping = baseline.read_map(Path(ctx.args.map_file)) if ctx.args.map_file else None
    result = _run(ctx, lambda s, path: ops.import_incidents(s, path, skip_bad_rows=ctx.args.skip_bad_rows,
                                                            mapping=mapping))
    print(f"Imported {result.added} past incidents ({result.unchanged} already there, {result.updated} updated)"
          + (f"; skipped {len(result.skipped)} bad rows." if result.skipped else "."))
    return 0


def cmd_visits_import(ctx) -> int:
    result = _run(ctx, lambda s, path: ops.import_visits(s, path, skip_bad_rows=ctx.args.skip_bad_rows))
    print(f"Imported {result.added} visit counts ({result.updated} replaced, {result.unchanged} unchanged)"
          + (f"; skipped {len(result.skipped)} bad rows." if result.skipped else "."))
    return 0
