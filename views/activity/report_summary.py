"""The PDF's first page: the one-page summary for council (periods, headline figures and
their change, three charts, the worker's highlights), then a page break."""
from __future__ import annotations

import html

from app.report import labels as words
from app.report import summary
from app.report.model import Report
from views.activity import charts

CHART_HEIGHT = 140
SMALL_HEIGHT = 200
MAX_HEIGHT = 200  # the summary fits one Letter page (shorter than A4)


def summary_html(report: Report, outside: bool, width: int) -> tuple[str, dict]:
    """(HTML, {url: image}); ``report`` as the export shows it (already suppressed when for outside)."""
    lang = report.lang
    w = lambda key: words.text(key, lang)  # noqa: E731
    parts = [f"<h1>{html.escape(w('title'))}</h1>", f"<h2>{html.escape(w('summary_title'))}</h2><p>"]
    parts.append("<br/>".join(f"<b>{html.escape(k)}</b> : {html.escape(v)}" for k, v in summary.periods(report)))
    parts.append("</p>")
    compared = report.baseline is not None
    parts.append('<table class="grid" width="100%" cellspacing="0" cellpadding="3"><tr bgcolor="#dde5ee">')
    heads = [w("headline")] + ([w("baseline"), w("current"), w("change_pct")] if compared else [w("value")])
    parts += [f"<th align='{'left' if i == 0 else 'right'}'>{html.escape(h)}</th>" for i, h in enumerate(heads)]
    parts.append("</tr>")
    for i, line in enumerate(summary.headline(report)):
        shade = ' bgcolor="#f2f5f9"' if i % 2 else ""
        cells = [line.label] + ([line.baseline, line.current, line.change] if compared else [line.current])
        parts.append(f"<tr{shade}>" + "".join(
            f"<td{'' if c == 0 else ' align=right'}>{'<b>' if c == 2 or not compared and c else ''}"
            f"{html.escape(text)}{'</b>' if c == 2 or not compared and c else ''}</td>"
            for c, text in enumerate(cells)) + "</tr>")
    parts.append("</table>")
    parts += [f"<p class='note'>{html.escape(note)}</p>" for note in report.evaluation_notes]  # e.g. too little data
    if report.highlights:
        parts.append(f"<h2>{html.escape(w('highlights'))}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in report.highlights.split("\n") if p.strip()]
    images = {}
    tables = [t for t in summary.charted(report) if charts.has_chart(t, outside)]
    if tables:
        parts.append(_chart(tables[0], lang, outside, width, CHART_HEIGHT, images))
    if len(tables) > 1:  # the other two side by side, each as tall as its rows need
        half = width // 2 - 8
        cells = []
        for table in tables[1:]:
            vertical = table.key == "intensity_comparison"  # five short levels read best as columns
            height = SMALL_HEIGHT if vertical else min(MAX_HEIGHT, charts.preferred_height(table, outside))
            cells.append(f"<td width='50%' valign='top'>"
                         f"{_chart(table, lang, outside, half, height, images, horizontal=not vertical)}</td>")
        parts.append("<table width='100%' cellspacing='0' cellpadding='2'><tr>" + "".join(cells) + "</tr></table>")
    parts.append(f"<h1 style='page-break-before: always'>{html.escape(w('details'))}</h1>")
    return "".join(parts), images


def _chart(table, lang: str, outside: bool, width: int, height: int, images: dict, **options) -> str:
    url = f"chart://summary/{table.key}"
    images[url] = charts.later(table, lang, width, height, outside=outside, font_size=7, **options)
    title = html.escape(words.text(table.key, lang))
    return f'<p><b>{title}</b><br/><img src="{url}" width="{width}" height="{height}"/></p>'
