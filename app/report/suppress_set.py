"""Small-count suppression over reports published together: the all-workers report and
each worker's. People are counted per worker (a person is a (worker, pseudonym) pair),
so every people count of the all-workers report is the sum of the same count in the
workers' reports. A reader holding them all could take the others away from the total
and find a cell hidden in one worker's report; so these sums join the ones each report
shows, and app.report.suppress hides over the whole set at once.

Each export computes the whole set and shows its own part: exports made one by one
hide the same cells, so together they reveal no more than each alone.
"""
from __future__ import annotations

from dataclasses import replace

from app.report import suppress
from app.report.model import ColumnSum, Report


def _cells(report: Report, i: int, offset: int) -> dict:
    """{(table, row label, column name): (key in the set, value)} of every people count."""
    out = {}
    for t, table in enumerate(report.tables):
        for r, row in enumerate(table.rows):
            for c in table.people_columns:
                name = table.header_labels.get(c) or table.columns[c]
                out[(table.key, row[0], name)] = (("c", offset + t, r, c), row[c])
    for f in report.figures:
        if f.people:
            out[("figure", f.key, "")] = (("f", f"{i}:{f.key}"), f.value)
    return out


def for_outside_set(reports: list[Report]) -> list[Report]:
    """``reports[0]``: all workers; ``reports[1:]``: each worker's, same period. Returns
    them as exports for outside show them, suppressed consistently across the set."""
    tables, figures, offsets = [], {}, []
    for i, report in enumerate(reports):
        offsets.append(len(tables))
        for table in report.tables:
            sums = tuple(replace(s, figure=f"{i}:{s.figure}") if isinstance(s, ColumnSum) else s for s in table.sums)
            tables.append(replace(table, sums=sums))
        for f in report.figures:
            figures[f"{i}:{f.key}"] = replace(f, key=f"{i}:{f.key}")
    total = _cells(reports[0], 0, offsets[0])
    parts = [_cells(r, i, offsets[i]) for i, r in enumerate(reports) if i]
    lines = []
    for name, (key, value) in total.items():
        found = [p[name] for p in parts if name in p]
        numbers = [v for _, v in found]
        if isinstance(value, int) and all(isinstance(v, int) for v in numbers) and sum(numbers) == value:
            lines.append(([k for k, _ in found], key))
    _, marks = suppress._protect(tables, figures, lines)

    out = []
    for i, report in enumerate(reports):
        new_figures = [replace(f, value=marks.get(("f", f"{i}:{f.key}"), f.value)) for f in report.figures]
        new_tables = [
            replace(table, rows=[
                [marks.get(("c", offsets[i] + t, r, c), v) if c in table.people_columns else v
                 for c, v in enumerate(row)]
                for r, row in enumerate(table.rows)
            ])
            for t, table in enumerate(report.tables)
        ]
        out.append(replace(report, figures=new_figures, tables=new_tables))
    return out
