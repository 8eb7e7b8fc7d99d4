"""Small-count suppression for exports meant for outside (council, library management).

Counts of people from 1 to 4 are shown as "< 5": with so few people, a reader who
knows the library could recognise someone. Zero stays zero (it reveals nobody).

Hiding a small count is not enough when a total is shown beside it: women 6,
men "< 5", row total 8 gives men = 2. So every sum the report shows (a row and
its total, a column and its figure) gets complementary suppression: while a sum
has exactly one hidden count, one more of its counts is hidden, shown as "x"
(the smallest other count; totals stay visible whenever another cell can go). Then
app.report.inference reasons like a careful reader over all the sums at once (knowing
"< 5" is 1 to 4 and "x" is 0 or 5 and more) and more is hidden until no small count
has a single possible value.

``for_outside`` makes the report an export shows; the worker's own screen shows
exact numbers (it never calls it).
"""
from __future__ import annotations

from dataclasses import replace

from app.report import inference
from app.report.model import ColumnSum, Figure, Report, RowSum, Table

THRESHOLD = 5
MASK = "< 5"  # a small count of people
HIDDEN = "x"  # a count hidden so that a small one cannot be recomputed
MARKS = (MASK, HIDDEN)


def is_mark(value) -> bool:
    return isinstance(value, str) and value in MARKS


def masked(value, people: bool, outside: bool):
    """The value, or MASK when it is a small count of people in an export for outside."""
    if outside and people and isinstance(value, int) and not isinstance(value, bool) and 0 < value < THRESHOLD:
        return MASK
    return value


def figure_value(figure: Figure, outside: bool):
    return masked(figure.value, figure.people, outside)


def cell(table: Table, column: int, value, outside: bool):
    """One cell as an export shows it. Only safe on a report made by ``for_outside``
    (a cell alone cannot know whether a total beside it would give it away)."""
    return masked(value, column in table.people_columns, outside)


def _lines(tables: list[Table], figures: dict[str, Figure]) -> list[tuple[list, object]]:
    """Every sum shown, as (keys of the parts, key of the total). Keys: ("f", figure key)
    or ("c", table index, row, column)."""
    lines = []
    for t, table in enumerate(tables):
        for s in table.sums:
            if isinstance(s, RowSum):
                for r in range(len(table.rows)):
                    lines.append(([("c", t, r, c) for c in s.parts], ("c", t, r, s.total)))
            elif isinstance(s, ColumnSum) and s.figure in figures and table.rows:
                lines.append(([("c", t, r, s.column) for r in range(len(table.rows))], ("f", s.figure)))
    return lines


def _protect(tables: list[Table], figures: dict[str, Figure], extra_lines=()) -> tuple[dict, dict]:
    """(values, marks): every people count by key, and the mark of each one hidden.
    ``extra_lines``: more sums a reader knows (app.report.suppress_set: across reports)."""
    values: dict = {}
    marks: dict = {}
    for key, f in figures.items():
        if f.people:
            values[("f", key)] = f.value
    for t, table in enumerate(tables):
        for r, row in enumerate(table.rows):
            for c in table.people_columns:
                values[("c", t, r, c)] = row[c]
    for key, value in values.items():
        shown = masked(value, True, True)
        if is_mark(shown) or isinstance(value, str):
            marks[key] = shown if is_mark(shown) else value
    lines = _lines(tables, figures) + list(extra_lines)
    while True:  # marks only grow, so this ends
        changed = False
        for parts, total in lines:
            if sum(1 for k in parts + [total] if k in marks) == 1:
                changed |= _hide_one_more(parts, total, values, marks)
        if changed:
            continue
        # Marks differ ("< 5" is 1 to 4, "x" is 0 or 5 and more): a line with two hidden
        # counts can still pin a small one down (women "x", men "< 5", total 6: men = 1).
        pinned = inference.pinned_small_counts(lines, values, marks, MASK)
        for parts, total in lines:
            if pinned & set(parts + [total]):
                changed |= _hide_one_more(parts, total, values, marks)
        if not changed:
            return values, marks


def _hide_one_more(parts: list, total, values: dict, marks: dict) -> bool:
    """Hide the smallest shown count of a line (a non-zero one first, as a hidden zero protects
    little; the total only when every part is hidden already). False when all are hidden."""
    candidates = [k for k in parts if k not in marks] or ([total] if total not in marks else [])
    if not candidates:
        return False
    pick = min(candidates, key=lambda k: (values.get(k) == 0, values.get(k) or 0))
    marks[pick] = HIDDEN
    return True


def for_outside(report: Report) -> Report:
    """The report as exports for outside show it: small counts of people as MASK, and
    the counts that would let a reader recompute them as HIDDEN. Running it twice is harmless."""
    figures = {f.key: f for f in report.figures}
    _, marks = _protect(report.tables, figures)
    new_figures = [replace(f, value=marks[("f", f.key)]) if ("f", f.key) in marks else f for f in report.figures]
    new_tables = []
    for t, table in enumerate(report.tables):
        rows = [
            [marks.get(("c", t, r, c), v) if c in table.people_columns else v for c, v in enumerate(row)]
            for r, row in enumerate(table.rows)
        ]
        for row in rows:  # a mean of fewer than 5 answers tells as much as their count
            for c, counts in table.guarded.items():
                if any(is_mark(row[k]) for k in counts) and row[c] is not None:
                    row[c] = MASK
        new_tables.append(replace(table, rows=rows))
    return replace(report, figures=new_figures, tables=new_tables)


def table_for_outside(table: Table) -> Table:
    """One table on its own (its row sums; sums with report figures need ``for_outside``)."""
    return for_outside(Report(period=None, site="", scope="", generated_on=None, lang="", figures=[],
                              tables=[table])).tables[0]


def shown_marks(report: Report, outside: bool) -> set[str]:
    """The marks an export of ``report`` shows (the notes explain each)."""
    if not outside:
        return set()
    report = for_outside(report)
    found = {f.value for f in report.figures if is_mark(f.value)}
    found |= {v for t in report.tables for row in t.rows for c, v in enumerate(row) if c and is_mark(v)}
    return found
