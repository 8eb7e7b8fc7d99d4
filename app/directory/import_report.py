"""What an import says: problems grouped by kind, a count and the first examples.

A real file can have thousands of bad rows of a few kinds; the terminal gets
one group per kind (file, field, why) in about 30 lines, and ``--report FILE``
gets every row.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from pathlib import Path

from app.atomic import atomic_write
from app.directory.records import ImportResult, RowError

MAX_LINES = 30
EXAMPLES = 3
_INDEX = re.compile(r"\[\d+\]")


def _kind(error: RowError) -> tuple[str, str, str]:
    return error.file, _INDEX.sub("[]", error.field), error.code


def grouped(errors: list[RowError]) -> list[tuple[tuple[str, str, str], list[RowError]]]:
    groups: OrderedDict[tuple, list[RowError]] = OrderedDict()
    for error in errors:
        groups.setdefault(_kind(error), []).append(error)
    return sorted(groups.items(), key=lambda item: -len(item[1]))


def summary(title: str, errors: list[RowError], budget: int = MAX_LINES, report_hint: bool = True) -> list[str]:
    """``title`` line, then per kind: "N x file, field: why" and its first rows, within ``budget`` lines."""
    if not errors:
        return []
    lines = [f"{title} ({len(errors)} rows{', every one with --report FILE' if report_hint else ''}):"]
    groups = grouped(errors)
    for index, ((file, field, _code), rows) in enumerate(groups):
        if len(lines) + 2 > budget - 1 and index < len(groups) - 1:
            rest = groups[index:]
            lines.append(f"  ... and {len(rest)} more kinds ({sum(len(r) for _k, r in rest)} rows).")
            break
        first = rows[0]
        same_why = all(r.why == first.why for r in rows[:EXAMPLES])
        lines.append(f"  {len(rows)} x {file}, {field}: {first.why if same_why else _general(first)}")
        if same_why:
            shown = ", ".join(str(r.row) for r in rows[:EXAMPLES + 2])
            lines.append(f"      row{'s' if len(rows) > 1 else ''} {shown}{', ...' if len(rows) > EXAMPLES + 2 else ''}")
        else:
            lines.extend(f"      row {r.row} ({r.field}): {r.why}" for r in rows[:EXAMPLES])
    return lines


def _general(error: RowError) -> str:
    return {
        "unknown_reference": "refers to a record neither in this file nor in the directory",
        "parent_refused": "the record it belongs to was refused",
        "organization_dropped": "names an organization that is not there: imported without organization",
        "duplicate_id": "reuses an id",
    }.get(error.code, error.why)


def full_report(form: str, notes: list[str], errors: list[RowError], warnings: list[RowError]) -> str:
    lines = [f"Read: {form}", ""]
    lines += [f"Note: {n}" for n in notes]
    lines += ["", f"Bad rows ({len(errors)}):"] + [f"{e} [{e.code}]" for e in errors]
    lines += ["", f"Kept with something dropped ({len(warnings)}):"] + [f"{w} [{w.code}]" for w in warnings]
    return "\n".join(lines) + "\n"


def write_report(path: Path, form: str, notes: list[str], errors: list[RowError], warnings: list[RowError]) -> None:
    atomic_write(Path(path), full_report(form, notes, errors, warnings).encode("utf-8"))


def imported_sentence(result: ImportResult) -> str:
    total = result.services_created + result.services_updated
    text = f"Imported {total} services ({result.services_created} new, {result.services_updated} updated)"
    if result.skipped:
        text += f"; skipped {len(result.skipped)} bad rows"
    left = [f"{n} {entity}s" for entity, n in sorted(result.left_out.items()) if n]
    if left:
        text += f"; left out {' and '.join(left)} that no service uses"
    return text + "."
