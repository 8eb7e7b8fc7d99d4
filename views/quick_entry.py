"""Quick entry, part of the shell: the Ctrl+N shortcut and the two contact panels (new, edit).

Installed once per unlocked workspace (by the Today page, which the workspace builds
first); other pages find it in ``ctx.extras["quick_entry"]`` (``quick_entry(ctx)``) to
open a contact or start one for a person.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from views.context import AppContext
from views.floor.contact_panel import EDIT_FORM_ID, NEW_FORM_ID, ContactPanel


def cover_rect(host: QWidget):
    """Where the panel goes: over the page area of the workspace (or the whole host)."""
    under = getattr(host, "stack", None)
    return under.geometry() if under is not None else host.rect()


class QuickEntry(QObject):
    def __init__(self, ctx: AppContext, host: QWidget):
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.new_panel = ContactPanel(ctx, NEW_FORM_ID, host)
        self.edit_panel = ContactPanel(ctx, EDIT_FORM_ID, host)
        self.shortcut = QShortcut(QKeySequence("Ctrl+N"), host)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.open_new)
        host.installEventFilter(self)
        ctx.extras["quick_entry"] = self

    @property
    def panels(self) -> tuple[ContactPanel, ContactPanel]:
        return self.new_panel, self.edit_panel

    def open_new(self, person: tuple[int, str] | None = None, *, repeat: bool = False) -> None:
        if self.edit_panel.isVisible():
            self.edit_panel.close_keeping_draft()
        self.new_panel.open_new(person, repeat=repeat)

    def open_edit(self, contact_id: int) -> bool:
        if self.new_panel.isVisible():
            self.new_panel.close_keeping_draft()
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
