"""QtCharts for the report's tables: the same chart on screen and in the PDF."""
from __future__ import annotations

from functools import partial
from typing import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QCategoryAxis, QChart, QHorizontalBarSeries, QLineSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from app.report import suppress
from app.report.export import header_labels
from app.report.model import LINE, NO_CHART, TREND, Table
from app.report.ticks import integer_ticks

# Colour-blind-safe palette (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
MAX_MONTH_BARS = 18  # beyond, months are drawn as lines with a label per year
HORIZONTAL = {"by_type", "by_theme", "supplies_by_item", "referrals_by_status", "referrals_by_outcome",
              "conflicts_by_intensity", "conflicts_by_parties", "staff_support_by_kind", "people_by_age_gender",
              "intensity_comparison", "unmet_needs_by_need", "groups", "survey_means"}


def drawable_columns(table: Table, outside: bool) -> list[int]:
    """Series worth drawing; in an export for outside, a series with a hidden count ("< 5" or
    "x") is left out (a bar would show the number the table hides)."""
    shown = suppress.table_for_outside(table) if outside else table
    cols = []
    for col in table.chart_columns:
        if outside and any(suppress.is_mark(row[col]) for row in shown.rows):
            continue
        cols.append(col)
    return cols


def has_chart(table: Table, outside: bool = False) -> bool:
    if table.chart == NO_CHART or not table.rows:
        return False
    if not any((row[c] or 0) for row in table.rows for c in table.chart_columns):
        return False
    return bool(drawable_columns(table, outside))


def _short(table: Table, label: str, limit: int = 28) -> str:
    """Axis labels Qt can show whole (it elides every label when one is too wide)."""
    if table.key in ("conflicts_by_intensity", "intensity_comparison"):
        return label.split(" – ")[0]
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _months(labels: list[str]) -> list[str]:
    """"juin 2026" -> "juin" within one year, "juin 26" across years: labels that fit under bars."""
    years = {label.rsplit(" ", 1)[-1] for label in labels}
    if len(years) == 1:
        return [label.rsplit(" ", 1)[0] for label in labels]
    return [f"{label.rsplit(' ', 1)[0]} {label.rsplit(' ', 1)[-1][-2:]}" for label in labels]


def preferred_height(table: Table, outside: bool = False) -> int:
    """Horizontal bar charts grow with their rows; the others keep one height."""
    legend = 24 if len(drawable_columns(table, outside)) > 1 else 0
    if table.key in HORIZONTAL:
        return max(120, 50 + 34 * len(table.rows)) + legend
    return 240 + legend


def count_axis(axis: QValueAxis, top: float) -> None:
    """A count axis from 0 with whole-number ticks ("0 1 2 3", never "0 0 1 1")."""
    maximum, ticks = integer_ticks(top)
    axis.setLabelFormat("%d")
    axis.setRange(0, maximum)
    axis.setTickType(QValueAxis.TickType.TicksFixed)
    axis.setTickCount(ticks)
    axis.setMinorTickCount(0)


def _axis_font(size: int) -> QFont:
    font = QFont()
    font.setPointSize(size)
    return font


def build_chart(table: Table, lang: str = "fr", *, outside: bool = False, font_size: int = 9,
                horizontal: bool | None = None) -> QChart:
    """A chart of ``table`` (bars, or bars and intensity lines for conflicts by month)."""
    if table.chart == TREND:
        from views.activity import trend_chart

        return trend_chart.build(table, lang, font_size)
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(_axis_font(font_size))
    headers = header_labels(table, lang)
    categories = [_short(table, str(row[0])) for row in table.rows]
    if table.columns[0] == "month":
        categories = _months(categories)
    columns = drawable_columns(table, outside)
    if table.columns[0] == "month" and len(table.rows) > MAX_MONTH_BARS:
        return _long_trend(chart, table, headers, [str(row[0]) for row in table.rows], columns, font_size)
    line_cols = [c for c in columns if table.chart == LINE and table.columns[c].startswith("intensity")]
    bar_cols = [c for c in columns if c not in line_cols]
    horizontal = table.key in HORIZONTAL if horizontal is None else horizontal
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    top = 0
    for i, col in enumerate(bar_cols):
        bar = QBarSet(headers[col])
        bar.setColor(QColor(PALETTE[i % len(PALETTE)]))
        for row in table.rows:
            value = row[col] or 0
            bar.append(float(value))
            top = max(top, value)
        series.append(bar)
    chart.addSeries(series)
    cat_axis = QBarCategoryAxis()
    cat_axis.append(list(reversed(categories)) if horizontal else categories)
    cat_axis.setLabelsFont(_axis_font(font_size))
    if horizontal:
        # Horizontal bars grow bottom-up: reverse so the table and the chart read in the same order.
        for bar in series.barSets():
            values = [bar.at(i) for i in range(bar.count())]
            bar.remove(0, bar.count())
            bar.append(list(reversed(values)))
    value_axis = QValueAxis()
    if any(isinstance(row[c], float) for row in table.rows for c in bar_cols) and top <= 10:
        value_axis.setLabelFormat("%.1f")  # rates (per 1,000 visits): decimals are real
        value_axis.setRange(0, max(1, top) * 1.1)
        value_axis.applyNiceNumbers()
    else:
        count_axis(value_axis, top)
    value_axis.setLabelsFont(_axis_font(font_size))
    chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cat_axis)
    series.attachAxis(value_axis)
    if line_cols:
        intensity_axis = QValueAxis()
        intensity_axis.setRange(0, 5)
        intensity_axis.setTickCount(6)
        intensity_axis.setLabelFormat("%d")
        intensity_axis.setLabelsFont(_axis_font(font_size))
        chart.addAxis(intensity_axis, Qt.AlignmentFlag.AlignRight)
        for i, col in enumerate(line_cols):
            line = QLineSeries()
            line.setName(headers[col])
            line.setPen(QPen(QColor(PALETTE[(len(bar_cols) + i) % len(PALETTE)]), 3))
            line.setPointsVisible(True)
            for x, row in enumerate(table.rows):
                if row[col] is not None:
                    line.append(QPointF(x, float(row[col])))
            chart.addSeries(line)
            line.attachAxis(cat_axis)
            line.attachAxis(intensity_axis)
    chart.legend().setVisible(len(bar_cols) + len(line_cols) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _long_trend(chart: QChart, table: Table, headers: list[str], months: list[str], columns: list[int],
                font_size: int) -> QChart:
    """Years of months: lines, with one label per year (bars and a label per month would not fit)."""
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis_x.setLabelsFont(_axis_font(font_size))
    axis_x.setRange(0, len(months) - 1)
    years = [label.rsplit(" ", 1)[1] for label in months]
    starts = [x for x in range(1, len(years)) if years[x] != years[x - 1]]
    if not starts or starts[0] >= 4:  # the first year's label, when it does not crowd the next one
        starts.insert(0, 0)
    for x in starts:
        axis_x.append(years[x], x)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    counts = [c for c in columns if not table.columns[c].startswith("intensity")]
    levels = [c for c in columns if table.columns[c].startswith("intensity")]
    for cols, maximum, side in ((counts, None, Qt.AlignmentFlag.AlignLeft), (levels, 5, Qt.AlignmentFlag.AlignRight)):
        if not cols:
            continue
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setLabelsFont(_axis_font(font_size))
        top = max((row[c] or 0) for row in table.rows for c in cols)
        if maximum is None:
            count_axis(axis_y, top)
        else:
            axis_y.setRange(0, maximum)
            axis_y.setTickCount(maximum + 1)  # one tick per level
        chart.addAxis(axis_y, side)
        for col in cols:
            line = QLineSeries()
            line.setName(headers[col])
            line.setPen(QPen(QColor(PALETTE[columns.index(col) % len(PALETTE)]), 2))
            for x, row in enumerate(table.rows):
                if row[col] is not None:
                    line.append(QPointF(x, float(row[col])))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
    chart.legend().setVisible(len(columns) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def render_image(chart: QChart, width: int, height: int, scale: float = 2.0) -> QImage:
    """Paint a chart into an image (for the PDF), at ``scale`` times its size for sharp print."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(QSizeF(width, height))
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(int(image.dotsPerMeterX() * scale))
    image.setDotsPerMeterY(int(image.dotsPerMeterY() * scale))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    return image


def draw(table: Table, lang: str, width: int, height: int, **options) -> QImage:
    """The chart of ``table`` as an image (``options`` go to build_chart)."""
    return render_image(build_chart(table, lang, **options), width, height)


def later(table: Table, lang: str, width: int, height: int, **options) -> Callable[[], QImage]:
    """The same image, drawn when called: the PDF draws its charts one per event-loop turn."""
    return partial(draw, table, lang, width, height, **options)
