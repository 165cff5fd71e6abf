"""Dashboard: an agent's average total over time against the team's, met rate per criterion
against the team, the criteria most often missed; and for leads a team page with every
agent's weekly trend (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QSplitter, QTabWidget, QVBoxLayout, QWidget

from coach_app.errors import CoachError
from coach_app.services.reports import met_rates, period_data
from coach_app.services.trends import WEEK, choose_unit, trend
from coach_app.ui.trend_charts import TeamTrendsView, average_of, trend_chart

AGENT_COLOR, TEAM_COLOR = QColor("#2f6fba"), QColor("#e08e2b")


class DashboardView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Agent"), self))
        self.agent = QComboBox(self)
        self.agent.currentIndexChanged.connect(self.draw)
        top.addWidget(self.agent)
        top.addStretch(1)
        layout.addLayout(top)
        self.message = QLabel(self)
        self.message.hide()  # shown only when there is nothing to draw: otherwise its line is the charts'
        layout.addWidget(self.message)
        self.trend = QChartView(self)
        self.rates = QChartView(self)
        self.missed = QListWidget(self)
        for view in (self.trend, self.rates):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.trend)
        left.addWidget(self.rates)
        left.setSizes([300, 460])  # twelve criteria need the height, or their names elide to "…"
        split.addWidget(left)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("<b>Most often missed</b>"), side))
        side_layout.addWidget(self.missed)
        split.addWidget(side)
        split.setSizes([900, 300])
        layout.addWidget(split, 1)
        self.tabs.addTab(page, self.tr("Agent"))
        self.team_view = TeamTrendsView(self)
        self.tabs.addTab(self.team_view, self.tr("Team trends"))

    def refresh(self) -> None:
        try:
            self.team = period_data(self.ctx.engine, viewer=self.ctx.user_name or None)  # an agent: their own
        except CoachError:
            self.team = None
        agents = sorted({r.agent for r in self.team.rows if r.agent}) if self.team else []
        is_agent = self.ctx.user_role == "agent"
        if is_agent:  # an agent sees only themselves, so no team page either
            agents = [a for a in agents if a == self.ctx.user_name]
        self.tabs.setTabVisible(1, not is_agent)
        self.team_view.show_rows([] if is_agent or not self.team else self.team.rows)
        current = self.agent.currentText()
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItems(agents)
        self.agent.setCurrentIndex(max(0, self.agent.findText(current)))
        self.agent.blockSignals(False)
        self.draw()

    def draw(self, *_args) -> None:
        if not self.team or not self.agent.currentText():
            self.message.setText(self.tr("Nothing scored yet: import and score some calls first."))
            self.message.show()
            self.trend.setChart(QChart())
            self.rates.setChart(QChart())
            self.missed.clear()
            return
        self.message.hide()
        name = self.agent.currentText()
        mine = [r for r in self.team.rows if r.agent == name]
        rubric = self.team.rubric
        lang = self.ctx.settings.ui_language if self.ctx.settings.ui_language in rubric.languages else rubric.languages[0]
        # trend: the agent's average total per week (or day) against the team's, on real dates
        unit = choose_unit(mine)
        chart = trend_chart(self.tr("Average total per week") if unit == WEEK else self.tr("Average total per day"),
                            [(name, trend(mine, unit), AGENT_COLOR, 2.5),
                             (self.tr("Team"), trend(self.team.rows, unit), TEAM_COLOR, 1.5)],
                            average_of, unit, self.team_view.formats())
        self.trend.setChart(chart)
        # met rates, agent vs team
        crits = [c for c in rubric.criteria if c.scoring == "automatic"]
        ids = [c.id for c in crits]
        agent_rates, team_rates = met_rates(mine, ids), met_rates(self.team.rows, ids)
        agent_set, team_set = QBarSet(name), QBarSet(self.tr("Team"))
        agent_set.setColor(AGENT_COLOR)
        team_set.setColor(TEAM_COLOR)
        for cid in reversed(ids):
            agent_set.append(100 * (agent_rates[cid] or 0))
            team_set.append(100 * (team_rates[cid] or 0))
        bars = QHorizontalBarSeries()
        bars.append(team_set)
        bars.append(agent_set)
        chart = QChart()
        chart.setTitle(self.tr("Met rate per criterion (%)"))
        chart.addSeries(bars)
        cats, vals = QBarCategoryAxis(), QValueAxis()
        cats.append([c.title.get(lang, c.id) for c in reversed(crits)])
        vals.setRange(0, 100)
        chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(vals, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(cats)
        bars.attachAxis(vals)
        self.rates.setChart(chart)
        # most often missed
        self.missed.clear()
        ranked = sorted((c for c in crits if agent_rates[c.id] is not None), key=lambda c: (agent_rates[c.id], c.id))
        for c in ranked[:5]:
            self.missed.addItem(f"{c.title.get(lang, c.id)} — {self.tr('met')} {agent_rates[c.id]:.0%}")
