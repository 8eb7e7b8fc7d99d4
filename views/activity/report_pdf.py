"""The report as a PDF, through Qt's printing: Letter or A4 (Paramètres), French, charts, page numbers,
site and period in every page's header. Also the renderer ``milieu report --format pdf`` uses."""
from __future__ import annotations

import html
import os
import sys
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QFont, QPageLayout, QPainter, QPdfWriter, QPen, QTextDocument,
)
from PySide6.QtWidgets import QApplication

from app.atomic import atomic_path
from app.report import labels as words
from app.report import suppress
from app.report.export import header_labels, notes
from app.report.model import Report
from views import paper as papers
from views.activity import charts, page_flow

DPI = 96  # logical pixels = screen pixels: fonts and charts look as on screen
MARGIN = 56
HEADER = 36
FOOTER = 32
MAX_CHART_RATIO = 0.9  # of the body's width: a long list's chart still leaves its heading and table room

_app = None  # the QApplication made for headless use, kept alive


def ensure_app() -> QApplication:
    """Charts need a QApplication; headless (no display), Qt's offscreen platform is used."""
    global _app
    app = QApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QApplication(["milieu"])
    return _app


def _cell(report: Report, table, row: int, col: int, value, outside: bool) -> str:
    value = suppress.cell(table, col, value, outside)
    if isinstance(value, str):
        return html.escape(value)
    return words.number(value, table.decimals_of(row, col), report.lang)


def _html(report: Report, outside: bool, chart_width: int) -> tuple[str, dict]:
    if outside:  # small counts and the counts that would give them away, hidden
        report = suppress.for_outside(report)
    w = lambda key: words.text(key, report.lang)  # noqa: E731
    lang = report.lang
    from views.activity.report_summary import summary_html

    first_page, images = summary_html(report, outside, chart_width)
    parts = [first_page, "<p>"]
    front = [(w("site"), report.site), (w("period"), words.period(report.period, lang))]
    if report.baseline is not None:
        front.append((w("baseline_period"), words.period(report.baseline, lang)))
    if report.scope:
        front.append((w("scope"), report.scope))
    parts.append("<br/>".join(f"<b>{html.escape(k)}</b> : {html.escape(v)}" for k, v in front))
    parts.append("</p>")
    parts.append('<table class="grid" width="100%" cellspacing="0" cellpadding="4">')
    for i, f in enumerate(report.figures):
        value = suppress.figure_value(f, outside)
        text = html.escape(value) if isinstance(value, str) else words.number(value, f.decimals, lang)
        shade = ' bgcolor="#f2f5f9"' if i % 2 else ""
        parts.append(f"<tr{shade}><td>{html.escape(w(f.key))}</td><td align='right'><b>{text}</b></td></tr>")
    parts.append("</table>")
    for note in notes(report, outside):
        parts.append(f"<p class='note'>{html.escape(note)}</p>")
    for table in report.tables:
        if not table.rows:
            continue
        parts.append(f"<h2>{html.escape(w(table.key))}</h2>")
        if charts.has_chart(table, outside):
            url = f"chart://{table.key}"
            height = min(charts.preferred_height(table, outside), int(chart_width * MAX_CHART_RATIO))
            images[url] = charts.later(table, lang, chart_width, height, outside=outside, font_size=8)
            parts.append(f'<p><img src="{url}" width="{chart_width}" height="{height}"/></p>')
        # <thead>: Qt repeats the header row at the top of each page the table continues onto.
        parts.append('<table class="grid" width="100%" cellspacing="0" cellpadding="3"><thead><tr bgcolor="#dde5ee">')
        for i, head in enumerate(header_labels(table, lang)):
            parts.append(f"<th align='{'left' if i == 0 else 'right'}'>{html.escape(head)}</th>")
        parts.append("</tr></thead>")
        for r, row in enumerate(table.rows):
            shade = ' bgcolor="#f2f5f9"' if r % 2 else ""
            cells = [f"<td>{html.escape(str(row[0]))}</td>"] + [
                f"<td align='right'>{_cell(report, table, r, i, v, outside)}</td>" for i, v in enumerate(row) if i
            ]
            parts.append(f"<tr{shade}>{''.join(cells)}</tr>")
        parts.append("</table>")
    return "".join(parts), images


STYLE = """
h1 { font-size: 17pt; color: #1f3b57; }
h2 { font-size: 12.5pt; color: #1f3b57; margin-top: 14px; }
table.grid { border-collapse: collapse; border: 1px solid #b8c4d0; }
td, th { border: 1px solid #d0d8e0; }
p.note { font-size: 8.5pt; color: #444; font-style: italic; }
"""


class _DocumentSteps:
    """The document in steps: each chart drawn, then the text set (``doc`` when done)."""

    def __init__(self, report: Report, outside: bool, device, body: QSizeF):
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        font = QFont()
        font.setPointSizeF(9.5)
        self.doc.setDefaultFont(font)
        self.doc.setDefaultStyleSheet(STYLE)
        self.doc.setDocumentMargin(0)
        self.text, self.charts = _html(report, outside, int(body.width()))
        self.body = body

    def __len__(self) -> int:
        return len(self.charts) + 2  # the charts, the text, the page flow

    def __iter__(self) -> Iterator[None]:
        for url, draw in self.charts.items():
            self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), draw())
            yield
        self.doc.setHtml(self.text)
        self.doc.setPageSize(self.body)
        yield
        page_flow.keep_headings_with_next(self.doc, self.body.height())
        yield


def _paint_page(painter: QPainter, doc: QTextDocument, report: Report, page, body: QSizeF, number: int,
                pages: int) -> None:
    _frame(painter, report, page, number + 1, pages)
    painter.save()
    painter.translate(MARGIN, MARGIN + HEADER)
    painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
    painter.translate(0, -number * body.height())
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.clip = QRectF(0, number * body.height(), body.width(), body.height())
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


def _layout(paper: str | None) -> QPageLayout:
    return QPageLayout(papers.page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _body(page) -> QSizeF:
    return QSizeF(page.width() - 2 * MARGIN, page.height() - 2 * MARGIN - HEADER - FOOTER)


def write_pdf(report: Report, path: Path, outside: bool = True, paper: str | None = None) -> Path:
    """Write the report as a PDF on ``paper`` ("letter", the default, or "a4"), atomically
    and owner-only. Returns the path."""
    for _ in pdf_steps(report, path, outside, paper):
        pass
    return Path(path)


def pdf_steps(report: Report, path: Path, outside: bool = True, paper: str | None = None) -> Iterator[tuple[int, int]]:
    """write_pdf one short call into Qt at a time (a chart, the text, the layout, a page),
    yielding (done, total) after each: Qt holds the GIL through each call, on any thread, so
    the GUI thread runs the steps one per event-loop turn (views.slices) and stays responsive."""
    ensure_app()
    path = Path(path)
    with atomic_path(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setPageLayout(_layout(paper))
        writer.setTitle(f"{words.text('title', report.lang)} – {report.site}")
        writer.setCreator("Milieu")
        page = writer.pageLayout().fullRectPixels(DPI)
        body = _body(page)
        steps = _DocumentSteps(report, outside, writer, body)
        total = len(steps) + 2  # and the layout, and at least one page
        for done, _ in enumerate(steps, 1):
            yield done, total
        doc = steps.doc
        pages = doc.pageCount()
        total = len(steps) + 1 + pages
        yield len(steps) + 1, total
        painter = QPainter(writer)
        try:
            for number in range(pages):
                if number:
                    writer.newPage()
                _paint_page(painter, doc, report, page, body, number, pages)
                yield len(steps) + 2 + number, total
        finally:
            painter.end()


def _frame(painter: QPainter, report: Report, page, number: int, pages: int) -> None:
    """Header (site, period) and footer (page n of N, date) of one page."""
    w = lambda key: words.text(key, report.lang)  # noqa: E731
    font = QFont()
    font.setPointSizeF(8.5)
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.darkGray))
    width = page.width() - 2 * MARGIN
    top = QRectF(MARGIN, MARGIN - 8, width, HEADER - 8)
    site = report.site + (f" – {report.scope}" if report.scope else "")
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, site)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     f"{w('period')} : {words.period(report.period, report.lang)}")
    painter.drawLine(int(MARGIN), int(MARGIN + HEADER - 12), int(MARGIN + width), int(MARGIN + HEADER - 12))
    bottom = QRectF(MARGIN, page.height() - MARGIN - FOOTER + 8, width, FOOTER - 8)
    painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     f"{w('generated')} {words.long_date(report.generated_on, report.lang)}")
    painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     f"{w('page')} {number} {w('of')} {pages}")


def render(report: Report, path: Path, outside: bool = True, paper: str | None = None) -> Path:
    """The signature app.report.renderers expects."""
    return write_pdf(report, path, outside, paper)
