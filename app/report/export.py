"""CSV and XLSX exports of a report: atomic, owner-only files, in the report's language."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from app.atomic import atomic_write
from app.report import labels as words
from app.report import suppress
from app.report.model import Report, Table


def header_labels(table: Table, lang: str) -> list[str]:
    return [table.header_labels.get(i) or words.text(key, lang) for i, key in enumerate(table.columns)]


def _plain_number(value, decimals: int, lang: str):
    if isinstance(value, float):
        text = f"{value:.{decimals or 1}f}"
        return text.replace(".", ",") if lang.startswith("fr") else text
    return "" if value is None else value


def front_matter(report: Report) -> list[tuple[str, str]]:
    w = lambda key: words.text(key, report.lang)  # noqa: E731
    rows = [(w("site"), report.site), (w("period"), words.period(report.period, report.lang))]
    if report.baseline is not None:
        rows.append((w("baseline_period"), words.period(report.baseline, report.lang)))
    if report.scope:
        rows.append((w("scope"), report.scope))
    rows.append((w("generated"), words.long_date(report.generated_on, report.lang)))
    return rows


def suppression_notes(report: Report, outside: bool) -> list[str]:
    """Why counts are hidden: one note per mark the export shows."""
    marks = suppress.shown_marks(report, outside)
    out = [words.text("suppression_note", report.lang)] if marks else []
    if suppress.HIDDEN in marks:
        out.append(words.text("complementary_note", report.lang))
    return out


def notes(report: Report, outside: bool) -> list[str]:
    return (suppression_notes(report, outside) + list(report.evaluation_notes)
            + ([report.presence_note] if report.presence_note else []))


def _shown(report: Report, outside: bool) -> Report:
    """What the export shows: exact numbers, or the report with small counts hidden for outside."""
    return suppress.for_outside(report) if outside else report


def to_csv(report: Report, *, outside: bool = True) -> bytes:
    """UTF-8 with a BOM and ';' separators, so a French spreadsheet opens it right."""
    report = _shown(report, outside)
    lang = report.lang
    buf = io.StringIO()
    out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    out.writerow([words.text("title", lang)])
    for key, value in front_matter(report):
        out.writerow([key, value])
    out.writerow([])
    out.writerow([words.text("figure", lang), words.text("value", lang)])
    for f in report.figures:
        out.writerow([words.text(f.key, lang), _plain_number(suppress.figure_value(f, outside), f.decimals, lang)])
    for table in report.tables:
        out.writerow([])
        out.writerow([words.text(table.key, lang)])
        out.writerow(header_labels(table, lang))
        for r, row in enumerate(table.rows):
            out.writerow(
                [row[0]] + [
                    _plain_number(suppress.cell(table, i, v, outside), table.decimals_of(r, i), lang)
                    for i, v in enumerate(row) if i
                ]
            )
    for note in notes(report, outside):
        out.writerow([])
        out.writerow([note])
    if report.highlights:
        out.writerow([])
        out.writerow([words.text("highlights", lang)])
        out.writerow([report.highlights])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _sheet_title(text: str, taken: set[str]) -> str:
    clean = "".join(ch for ch in text if ch not in '[]:*?/\\')[:31].strip()
    title, n = clean, 2
    while title.lower() in taken:
        title = f"{clean[:28]} {n}"
        n += 1
    taken.add(title.lower())
    return title


def to_xlsx(report: Report, *, outside: bool = True) -> bytes:
    """A summary sheet (front matter, figures, notes) and one sheet per table; numbers stay numbers."""
    # openpyxl is heavy to import: loaded when a workbook is made, not at every start.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    report = _shown(report, outside)
    lang = report.lang
    bold = Font(bold=True)
    book = Workbook()
    summary = book.active
    taken: set[str] = set()
    summary.title = _sheet_title(words.text("title", lang), taken)
    summary.append([words.text("title", lang)])
    summary["A1"].font = Font(bold=True, size=14)
    for key, value in front_matter(report):
        summary.append([key, value])
    summary.append([])
    summary.append([words.text("figure", lang), words.text("value", lang)])
    for cell in summary[summary.max_row]:
        cell.font = bold
    for f in report.figures:
        summary.append([words.text(f.key, lang), suppress.figure_value(f, outside)])
        if f.decimals and isinstance(f.value, float):
            summary.cell(summary.max_row, 2).number_format = "0." + "0" * f.decimals
    for note in notes(report, outside):
        summary.append([])
        summary.append([note])
    if report.highlights:
        summary.append([])
        summary.append([words.text("highlights", lang)])
        summary.append([report.highlights])
    summary.column_dimensions["A"].width = 44
    summary.column_dimensions["B"].width = 40

    for table in report.tables:
        sheet = book.create_sheet(_sheet_title(words.text(table.key, lang), taken))
        sheet.append([words.text(table.key, lang)])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append(header_labels(table, lang))
        for cell in sheet[2]:
            cell.font = bold
        for r, row in enumerate(table.rows):
            sheet.append([row[0]] + [suppress.cell(table, i, v, outside) for i, v in enumerate(row) if i])
            for i, v in enumerate(row):
                if i and isinstance(v, float) and table.decimals_of(r, i):
                    sheet.cell(sheet.max_row, i + 1).number_format = "0." + "0" * table.decimals_of(r, i)
        sheet.column_dimensions["A"].width = 44
        if table.people_columns and any(suppress.is_mark(v) for row in table.rows for v in row[1:]):
            sheet.append([])
            for note in suppression_notes(report, outside):
                sheet.append([note])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def write(report: Report, path: Path, fmt: str, *, outside: bool = True) -> Path:
    """Write a CSV or XLSX export atomically with owner-only permissions."""
    data = to_csv(report, outside=outside) if fmt == "csv" else to_xlsx(report, outside=outside)
    atomic_write(Path(path), data)
    return Path(path)
