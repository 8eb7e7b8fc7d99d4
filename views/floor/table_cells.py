"""A table's cells painted from images of their text, laid out once per (column, text, size, colour).

Qt's delegate lays out each cell's text (QTextLayout, eliding) at every paint: about 80 us a cell,
12 ms for a screenful of the Contacts table. Here a cell's text is drawn once by Qt's own delegate
(same eliding, alignment, margins, font) into a transparent image, then copied at each paint. The
view still draws the rows (alternate colours, PE_PanelItemViewRow) and the header; the style draws
the panel (selection, hover) and the focus frame of the few "marked" rows (selected, current,
under the pointer), which alone read the full option: reading an option's state or palette costs
several microseconds in PySide6. Accessibility and keyboard navigation are the view's.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QCursor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
)

_KEPT = 600  # images per table (a screenful is ~140 cells; a cell's image ~10-25 KB)
_SELECTED, _FOCUS, _HOVER, _ENABLED, _ACTIVE = (
    QStyle.StateFlag.State_Selected, QStyle.StateFlag.State_HasFocus, QStyle.StateFlag.State_MouseOver,
    QStyle.StateFlag.State_Enabled, QStyle.StateFlag.State_Active)
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_LEFT = Qt.AlignmentFlag.AlignLeft


class CachedCellDelegate(QStyledItemDelegate):
    """Install with ``CachedCellDelegate.install(table)``; for tables whose cells show text only
    (no icon, check box, font, foreground or background role), as the floor's lists do."""

    @classmethod
    def install(cls, view: QAbstractItemView) -> "CachedCellDelegate":
        delegate = cls(view)
        view.setItemDelegate(delegate)
        return delegate

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self._view = view
        self._images: dict[tuple, QImage] = {}
        self._marked: set | _Everything = set()  # rows painted from the full option
        self._plain_key: int | None = None  # an unmarked cell's text colour (rgba), and the colour
        self._plain_color: QColor | None = None
        self._dpr = 0.0
        self._data = None
        self._watcher = _Watcher(self)
        view.installEventFilter(self._watcher)
        view.viewport().installEventFilter(self._watcher)

    def clear(self) -> None:
        self._images = {}

    # ---- painting --------------------------------------------------------------------
    def _before_paint(self) -> None:
        """What the cells of this paint share: the marked rows, the plain text colour."""
        view = self._view
        if not view.isEnabled():
            self._marked = _EVERYTHING
        else:
            marked = {index.row() for index in view.selectionModel().selectedIndexes()} if view.selectionModel() else set()
            marked.add(view.currentIndex().row())
            viewport = view.viewport()
            if viewport.underMouse():  # a style may show the row under the pointer
                marked.add(view.indexAt(viewport.mapFromGlobal(QCursor.pos())).row())
            self._marked = marked
        group = QPalette.ColorGroup.Active if view.isActiveWindow() else QPalette.ColorGroup.Inactive
        color = view.palette().color(group, QPalette.ColorRole.Text)
        self._plain_key, self._plain_color = color.rgba(), color
        self._data = view.model().data  # a Python call, not index.data() through Qt and back
        dpr = view.viewport().devicePixelRatioF()
        if dpr != self._dpr:
            self._dpr = dpr
            self._images = {}

    def paint(self, painter, option, index) -> None:
        if index.row() in self._marked or self._plain_key is None:
            self._paint_marked(painter, option, index)
            return
        value = self._data(index)
        if value is None or value == "":
            return
        rect = option.rect
        key = (index.column(), value, rect.width(), rect.height(), self._plain_key)
        image = self._images.get(key)
        if image is None:
            image = self._render(key, option, index, self._plain_color)
        painter.drawImage(rect.x(), rect.y(), image)

    def _paint_marked(self, painter, option, index) -> None:
        view = self._view
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = view.style()
        style.drawPrimitive(_PANEL, opt, painter, view)  # selection, hover (the view drew the row)
        state = opt.state
        if opt.text:
            group = (QPalette.ColorGroup.Disabled if not state & _ENABLED
                     else QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive)
            color = opt.palette.color(group, QPalette.ColorRole.HighlightedText if state & _SELECTED
                                      else QPalette.ColorRole.Text)
            rect = option.rect
            key = (index.column(), index.data(), rect.width(), rect.height(), color.rgba())
            image = self._images.get(key)
            if image is None:
                image = self._render(key, option, index, color)
            painter.drawImage(rect.x(), rect.y(), image)
        if state & _FOCUS:  # as Qt's CE_ItemViewItem draws it
            focus = QStyleOptionFocusRect()
            focus.initFrom(view)
            focus.rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemFocusRect, opt, view)
            focus.state = state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
            focus.palette = opt.palette
            group = QPalette.ColorGroup.Normal if state & _ENABLED else QPalette.ColorGroup.Disabled
            focus.backgroundColor = opt.palette.color(
                group, QPalette.ColorRole.Highlight if state & _SELECTED else QPalette.ColorRole.Window)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, view)

    def _render(self, key: tuple, option, index, color: QColor) -> QImage:
        """The cell's text as Qt's delegate draws it (no panel, no focus), in ``color``."""
        view = self._view
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width, height = option.rect.width(), option.rect.height()
        opt.rect = QRect(0, 0, width, height)
        opt.state = opt.state & ~(_SELECTED | _FOCUS | _HOVER)
        palette = QPalette(opt.palette)
        palette.setColor(QPalette.ColorRole.Text, color)
        opt.palette = palette
        if opt.displayAlignment & _LEFT and opt.direction == Qt.LayoutDirection.LeftToRight:
            # left-aligned text needs no more than its advance and margins: a smaller image
            width = min(width, opt.fontMetrics.horizontalAdvance(opt.text) + 16)
        dpr = self._dpr or view.viewport().devicePixelRatioF()
        image = QImage(max(1, int(width * dpr + 0.999)), max(1, int(height * dpr + 0.999)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        view.style().drawControl(_ITEM, opt, painter, view)
        painter.end()
        if len(self._images) >= _KEPT:  # the oldest half goes (rows scrolled away, mostly)
            for old in list(self._images)[:_KEPT // 2]:
                del self._images[old]
        self._images[key] = image
        return image


class _Watcher(QObject):
    """Before each paint of the viewport, what its cells share; a new font, style or palette
    clears the images (a new width or colour makes other keys)."""

    def __init__(self, delegate: CachedCellDelegate):
        super().__init__(delegate)
        self._delegate = delegate

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            if obj is self._delegate._view.viewport():
                self._delegate._before_paint()
        elif kind in _CHANGES:
            self._delegate.clear()
        return False


_CHANGES = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange,
                      QEvent.Type.LocaleChange, QEvent.Type.LayoutDirectionChange})


class _Everything:
    def __contains__(self, _row) -> bool:
        return True


_EVERYTHING = _Everything()
