"""The dashboard's trends on real dates (team page for leads), the import dialog's call date,
and changing a call's date from the review."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta, timezone  # noqa: E402

import pytest  # noqa: E402

from tests.conftest import DATA, FakeTranscriber, app_context  # noqa: E402

OWN = DATA / "scoring"
MONDAY = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)  # local dates are the same in any zone -10…+13


@pytest.fixture
def ctx(tmp_path):
    with app_context(tmp_path) as c:  # Ada Admin and Tiina Lead (signed in): roles live in the database
        yield c


def _variant(src, tmp_path, n):
    data = json.loads(src.read_text("utf-8"))
    data["segments"][-1]["text"] += f" ({n})"  # different content: a different interaction
    out = tmp_path / f"{src.stem}-{n}.json"
    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return out


@pytest.fixture
def four_weeks(ctx, tmp_path):
    """Two agents, a call each in each of four weeks (Mondays, Nov 2 – Nov 23)."""
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric

    from sqlmodel import Session

    from coach_app.services.people import get_or_create_person

    with Session(ctx.engine) as s:  # the app's user is a lead of this workspace
        get_or_create_person(s, ctx.user_name, "team_lead")
        s.commit()
    version, rubric = resolve_rubric(ctx.engine, None)
    for week in range(4):
        for agent, f in (("Priya Shah", OWN / "own-en-001.json"), ("Kelly Smith", OWN / "own-en-002.json")):
            inter = import_file(ctx.ws, ctx.engine, _variant(f, tmp_path, week), agent=agent,
                                occurred_at=MONDAY + timedelta(weeks=week, hours=week)).interaction
            score_interaction(ctx.engine, inter.id, version, rubric)


def _axis_labels(chart):
    return list(chart.axes()[0].categoriesLabels())


def test_dashboard_team_trends_on_week_dates(qtbot, ctx, four_weeks):
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
    qtbot.addWidget(window)
    window.show_dashboard()
    dash = window.dashboard
    assert dash.tabs.isTabVisible(1)
    team = dash.team_view
    names = [s.name() for s in team.totals.chart().series()]
    assert names == ["Whole team", "Kelly Smith", "Priya Shah"]
    assert all(s.count() == 4 for s in team.totals.chart().series())  # one point per week
    assert _axis_labels(team.totals.chart()) == ["Nov 2", "Nov 9", "Nov 16", "Nov 23"]
    assert [s.at(i).x() for s in team.passes.chart().series()[:1] for i in range(4)] == [0, 7, 14, 21]
    passes = [s.at(i).y() for s in team.passes.chart().series() for i in range(s.count())]
    assert all(0 <= y <= 100 for y in passes)
    # the agent page's trend: the same dates, not one time of day repeated under every tick
    dash.agent.setCurrentText("Priya Shah")
    assert _axis_labels(dash.trend.chart()) == ["Nov 2", "Nov 9", "Nov 16", "Nov 23"]
    assert [s.name() for s in dash.trend.chart().series()] == ["Priya Shah", "Team"]


def test_an_agent_sees_only_themselves(qtbot, ctx, four_weeks):
    from coach_app.ui.main_window import MainWindow

    from coach_app.services.queries import library_rows
    from coach_app.services.reviews import review

    mine = [r.id for r in library_rows(ctx.engine, agent="Kelly Smith")]
    for iid in mine[1:]:  # blind: a call she has not self-assessed shows her no verdict, on no chart either
        review(ctx.engine, iid, "Kelly Smith", "self", skip=True)
    ctx.user_name, ctx.user_role = "Kelly Smith", "agent"
    window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
    qtbot.addWidget(window)
    window.show_dashboard()
    dash = window.dashboard
    assert [dash.agent.itemText(i) for i in range(dash.agent.count())] == ["Kelly Smith"]
    assert not dash.tabs.isTabVisible(1) and dash.team_view.series == {}
    assert {r.interaction.id for r in dash.team.rows} == set(mine[1:])


def test_calls_of_one_week_are_shown_per_day(qtbot, ctx, tmp_path):
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric
    from coach_app.ui.dashboard_view import DashboardView

    version, rubric = resolve_rubric(ctx.engine, None)
    for day in (0, 0, 2):
        f = _variant(OWN / "own-fi-001.json", tmp_path, f"{day}-{len(list(tmp_path.glob('*.json')))}")
        iid = import_file(ctx.ws, ctx.engine, f, agent="Aino", occurred_at=MONDAY + timedelta(days=day)).interaction.id
        score_interaction(ctx.engine, iid, version, rubric)
    dash = DashboardView(ctx)
    qtbot.addWidget(dash)
    dash.refresh()
    chart = dash.team_view.totals.chart()
    assert chart.title() == "Average total per day"
    assert _axis_labels(chart) == ["Nov 2", "Nov 4"] and chart.series()[0].count() == 2


def _accept_with(monkeypatch, cls, fill):
    """What the user does in a dialog that ``exec`` would show: ``fill`` it, press OK."""
    from PySide6.QtWidgets import QDialog

    def exec_(self):
        fill(self)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", exec_)


def _import_one(qtbot, window, path):
    jobs = window.import_paths([str(path)])
    done = []
    jobs[0].signals.finished.connect(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    from sqlmodel import Session, select

    from coach_app.db.models import Interaction

    with Session(window.ctx.engine) as s:
        return s.exec(select(Interaction).where(Interaction.original_name == path.name)).one()


def test_the_import_dialog_sets_the_call_date(qtbot, ctx, tmp_path, monkeypatch):
    from PySide6.QtCore import QDateTime

    from coach_app.ui.import_dialog import CallDateField
    from coach_app.ui.main_window import ImportOptionsDialog, MainWindow

    window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
    qtbot.addWidget(window)
    f = _variant(OWN / "own-en-001.json", tmp_path, "dated")
    os.utime(f, (1_780_000_000, 1_780_000_000))  # the file's own time: 2026-05-28 20:26:40 UTC
    seen = {}

    def fill(dlg):
        field = dlg.findChild(CallDateField)
        seen["default"] = (field.value(), field.when.dateTime().toSecsSinceEpoch())
        dlg.agent.setCurrentText("Priya Shah")
        field.when.setDateTime(QDateTime.fromSecsSinceEpoch(1_790_000_000))  # editing it chooses "this date"

    _accept_with(monkeypatch, ImportOptionsDialog, fill)
    inter = _import_one(qtbot, window, f)
    assert seen["default"] == (None, 1_780_000_000)  # by default each file keeps its own time, shown here
    assert inter.occurred_at == datetime.fromtimestamp(1_790_000_000, timezone.utc)

    _accept_with(monkeypatch, ImportOptionsDialog, lambda dlg: dlg.agent.setCurrentText("Priya Shah"))
    inter = _import_one(qtbot, window, _variant(f, tmp_path, "own-time"))
    assert inter.occurred_at.timestamp() == pytest.approx((tmp_path / "own-en-001-dated-own-time.json").stat().st_mtime, abs=1e-3)


def test_change_date_from_the_review(qtbot, ctx, four_weeks, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from sqlmodel import Session, select

    from coach_app.db.models import AuditEvent, Interaction
    from coach_app.ui.date_dialog import CallDateDialog, to_qt
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
    qtbot.addWidget(window)
    window.open_review(1)
    first = window.review
    assert first.date_button.isVisibleTo(first) and "2026-11-02" in first.title.text()
    new = datetime(2026, 10, 20, 15, 30).astimezone()
    _accept_with(monkeypatch, CallDateDialog, lambda dlg: dlg.edit.setDateTime(to_qt(new)))
    first.date_button.click()
    assert window.review is not first and "2026-10-20 15:30" in window.review.title.text()  # reopened on it
    with Session(ctx.engine) as s:
        assert s.get(Interaction, 1).occurred_at == new
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "set_occurred_at")).one()
        assert ev.entity_id == 1 and ev.actor_id is not None
    # the service's refusal is one line in a message box, and nothing changes
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warnings.append(text))
    ctx.user_name = "Kelly Smith"  # an agent of this workspace, though the app was told "team lead"
    _accept_with(monkeypatch, CallDateDialog, lambda dlg: dlg.edit.setDateTime(to_qt(datetime(2026, 9, 1).astimezone())))
    window.review.date_button.click()
    # the call is Priya's: to another agent it does not exist (the services' rule, whatever the app was told)
    assert warnings == ["There is no call 1."]
    with Session(ctx.engine) as s:
        assert s.get(Interaction, 1).occurred_at == new
    # agents are not offered the button
    ctx.user_role = "agent"
    window.open_review(2)
    assert not window.review.date_button.isVisibleTo(window.review)


def test_the_date_editor_cannot_go_into_the_future(qtbot):
    from coach_app.ui.date_dialog import CallDateDialog, to_qt

    dlg = CallDateDialog(datetime(2026, 11, 2, tzinfo=timezone.utc))
    qtbot.addWidget(dlg)
    dlg.edit.setDateTime(to_qt(datetime.now(timezone.utc) + timedelta(days=400)))
    assert dlg.value() <= datetime.now(timezone.utc) + timedelta(minutes=6)
    dlg.edit.setDateTime(to_qt(datetime(1970, 1, 1, tzinfo=timezone.utc)))
    assert dlg.value().year == 1990
