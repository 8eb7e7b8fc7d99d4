"""The report as an editable Word document (python-docx): the council's summary page, then
the detailed tables, the same content as the PDF. Charts come in as PNG images from the
layer that draws them (views registers the renderer), so app stays free of Qt."""
from __future__ import annotations

import io
from typing import Callable

from app.report import labels as words
from app.report import suppress, summary
from app.report.export import header_labels, notes
from app.report.model import Report, Table

# table -> PNG bytes of its chart (or None), and its size in centimetres: (width, height)
ChartPainter = Callable[[Table, float, float], bytes | None]
PAGE_WIDTH_CM = 16.0


def _cell_text(report: Report, table: Table, r: int, c: int, value, outside: bool) -> str:
    value = suppress.cell(table, c, value, outside)
    if isinstance(value, str):
        return value
    return words.number(value, table.decimals_of(r, c), report.lang)


def _grid(doc, header: list[str], rows: list[list[str]]):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = doc.add_table(rows=1, cols=len(header))
    grid._tbl.tblStyle_val = "TableGrid"  # by id: looking the style up by name costs ~10 ms a table
    for i, text in enumerate(header):
        cell = grid.rows[0].cells[i]
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = grid.add_row().cells
        for i, text in enumerate(row):
            cells[i].text = text
            if i:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return grid


def _picture(doc, png: bytes | None, width_cm: float) -> None:
    from docx.shared import Cm

    if png:
        doc.add_picture(io.BytesIO(png), width=Cm(width_cm))


def to_docx(report: Report, *, outside: bool = True, chart: ChartPainter | None = None) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    if outside:
        report = suppress.for_outside(report)
    lang = report.lang
    w = lambda key: words.text(key, lang)  # noqa: E731
    paint = chart or (lambda _t, _w, _h: None)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = f"{w('title')} – {report.site}"
    doc.core_properties.author = "Milieu"

    # ---- the summary page -------------------------------------------------------
    doc.add_heading(w("title"), level=0)
    doc.add_heading(w("summary_title"), level=1)
    for key, value in summary.periods(report):
        p = doc.add_paragraph()
        p.add_run(f"{key} : ").bold = True
        p.add_run(value)
    compared = report.baseline is not None
    header = [w("headline")] + ([w("baseline"), w("current"), w("change_pct")] if compared else [w("value")])
    _grid(doc, header, [
        [line.label] + ([line.baseline, line.current, line.change] if compared else [line.current])
        for line in summary.headline(report)
    ])
    for note in report.evaluation_notes:  # e.g. a period with too little data, said plainly
        doc.add_paragraph(note).runs[0].italic = True
    if report.highlights:
        doc.add_heading(w("highlights"), level=2)
        for text in report.highlights.split("\n"):
            if text.strip():
                doc.add_paragraph(text.strip())
    for n, table in enumerate(summary.charted(report)):
        png = paint(table, PAGE_WIDTH_CM if n == 0 else PAGE_WIDTH_CM * 0.75, 5.0 if n == 0 else 6.0)
        if png:
            doc.add_paragraph().add_run(w(table.key)).bold = True
            _picture(doc, png, PAGE_WIDTH_CM if n == 0 else PAGE_WIDTH_CM * 0.75)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # ---- the details ----------------------------------------------------------------
    doc.add_heading(w("details"), level=1)
    front = summary.periods(report) + ([(w("scope"), report.scope)] if report.scope else [])
    for key, value in front:
        p = doc.add_paragraph()
        p.add_run(f"{key} : ").bold = True
        p.add_run(value)
    _grid(doc, [w("figure"), w("value")], [
        [w(f.key), (lambda v: v if isinstance(v, str) else words.number(v, f.decimals, lang))(
            suppress.figure_value(f, outside))]
        for f in report.figures
    ])
    for note in notes(report, outside):
        doc.add_paragraph(note).runs[0].italic = True
    for table in report.tables:
        if not table.rows:
            continue
        doc.add_heading(w(table.key), level=2)
        _picture(doc, paint(table, PAGE_WIDTH_CM, 6.5), PAGE_WIDTH_CM)
        _grid(doc, header_labels(table, lang), [
            [str(row[0])] + [_cell_text(report, table, r, c, v, outside) for c, v in enumerate(row) if c]
            for r, row in enumerate(table.rows)
        ])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
