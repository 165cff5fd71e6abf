"""Trends over time: average total and pass rate per week (or per day when the calls span
only a week or two), per agent and for the whole team. Plain data for the dashboard and the
period PDFs, so both draw the same points with the same date labels.

Input is what ``reports.period_data`` gives: one row per interaction with the evaluation that
speaks for it (reports decides which). Buckets are local calendar days and weeks starting on
Monday (ISO 8601; Finnish weeks start on Monday too), so a call at 23:30 counts on its own day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from typing import Iterable

from coach_app.services.reports import EvaluatedInteraction

WEEK, DAY = "week", "day"
#: fewer distinct weeks than this and a weekly trend is one or two points: show days instead
MIN_WEEKS = 3
TEAM = None  # the key of the whole team's series in team_trends()

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TrendPoint:
    start: date  # the bucket's first day: the Monday of the week, or the day
    count: int  # interactions in the bucket
    average: float | None  # mean total (0–100) of those with a total
    pass_rate: float | None  # share (0–1) passed of those with a verdict


def local_day(row: EvaluatedInteraction, tz: tzinfo | None = None) -> date | None:
    when = row.interaction.occurred_at
    return when.astimezone(tz).date() if when is not None else None


def bucket_start(day: date, unit: str) -> date:
    return day - timedelta(days=day.weekday()) if unit == WEEK else day


def choose_unit(rows: Iterable[EvaluatedInteraction], tz: tzinfo | None = None) -> str:
    """Weeks when the calls fall in at least MIN_WEEKS weeks, else days."""
    weeks = {bucket_start(d, WEEK) for d in (local_day(r, tz) for r in rows) if d is not None}
    return WEEK if len(weeks) >= MIN_WEEKS else DAY


def trend(rows: Iterable[EvaluatedInteraction], unit: str = WEEK, tz: tzinfo | None = None) -> list[TrendPoint]:
    """One point per bucket that has calls, in date order; undated calls are left out."""
    groups: dict[date, list[EvaluatedInteraction]] = {}
    for r in rows:
        day = local_day(r, tz)
        if day is not None:
            groups.setdefault(bucket_start(day, unit), []).append(r)
    out = []
    for start in sorted(groups):
        rs = groups[start]
        totals = [r.evaluation.total for r in rs if r.evaluation.total is not None]
        verdicts = [bool(r.evaluation.passed) for r in rs if r.evaluation.passed is not None]
        out.append(TrendPoint(start, len(rs), sum(totals) / len(totals) if totals else None,
                              sum(verdicts) / len(verdicts) if verdicts else None))
    return out


def team_trends(rows: list[EvaluatedInteraction], unit: str = WEEK, tz: tzinfo | None = None
                ) -> dict[str | None, list[TrendPoint]]:
    """The whole team's trend under the key TEAM (None), then each named agent's, by name.
    Calls without an agent count in the team's trend only."""
    out: dict[str | None, list[TrendPoint]] = {TEAM: trend(rows, unit, tz)}
    for name in sorted({r.agent for r in rows if r.agent}):
        out[name] = trend([r for r in rows if r.agent == name], unit, tz)
    return out


def buckets(series: Iterable[list[TrendPoint]]) -> list[date]:
    """Every bucket start that any of the series has, in order: the shared x axis."""
    return sorted({p.start for points in series for p in points})


def date_label(day: date, lang: str) -> str:
    """A short date for an axis: 30.11. in Finnish, Nov 30 in English (no locale needed)."""
    if lang == "fi":
        return f"{day.day}.{day.month}."
    return f"{_MONTHS_EN[day.month - 1]} {day.day}"


def label_steps(days: list[date], most: int = 10) -> list[date]:
    """At most ``most`` of the bucket dates, evenly picked, first and last kept: labels that
    fit side by side under a chart."""
    if len(days) <= most:
        return list(days)
    step = -(-(len(days) - 1) // (most - 1))  # ceil, so that no more than ``most`` remain
    picked = days[::step]
    if picked[-1] != days[-1]:
        picked = (picked[:-1] if len(picked) >= most else picked) + [days[-1]]
    return picked
