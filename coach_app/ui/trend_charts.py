"""Trend charts over real dates (QtCharts): one line per agent and one for the team, a point per
week (or per day when the calls span only a week or two), labelled with the bucket's date.

The x axis is a category axis placed on values (days since the first bucket), not a date-time
axis: a date-time axis spreads its ticks evenly over the range, so calls of one afternoon gave
"12-01 14:12" under every tick. Here each label sits on a bucket that has calls.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from coach_app.services.trends import TEAM, WEEK, TrendPoint, buckets, choose_unit, label_steps, team_trends

TEAM_COLOR = QColor("#1f2933")
AGENT_COLORS = ["#2f6fba", "#e08e2b", "#3f9c35", "#b42318", "#7a4fb5", "#0f8b8d", "#c2497a", "#8a6d1f"]


def average_of(p: TrendPoint) -> float | None:
    return p.average


def pass_percent_of(p: TrendPoint) -> float | None:
    return None if p.pass_rate is None else 100 * p.pass_rate


def date_axis(days: list[date], unit: str, short_format: str, long_format: str) -> QCategoryAxis:
    """Labels on the bucket dates (at most ten, evenly picked), in the UI language's format;
    with the year when the chart spans most of one, so no two labels read the same."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    first = days[0]
    fmt = long_format if (days[-1] - first).days > 300 else short_format
    for d in label_steps(days):
        axis.append(QDate(d.year, d.month, d.day).toString(fmt), (d - first).days)
    pad = 3.5 if unit == WEEK else 0.5  # half a bucket either side: the end points are not on the frame
    axis.setRange(-pad, (days[-1] - first).days + pad)
    axis.setGridLineVisible(False)
    return axis


def trend_chart(title: str, lines: list[tuple[str, list[TrendPoint], QColor, float]], value: Callable,
                unit: str, formats: tuple[str, str], y_max: float = 100) -> QChart:
    """A chart of ``value(point)`` for each (name, points, colour, width) line on one date axis."""
    chart = QChart()
    chart.setTitle(title)
    days = buckets(points for _, points, _, _ in lines)
    if not days:
        return chart
    x_axis, y_axis = date_axis(days, unit, *formats), QValueAxis()
    y_axis.setRange(0, y_max)
    y_axis.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for name, points, color, width in lines:
        series = QLineSeries()
        series.setName(name)
        series.setPointsVisible(True)
        pen = QPen(color)
        pen.setWidthF(width)
        series.setPen(pen)
        for p in points:
            v = value(p)
            if v is not None:
                series.append((p.start - days[0]).days, v)
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(lines) > 1)
    return chart


class TeamTrendsView(QWidget):
    """The team page of the dashboard: average total and pass rate over time, a line per agent
    and a thicker one for the whole team."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#616e7c")
        layout.addWidget(self.note)
        self.totals, self.passes = QChartView(self), QChartView(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        for view in (self.totals, self.passes):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            split.addWidget(view)
        layout.addWidget(split, 1)
        self.series: dict[str | None, list[TrendPoint]] = {}

    def formats(self) -> tuple[str, str]:
        # Qt date formats (QDate.toString: month names in English whatever the locale)
        return self.tr("MMM d"), self.tr("MMM d, yyyy")

    def show_rows(self, rows) -> None:
        if not rows:
            self.series = {}
            self.note.setText(self.tr("Nothing scored yet: import and score some calls first."))
            self.totals.setChart(QChart())
            self.passes.setChart(QChart())
            return
        unit = choose_unit(rows)
        self.series = team_trends(rows, unit)
        weekly = unit == WEEK
        self.note.setText(self.tr("One point per week (starting on Monday): the average of the calls that week.")
                          if weekly else
                          self.tr("One point per day: the calls span less than three weeks, too few for weekly points."))
        lines = [(self.tr("Whole team"), self.series[TEAM], TEAM_COLOR, 3.0)]
        lines += [(name, points, QColor(AGENT_COLORS[i % len(AGENT_COLORS)]), 1.5)
                  for i, (name, points) in enumerate((n, p) for n, p in self.series.items() if n is not TEAM)]
        self.totals.setChart(trend_chart(self.tr("Average total per week") if weekly else
                                         self.tr("Average total per day"), lines, average_of, unit, self.formats()))
        self.passes.setChart(trend_chart(self.tr("Pass rate per week (%)") if weekly else
                                         self.tr("Pass rate per day (%)"), lines, pass_percent_of, unit, self.formats()))
