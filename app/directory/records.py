"""What the HSDS readers produce and what the import reports.

Both readers (JSON and CSV) flatten HSDS into the same tabular rows, so one
validation and one upsert serve both forms.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import MilieuError

# Import order: a row may only refer to rows of earlier entities.
ENTITIES = (
    "taxonomy_term", "organization", "location", "address", "service",
    "service_at_location", "phone", "schedule", "language", "attribute",
)


@dataclass
class Row:
    entity: str
    file: str            # file name as the user knows it
    row: int             # CSV: spreadsheet row (header = 1); JSON: service number in the file
    data: dict
    path: str = ""       # JSON: where the object sits, e.g. "phones[0]"

    def field_name(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name


@dataclass(frozen=True)
class RowError:
    file: str
    row: int
    field: str
    code: str            # stable: required, not_a_number, not_a_date, unknown_reference...
    why: str             # one English sentence (the GUI translates by code)

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, {self.field}: {self.why}"


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    skipped: list[RowError] = field(default_factory=list)
    service_ids: set[int] = field(default_factory=set)
    form: str = ""                                            # which form and version was read
    notes: list[str] = field(default_factory=list)            # assumptions, each said once
    warnings: list[RowError] = field(default_factory=list)    # kept, with something dropped
    left_out: dict[str, int] = field(default_factory=dict)    # new records no service uses

    @property
    def services_created(self) -> int:
        return self.created.get("service", 0)

    @property
    def services_updated(self) -> int:
        return self.updated.get("service", 0)


class DirectoryImportRejected(MilieuError):
    """Bad rows and no permission to skip them: nothing was imported."""

    code = "directory_import_rejected"
    exit_code = 45

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        first = errors[0]
        more = f" (and {len(errors) - 1} more bad rows)" if len(errors) > 1 else ""
        super().__init__(
            f"Nothing imported: {first}{more}; fix the file or import again with --skip-bad-rows."
        )


class UnreadableDirectoryFile(MilieuError):
    code = "directory_file_unreadable"
    exit_code = 46


class NothingImported(MilieuError):
    """The file (once its bad rows are put aside) brings no service: nothing was written."""

    code = "directory_nothing_imported"
    exit_code = 47

    def __init__(self, bad_rows: int):
        self.bad_rows = bad_rows
        why = f"all {bad_rows} bad rows were put aside and none of the rest is a service" if bad_rows \
            else "it holds no service"
        super().__init__(f"Nothing imported: the file brings no service ({why}).")
