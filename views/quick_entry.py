"""Quick entry, part of the shell: the Ctrl+N shortcut and the two contact panels (new, edit).

Installed once per unlocked workspace (by the Today page, which the workspace builds
first); other pages find it in ``ctx.extras["quick_entry"]`` (``quick_entry(ctx)``) to
open a contact or start one for a person.

The two panels (~75 ms each to build) are not built at unlock: each is built in idle time
once Today is painted, or when first used if the worker is faster (the first Ctrl+N builds
the form and opens it at once). ``new_saved``, ``new_closed`` and ``is_holding_input()``
let the Today page follow the new-contact form without building it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from views.context import AppContext
from views.floor.contact_panel import EDIT_FORM_ID, NEW_FORM_ID, ContactPanel


def cover_rect(host: QWidget):
    """Where the panel goes: over the page area of the workspace (or the whole host)."""
    under = getattr(host, "stack", None)
    return under.geometry() if under is not None else host.rect()


class QuickEntry(QObject):
    new_saved = Signal(int)  # the new-contact form saved a contact (its id)
    new_closed = Signal()    # the new-contact form was closed without saving (Esc: a draft kept)

    IDLE_DELAY_MS = 200  # after Today's first paint (a timer fires after the paint it follows)

    def __init__(self, ctx: AppContext, host: QWidget):
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self._new_panel: ContactPanel | None = None
        self._edit_panel: ContactPanel | None = None
        self.shortcut = QShortcut(QKeySequence("Ctrl+N"), host)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.open_new)
        host.installEventFilter(self)
        ctx.extras["quick_entry"] = self
        # One form per timer turn: input that comes in between (a key, a paint) goes first.
        QTimer.singleShot(self.IDLE_DELAY_MS, self, self._build_idle)

    def _build_idle(self) -> None:
        if not self.ctx.vault.is_unlocked:
            return
        if self._new_panel is None:
            self.new_panel  # noqa: B018  (built: the property builds it)
            QTimer.singleShot(0, self, self._build_idle)
        elif self._edit_panel is None:
            self.edit_panel  # noqa: B018

    @property
    def new_panel(self) -> ContactPanel:
        if self._new_panel is None:
            self._new_panel = ContactPanel(self.ctx, NEW_FORM_ID, self.host)
            self._new_panel.saved.connect(self.new_saved)
            self._new_panel.closed.connect(self.new_closed)
        return self._new_panel

    @property
    def edit_panel(self) -> ContactPanel:
        if self._edit_panel is None:
            self._edit_panel = ContactPanel(self.ctx, EDIT_FORM_ID, self.host)
        return self._edit_panel

    @property
    def panels(self) -> tuple[ContactPanel, ...]:
        """The panels built so far."""
        return tuple(p for p in (self._new_panel, self._edit_panel) if p is not None)

    def is_holding_input(self) -> bool:
        """Something typed waits in the (hidden) new-contact form (False before it is built)."""
        return self._new_panel is not None and self._new_panel.is_holding_input()

    def open_new(self, person: tuple[int, str] | None = None, *, repeat: bool = False) -> None:
        if self._edit_panel is not None and self._edit_panel.isVisible():
            self._edit_panel.close_keeping_draft()
        self.new_panel.open_new(person, repeat=repeat)

    def open_edit(self, contact_id: int) -> bool:
        if self._new_panel is not None and self._new_panel.isVisible():
            self._new_panel.close_keeping_draft()
        return self.edit_panel.open_edit(contact_id)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.host and event.type() == QEvent.Type.Resize:
            for panel in self.panels:
                if panel.isVisible():
                    panel.setGeometry(cover_rect(self.host))
        return super().eventFilter(obj, event)


def quick_entry(ctx: AppContext) -> QuickEntry | None:
    entry = ctx.extras.get("quick_entry")
    try:
        if entry is not None:
            entry.objectName()  # raises when the C++ object died with a previous workspace
    except RuntimeError:
        return None
    return entry


def install_quick_entry(ctx: AppContext, widget: QWidget) -> QuickEntry:
    """Install the quick entry on the workspace holding ``widget`` (or on its window)."""
    host = widget
    while host.parentWidget() is not None and host.objectName() != "workspace":
        host = host.parentWidget()
    existing = quick_entry(ctx)
    if existing is not None and existing.host is host:
        return existing
    return QuickEntry(ctx, host)
