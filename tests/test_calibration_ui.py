"""The Calibration page under pytest-qt (offscreen): a session started through the dialog, blind
scoring by two reviewers, the report's agreement and differences in words, an agreed verdict."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTranslator  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from coach_app.services.people import add_person  # noqa: E402
from tests.conftest import app_context  # noqa: E402
from tests.test_workflow import call_variant  # noqa: E402


@pytest.fixture
def ctx(tmp_path, db_url):
    """Ada Admin and Tiina Lead (signed in), on SQLite and on PostgreSQL (tests/conftest.py)."""
    with app_context(tmp_path, db_url) as c:
        yield c


@pytest.fixture
def calls(ctx, tmp_path):  # noqa: F811
    """Two scored calls of Priya Shah's, and a trainer who reviews with the lead."""
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric

    add_person(ctx.engine, "Tara Trainer", "trainer", None, "Ada Admin")
    add_person(ctx.engine, "Priya Shah", "agent", None, "Ada Admin")
    version, rubric = resolve_rubric(ctx.engine, None)
    ids = []
    for n in range(2):
        iid = import_file(ctx.ws, ctx.engine, call_variant(tmp_path, n), agent="Priya Shah").interaction.id
        score_interaction(ctx.engine, iid, version, rubric)
        ids.append(iid)
    return ids


def automatic_criteria(ctx):  # noqa: F811
    from coach_app.services.rubrics import resolve_rubric

    return [c for c in resolve_rubric(ctx.engine, None)[1].criteria if c.scoring == "automatic"]


def as_user(ctx, name: str, role: str) -> None:  # noqa: F811
    ctx.user_name, ctx.user_role = name, role


def refreshed(qtbot, view, action=None):
    """Run ``action`` (default: a refresh) and wait until the sessions and the report are shown."""
    with qtbot.waitSignals([view.loaded, view.report_shown], timeout=20000):
        (action or view.refresh)()


def score_blind(qtbot, view, iid: int, verdicts: dict[str, str]) -> None:
    """The signed-in reviewer opens call ``iid`` in the session and submits ``verdicts`` (else met)."""
    page = view.scoring
    ids = [page.calls.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.calls.count())]
    if page.scorecard is None or page.scorecard.interaction_id != iid:
        with qtbot.waitSignal(page.call_shown, timeout=20000):
            page.calls.setCurrentRow(ids.index(iid))
    card = page.scorecard
    assert card is not None and card.interaction_id == iid
    # blind: every choice starts open, and Submit waits for all of them
    assert all(combo.currentData() is None for combo in card.combos.values())
    assert not card.submit_button.isEnabled()
    for cid in card.combos:
        card.choose(cid, verdicts.get(cid, "met"))
    assert card.submit_button.isEnabled()
    refreshed(qtbot, view, card.submit_button.click)


def test_a_calibration_session_from_the_dialog_to_the_agreed_verdict(qtbot, ctx, calls):  # noqa: F811
    from coach_app.services.calibration import calibration_report
    from coach_app.ui.calibration_dialog import NewSessionDialog
    from coach_app.ui.calibration_view import CalibrationView

    criteria = automatic_criteria(ctx)
    first, second = criteria[0], criteria[1]
    view = CalibrationView(ctx)
    qtbot.addWidget(view)
    refreshed(qtbot, view)
    assert "No calibration sessions yet" in view.message.text()

    # the dialog: scored calls the lead can see, reviewers of the reviewing roles only
    dlg = NewSessionDialog(ctx, view)
    qtbot.addWidget(dlg)
    if dlg.calls.count() == 0 or dlg.calls.item(0).data(Qt.ItemDataRole.UserRole) is None:
        qtbot.waitSignal(dlg.loaded, timeout=20000).wait()
    assert dlg.calls.count() == 2 and all("Priya Shah" in dlg.calls.item(i).text() for i in range(2))
    assert "call-0.json" in " ".join(dlg.calls.item(i).text() for i in range(2))
    names = [dlg.reviewers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.reviewers.count())]
    assert names == ["Ada Admin", "Tara Trainer", "Tiina Lead"]  # no agent
    assert "(Trainer)" in dlg.reviewers.item(1).text()
    dlg.calls.selectAll()
    dlg.title.setText("November calibration")
    dlg.start()  # only the lead, checked by default
    assert dlg.error.text() == "Pick at least two reviewers." and dlg.session is None
    dlg.reviewers.item(1).setCheckState(Qt.CheckState.Checked)
    dlg.start()
    assert dlg.session is not None and dlg.result() == dlg.DialogCode.Accepted
    sid = dlg.session.id

    refreshed(qtbot, view)
    assert [view.table.item(0, c).text() for c in range(4)] == ["November calibration", "Tiina Lead", "0 of 4",
                                                                "2 of 2"]
    assert view.tabs.currentWidget() is view.scoring
    # the owner may read the report at once; nothing is paired yet
    assert "0 of 4 reviews submitted" in view.report.summary.text()
    assert "No call has been scored by two reviewers yet." in view.report.summary.text()

    qtbot.waitUntil(lambda: view.scoring.scorecard is not None, timeout=20000)
    card = view.scoring.scorecard
    titles = [w.text() for w in card.findChildren(QLabel)]
    assert f"<b>{first.title['en']}</b>" in titles  # the rubric's titles, never the ids
    assert not any(first.id == t for t in titles)
    score_blind(qtbot, view, calls[0], {})
    assert view.table.item(0, 3).text() == "1 of 2"
    score_blind(qtbot, view, calls[1], {second.id: "not_met"})
    assert view.table.item(0, 3).text() == "all done" and view.table.item(0, 2).text() == "2 of 4"

    # the trainer: the report stays closed until she has scored both calls
    as_user(ctx, "Tara Trainer", "trainer")
    refreshed(qtbot, view)
    assert view.table.item(0, 3).text() == "2 of 2"
    assert view.report.report is None and "once you have submitted" in view.report.summary.text()
    score_blind(qtbot, view, calls[0], {first.id: "na"})
    assert view.report.report is None  # one call still open
    score_blind(qtbot, view, calls[1], {second.id: "not_met"})
    assert view.report.report is not None and view.tabs.currentWidget() is view.report
    assert "You have scored every call" in view.scoring.message.text()

    panel = view.report
    n = len(criteria)
    expected_overall = round(100 * (2 * n - 1) / (2 * n), 1)
    assert f"Agreement {expected_overall:g}%" in panel.summary.text()
    rows = {panel.criteria.item(r, 0).text(): [panel.criteria.item(r, c).text() for c in (1, 2, 3)]
            for r in range(panel.criteria.rowCount())}
    assert rows[first.title["en"]] == ["50%", "0.00", "2"]  # met/n/a on one call, met/met on the other
    assert rows[second.title["en"]] == ["100%", "1.00", "2"]  # both reviewers: met, then not met
    assert rows[criteria[2].title["en"]] == ["100%", "–", "2"]  # always met: kappa is undefined
    assert panel.differences.rowCount() == 1
    headers = [panel.differences.horizontalHeaderItem(c).text() for c in range(panel.differences.columnCount())]
    assert headers == ["Call", "Criterion", "Tara Trainer", "Tiina Lead", "Agreed"]
    cells = [panel.differences.item(0, c).text() for c in range(5)]
    assert cells[0].startswith(f"#{calls[0]} · Priya Shah")
    assert cells[1:] == [first.title["en"], "n/a", "met", "–"]
    assert not panel.record_button.isVisibleTo(view)  # only the owner records agreed verdicts

    # the owner records the agreed verdict
    as_user(ctx, "Tiina Lead", "team_lead")
    view.show()
    refreshed(qtbot, view)
    assert panel.record_button.isVisible() and panel.record_button.isEnabled()
    panel.agreed.setCurrentIndex(panel.agreed.findData("na"))
    panel.note.setText("No offer was possible on this call")
    with qtbot.waitSignal(view.report_shown, timeout=20000):
        panel.record_button.click()
    assert panel.differences.item(0, 4).text() == "n/a — No offer was possible on this call"  # with the note
    d = calibration_report(ctx.engine, sid, "Tiina Lead")["differences"][0]
    assert (d["interaction"], d["criterion"], d["agreed"]) == (calls[0], first.id, "na")


def test_the_dialog_shows_a_refusal_in_one_line(qtbot, ctx, calls):  # noqa: F811
    from coach_app.ui.calibration_dialog import NewSessionDialog

    dlg = NewSessionDialog(ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.reviewers.count() == 3, timeout=20000)
    dlg.calls.selectAll()
    dlg.reviewers.item(1).setCheckState(Qt.CheckState.Checked)
    add_person(ctx.engine, "Tiina Lead", "agent", None, "Ada Admin")  # demoted meanwhile: the service refuses
    dlg.start()
    assert dlg.session is None and not dlg.error.isHidden()
    assert "(Tiina Lead: agent)" in dlg.error.text() and "\n" not in dlg.error.text()


def test_agents_have_no_calibration_page(qtbot, ctx, calls):  # noqa: F811
    from coach_app.ui.calibration_view import CalibrationView
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx, transcriber_factory=lambda: None)
    qtbot.addWidget(window)
    assert window.calibration_action.isVisible()
    window.calibration_action.trigger()
    assert isinstance(window.stack.currentWidget(), CalibrationView)
    as_user(ctx, "Priya Shah", "agent")
    view = CalibrationView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.message.text() == "Calibration sessions are for team leads, trainers and admins."
    assert view.split.isHidden() and view.new_button.isHidden()
    next(a.menu() for a in window.menuBar().actions() if a.text() == "&View").aboutToShow.emit()
    assert not window.calibration_action.isVisible()


def test_numbers_follow_the_ui_language(qtbot):
    from PySide6.QtCore import QCoreApplication

    from coach_app.ui.app import I18N_DIR
    from coach_app.ui.calibration_report import kappa_text, percent_text, ui_language

    assert (ui_language(), percent_text(0.625), kappa_text(0.6234), kappa_text(None)) == ("en", "62.5%", "0.62", "–")
    translator = QTranslator()
    assert translator.load("coach_fi", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        assert (ui_language(), percent_text(0.625), percent_text(1.0), kappa_text(0.6234)) == ("fi", "62,5 %", "100 %",
                                                                                              "0,62")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_blind_choices_are_saved_as_they_are_made(qtbot, ctx, calls):  # noqa: F811
    """A reviewer who closes the app half-way finds their choices again; nobody else sees them."""
    from coach_app.services.calibration import start_calibration
    from coach_app.services.reviews import visible_evaluations
    from coach_app.ui.calibration_scoring import saved_choices
    from coach_app.ui.calibration_view import CalibrationView

    cs = start_calibration(ctx.engine, calls, ["Tiina Lead", "Tara Trainer"], "Tiina Lead")
    cid = automatic_criteria(ctx)[0].id
    view = CalibrationView(ctx)
    qtbot.addWidget(view)
    refreshed(qtbot, view)
    qtbot.waitUntil(lambda: view.scoring.scorecard is not None, timeout=20000)
    card = view.scoring.scorecard
    card.choose(cid, "not_met")
    assert saved_choices(ctx.engine, card.interaction_id, cs.id, "Tiina Lead") == {cid: "not_met"}
    assert all(e.kind != "calibration" for e in visible_evaluations(ctx.engine, card.interaction_id, "Tara Trainer"))
    later = CalibrationView(ctx)  # the app started again: no drafts in memory
    qtbot.addWidget(later)
    refreshed(qtbot, later)
    qtbot.waitUntil(lambda: later.scoring.scorecard is not None, timeout=20000)
    assert later.scoring.scorecard.combos[cid].currentData() == "not_met"
    assert later.scoring.scorecard.open_count() == len(card.combos) - 1
