"""Give ``milieu report --format pdf`` its renderer without app importing views.

app.report.renderers is a small registry in app; the ``milieu`` launcher (views)
fills it before handing over to the CLI. Qt itself is imported only when a PDF
is actually asked for, so the other commands start as fast as before.
"""
from __future__ import annotations


def _pdf(report, path, outside: bool = True, paper: str | None = None):
    from views.activity.report_pdf import write_pdf

    return write_pdf(report, path, outside, paper)


def _docx(report, path, outside: bool = True, paper: str | None = None):
    from views.activity.report_docx import write_docx

    return write_docx(report, path, outside)


def install() -> None:
    from app.report import renderers

    renderers.register("pdf", _pdf)
    renderers.register("docx", _docx)
