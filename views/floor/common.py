"""Small pieces shared by the floor screens: code labels, date text, a flow layout, field errors."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLayout, QLayoutItem, QTableView, QWidget

from app.validation import FUTURE_DATE, NEGATIVE, NOT_FOUND, OUT_OF_RANGE, REQUIRED, TOO_LONG, UNKNOWN_CODE


def ui_language() -> str:
    """"en" or "fr": which label column of the code lists to show."""
    return "en" if QLocale().name().startswith("en") else "fr"


class CodeLabels:
    """code -> label of each list, read once per refresh (lists are short).

    ``CodeLabels.read(ctx, THEME, PLACE)`` reads through the runner; ``CodeLabels(table)``
    wraps an ``app.floor_reads.CodeTable`` read with other things. (``CodeLabels(session,
    ...)`` still works for screens not moved to the runner yet.)
    """

    def __init__(self, source, *list_names: str):
        from app.floor_reads import CodeTable, code_table

        table = source if isinstance(source, CodeTable) else code_table(source, list_names, ui_language())
        self._labels, self._active = table.labels, table.active

    @classmethod
    def read(cls, ctx, *list_names: str) -> "CodeLabels":
        from app.floor_reads import code_table

        return cls(ctx.ops.read(code_table, list_names, ui_language(), warm=True))

    def label(self, list_name: str, code: str | None) -> str:
        if not code:
            return ""
        return self._labels.get(list_name, {}).get(code, code)

    def labels(self, list_name: str, codes) -> str:
        return ", ".join(self.label(list_name, c) for c in codes)

    def active(self, list_name: str) -> list[tuple[str, str]]:
        """(code, label) of the items offered for new entries, in display order."""
        return list(self._active.get(list_name, []))


DAY_FORMAT = "d MMM yyyy"  # « 24 nov. 2026 »: day_text and the date fields' display format


def day_text(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(day, DAY_FORMAT)


def datetime_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(moment, "d MMM yyyy, HH:mm")


def time_text(moment: datetime) -> str:
    return QLocale().toString(moment.time(), "HH:mm")


def field_error_text(code: str) -> str:
    """A user's sentence for a service's FieldError code."""
    messages = {
        REQUIRED: QCoreApplication.translate("Floor", "This is required."),
        FUTURE_DATE: QCoreApplication.translate("Floor", "This date is after today. Check the day."),
        NEGATIVE: QCoreApplication.translate("Floor", "This cannot be less than zero."),
        TOO_LONG: QCoreApplication.translate("Floor", "This is too long."),
        UNKNOWN_CODE: QCoreApplication.translate("Floor", "This choice is no longer offered. Pick another one."),
        NOT_FOUND: QCoreApplication.translate("Floor", "This record no longer exists."),
        OUT_OF_RANGE: QCoreApplication.translate("Floor", "This value is out of range."),
    }
    return messages.get(code, QCoreApplication.translate("Floor", "Check this value."))


class FieldError(QLabel):
    """The red sentence under a field; hidden when empty."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"error_{name}")
        self.setProperty("role", "field_error")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020; font-weight: bold;")
        self.hide()

    def set_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def style_list_table(table: QTableView) -> None:
    """The floor's list look: whole rows picked one at a time, read-only, no grid, readable heights."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(34)


def heading(text: str, size_delta: int = 6) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(size_delta < 6)
    label.setFont(font)
    return label


class FlowLayout(QLayout):
    """Lays out widgets left to right, wrapping to the next line (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(item.widget().parentWidget()):
                continue
            hint = item.sizeHint()
            next_x = x + hint.width() + self._spacing
            if next_x - self._spacing > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                next_x = x + hint.width() + self._spacing
                line_height = 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()
