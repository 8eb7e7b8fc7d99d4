"""The before/after chart: conflicts by month over the baseline and the report's period,
one line each, and a dashed vertical line where the project starts."""
from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPen

from app.report import labels as words
from app.report.export import header_labels
from app.report.model import Table
from views.activity.charts import count_axis

COLORS = ("#999999", "#0072B2", "#D55E00")  # baseline, report period, marker (Okabe-Ito)


def _font(size: int) -> QFont:
    font = QFont()
    font.setPointSize(size)
    return font


def build(table: Table, lang: str = "fr", font_size: int = 9) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(_font(font_size))
    headers = header_labels(table, lang)
    months = [str(row[0]) for row in table.rows]
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis_x.setLabelsFont(_font(font_size))
    axis_x.setRange(0, max(1, len(months) - 1))
    step = max(1, len(months) // 6)  # about six labels, whatever the length
    for x in range(0, len(months), step):
        axis_x.append(months[x], x)
    top = max([row[c] or 0 for row in table.rows for c in (1, 2)] + [1])
    axis_y = QValueAxis()
    axis_y.setLabelsFont(_font(font_size))
    count_axis(axis_y, top)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for col in (1, 2):
        line = QLineSeries()
        line.setName(headers[col])
        line.setPen(QPen(QColor(COLORS[col - 1]), 2.5))
        for x, row in enumerate(table.rows):
            if row[col] is not None:
                line.append(QPointF(x, float(row[col])))
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    if table.marker is not None and 0 < table.marker < len(months):
        marker = QLineSeries()
        marker.setName(words.text("pilot_start", lang))
        pen = QPen(QColor(COLORS[2]), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        marker.setPen(pen)
        x = table.marker - 0.5
        marker.append(QPointF(x, 0))
        marker.append(QPointF(x, axis_y.max()))
        chart.addSeries(marker)
        marker.attachAxis(axis_x)
        marker.attachAxis(axis_y)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
