"""The Bilan page's pieces: a figure card, a table as large as its cells, one section (table + chart)."""
from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QScrollArea, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.report import labels as words
from app.report.export import header_labels
from app.report.model import Report
from views.activity import charts
from views.floor.common import heading


class FigureCard(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#card_{key} {{ background: palette(base); border: 1px solid palette(mid);"
                           " border-radius: 8px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.value = QLabel("–")
        self.value.setObjectName(f"card_value_{key}")
        font = self.value.font()
        font.setPointSize(font.pointSize() + 9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class FitTable(QTableWidget):
    """A table as wide and as tall as its cells (up to ``max_height``), re-measured when
    Qt sizes its columns with the final fonts."""

    max_height = 320

    def __init__(self, rows: int, columns: int):
        super().__init__(rows, columns)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().sectionResized.connect(lambda *_: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        header = self.horizontalHeader()
        height = header.height() + sum(self.rowHeight(r) for r in range(self.rowCount())) + 2 * self.frameWidth()
        height = min(height, self.max_height)
        scroll = self.verticalScrollBar().sizeHint().width() if height == self.max_height else 0
        return QSize(header.length() + 2 * self.frameWidth() + scroll, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return self.sizeHint()


def section(report: Report, table) -> QWidget:
    """One table of the report under its heading, with its chart beside it when it has one."""
    box = QFrame()
    box.setObjectName(f"section_{table.key}")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 10, 0, 0)
    layout.addWidget(heading(words.text(table.key, report.lang), 2))
    row = QHBoxLayout()
    height = charts.preferred_height(table)
    if charts.has_chart(table):
        view = QChartView(charts.build_chart(table, report.lang))
        view.setObjectName(f"chart_{table.key}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(height)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        row.addWidget(view, 3)
    grid = FitTable(len(table.rows), len(table.columns))
    grid.setObjectName(f"table_{table.key}")
    grid.setHorizontalHeaderLabels(header_labels(table, report.lang))
    grid.verticalHeader().setVisible(False)
    grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    grid.horizontalHeader().setStretchLastSection(False)
    grid.setWordWrap(False)
    small = grid.font()
    small.setPointSizeF(max(8.0, small.pointSizeF() - 1))
    grid.setFont(small)
    grid.horizontalHeader().setFont(small)
    for r, values in enumerate(table.rows):
        for c, value in enumerate(values):
            text = str(value) if c == 0 else words.number(value, table.decimals_of(r, c), report.lang)
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.setItem(r, c, item)
    grid.max_height = max(height, 320)
    row.addWidget(grid, 0, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(row)
    return box


class ReportBody:
    """The scrolled body of the Bilan: a card per headline figure, a note, then a section per table."""

    def __init__(self, card_keys: tuple[str, ...]):
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 8, 0)
        cards = QGridLayout()
        cards.setSpacing(10)
        self.cards = {}
        for i, key in enumerate(card_keys):
            self.cards[key] = FigureCard(key)
            cards.addWidget(self.cards[key], i // 4, i % 4)
        layout.addLayout(cards)
        self.note = QLabel()
        self.note.setObjectName("bilan_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(dark); font-style: italic;")
        layout.addWidget(self.note)
        self.sections = QVBoxLayout()
        layout.addLayout(self.sections)
        layout.addStretch(1)
        self.scroll.setWidget(self.body)
