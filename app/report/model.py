"""What a computed report holds: figures, tables, and where they came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.report.period import Period

# How a table is best drawn beside it (the GUI and the PDF pick the chart from this).
BAR = "bar"
LINE = "line"
TREND = "trend"  # months of two periods side by side, the second one's start marked
NO_CHART = ""


@dataclass(frozen=True)
class Figure:
    key: str
    value: int | float | None
    people: bool = False  # a count of people: suppressed below 5 in exports for outside
    decimals: int = 0


@dataclass(frozen=True)
class RowSum:
    """In every row, the cells of ``parts`` add up to the cell of ``total`` (e.g. genders -> row total)."""

    parts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class ColumnSum:
    """The cells of ``column`` over all rows add up to the report's figure ``figure``."""

    column: int
    figure: str


@dataclass
class Table:
    key: str
    columns: list[str]  # column keys (labels in app.report.labels)
    rows: list[list]  # first cell: a label; then numbers
    people_columns: frozenset[int] = frozenset()
    decimals: dict[int, int] = field(default_factory=dict)  # column -> decimals shown
    chart: str = BAR
    chart_columns: tuple[int, ...] = (1,)  # the series drawn
    header_labels: dict[int, str] = field(default_factory=dict)  # columns named by data (e.g. genders)
    # How people counts add up: a hidden count must not be recomputable from these sums.
    sums: tuple[RowSum | ColumnSum, ...] = ()
    # Figures that are a people count's (a mean of answers): hidden with it ({column: (count columns)}).
    guarded: dict[int, tuple[int, ...]] = field(default_factory=dict)
    row_decimals: dict[int, int] = field(default_factory=dict)  # row -> decimals of columns not in ``decimals``
    marker: int | None = None  # TREND: the row where the second period starts

    def decimals_of(self, row: int, column: int) -> int:
        if column in self.decimals:
            return self.decimals[column]
        return self.row_decimals.get(row, 0)


@dataclass
class Report:
    period: Period
    site: str
    scope: str  # the worker's name, a worker's label, or "all workers"
    generated_on: date
    lang: str
    figures: list[Figure]
    tables: list[Table]
    presence_note: str = ""
    baseline: Period | None = None  # the period compared with (issue 13)
    highlights: str = ""  # the worker's own text for council
    summary_tables: tuple[str, ...] = ()  # the tables charted on the summary page
    evaluation_notes: list[str] = field(default_factory=list)  # e.g. a period with too little data

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def value(self, key: str):
        return self.figure(key).value

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def as_dict(self, table_key: str) -> dict:
        """First column -> second column (handy for a two-column table)."""
        return {row[0]: row[1] for row in self.table(table_key).rows}
