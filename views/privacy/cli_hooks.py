"""Give the Law 25 commands their PDF writer (app.report.renderers "html_pdf") without app importing views."""
from __future__ import annotations


def _html_pdf(html: str, path, title: str = "", paper: str | None = None):
    from views.privacy.pdf import html_to_pdf  # Qt only when a PDF is asked for: other commands start fast

    return html_to_pdf(html, path, title=title, paper=paper)


def install() -> None:
    from app.report import renderers

    renderers.register("html_pdf", _html_pdf)
