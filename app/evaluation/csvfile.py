"""Reading the library's CSV files (incidents, visits): columns by header name, every bad
row reported as (file, row, field, why), nothing imported unless bad rows may be skipped."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from app.directory.records import RowError
from app.errors import InvalidInput, MilieuError

MAX_BYTES = 50 * 1024 * 1024


class ImportRejected(MilieuError):
    """Bad rows and no permission to skip them: nothing was imported."""

    code = "evaluation_import_rejected"
    exit_code = 60

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        more = f" (and {len(errors) - 1} more bad rows)" if len(errors) > 1 else ""
        super().__init__(f"Nothing imported: {errors[0]}{more}; fix the file or import again with --skip-bad-rows.")


@dataclass
class Outcome:
    """What an import did: rows added, rows already there (a re-import), rows skipped."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowError] = field(default_factory=list)


def read_text(path: Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path.name}: {exc.strerror}.") from None
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{path.name} is larger than 50 MB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # spreadsheets saved on Windows


def rows(text: str, file_name: str, required: tuple[str, ...], optional: tuple[str, ...] = ()):
    """(spreadsheet row number, {column: stripped text}) for each non-blank row.
    Header names are matched without case or spaces; ';' or ',' separators both work."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InvalidInput(f"{file_name} is empty.") from None
    missing = [name for name in required if name not in header]
    if missing:
        raise InvalidInput(f"{file_name} has no column {missing[0]!r} (columns by header name: "
                           f"{', '.join(required + optional)}).")
    wanted = {name: header.index(name) for name in required + optional if name in header}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        yield number, {name: (cells[i].strip() if i < len(cells) else "") for name, i in wanted.items()}


def error(file_name: str, row: int, name: str, code: str, why: str) -> RowError:
    return RowError(file_name, row, name, code, why)


def settle(errors: list[RowError], skip_bad_rows: bool) -> None:
    if errors and not skip_bad_rows:
        raise ImportRejected(errors)
