"""A list of word-wrapped text lines that paints and takes a new line cheaply, whatever its length.

Today's lists change after every save (a new contact: one line inserted at the top). A
QListWidget with word wrap lays every item out again on each insertion: Qt's delegate wraps
the text of every item (its sizeHint) and again of every visible item when it paints, about
40 us a line in C++. Here each line's wrapped text is laid out once per (text, width), in a
QStaticText, and its height is given to Qt as the item's size hint: Qt's layout of the items
then only reads sizes (C++, a few microseconds for 500 lines) and painting draws the cached
glyphs. ``LineList.set_lines`` keeps the items common to the start and the end of the old and
new lines, and the current item with them. Items stay QListWidgetItems (their text, data and
flags), so the accessible text of each line, keyboard navigation and itemActivated are Qt's.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QCursor, QImage, QPainter, QPalette, QStaticText, QTextOption
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
)

from views.floor.quiet_scroll_bar import QuietScrollBar


class Line(NamedTuple):  # a tuple: comparing 500 old and new lines stays in C
    text: str
    data: Any = None          # Qt.UserRole
    color: str | None = None  # foreground (a colour name), None: the palette's
    enabled: bool = True      # False: a placeholder ("Nothing to follow up today.")


class _Layouts:
    """Each text wrapped at one width: its QStaticText and height, kept while the text is shown."""

    def __init__(self):
        self.width = -1
        self.font = None
        self._texts: dict[str, tuple[QStaticText, int]] = {}
        self._option = QTextOption()
        # nothing is cut: a word longer than the line breaks where it must
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def reset(self, width: int, font) -> None:
        self.width, self.font = width, font
        self._texts = {}

    def get(self, text: str) -> tuple[QStaticText, int]:
        laid = self._texts.get(text)
        if laid is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setTextOption(self._option)
            if self.width > 0:
                static.setTextWidth(self.width)
            static.prepare(font=self.font)
            laid = self._texts[text] = (static, max(1, int(static.size().height() + 0.999)))
        return laid

    def keep_only(self, lines: list[Line]) -> None:
        if len(self._texts) > 2 * len(lines) + 50:
            texts = {line.text for line in lines}
            self._texts = {t: v for t, v in self._texts.items() if t in texts}


class _LineDelegate(QStyledItemDelegate):
    """Paints a line as Qt's delegate does (panel, text, focus frame), its text an image drawn once.

    Only paint is Python: Qt's sizeHint reads the item's size hint (set by LineList) in C++.
    A line's text is drawn into an image once per colour (about 8 us to copy, against 30 us to
    draw its glyphs); the panel (alternate rows, selection, hover) is the style's. Most lines
    need nothing of the option but its rect: reading its state or palette costs several
    microseconds in PySide6, so only the current, selected and hovered lines (``view._marked``)
    do; the others have no panel to draw (the view paints alternate rows itself).
    """

    def __init__(self, view: LineList):
        super().__init__(view)
        self._view = view

    def paint(self, painter, option, index) -> None:
        view = self._view
        row = index.row()
        if row in view._marked or row >= len(view._lines):
            self._paint_marked(view, painter, option, index)
            return
        line = view._lines[row]
        if line.enabled:
            image, height = view._image(line.text, line.color)
        else:
            image, height = view._image(line.text, _DISABLED, view._disabled_text)
        rect = option.rect
        painter.drawImage(rect.x() + view._margin, rect.y() + ((rect.height() - height) >> 1), image)

    @staticmethod
    def _paint_marked(view: LineList, painter, option, index) -> None:
        row = index.row()
        line = view._lines[row] if row < len(view._lines) else Line(index.data() or "")
        view._draw_panel(_PANEL, option, painter, view)  # selection, hover (the view drew alternate rows)
        state = option.state
        if state & QStyle.StateFlag.State_Selected or not state & QStyle.StateFlag.State_Enabled:
            # the view set the colour group: disabled (a placeholder) shows greyed, as in Qt's
            role = (QPalette.ColorRole.HighlightedText if state & QStyle.StateFlag.State_Selected
                    else QPalette.ColorRole.Text)
            color = option.palette.color(role)
            image, height = view._image(line.text, color.rgba(), color)
        else:
            image, height = view._image(line.text, line.color)
        rect = option.rect
        painter.drawImage(rect.x() + view._margin, rect.y() + ((rect.height() - height) >> 1), image)
        if state & QStyle.StateFlag.State_HasFocus:
            focus = QStyleOptionFocusRect()
            focus.initFrom(view)
            style = view.style()
            focus.rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemFocusRect, option, view)
            focus.state = state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
            group = (QPalette.ColorGroup.Normal if state & QStyle.StateFlag.State_Enabled
                     else QPalette.ColorGroup.Disabled)
            focus.backgroundColor = option.palette.color(
                group, QPalette.ColorRole.Highlight if state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Window)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, view)


_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_DISABLED = "#disabled"  # the palette's disabled text
_IMAGES_KEPT = 256  # text images per list (a 2-line image of 500 px: 56 KB)


class LineList(QListWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: list[Line] = []
        self._layouts = _Layouts()
        self._colors: dict[str, QColor] = {}
        self._margin = 0
        self._sized = False  # the items' heights are for the current width and font
        self._images: dict = {}  # (text, colour) -> (image, height), in the current width and font
        self._marked: set | _Everything = set()  # rows painted from the full option (current, selected)
        self._dpr = 0.0
        self._draw_panel = self.style().drawPrimitive
        self._disabled_text = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.setItemDelegate(_LineDelegate(self))
        self.setVerticalScrollBar(QuietScrollBar(Qt.Orientation.Vertical, self))

    def lines(self) -> list[Line]:
        return list(self._lines)

    def set_lines(self, lines: list[Line]) -> None:
        old, new = self._lines, list(lines)
        if old == new:
            return
        start, end_old, end_new = _middle(old, new)
        self._lines = new  # what the delegate paints; the items follow before any paint
        replaced = min(end_old - start, end_new - start)
        resized = False
        for offset in range(replaced):  # same place, other content: update the item
            resized |= self._fill(self.item(start + offset), new[start + offset], old[start + offset])
        for _ in range(end_old - start - replaced):  # fewer lines: drop the rest of the middle
            self.takeItem(start + replaced)  # takeItem gives up ownership: the wrapper frees it
        for index in range(start + replaced, end_new):  # more lines: insert them
            item = QListWidgetItem()
            self._fill(item, new[index], None)
            self.insertItem(index, item)
        if resized:  # Qt's list view lays items out again on insertions, not on a changed height
            self.scheduleDelayedItemsLayout()
        if self._sized:
            self._layouts.keep_only(new)

    def _fill(self, item: QListWidgetItem, line: Line, was: Line | None) -> bool:
        """Give ``item`` the line's content; True when its height changed."""
        if was is None or line.text != was.text:
            item.setText(line.text)
        if was is None or line.data != was.data:
            item.setData(Qt.ItemDataRole.UserRole, line.data)
        if was is None and line.color is not None or was is not None and line.color != was.color:
            if line.color is not None:
                item.setForeground(self._color(line.color))
            else:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
        if was is None and not line.enabled or was is not None and line.enabled != was.enabled:
            item.setFlags(_default_flags() if line.enabled else Qt.ItemFlag.NoItemFlags)
        if not self._sized or was is not None and line.text == was.text:
            return False
        before = item.sizeHint() if was is not None else None
        size = self._size(line.text)
        item.setSizeHint(size)
        return size != before

    def _size(self, text: str) -> QSize:
        static, height = self._layouts.get(text)
        width = self._layouts.width if self._layouts.width > 0 else int(static.size().width() + 0.999)
        return QSize(width + 2 * self._margin, height)

    def _color(self, name: str) -> QColor:
        color = self._colors.get(name)
        if color is None:
            color = self._colors[name] = QColor(name)
        return color

    # ---- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if not self.isEnabled():
            self._marked = _EVERYTHING
        else:
            marked = {index.row() for index in self.selectionModel().selectedIndexes()}
            marked.add(self.currentIndex().row())
            viewport = self.viewport()
            if viewport.underMouse():  # a style may show the line under the pointer
                marked.add(self.indexAt(viewport.mapFromGlobal(QCursor.pos())).row())
            self._marked = marked
        dpr = self.viewport().devicePixelRatioF()
        if dpr != self._dpr:
            self._dpr = dpr
            self._images = {}
        super().paintEvent(event)

    def _image(self, text: str, key, color: QColor | None = None) -> tuple[QImage, int]:
        """The text drawn once in its colour (``key``: a colour name, None: the palette's text)."""
        got = self._images.get((text, key))
        if got is not None:
            return got
        static, height = self._layouts.get(text)
        if color is None:
            color = self._color(key) if key is not None else self.palette().color(QPalette.ColorRole.Text)
        width = self.fontMetrics().horizontalAdvance(text)
        if self._layouts.width > 0:
            width = min(width, self._layouts.width)
        dpr = self._dpr or self.viewport().devicePixelRatioF()
        image = QImage(int((width + 2) * dpr + 0.999), int(height * dpr + 0.999), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setFont(self.font())
        painter.setPen(color)
        painter.drawStaticText(QPointF(0, 0), static)
        painter.end()
        if len(self._images) >= _IMAGES_KEPT:  # the oldest half goes (lines no longer shown, mostly)
            for old in list(self._images)[:_IMAGES_KEPT // 2]:
                del self._images[old]
        got = self._images[(text, key)] = (image, height)
        return got

    # ---- the width the lines wrap at -----------------------------------------------------
    def _text_width(self) -> int:
        """The viewport's width less the text's margins, as Qt's delegate wraps.

        A scroll bar that shows narrows the viewport: the lines are laid out again, taller, so
        the bar stays; one that hides widens it and the shorter lines still fit (no flicker).
        """
        return max(1, self.viewport().width() - 2 * self._margin) if self.wordWrap() else -1

    def _size_all(self) -> None:
        """Every item's height at the current width (after a resize, or a change of font or style)."""
        self._margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        width = self._text_width()
        if self._sized and width == self._layouts.width and self.font() == self._layouts.font:
            return
        self._layouts.reset(width, self.font())
        self._images = {}
        self._sized = True
        for row, line in enumerate(self._lines):
            self.item(row).setSizeHint(self._size(line.text))
        self.scheduleDelayedItemsLayout()

    def showEvent(self, event) -> None:
        self._size_all()  # heights wait for the list's real width (hidden, a list has none yet)
        super().showEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.isVisible() and event.size().width() != event.oldSize().width():
            self._size_all()
        elif not self.isVisible():
            self._sized = False

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._images = {}
            self._draw_panel = self.style().drawPrimitive
            self._disabled_text = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._sized = False
            if self.isVisible():
                self._size_all()


def _middle(old: list[Line], new: list[Line]) -> tuple[int, int, int]:
    """The part of the lines that differs: old[start:end_old] became new[start:end_new]."""
    if old[1:] == new[1:] and old and new:  # what a save does, tried first: slices compare in C
        return 0, 1, 1  # the top line changed
    if new[1:] == old:
        return 0, 0, 1  # one line inserted at the top
    if old[1:] == new:
        return 0, 1, 0  # the top line removed
    start, most = 0, min(len(old), len(new))
    while start < most and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


class _Everything:
    def __contains__(self, _row) -> bool:
        return True


_EVERYTHING = _Everything()


_FLAGS: list = []


def _default_flags():
    """A new item's flags (selectable, enabled...): what an updated placeholder goes back to."""
    if not _FLAGS:
        _FLAGS.append(QListWidgetItem().flags())
    return _FLAGS[0]

