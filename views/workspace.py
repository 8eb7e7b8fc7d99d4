"""What the unlocked window shows: the navigation sidebar and the stack of pages.

Built at each unlock from views/registry.py and destroyed at each lock, so that no
widget holding data survives a lock.
"""
from __future__ import annotations

import importlib

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from views import registry
from views.context import AppContext
from views.page import Page

SIDEBAR_WIDTH = 230
ITEM_HEIGHT = 46
SETTINGS_PAGE = "settings"
HINT_ROLE = Qt.ItemDataRole.UserRole + 1


class ShortcutHintDelegate(QStyledItemDelegate):
    """The page's title as usual, and its keyboard shortcut in small grey letters at the right."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        hint = index.data(HINT_ROLE)
        if not hint:
            return
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 3))
        painter.setFont(font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role))
        painter.drawText(option.rect.adjusted(0, 0, -10, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), hint)
        painter.restore()


def load_class(spec: str):
    module_name, _, class_name = spec.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


class Workspace(QWidget):
    lock_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workspace")
        self.ctx = ctx
        self.pages: list[Page] = []

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.sidebar.font()
        font.setPointSize(font.pointSize() + 2)
        self.sidebar.setFont(font)
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")

        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setObjectName("lock_button")
        self.lock_button.setMinimumHeight(ITEM_HEIGHT)
        self.lock_button.clicked.connect(self.lock_requested)

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.sidebar, 1)
        side.addWidget(self.lock_button)
        side_frame = QWidget()
        side_frame.setObjectName("sidebar_frame")
        side_frame.setFixedWidth(SIDEBAR_WIDTH)
        side_frame.setLayout(side)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side_frame)
        layout.addWidget(self.stack, 1)

        with Page.building_hidden():  # each page reads when first shown: unlock reads only Today
            for _page_id, spec in registry.PAGES:
                self.add_page(load_class(spec)(ctx))
        self.sidebar.currentRowChanged.connect(self._show_row)

        # Ctrl+1..9 jump to a page from anywhere in the window, Ctrl+0 to Paramètres (the last);
        # the sidebar shows each page's keys (a grey hint at the right, and the tooltip).
        self.page_keys: dict[str, QKeySequence] = {}
        for row, page in enumerate(self.pages):
            digit = row + 1 if row < 9 else 0 if page.page_id == SETTINGS_PAGE else None
            if digit is None:
                continue
            keys = QKeySequence(f"Ctrl+{digit}")
            self.page_keys[page.page_id] = keys
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda row=row: self.show_row(row))
            hint = keys.toString(QKeySequence.SequenceFormat.NativeText)
            item = self.sidebar.item(row)
            item.setData(HINT_ROLE, hint)
            item.setToolTip(self.tr("%1 (%2)").replace("%1", page.title()).replace("%2", hint))
        self.sidebar.setItemDelegate(ShortcutHintDelegate(self.sidebar))

    def add_page(self, page: Page) -> None:
        page.hosted = True  # refreshed by _show_row when shown, not while hidden
        self.pages.append(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(page.title())
        item.setSizeHint(QSize(SIDEBAR_WIDTH, ITEM_HEIGHT))
        item.setData(Qt.ItemDataRole.UserRole, page.page_id)
        self.sidebar.addItem(item)

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def current_page_id(self) -> str | None:
        page = self.stack.currentWidget()
        return page.page_id if isinstance(page, Page) else None

    def show_page(self, page_id: str | None) -> bool:
        for row, page in enumerate(self.pages):
            if page.page_id == page_id:
                self.show_row(row)
                return True
        return False

    def show_row(self, row: int) -> None:
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # -> _show_row
        else:
            self._show_row(row)

    def _show_row(self, row: int) -> None:
        if not (0 <= row < len(self.pages)):
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        page.refresh()

    def start(self, page_id: str | None) -> None:
        """Show ``page_id`` (the page open before the lock) or the first page."""
        if self.pages:
            row = next((r for r, page in enumerate(self.pages) if page.page_id == page_id), 0)
            if self.sidebar.currentRow() != row or self.stack.currentWidget() is not self.pages[row]:
                self.show_row(row)
            # else: shown, and read, as the workspace appeared (the sidebar took its first row)
        self.sidebar.setFocus()
