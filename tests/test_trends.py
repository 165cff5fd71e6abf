"""Weekly (or daily) trends of average total and pass rate, per agent and for the team."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from coach_app.db.models import Evaluation, Interaction
from coach_app.services.reports import EvaluatedInteraction
from coach_app.services.trends import (
    DAY, TEAM, WEEK, TrendPoint, buckets, choose_unit, date_label, label_steps, team_trends, trend,
)

UTC = timezone.utc
HELSINKI_WINTER = timezone(timedelta(hours=2))


def row(when, total, passed, agent="Aino") -> EvaluatedInteraction:
    inter = Interaction(kind="text", sha256="0" * 64, original_name="c.json", occurred_at=when)
    return EvaluatedInteraction(inter, agent, Evaluation(interaction_id=1, rubric_version_id=1, kind="automatic",
                                                         total=total, passed=passed), {})


def test_weeks_start_on_monday_and_average_total_and_pass_rate():
    rows = [row(datetime(2026, 11, 30, 9, tzinfo=UTC), 80, True),    # Monday
            row(datetime(2026, 12, 6, 20, tzinfo=UTC), 60, False),   # Sunday of the same week
            row(datetime(2026, 12, 7, 8, tzinfo=UTC), 90, True),     # the next Monday
            row(datetime(2026, 12, 8, 8, tzinfo=UTC), None, None),   # not scored to a total: counted only
            row(None, 10, False)]                                    # undated: in no bucket
    assert trend(rows, WEEK, UTC) == [TrendPoint(date(2026, 11, 30), 2, 70.0, 0.5),
                                      TrendPoint(date(2026, 12, 7), 2, 90.0, 1.0)]
    assert [p.start for p in trend(rows, DAY, UTC)] == [date(2026, 11, 30), date(2026, 12, 6), date(2026, 12, 7),
                                                        date(2026, 12, 8)]


def test_buckets_are_local_days():
    late = row(datetime(2026, 12, 6, 22, 30, tzinfo=UTC), 50, False)  # Sunday 22:30 UTC = Monday 00:30 in Helsinki
    assert trend([late], WEEK, UTC)[0].start == date(2026, 11, 30)
    assert trend([late], WEEK, HELSINKI_WINTER)[0].start == date(2026, 12, 7)


def test_team_and_each_agent_have_their_own_series():
    rows = [row(datetime(2026, 11, 30, tzinfo=UTC), 80, True, "Aino"),
            row(datetime(2026, 12, 1, tzinfo=UTC), 40, False, "Kelly"),
            row(datetime(2026, 12, 9, tzinfo=UTC), 100, True, "Kelly"),
            row(datetime(2026, 12, 9, tzinfo=UTC), 70, True, None)]  # no agent: the team's only
    out = team_trends(rows, WEEK, UTC)
    assert list(out) == [TEAM, "Aino", "Kelly"]
    assert [(p.start.day, p.count, p.average, p.pass_rate) for p in out[TEAM]] == [(30, 2, 60.0, 0.5), (7, 2, 85.0, 1.0)]
    assert [(p.average, p.pass_rate) for p in out["Kelly"]] == [(40.0, 0.0), (100.0, 1.0)]
    assert [p.start for p in out["Aino"]] == [date(2026, 11, 30)]
    assert buckets(out.values()) == [date(2026, 11, 30), date(2026, 12, 7)]


def test_days_when_the_calls_span_fewer_than_three_weeks():
    two_weeks = [row(datetime(2026, 11, 30, tzinfo=UTC), 1, True), row(datetime(2026, 12, 8, tzinfo=UTC), 1, True)]
    assert choose_unit(two_weeks, UTC) == DAY
    three = two_weeks + [row(datetime(2026, 12, 14, tzinfo=UTC), 1, True)]
    assert choose_unit(three, UTC) == WEEK
    assert choose_unit([], UTC) == DAY


def test_date_labels_in_both_languages():
    assert date_label(date(2026, 11, 30), "fi") == "30.11."
    assert date_label(date(2026, 11, 30), "en") == "Nov 30"
    assert date_label(date(2027, 1, 4), "en") == "Jan 4" and date_label(date(2027, 1, 4), "fi") == "4.1."


def test_label_steps_keep_first_and_last_and_fit():
    weeks = [date(2026, 1, 5) + timedelta(weeks=i) for i in range(52)]
    for most in (2, 5, 10, 12):
        picked = label_steps(weeks, most)
        assert picked[0] == weeks[0] and picked[-1] == weeks[-1] and len(picked) <= most
        assert picked == sorted(set(picked))
    assert label_steps(weeks[:4]) == weeks[:4]


def test_the_evaluation_that_speaks_for_a_call_is_the_reports_choice(tmp_path):
    """A lead's submitted review wins over the automatic score in the trend, as in period reports."""
    from sqlmodel import Session, select

    from coach_app.config import Workspace
    from coach_app.db.engine import open_database
    from coach_app.db.models import Person
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.reports import period_data
    from coach_app.services.rubrics import resolve_rubric
    from tests.conftest import DATA

    ws = Workspace(tmp_path / "ws", f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    version, rubric = resolve_rubric(engine, None)
    for day, f in zip((30, 1), sorted((DATA / "scoring").glob("own-en-00[12].json"))):  # Nov 30, Dec 1: one week
        inter = import_file(ws, engine, f, agent="Priya Shah",
                            occurred_at=datetime(2026, 11 if day == 30 else 12, day, 9, tzinfo=UTC)).interaction
        score_interaction(engine, inter.id, version, rubric)
    with Session(engine) as s:
        lead = Person(name="Tiina Lead", role="team_lead")
        s.add(lead)
        s.flush()
        auto = s.exec(select(Evaluation).where(Evaluation.interaction_id == 1)).one()
        s.add(Evaluation(interaction_id=1, rubric_version_id=auto.rubric_version_id, kind="lead", author_id=lead.id,
                         total=12.0, passed=False, submitted_at=datetime(2026, 12, 2, tzinfo=UTC)))
        s.commit()
        other = s.exec(select(Evaluation).where(Evaluation.interaction_id == 2)).one()
    point = trend(period_data(engine).rows, WEEK, UTC)
    engine.dispose()
    assert len(point) == 1 and point[0].count == 2
    assert point[0].average == (12.0 + other.total) / 2
    assert point[0].pass_rate == (0 + bool(other.passed)) / 2


def test_the_period_pdfs_trend_axes_read_dates(tmp_path):
    """Weekly points labelled with the weeks' Mondays (Nov 2 / 2.11.), a line per agent and the team."""
    import shutil
    import subprocess

    from coach_app.config import Workspace
    from coach_app.db.engine import open_database
    from coach_app.export.pdf_period import build_agent_report, build_team_report
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.reports import period_data
    from coach_app.services.rubrics import resolve_rubric
    from tests.conftest import DATA

    ws = Workspace(tmp_path / "ws", f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    version, rubric = resolve_rubric(engine, None)
    src = (DATA / "scoring" / "own-en-001.json").read_text("utf-8")
    for week in range(4):  # Mondays Nov 2 … Nov 23, noon UTC: the same local day in any zone -11…+11
        for agent in ("Kelly Smith", "Aino Ääkkönen"):
            f = tmp_path / f"{week}-{agent[0]}.json"
            f.write_text(_variant_text(src, f"{week}{agent[0]}"), "utf-8")
            inter = import_file(ws, engine, f, agent=agent,
                                occurred_at=datetime(2026, 11, 2, 12, tzinfo=UTC) + timedelta(weeks=week)).interaction
            score_interaction(engine, inter.id, version, rubric)
    team = period_data(engine)
    kelly = period_data(engine, agent="Kelly Smith")
    engine.dispose()
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (Debian: poppler-utils) is needed to read the PDFs back"

    def text(path):
        return subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout

    build_agent_report("Kelly Smith", kelly, team, tmp_path / "a.pdf", "en")
    out = text(tmp_path / "a.pdf")
    assert re.search(r"Nov 2\s+Nov 9\s+Nov 16\s+Nov 23", out), out
    assert "days from" not in out and "Average total per week" in out
    build_team_report(team, tmp_path / "t.pdf", "fi")
    out = text(tmp_path / "t.pdf")
    assert len(re.findall(r"2\.11\.\s+9\.11\.\s+16\.11\.\s+23\.11\.", out)) == 2, out  # totals and pass rate
    assert "Koko tiimi" in out and "Hyväksyttyjen osuus viikoittain" in out


def _variant_text(src: str, tag: str) -> str:
    import json

    data = json.loads(src)
    data["segments"][-1]["text"] += f" ({tag})"  # different content: a different interaction
    return json.dumps(data, ensure_ascii=False)
