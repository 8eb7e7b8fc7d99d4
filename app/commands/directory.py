"""``milieu directory import|export|search``: the referral directory, headless."""
from __future__ import annotations

import sys
from pathlib import Path

from app.directory import import_report
from app.directory.formats import read_directory
from app.directory.hsds_export import export_csv, export_json
from app.directory.hsds_import import import_reading
from app.directory.publication.apply import apply_directory_file
from app.directory.publication.file_format import MAGIC
from app.directory.publication.publish import publish
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
    q.add_argument("--report", metavar="FILE", help="write every problem, one a line, to FILE")
    q.add_argument("--source", help="name of the publisher, for stable ids of records whose ids are not UUIDs")
    q.set_defaults(handler=cmd_import)

    q = dsub.add_parser("publish", help="coordination: write La Piaule's signed directory file for the workers")
    q.add_argument("--out", required=True, metavar="DIR", help="folder for the directory file")
    q.set_defaults(handler=cmd_publish)

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
    if _is_directory_file(path):
        return _apply(ctx, path)
    reading = read_directory(path, ctx.args.source)
    print(f"Read {reading.form} from {path.name}.", flush=True)
    for note in reading.notes:
        print(f"  note: {note}")
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            result = import_reading(s, reading, skip_bad_rows=ctx.args.skip_bad_rows)
    except DirectoryImportRejected as exc:
        _problems(ctx, reading, exc.errors, [], "Bad rows, nothing imported")
        raise
    finally:
        vault.lock()
    _problems(ctx, reading, result.skipped, result.warnings, "Bad rows, skipped")
    print(import_report.imported_sentence(result))
    return 0


def _is_directory_file(path: Path) -> bool:
    if not path.is_file():
        return False
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def _apply(ctx, path: Path) -> int:
    data = path.read_bytes()
    print(f"Read La Piaule's signed directory file from {path.name}.", flush=True)
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            result = apply_directory_file(s, data)
    finally:
        vault.lock()
    print(result.sentence())
    return 0


def cmd_publish(ctx) -> int:
    vault = ctx.unlocked_vault()
    try:
        with vault.session() as s:
            done = publish(s, Path(ctx.args.out))
    finally:
        vault.lock()
    print(f"Published directory number {done.sequence} ({done.services} services, receipts for "
          f"{done.workers} workers) to {done.path}.")
    return 0


def _problems(ctx, reading, errors, warnings, title) -> None:
    hint = not ctx.args.report
    lines = import_report.summary(title, errors, report_hint=hint)
    lines += import_report.summary("Kept without a link", warnings, budget=8, report_hint=hint)
    for line in lines:
        print(line, file=sys.stderr)
    if ctx.args.report:
        import_report.write_report(Path(ctx.args.report), reading.form, reading.notes, errors, warnings)
        print(f"Every problem is listed in {ctx.args.report}.", file=sys.stderr)


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
