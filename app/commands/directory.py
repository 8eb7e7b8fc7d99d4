"""``milieu directory import|export|search``: the referral directory, headless."""
from __future__ import annotations

import sys
from pathlib import Path

from app.directory.hsds_export import export_csv, export_json
from app.directory.hsds_import import import_file
from app.directory.records import DirectoryImportRejected
from app.directory.search import search_services
from app.errors import InvalidInput


def register(sub) -> None:
    p = sub.add_parser("directory", help="the referral directory (Open Referral HSDS)")
    dsub = p.add_subparsers(dest="directory_command", metavar="ACTION")
    p.set_defaults(handler=lambda ctx: _usage(p))

    q = dsub.add_parser("import", help="import an HSDS JSON file or a folder of HSDS CSV tables")
    q.add_argument("file", help="HSDS .json file, CSV folder, or its datapackage.json")
    q.add_argument("--skip-bad-rows", action="store_true", help="import the good rows and report the bad ones")
    q.set_defaults(handler=cmd_import)

    q = dsub.add_parser("export", help="export the directory in HSDS form")
    q.add_argument("--format", choices=("json", "csv"), default="json")
    q.add_argument("out", help="JSON file, or folder for CSV tables")
    q.set_defaults(handler=cmd_export)

    q = dsub.add_parser("search", help="print the best matching services, one a line")
    q.add_argument("query")
    q.add_argument("--limit", type=int, default=10)
    q.set_defaults(handler=cmd_search)


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def cmd_import(ctx) -> int:

    path = Path(ctx.args.file)
    if not path.exists():
        raise InvalidInput(f"{path} does not exist.")
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            result = import_file(s, path, skip_bad_rows=ctx.args.skip_bad_rows)
    except DirectoryImportRejected as exc:
        for error in exc.errors:
            print(f"bad row: {error}", file=sys.stderr)
        raise
    finally:
        vault.lock()
    for error in result.skipped:
        print(f"skipped: {error}", file=sys.stderr)
    print(
        f"Imported {result.services_created + result.services_updated} services "
        f"({result.services_created} new, {result.services_updated} updated)"
        + (f"; skipped {len(result.skipped)} bad rows." if result.skipped else ".")
    )
    return 0


def cmd_export(ctx) -> int:
    out = Path(ctx.args.out)
    if ctx.args.format == "json" and out.is_dir():
        raise InvalidInput(f"{out} is a folder; give a file name for the JSON export.")
    if ctx.args.format == "csv" and out.exists() and not out.is_dir():
        raise InvalidInput(f"{out} is a file; give a folder for the CSV export.")
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            count = export_json(s, out) if ctx.args.format == "json" else export_csv(s, out)
    finally:
        vault.lock()
    print(f"Exported {count} services to {out}.")
    return 0


def cmd_search(ctx) -> int:
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            hits = search_services(s, ctx.args.query, limit=max(1, ctx.args.limit))
    finally:
        vault.lock()
    for hit in hits:
        print(f"{hit.name} — {hit.organization}" if hit.organization else hit.name)
    return 0
