"""A scroll bar that repaints only when it looks different, and cheaply (Today's lists)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider


class QuietScrollBar(QScrollBar):
    """A scroll bar that repaints only when it looks different, its groove drawn once per size.

    A line inserted in a long list changes the range by one: the handle moves by less than a
    pixel, yet QScrollBar repaints (with the window behind it). And painting it costs as much as
    the list's lines, three quarters of it the groove (a gradient the height of the list): the
    groove is kept as an image while the size, state and palette stay; handle and arrows are
    drawn over it by the style, as QScrollBar does. Hovered, pressed or transient (the style
    shows those states or fades the bar), the bar paints as QScrollBar does.
    """

    def __init__(self, orientation, parent=None):
        super().__init__(orientation, parent)
        self._look = None
        self._groove_key = None
        self._groove: QPixmap | None = None

    def _option(self) -> QStyleOptionSlider:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return option

    def _looks(self, option: QStyleOptionSlider):
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        value = self.value()
        return handle, value <= self.minimum(), value >= self.maximum(), self.isEnabled()

    def sliderChange(self, change) -> None:
        if change == QAbstractSlider.SliderChange.SliderValueChange:
            super().sliderChange(change)
            return
        look = self._looks(self._option())
        if look != self._look:
            self._look = look
            super().sliderChange(change)

    def paintEvent(self, event) -> None:
        self._look = None  # what is painted now: compared at the next change
        style = self.style()
        if (self.underMouse() or self.isSliderDown()
                or style.styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, self)):
            super().paintEvent(event)
            self._look = self._looks(self._option())
            return
        option = self._option()
        dpr = self.devicePixelRatioF()
        key = (self.size(), option.state.value, self.palette().cacheKey(), dpr, style.name())
        if key != self._groove_key:
            self._groove_key, self._groove = key, self._draw_groove(style, option, dpr)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._groove)
        option.subControls = _ALL_BUT_GROOVE
        style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, self)
        painter.end()
        self._look = self._looks(option)

    def _draw_groove(self, style, option: QStyleOptionSlider, dpr: float) -> QPixmap:
        groove = QPixmap(int(self.width() * dpr + 0.999), int(self.height() * dpr + 0.999))
        groove.setDevicePixelRatio(dpr)
        groove.fill(Qt.GlobalColor.transparent)
        painter = QPainter(groove)
        option.subControls = QStyle.SubControl.SC_ScrollBarGroove
        style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, self)
        painter.end()
        return groove


_ALL_BUT_GROOVE = (QStyle.SubControl.SC_ScrollBarAddLine | QStyle.SubControl.SC_ScrollBarSubLine
                   | QStyle.SubControl.SC_ScrollBarAddPage | QStyle.SubControl.SC_ScrollBarSubPage
                   | QStyle.SubControl.SC_ScrollBarFirst | QStyle.SubControl.SC_ScrollBarLast
                   | QStyle.SubControl.SC_ScrollBarSlider)
