"""Agent period report and team report (reportlab)."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from coach_app.core.redaction import redact
from coach_app.core.transcript import format_clock
from coach_app.export.pdf import AGENT_C, BOLD, CUST_C, FONT, INK, _p, _register_fonts, _shorten, _styles
from coach_app.export.strings import t
from coach_app.services.reports import PeriodData, agreement, met_rates


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.0%}"


def _table(rows, widths, st) -> Table:
    tbl = Table([[_p(str(c), st["cell"]) for c in row] for row in rows], colWidths=widths, repeatRows=1)
    tbl.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, 0), BOLD)]))
    return tbl


def trend_chart(points: list[tuple[float, float]], width=170 * mm, height=55 * mm) -> Drawing:
    """Totals (0–100) against days since the start of the period."""
    d = Drawing(width, height)
    lp = LinePlot()
    lp.x, lp.y, lp.width, lp.height = 30, 18, width - 45, height - 28
    lp.data = [points if len(points) > 1 else points + [(points[0][0] + 1, points[0][1])]]
    lp.lines[0].strokeColor = AGENT_C
    lp.lines[0].strokeWidth = 1.5
    lp.lines[0].symbol = makeMarker("FilledCircle", size=3)
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax, lp.yValueAxis.valueStep = 0, 100, 20
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize = FONT, 7
    lp.xValueAxis.labelTextFormat = "%d"
    d.add(lp)
    return d


def rates_chart(labels: list[str], agent: list[float], team: list[float], lang: str, width=170 * mm) -> Drawing:
    height = 14 + 11 * len(labels) + 14
    d = Drawing(width, height)
    bc = HorizontalBarChart()
    bc.x, bc.y, bc.width, bc.height = 62 * mm, 14, width - 66 * mm, height - 26
    bc.data = [team, agent]
    bc.categoryAxis.categoryNames = labels
    bc.categoryAxis.labels.fontName, bc.categoryAxis.labels.fontSize = FONT, 7
    bc.categoryAxis.reverseDirection = 1
    bc.valueAxis.valueMin, bc.valueAxis.valueMax, bc.valueAxis.valueStep = 0, 100, 25
    bc.valueAxis.labels.fontName, bc.valueAxis.labels.fontSize = FONT, 7
    bc.bars[0].fillColor, bc.bars[1].fillColor = CUST_C, AGENT_C
    bc.bars.strokeColor = None
    bc.barSpacing, bc.groupSpacing = 1, 4
    d.add(bc)
    d.add(String(62 * mm, height - 9, f"■ {t(lang, 'agent')}", fontName=FONT, fontSize=7, fillColor=AGENT_C))
    d.add(String(92 * mm, height - 9, f"■ {t(lang, 'team_avg')}", fontName=FONT, fontSize=7, fillColor=CUST_C))
    return d


def _doc(out: Path, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(str(out), leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm, bottomMargin=18 * mm,
                             title=title, author="Encounter Coach")


def _period_text(lang: str, date_from, date_to) -> str:
    a = date_from.strftime("%Y-%m-%d") if date_from else "…"
    b = date_to.strftime("%Y-%m-%d") if date_to else "…"
    return f"{t(lang, 'period')}: {a} – {b}" if (date_from or date_to) else f"{t(lang, 'period')}: {t(lang, 'all')}"


def build_agent_report(agent: str, mine: PeriodData, team: PeriodData, out: Path, lang: str | None = None,
                       date_from=None, date_to=None, redact_pii: bool = True) -> None:
    _register_fonts()
    st = _styles()
    rubric = mine.rubric
    lang = lang or rubric.languages[0]
    crits = [c for c in rubric.criteria if c.scoring == "automatic" or any(
        c.id in r.results and r.results[c.id].status for r in mine.rows)]
    totals = [r.evaluation.total for r in mine.rows if r.evaluation.total is not None]
    passed = [r.evaluation.passed for r in mine.rows if r.evaluation.passed is not None]
    story = [_p(t(lang, "agent_report"), st["title"]), _p(f"{agent} · {_period_text(lang, date_from, date_to)}", st["base"]),
             Spacer(1, 4),
             _table([[t(lang, "interactions"), t(lang, "average"), t(lang, "pass_rate")],
                     [len(mine.rows), f"{sum(totals) / len(totals):.0f}" if totals else "-",
                      _pct(sum(passed) / len(passed) if passed else None)]], [55 * mm] * 3, st)]
    start = min(r.interaction.occurred_at for r in mine.rows if r.interaction.occurred_at)
    points = [((r.interaction.occurred_at - start).total_seconds() / 86400, r.evaluation.total)
              for r in mine.rows if r.evaluation.total is not None and r.interaction.occurred_at]
    if points:
        story += [_p(t(lang, "trend"), st["h2"]), trend_chart(points),
                  _p(f"x: days from {start:%Y-%m-%d}" if lang == "en" else f"x: päiviä alkaen {start:%d.%m.%Y}", st["small"])]
    ids = [c.id for c in crits]
    a_rates, t_rates = met_rates(mine.rows, ids), met_rates(team.rows, ids)
    story += [_p(t(lang, "met_rates"), st["h2"]),
              rates_chart([c.title.get(lang, c.id)[:34] for c in crits], [100 * (a_rates[i] or 0) for i in ids],
                          [100 * (t_rates[i] or 0) for i in ids], lang)]
    ranked = sorted((c for c in crits if a_rates[c.id] is not None), key=lambda c: (-a_rates[c.id], c.id))
    clean = (lambda s: redact(s, lang)) if redact_pii else (lambda s: s)

    def example(cid: str, status: str) -> str:
        for r in reversed(mine.rows):
            res = r.results.get(cid)
            if res and res.status == status:
                if res.evidence:
                    e = res.evidence[0]
                    return f"#{r.interaction.id} {format_clock(e['start_ms'])} “{_shorten(clean(e['quote']), 110)}”"
                return f"#{r.interaction.id} {clean(res.rationale or '')}"
        return ""

    for key, chosen, status in (("strongest", ranked[:3], "met"), ("weakest", list(reversed(ranked))[:3], "not_met")):
        story.append(_p(t(lang, key), st["h2"]))
        rows = [[t(lang, "criterion"), t(lang, "met"), t(lang, "example")]]
        rows += [[c.title.get(lang, c.id), _pct(a_rates[c.id]), example(c.id, status)] for c in chosen]
        story.append(_table(rows, [45 * mm, 18 * mm, 107 * mm], st))
    story.append(_p(t(lang, "evaluated"), st["h2"]))
    rows = [["#", t(lang, "date"), t(lang, "file"), t(lang, "total"), t(lang, "status")]]
    for r in mine.rows:
        when = r.interaction.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.interaction.occurred_at else "-"
        rows.append([r.interaction.id, when, r.interaction.original_name[:40],
                     "-" if r.evaluation.total is None else f"{r.evaluation.total:.0f}",
                     t(lang, "passed") if r.evaluation.passed else t(lang, "failed")])
    story.append(_table(rows, [12 * mm, 32 * mm, 70 * mm, 20 * mm, 36 * mm], st))
    _doc(out, f"{t(lang, 'agent_report')} {agent}").build(story)


def build_team_report(team: PeriodData, out: Path, lang: str | None = None, date_from=None, date_to=None) -> None:
    _register_fonts()
    st = _styles()
    rubric = team.rubric
    lang = lang or rubric.languages[0]
    crits = [c for c in rubric.criteria if c.scoring == "automatic"]
    ids = [c.id for c in crits]
    story = [_p(t(lang, "team_report"), st["title"]), _p(_period_text(lang, date_from, date_to), st["base"]),
             _p(t(lang, "agent"), st["h2"])]
    by_agent: dict[str, list] = {}
    for r in team.rows:
        by_agent.setdefault(r.agent or "-", []).append(r)
    rows = [[t(lang, "agent"), t(lang, "interactions"), t(lang, "average"), t(lang, "pass_rate"), t(lang, "weakest_criterion")]]
    for name, rs in sorted(by_agent.items()):
        totals = [r.evaluation.total for r in rs if r.evaluation.total is not None]
        passed = [r.evaluation.passed for r in rs if r.evaluation.passed is not None]
        rates = {k: v for k, v in met_rates(rs, ids).items() if v is not None}
        weakest = min(rates, key=lambda k: (rates[k], k)) if rates else None
        rows.append([name, len(rs), f"{sum(totals) / len(totals):.0f}" if totals else "-",
                     _pct(sum(passed) / len(passed) if passed else None),
                     f"{rubric.criterion(weakest).title.get(lang, weakest)} ({_pct(rates[weakest])})" if weakest else "-"])
    story.append(_table(rows, [45 * mm, 25 * mm, 25 * mm, 22 * mm, 53 * mm], st))
    rates = met_rates(team.rows, ids)
    story += [_p(t(lang, "team_rates"), st["h2"]),
              _table([[t(lang, "criterion"), t(lang, "met")]] + [[c.title.get(lang, c.id), _pct(rates[c.id])] for c in crits],
                     [120 * mm, 50 * mm], st)]
    story.append(_p(t(lang, "calibration"), st["h2"]))
    if not team.multi:
        story.append(_p(t(lang, "no_calibration"), st["base"]))
    else:
        rows = [["#", t(lang, "evaluations"), t(lang, "agreement"), t(lang, "differs_on")]]
        for inter, views in team.multi:
            share, differ = agreement(views)
            who = ", ".join(f"{t(lang, 'kind_' + v.evaluation.kind)}{' (' + v.author + ')' if v.author else ''}" for v in views)
            known = {x.id for x in rubric.criteria}
            titles = ", ".join(rubric.criterion(c).title.get(lang, c) if c in known else c for c in differ)
            rows.append([inter.id, who, _pct(share), titles or "-"])
        story.append(_table(rows, [12 * mm, 60 * mm, 25 * mm, 73 * mm], st))
    _doc(out, t(lang, "team_report")).build(story)
