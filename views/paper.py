"""The paper of every PDF and print (app.settings.PAPER, chosen in Paramètres): Letter or A4."""
from __future__ import annotations

from PySide6.QtGui import QPageSize

_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
DEFAULT = "letter"  # Québec's paper


def page_size(paper: str | None = None) -> QPageSize:
    return QPageSize(_SIZES.get(paper or DEFAULT, _SIZES[DEFAULT]))


def saved(ctx) -> str:
    """The vault's choice, read through the operation runner."""
    from app import settings

    return ctx.ops.read(settings.paper)
