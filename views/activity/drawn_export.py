"""The Bilan's PDF and Word exports, drawn on the GUI thread once the figures are computed.

Qt's layout and painting hold the GIL (PySide6), so a thread would not keep the window
responsive: the PDF is drawn a chart or a page per event-loop turn (views.slices), with
its progress in the page's status line. The Word file is drawn in one go.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.report.model import Report
from views import slices


def write(page, report: Report, path: Path, outside: bool, fmt: str, busy: str, paper: str | None = None) -> None:
    """``page`` is the Bilan page: its ``status`` line (``busy`` and the percentage drawn),
    ``_exported(path)`` and ``_export_failed(exc)``; ``paper``: the PDF's (Paramètres)."""
    from views.activity.report_docx import write_docx
    from views.activity.report_pdf import pdf_steps

    if fmt != "pdf":
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_docx(report, path, outside)
        except OSError as exc:
            page._export_failed(exc)
            return
        except RuntimeError:  # the page was closed (lock) while computing
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        page._exported(path)
        return
    def step(progress: tuple[int, int]) -> None:
        try:
            page.status.setText(f"{busy} {100 * progress[0] // progress[1]} %")
        except RuntimeError:  # the page was closed (lock): the file is still finished
            pass

    def done() -> None:
        try:
            page._exported(path)
        except RuntimeError:
            pass

    def failed(exc: BaseException) -> None:
        try:
            handled = page._export_failed(exc)
        except RuntimeError:
            return
        if not handled:
            raise exc

    slices.run(pdf_steps(report, path, outside, paper), done, failed, step)
