"""The supervisor's overview in the coordination window: the silence warning, libraries
side by side, and the selected worker's weekly trend (contacts and distinct people),
referrals by outcome and conflicts by month. The same figures as
``milieu coordination overview`` (app.sync.overview.as_text)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from app.report import labels as words
from views import dates, vocabulary
from views.floor.common import day_text, ui_language
from views.sync import common

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")  # Okabe-Ito
WARNING_STYLE = ("QLabel { background: #FFF4E5; color: #7A3E00; border: 1px solid #E69F00; "
                 "border-radius: 4px; padding: 8px; font-weight: bold; }")
OVERDUE = QColor("#FDE2C4")


def monday_of(week: str) -> date:
    """"2026-W47" -> the Monday of that ISO week."""
    return date.fromisocalendar(int(week[:4]), int(week[6:]), 1)


def week_chart(weeks: list[str], series: list[tuple[str, dict]]) -> QChart:
    """One line per series (name, ISO week -> n) over the trend's weeks."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    font = QFont()
    font.setPointSize(9)
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis_x.setLabelsFont(font)
    axis_x.setRange(0, max(1, len(weeks) - 1))
    step = max(1, len(weeks) // 6)
    for x in range(0, len(weeks), step):
        axis_x.append(day_text(monday_of(weeks[x])).rsplit(" ", 1)[0], x)  # « 16 nov. »
    top = max([n for _, counts in series for n in counts.values()] + [1])
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setLabelsFont(font)
    axis_y.setRange(0, top * 1.15)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for i, (name, counts) in enumerate(series):
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(QColor(PALETTE[i % len(PALETTE)]), 2.5))
        for x, week in enumerate(weeks):
            line.append(QPointF(x, float(counts.get(week, 0))))
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    chart.legend().setFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def chart_view(name: str, height: int = 230) -> QChartView:
    view = QChartView()
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    return view


class SilenceWarning(QLabel):
    """Who has sent nothing for more than 8 days (hidden when everyone is on time)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("silence_warning")
        self.setWordWrap(True)
        self.setStyleSheet(WARNING_STYLE)
        self.hide()

    def show_for(self, overview) -> None:
        late = [w for w in overview.workers if w.silent]
        if not late:
            self.setText("")
            self.hide()
            return
        names = "; ".join(
            self.tr("%1 (%n day(s))", "", w.days_ago).replace("%1", w.label) if w.days_ago is not None
            else self.tr("%1 (no bundle yet)").replace("%1", w.label)
            for w in late
        )
        self.setText(self.tr("Nothing received for more than %1 days: %2").replace("%1", str(overview.silent_days))
                     .replace("%2", names))
        self.show()


class LibrariesBox(QGroupBox):
    """Libraries side by side: workers, silent ones, the 12 weeks' contacts, referrals and
    conflicts, and one line of contacts per week for each library."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Libraries side by side"))
        layout = QHBoxLayout(self)
        self.table = common.table("libraries_table", [
            self.tr("Library"), self.tr("Workers"), self.tr("Silent > 8 days"),
            self.tr("Contacts (12 weeks)"), self.tr("Referrals"), self.tr("Conflicts"), self.tr("Newest bundle"),
        ])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name gives way, not the figures
        self.table.setMaximumHeight(200)
        layout.addWidget(self.table, 3)
        self.chart = chart_view("libraries_chart", 200)
        layout.addWidget(self.chart, 2)

    def since(self, days: int | None) -> str:
        if days is None:
            return self.tr("None yet")
        return self.tr("Today") if days == 0 else self.tr("%n day(s) ago", "", days)

    def show_for(self, overview) -> None:
        rows = [[lib.name or self.tr("(no library)"), str(lib.workers), str(lib.silent),
                 str(sum(lib.weekly_contacts.get(w, 0) for w in overview.weeks)),
                 str(sum(lib.referral_outcomes.values())), str(sum(lib.conflicts_by_month.values())),
                 self.since(lib.days_ago)]
                for lib in overview.libraries]
        common.fill(self.table, rows)
        for row, lib in enumerate(overview.libraries):
            if lib.silent:
                self.table.item(row, 2).setBackground(OVERDUE)
        self.chart.setChart(week_chart(list(overview.weeks), [
            (lib.name or self.tr("(no library)"), lib.weekly_contacts) for lib in overview.libraries
        ]))


class WorkerDetail(QGroupBox):
    """The selected worker: contacts and distinct people per week (chart and table),
    referrals by outcome, conflicts by month."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Selected worker"))
        layout = QVBoxLayout(self)
        self.chart = chart_view("weekly_chart")
        layout.addWidget(self.chart, 3)
        row = QHBoxLayout()
        self.weekly = common.table("weekly_table", [self.tr("Week"), self.tr("Contacts"), self.tr("People")])
        self.outcomes = common.table("outcomes_table", [self.tr("Referral outcome"), self.tr("Referrals")])
        self.conflicts = common.table("conflicts_table", [self.tr("Month"), self.tr("Conflicts")])
        for t in (self.weekly, self.outcomes, self.conflicts):
            t.setMinimumHeight(150)
            row.addWidget(t)
        layout.addLayout(row, 2)

    def show_for(self, weeks: tuple[str, ...], worker) -> None:
        contacts = worker.weekly_contacts if worker else {}
        people = worker.weekly_people if worker else {}
        self.setTitle(self.tr("Selected worker: %1").replace("%1", worker.label) if worker else self.tr("Selected worker"))
        self.chart.setChart(week_chart(list(weeks), [(self.tr("Contacts"), contacts),
                                                     (self.tr("Distinct people"), people)]))
        common.fill(self.weekly, [
            [dates.week_text(w), str(contacts.get(w, 0)), str(people.get(w, 0))]
            for w in reversed(weeks) if contacts.get(w, 0) or people.get(w, 0)
        ])
        outcomes = worker.referral_outcomes if worker else {}
        common.fill(self.outcomes, [
            [vocabulary.label(vocabulary.REFERRAL_OUTCOME, k) if k else self.tr("Unknown"), str(n)]
            for k, n in outcomes.items()
        ])
        conflicts = worker.conflicts_by_month if worker else {}
        lang = ui_language()
        common.fill(self.conflicts, [[words.month(m, lang), str(n)] for m, n in sorted(conflicts.items(), reverse=True)])
