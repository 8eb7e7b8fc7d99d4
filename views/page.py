"""Base class of the pages shown beside the navigation sidebar."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtWidgets import QWidget

from app.ops.changes import Entity
from views.context import AppContext


class Page(QWidget):
    """A sidebar page.

    Subclasses set ``page_id`` (stable), implement ``title()`` with ``self.tr``
    and ``refresh()``, and list in ``entities`` the ``app.ops.Entity`` members they
    display: the page refreshes when the bus reports a change to one of them (and
    when it is shown after an unlock). tests/test_ops_listening.py checks that some
    operation can produce each of them.
    """

    page_id: str = ""
    entities: frozenset[Entity] = frozenset()
    hosted = False  # set by the workspace, which refreshes the page when it is shown
    _building_hidden = False  # see building_hidden()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.bus.changed.connect(self._on_changed)

    @staticmethod
    @contextmanager
    def building_hidden() -> Iterator[None]:
        """While the workspace builds its pages at unlock: they read nothing until shown.

        Unlock then reads only what Today shows; the Envois page alone read for ~1.7 s
        on a 5-year vault with many unsent changes.
        """
        Page._building_hidden = True
        try:
            yield
        finally:
            Page._building_hidden = False

    @staticmethod
    def reads_at_build() -> bool:
        return not Page._building_hidden

    def first_refresh(self) -> None:
        """The end of a page's __init__: read now, unless the workspace will when it is shown."""
        if Page.reads_at_build():
            self.refresh()

    def title(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows from the vault."""

    def refresh_changed(self, changes) -> None:
        """After an operation whose changes touch ``entities``: by default reload everything
        (a page showing several parts may reload only those the changes touch)."""
        self.refresh()

    def _on_changed(self, changes) -> None:  # app.ops.Changes
        if self.hosted and not self.isVisible():
            return
        if self.ctx.vault.is_unlocked and not self.entities.isdisjoint(changes):
            self.refresh_changed(changes)
