"""HTML documents (app/privacy/documents.py) as PDF on Letter or A4 paper (Paramètres), through Qt's printing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPdfWriter, QTextDocument

from app.atomic import atomic_path
from views import paper as papers
from views.activity.report_pdf import ensure_app


def html_to_pdf(html: str, path: Path, *, title: str = "", paper: str | None = None) -> Path:
    ensure_app()
    with atomic_path(Path(path)) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(QPageLayout(papers.page_size(paper), QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setResolution(96)
        writer.setTitle(title)
        document = QTextDocument()
        document.setHtml(html)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer
    return Path(path)
