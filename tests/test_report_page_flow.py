"""The Bilan PDF's paper (Paramètres, Letter by default) and its page flow: no heading left at
a page's foot, a table's header row repeated on each page the table continues onto."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from app.report import aggregate, labels
from app.report import period as periods
from app.report.export import header_labels
from app.report.rows import ReportInput

PERIOD = periods.custom(date(2021, 6, 1), date(2026, 5, 31))
POINTS_PER_INCH = 72
SITE = "Bibliothèque de test"


def _long_report():
    """Five years of months and long lists: tables of every length, so that headings and
    header rows fall at every height of a page. Row labels are unique ("L3.14 2022": table 3, row 14; a year, as months have)."""
    report = aggregate.compute(ReportInput(), PERIOD, lang="fr", today=date(2026, 6, 1))
    lengths = {"activity_by_month": 60, "by_type": 9, "by_theme": 23, "people_by_age_gender": 7,
               "supplies_by_item": 41, "conflicts_by_month": 60, "staff_support_by_kind": 13,
               "referrals_by_status": 6, "conflicts_by_parties": 17}
    tables = []
    for t, table in enumerate(report.tables):
        n = lengths.get(table.key, len(table.rows))
        rows = [[f"L{t}.{i + 1} {2021 + i // 12}"] + [10 + (i * 7 + c) % 40 for c in range(1, len(table.columns))] for i in range(n)]
        tables.append(replace(table, rows=rows, sums=()))
    return replace(report, tables=tables, site=SITE)


def _bodies(path) -> list[str]:
    """Each page's text without its running header (site, period) and footer (date, page n of N)."""
    pages = []
    for page in PdfReader(str(path)).pages:
        lines = [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", line)).strip()
                 for line in page.extract_text().splitlines()]
        frame = re.compile(r"^(Période : |Produit le |Page \d+ de \d+$|" + re.escape(SITE) + ")")
        pages.append(" ".join(line for line in lines if line and not frame.match(line)))
    return pages


def test_no_heading_ends_a_page_and_every_continued_table_starts_with_its_header(qapp, tmp_path):
    from views.activity.report_pdf import write_pdf

    report = _long_report()
    pages = _bodies(write_pdf(report, tmp_path / "bilan.pdf", outside=False))
    assert len(pages) >= 8
    headings = [labels.text(t.key, "fr") for t in report.tables] + [labels.text("details", "fr")]
    assert all(h in " ".join(pages) for h in headings)  # every heading printed, none lost in the page flow
    for number, body in enumerate(pages, start=1):
        assert not any(body.endswith(h) for h in headings), f"page {number} ends with a heading: {body[-80:]!r}"
    continued = 0
    for t, table in enumerate(report.tables):
        header = " ".join(header_labels(table, "fr"))
        on = [n for n, body in enumerate(pages) if re.search(rf"(^| )L{t}\.\d+ ", body)]
        assert on, table.key
        for n in on:
            assert not pages[n].endswith(header), (table.key, n + 1)  # a header row never ends a page
        for n in on[1:]:  # the pages the table continues onto
            continued += 1
            assert pages[n].startswith(header), (table.key, n + 1, pages[n][:80])
    assert continued >= 4  # the report is long enough to show it


@pytest.mark.parametrize("paper, inches", [(None, (8.5, 11)), ("letter", (8.5, 11)), ("a4", (8.27, 11.69))])
def test_the_bilan_pdf_is_on_letter_paper_unless_a4_is_chosen(qapp, tmp_path, paper, inches):
    from views.activity.report_pdf import write_pdf

    report = aggregate.compute(ReportInput(), PERIOD, lang="fr", today=date(2026, 6, 1))
    page = PdfReader(str(write_pdf(report, tmp_path / "bilan.pdf", paper=paper))).pages[0]
    size = (float(page.mediabox.width) / POINTS_PER_INCH, float(page.mediabox.height) / POINTS_PER_INCH)
    assert size == pytest.approx(inches, abs=0.02)
