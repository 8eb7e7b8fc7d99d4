"""What every reader returns: the rows, which form was read, and what it had to assume."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.directory.records import Row, RowError


@dataclass
class Reading:
    form: str                  # "HSDS 1.x tabular CSV (datapackage.json)", shown first
    source: str                # names the source in stable ids (ids.stable_id)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)          # assumptions, each said once
    problems: list[RowError] = field(default_factory=list)  # rows refused while reading

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)
