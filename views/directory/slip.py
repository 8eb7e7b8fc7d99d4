"""The referral slip handed to the person: where to go, when, whom to call. No personal data.

Rendered with Qt's rich text into a QPdfWriter (a file, written atomically) or
a QPrinter (the print dialog). Letter or A4 (Paramètres), large type, French by default.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPdfWriter, QTextDocument

from app.atomic import atomic_path
from app.directory.services import ServiceDetail
from views import paper as papers
from views.directory.hours_text import DirectoryHours, long_date


class ReferralSlip(QObject):
    """Builds the slip's text (a QObject for ``tr``)."""

    def html(self, detail: ServiceDetail, site: str = "", today: date | None = None) -> str:
        today = today or date.today()
        words = DirectoryHours()
        esc = html.escape
        title = self.tr("Referral slip")
        important = self.tr("Important:")
        parts = [
            "<html><body style='font-family: sans-serif; font-size: 16pt;'>",
            f"<p style='font-size: 12pt; color: #555;'>{esc(title)}"
            + (f" · {esc(site)}" if site else "") + f" · {esc(long_date(today))}</p>",
            f"<p style='font-size: 26pt; font-weight: bold;'>{esc(detail.name)}</p>",
        ]
        if detail.organization and detail.organization != detail.name:
            parts.append(f"<p style='font-size: 18pt;'>{esc(detail.organization)}</p>")
        if detail.alert:
            parts.append(f"<p><b>{esc(important)}</b> {esc(detail.alert)}</p>")

        def section(title: str, lines: list[str]) -> None:
            lines = [line for line in lines if line]
            if lines:
                body = "<br/>".join(esc(line) for line in lines)
                parts.append(f"<p style='font-size: 19pt; font-weight: bold; margin-top: 14px;'>{esc(title)}</p><p>{body}</p>")

        for address in detail.addresses:
            section(self.tr("Address"), [*address.lines, address.transportation or ""])
        phones = []
        for phone in detail.phones:
            text = phone.number.strip('"')
            if phone.extension:
                text += " " + self.tr("ext. %1").replace("%1", str(phone.extension))
            phones.append(text)
        section(self.tr("Phone"), phones)
        section(self.tr("Hours"), words.lines(detail.hours, today))
        good_to_know = []
        if detail.walk_in:
            good_to_know.append(self.tr("Walk-in: no appointment needed."))
        if detail.is_free:
            good_to_know.append(self.tr("Free."))
        elif detail.fees:
            good_to_know.append(detail.fees)
        if detail.application_process:
            good_to_know.append(detail.application_process)
        if detail.eligibility:
            good_to_know.append(detail.eligibility)
        if detail.languages:
            good_to_know.append(self.tr("Languages: %1").replace("%1", ", ".join(detail.languages)))
        section(self.tr("Good to know"), good_to_know)
        if detail.assured_date:
            verified = self.tr("Information verified on %1.").replace("%1", long_date(detail.assured_date))
            parts.append(f"<p style='font-size: 12pt; color: #555;'>{esc(verified)}</p>")
        parts.append("</body></html>")
        return "".join(parts)

    def document(self, detail: ServiceDetail, site: str = "", today: date | None = None) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(self.html(detail, site, today))
        return doc


def _page_layout(paper: str | None = None) -> QPageLayout:
    return QPageLayout(
        papers.page_size(paper), QPageLayout.Orientation.Portrait,
        QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter,
    )


def write_slip_pdf(detail: ServiceDetail, target: Path, *, site: str = "", today: date | None = None,
                   paper: str | None = None) -> Path:
    """Write the slip as a PDF file (atomically, owner-only)."""
    target = Path(target)
    with atomic_path(target) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(_page_layout(paper))
        writer.setTitle(detail.name)
        writer.setCreator("Milieu")
        doc = ReferralSlip().document(detail, site, today)
        doc.print_(writer)
        del writer  # finishes the file before it is moved into place
    return target


def print_slip(detail: ServiceDetail, parent=None, *, site: str = "", paper: str | None = None) -> bool:
    """Ask for a printer and print; False when the worker cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout(paper))
    printer.setDocName(detail.name)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    ReferralSlip().document(detail, site).print_(printer)
    return True
