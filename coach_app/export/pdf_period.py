"""Agent period report and team report (reportlab)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from coach_app.core.redaction import redact
from coach_app.core.transcript import format_clock
from coach_app.export.pdf import AGENT_C, BOLD, CUST_C, FONT, INK, _p, _register_fonts, _shorten, _styles
from coach_app.export.strings import t
from coach_app.services.reports import PeriodData, agreement, met_rates
from coach_app.services.trends import TEAM, WEEK, TrendPoint, buckets, choose_unit, date_label, label_steps, team_trends, trend


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.0%}"


def _table(rows, widths, st) -> Table:
    tbl = Table([[_p(str(c), st["cell"]) for c in row] for row in rows], colWidths=widths, repeatRows=1)
    tbl.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, 0), BOLD)]))
    return tbl


#: colours of the agents' lines in the team report's trend (the team's is INK, thicker)
LINE_COLOURS = [AGENT_C, CUST_C, colors.HexColor("#3f9c35"), colors.HexColor("#b42318"), colors.HexColor("#7a4fb5"),
                colors.HexColor("#0f8b8d"), colors.HexColor("#c2497a"), colors.HexColor("#8a6d1f")]


def trend_chart(lines: list[tuple[str, list[TrendPoint], object, float]], value, unit: str, lang: str,
                width=170 * mm, height=58 * mm) -> Drawing:
    """``value(point)`` (0–100) of each (name, points, colour, width) line against the buckets'
    dates: x is days since the first bucket, labelled with the dates of the buckets themselves
    (at most ten), never a count of days nor one repeated time."""
    d = Drawing(width, height)
    days = buckets(points for _, points, _, _ in lines)
    first = days[0]
    data = [[((p.start - first).days, value(p)) for p in points if value(p) is not None] for _, points, _, _ in lines]
    kept = [(line, pts) for line, pts in zip(lines, data) if pts]
    lp = LinePlot()
    lp.x, lp.y, lp.width, lp.height = 30, 18, width - 45, height - 40
    lp.data = [pts for _, pts in kept]
    for i, ((_, _, colour, stroke), pts) in enumerate(kept):
        lp.lines[i].strokeColor, lp.lines[i].strokeWidth = colour, stroke
        lp.lines[i].symbol = makeMarker("FilledCircle", size=2 + stroke)
        lp.lines[i].symbol.fillColor = lp.lines[i].symbol.strokeColor = colour
    pad = 3.5 if unit == WEEK else 0.5  # half a bucket either side, so a lone point sits in the middle
    span = (days[-1] - first).days
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = -pad, span + pad
    lp.xValueAxis.valueSteps = [(day - first).days for day in label_steps(days)]
    lp.xValueAxis.labelTextFormat = lambda x: date_label(first + timedelta(days=round(x)), lang)
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax, lp.yValueAxis.valueStep = 0, 100, 20
    for axis in (lp.xValueAxis, lp.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize = FONT, 7
    d.add(lp)
    x = 30
    for name, _, colour, _ in lines:  # the legend, on one line above the plot
        label = f"■ {name}"
        d.add(String(x, height - 10, label, fontName=FONT, fontSize=7, fillColor=colour))
        x += stringWidth(label, FONT, 7) + 12
    return d


def _trend_story(lines, unit: str, lang: str, st, pass_rate: bool = False) -> list:
    """Each chart under a line saying what it shows and what a point is."""
    weekly = unit == WEEK
    out = [_p(t(lang, "trend_week" if weekly else "trend_day"), st["small"]), trend_chart(lines, _average, unit, lang)]
    if pass_rate:
        out += [_p(t(lang, "pass_week" if weekly else "pass_day"), st["small"]), trend_chart(lines, _pass_percent, unit, lang)]
    return out


def _average(p: TrendPoint):
    return p.average


def _pass_percent(p: TrendPoint):
    return None if p.pass_rate is None else 100 * p.pass_rate


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
    unit = choose_unit(mine.rows)
    points = trend(mine.rows, unit)
    if any(p.average is not None for p in points):  # the agent against the team, on the same buckets
        story += [_p(t(lang, "trend"), st["h2"]),
                  *_trend_story([(agent, points, AGENT_C, 1.8), (t(lang, "team_avg"), trend(team.rows, unit), CUST_C, 1.0)],
                                unit, lang, st)]
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
    rows = [[t(lang, "agent"), t(lang, "interactions"), t(lang, "reviewed"), t(lang, "average"), t(lang, "pass_rate"),
             t(lang, "weakest_criterion")]]
    for name, rs in sorted(by_agent.items()):
        done, total = team.coverage.get(name, (0, len(rs)))
        totals = [r.evaluation.total for r in rs if r.evaluation.total is not None]
        passed = [r.evaluation.passed for r in rs if r.evaluation.passed is not None]
        rates = {k: v for k, v in met_rates(rs, ids).items() if v is not None}
        weakest = min(rates, key=lambda k: (rates[k], k)) if rates else None
        rows.append([name, len(rs), f"{done}/{total} ({_pct(done / total if total else None)})",
                     f"{sum(totals) / len(totals):.0f}" if totals else "-",
                     _pct(sum(passed) / len(passed) if passed else None),
                     f"{rubric.criterion(weakest).title.get(lang, weakest)} ({_pct(rates[weakest])})" if weakest else "-"])
    story.append(_table(rows, [40 * mm, 20 * mm, 27 * mm, 20 * mm, 20 * mm, 43 * mm], st))
    unit = choose_unit(team.rows)
    series = team_trends(team.rows, unit)
    if any(p.average is not None for p in series[TEAM]):
        lines = [(t(lang, "whole_team"), series[TEAM], INK, 2.0)]
        lines += [(name, pts, LINE_COLOURS[i % len(LINE_COLOURS)], 1.0)
                  for i, (name, pts) in enumerate((n, p) for n, p in series.items() if n is not TEAM)]
        story += [_p(t(lang, "trend"), st["h2"]), *_trend_story(lines, unit, lang, st, pass_rate=True)]
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
