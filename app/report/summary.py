"""The council's one-page summary, as text the PDF and the DOCX lay out alike: the periods,
the headline figures with their change from the baseline, and the charts to show."""
from __future__ import annotations

from dataclasses import dataclass

from app.report import labels as words
from app.report.model import Report, Table

HEADLINE_COMPARED = ("conflicts_per_month", "conflicts_per_1000_visits", "intensity_mean",
                     "share_high_intensity", "emergency_calls")
HEADLINE_FIGURES = ("interventions", "people", "referrals", "staff_support")


@dataclass(frozen=True)
class Line:
    label: str
    baseline: str  # "" without a baseline
    current: str
    change: str  # "" when not compared


def _text(value, decimals: int, lang: str) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None else words.number(value, decimals, lang)


def _signed(value, lang: str) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + words.number(value, 1, lang) + " %"


def headline(report: Report) -> list[Line]:
    """Lines of the summary's table; ``report`` as the export shows it (suppressed if for outside)."""
    lang = report.lang
    lines = []
    try:
        comparison: Table | None = report.table("baseline_comparison")
    except StopIteration:
        comparison = None
    if comparison is not None:
        keys = {words.text(k, lang): k for k in HEADLINE_COMPARED}
        for r, row in enumerate(comparison.rows):
            if row[0] in keys:
                d = comparison.decimals_of(r, 1)
                lines.append(Line(row[0], _text(row[1], d, lang), _text(row[2], d, lang),
                                  _signed(row[3], lang)))
    for key in HEADLINE_FIGURES:
        f = report.figure(key)
        lines.append(Line(words.text(key, lang), "", _text(f.value, f.decimals, lang), ""))
    return lines


def periods(report: Report) -> list[tuple[str, str]]:
    w = lambda key: words.text(key, report.lang)  # noqa: E731
    out = [(w("site"), report.site), (w("period"), words.period(report.period, report.lang))]
    if report.baseline is not None:
        out.append((w("baseline_period"), words.period(report.baseline, report.lang)))
    return out


def charted(report: Report) -> list[Table]:
    """The summary's three charts (the tables that exist and have rows)."""
    out = []
    for key in report.summary_tables:
        try:
            table = report.table(key)
        except StopIteration:
            continue
        if table.rows:
            out.append(table)
    return out[:3]
