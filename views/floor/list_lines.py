"""A list of text lines that, when given new lines, changes only the items that differ.

Today's lists are rebuilt after every save; clearing and refilling a hundred word-wrapped
items (and laying them out again) cost more than the read. ``LineList.set_lines`` keeps
the items common to the start and the end of the old and new lines (a new contact: one
insert at the top) and the current item with them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem


@dataclass(frozen=True)
class Line:
    text: str
    data: Any = None          # Qt.UserRole
    color: str | None = None  # foreground (a colour name), None: the palette's
    enabled: bool = True      # False: a placeholder ("Nothing to follow up today.")


class LineList(QListWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: list[Line] = []

    def lines(self) -> list[Line]:
        return list(self._lines)

    def set_lines(self, lines: list[Line]) -> None:
        old, new = self._lines, list(lines)
        if old == new:
            return
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        replaced = min(end_old - start, end_new - start)
        for offset in range(replaced):  # same place, other content: update the item
            self._fill(self.item(start + offset), new[start + offset])
        for _ in range(end_old - start - replaced):  # fewer lines: drop the rest of the middle
            self.takeItem(start + replaced)  # takeItem gives up ownership: the wrapper frees it
        for index in range(start + replaced, end_new):  # more lines: insert them
            item = QListWidgetItem()
            self._fill(item, new[index])
            self.insertItem(index, item)
        self._lines = new

    @staticmethod
    def _fill(item: QListWidgetItem, line: Line) -> None:
        item.setText(line.text)
        item.setData(Qt.ItemDataRole.UserRole, line.data)
        if line.color is not None:
            item.setForeground(QColor(line.color))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
        item.setFlags(_default_flags() if line.enabled else Qt.ItemFlag.NoItemFlags)


_FLAGS: list = []


def _default_flags():
    """A new item's flags (selectable, enabled...): what an updated placeholder goes back to."""
    if not _FLAGS:
        _FLAGS.append(QListWidgetItem().flags())
    return _FLAGS[0]
