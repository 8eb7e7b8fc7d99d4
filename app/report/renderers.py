"""Export formats that need a layer above app (the PDF needs Qt's printing).

app must not import views, so the GUI layer registers its renderers here when it
starts (views/launcher.py does it before any command runs); ``milieu report
--format pdf`` then finds the PDF renderer without app ever naming views.
A renderer is ``fn(report, path, outside: bool) -> Path`` and writes atomically.
"""
from __future__ import annotations

from typing import Callable

from app.errors import MilieuError

_RENDERERS: dict[str, Callable] = {}


class RendererMissing(MilieuError):
    code = "renderer_missing"
    exit_code = 40


def register(fmt: str, fn: Callable) -> None:
    _RENDERERS[fmt] = fn


def get(fmt: str) -> Callable:
    try:
        return _RENDERERS[fmt]
    except KeyError:
        raise RendererMissing(
            f"The {fmt.upper()} export needs the graphical libraries: run it with the milieu command."
        ) from None
