"""Disputes and the review queue in the app (pytest-qt, offscreen): the agent disputes a verdict
from the scorecard and skips a self-assessment, the lead answers on the Disputes page (the
verdict changes), the library's badges and "not yet reviewed" filter, and the review queue with
sampling."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timedelta, timezone  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QLabel, QMessageBox  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from coach_app.db.models import CriterionResult  # noqa: E402
from coach_app.services.disputes import list_disputes, open_dispute  # noqa: E402
from coach_app.services.evaluations import score_interaction  # noqa: E402
from coach_app.services.importer import import_file  # noqa: E402
from coach_app.services.reviews import Change, review  # noqa: E402
from coach_app.services.rubrics import resolve_rubric  # noqa: E402
from tests.conftest import app_context  # noqa: E402
from tests.test_workflow import call_variant  # noqa: E402

DAY0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def ctx(tmp_path, db_url):
    """A lead of team North signed in; Priya (North) has three scored calls, Kelly (North) two.
    On SQLite and on PostgreSQL (db_url, tests/conftest.py)."""
    people = (("Ada Admin", "admin", None), ("Tiina Lead", "team_lead", "North"), ("Priya Shah", "agent", "North"),
              ("Kelly Agent", "agent", "North"))
    with app_context(tmp_path, db_url, people) as c:
        version, rubric = resolve_rubric(c.engine, None)
        c.calls = {}
        for n, agent in enumerate(["Priya Shah"] * 3 + ["Kelly Agent"] * 2):
            iid = import_file(c.ws, c.engine, call_variant(tmp_path, n), agent=agent,
                              occurred_at=DAY0 + timedelta(days=n)).interaction.id
            score_interaction(c.engine, iid, version, rubric)
            c.calls.setdefault(agent, []).append(iid)
        yield c
        c.io_pool.waitForDone(30000)


def _lead_review(ctx, iid, **statuses):
    changes = [Change(cid, status=s) for cid, s in statuses.items()]
    return review(ctx.engine, iid, "Tiina Lead", "lead", changes, reason="Checked on the recording", submit=True)


def _panel(qtbot, ctx, iid):
    from coach_app.services.queries import interaction_with_transcript
    from coach_app.ui.scorecard_panel import ScorecardPanel

    inter, _, _ = interaction_with_transcript(ctx.engine, iid)
    panel = ScorecardPanel(ctx, inter)
    qtbot.addWidget(panel)
    return panel


def _texts(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel))


def _status(engine, evaluation_id, cid):
    with Session(engine) as s:
        return s.exec(select(CriterionResult.status).where(CriterionResult.evaluation_id == evaluation_id,
                                                           CriterionResult.criterion_id == cid)).one()


def test_the_agent_skips_the_self_assessment_and_then_reads_the_leads_review(qtbot, ctx, monkeypatch):
    iid = ctx.calls["Priya Shah"][0]
    _lead_review(ctx, iid, gratitude="not_met")
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    panel = _panel(qtbot, ctx, iid)
    assert not panel.skip_button.isHidden() and not panel.submit_button.isHidden()
    assert all(c.currentIndex() == 0 for c in panel.combos.values())  # blind until skipped
    assert not panel.dispute_buttons  # nothing to dispute before the self-assessment is done
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    panel.skip_button.click()
    assert not panel.skip_button.isHidden() and not panel.self_done  # not confirmed: nothing skipped
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.skip_button.click()
    assert panel.self_done and panel.skip_button.isHidden() and panel.submit_button.isHidden()
    assert panel.combos["gratitude"].currentText() == "not met"  # the lead's verdicts, read-only
    assert not panel.combos["gratitude"].isEnabled()
    assert "lead review" in panel.header.text()


def test_the_submit_button_goes_once_the_self_assessment_is_submitted(qtbot, ctx):
    iid = ctx.calls["Priya Shah"][1]
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    panel = _panel(qtbot, ctx, iid)
    for cid in [c.id for c in panel.rubric.criteria if c.scoring == "automatic"]:
        combo = panel.combos[cid]
        combo.setCurrentIndex(1)
        qtbot.waitUntil(lambda: panel.combos[cid] is not combo)
    panel.submit_button.click()
    assert panel.self_done and panel.submit_button.isHidden() and panel.skip_button.isHidden()
    assert not panel.dispute_buttons  # no lead review yet: nothing to dispute


def test_the_agent_disputes_a_verdict_and_the_lead_accepts_it_on_the_disputes_page(qtbot, ctx, monkeypatch):
    from coach_app.ui import dispute_dialog
    from coach_app.ui.dispute_dialog import DisputeDialog
    from coach_app.ui.disputes_view import DisputesView
    from PySide6.QtWidgets import QDialogButtonBox

    iid = ctx.calls["Priya Shah"][0]
    lead = _lead_review(ctx, iid, gratitude="not_met")
    review(ctx.engine, iid, "Priya Shah", "self", skip=True)
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    panel = _panel(qtbot, ctx, iid)
    assert set(panel.dispute_buttons) == {c.id for c in panel.rubric.criteria}
    # the dialog: the verdict in words, the lead's one not offered, OK only with a reason
    dlg = DisputeDialog(panel.criterion_title("gratitude"), "not_met")
    qtbot.addWidget(dlg)
    assert f"“{panel.criterion_title('gratitude')}” as not met" in dlg.question.text()
    assert [dlg.want.itemText(i) for i in range(dlg.want.count())] == ["met", "n/a"]
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.text_edit.setPlainText("  ")
    assert not ok.isEnabled()
    dlg.text_edit.setPlainText("I thanked her at 0:50")
    assert ok.isEnabled() and dlg.wanted() == "met"
    asked = []

    def ask(parent, title, current):
        asked.append((title, current))
        return "met", "I thanked her for waiting at 0:50"

    monkeypatch.setattr(dispute_dialog, "ask_dispute", ask)
    panel.dispute_buttons["gratitude"].click()
    assert asked == [(panel.criterion_title("gratitude"), "not_met")] and "gratitude" != asked[0][0]
    qtbot.waitUntil(lambda: "gratitude" not in panel.dispute_buttons)  # one open dispute per criterion
    assert "You disputed this (not met → met): I thanked her for waiting at 0:50" in _texts(panel)
    assert "Waiting for the lead's answer." in _texts(panel)
    [d] = list_disputes(ctx.engine, interaction_id=iid)
    assert (d.status, d.wanted_status, d.from_status) == ("open", "met", "not_met")

    # the lead's page: the open dispute first, in words, and Accept asks for a reply
    ctx.user_name, ctx.user_role = "Tiina Lead", "team_lead"
    other = ctx.calls["Kelly Agent"][0]
    _lead_review(ctx, other, greeting="not_met")
    review(ctx.engine, other, "Kelly Agent", "self", skip=True)
    old = open_dispute(ctx.engine, other, "Kelly Agent", "greeting", "met", "I said the company name")
    from coach_app.services.disputes import resolve_dispute

    resolve_dispute(ctx.engine, old.id, "Tiina Lead", False, "Not on the recording")
    view = DisputesView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    cells = [view.table.item(0, col).text() for col in range(view.table.columnCount())]
    assert cells[0].startswith(f"#{iid} ") and cells[1] == "Priya Shah"
    assert cells[2] == panel.criterion_title("gratitude") and cells[3] == "not met → met"
    assert cells[4] == "I thanked her for waiting at 0:50" and cells[6] == "open"
    assert view.table.rowCount() == 2 and "rejected by Tiina Lead: Not on the recording" in view.table.item(1, 6).text()
    view.show_filter.setCurrentIndex(1)  # open only
    assert view.table.rowCount() == 1
    view.show_filter.setCurrentIndex(2)  # answered only
    assert view.table.rowCount() == 1 and not view.accept_button.isEnabled()  # answered: nothing to accept
    view.show_filter.setCurrentIndex(0)
    opened = []
    view.open_requested.connect(opened.append)
    view.open_button.click()
    assert opened == [iid]
    replies = []
    monkeypatch.setattr(dispute_dialog, "ask_reply",
                        lambda parent, accept, title, agent, old, want: replies.append((accept, agent, old, want))
                        or "Right, I missed it")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.accept_button.click()
    assert replies == [(True, "Priya Shah", "not_met", "met")]
    assert _status(ctx.engine, lead.id, "gratitude") == "met"  # the verdict changed
    assert [d.status for d in list_disputes(ctx.engine, interaction_id=iid)] == ["accepted"]
    assert all(view.table.item(r, 6).text() != "open" for r in range(view.table.rowCount()))

    # the agent sees the outcome and the lead's reply on the criterion, and may dispute again
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    panel.reload()
    assert "accepted by Tiina Lead: Right, I missed it" in _texts(panel)
    assert "gratitude" in panel.dispute_buttons and panel.combos["gratitude"].currentText() == "met"


def test_library_badges_and_the_not_yet_reviewed_filter(qtbot, ctx):
    from coach_app.ui.library_view import LibraryView

    first, second, third = ctx.calls["Priya Shah"]
    _lead_review(ctx, first, gratitude="not_met")
    review(ctx.engine, first, "Priya Shah", "self", skip=True)
    open_dispute(ctx.engine, first, "Priya Shah", "gratitude", "met", "I did thank her")
    _lead_review(ctx, second)
    view = LibraryView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    by_id = {view.model.row_at(i).id: i for i in range(view.model.rowCount())}
    assert view.model.rowCount() == 5
    reviewed_col = view.model.index(by_id[first], 9)
    assert view.model.data(reviewed_col) == "Tiina Lead · ⚑ open disputes: 1"
    assert view.model.data(view.model.index(by_id[second], 9)) == "Tiina Lead"
    labels = [view.status.itemText(i) for i in range(view.status.count())]
    view.status.setCurrentIndex(labels.index("not yet reviewed"))
    shown = {view.model.row_at(i).id for i in range(view.model.rowCount())}
    assert shown == {third, *ctx.calls["Kelly Agent"]}
    view.status.setCurrentIndex(labels.index("open disputes"))
    assert [view.model.row_at(i).id for i in range(view.model.rowCount())] == [first]
    # the agent: their calls not yet self-assessed say so, without a total
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    view.status.setCurrentIndex(0)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    rows = {view.model.row_at(i).id: i for i in range(view.model.rowCount())}
    assert set(rows) == set(ctx.calls["Priya Shah"])
    assert view.model.data(view.model.index(rows[second], 9)) == "✎ awaiting your self-assessment"
    assert view.model.data(view.model.index(rows[second], 7)) == ""  # no total before self-assessing
    view.status.setCurrentIndex(labels.index("awaiting your self-assessment"))
    assert {view.model.row_at(i).id for i in range(view.model.rowCount())} == {second, third}


def test_the_review_queue_samples_opens_and_shows_done_calls(qtbot, ctx, monkeypatch):
    from coach_app.ui.queue_view import QueueView, SampleDialog

    view = QueueView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    assert view.table.rowCount() == 0 and "Nothing assigned to you" in view.message.text()
    assert view.leads == ["Ada Admin", "Tiina Lead"]  # who may be assigned reviews
    dlg = SampleDialog(view.leads, ctx.user_name)
    qtbot.addWidget(dlg)
    assert dlg.reviewer.currentText() == "Tiina Lead"
    dlg.per_agent.setValue(1)
    dlg.date_from.setDate(dlg.date_from.date().fromString("2026-11-01", "yyyy-MM-dd"))
    dlg.date_to.setDate(dlg.date_to.date().fromString("2026-11-30", "yyyy-MM-dd"))
    dlg.seed.setText("7")
    values = dlg.values()
    assert (values["per_agent"], values["seed"], values["reviewer"]) == (1, 7, "Tiina Lead")
    assert values["date_to"] - values["date_from"] == timedelta(days=30)  # the last day included
    with qtbot.waitSignal(view.sampled, timeout=10000) as sampled, qtbot.waitSignal(view.loaded, timeout=10000):
        view.run_sample(**values)
    assert sampled.args == [2]  # one per agent
    assert view.table.rowCount() == 2 and "Assigned 2 calls to Tiina Lead." in view.message.text()
    assert {view.table.item(r, 1).text() for r in range(2)} == {"Priya Shah", "Kelly Agent"}
    assert all(view.table.item(r, 4).text() == "to review" for r in range(2))
    opened = []
    view.open_requested.connect(opened.append)
    view.open_button.click()
    first = view.items[0].interaction_id
    assert opened == [first]
    _lead_review(ctx, first)  # reviewed: done, and gone from the queue until "Show done"
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    assert view.table.rowCount() == 1 and first not in [q.interaction_id for q in view.items]
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.show_done.setChecked(True)
    assert view.table.rowCount() == 2
    done_row = [q.interaction_id for q in view.items].index(first)
    assert view.table.item(done_row, 4).text() == "✓ done"


def test_the_main_window_offers_the_lead_pages_to_leads_only(qtbot, ctx):
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx, transcriber_factory=lambda: None)
    qtbot.addWidget(window)
    assert all(a.isVisible() for a in window.lead_actions)
    window.show_disputes()
    assert window.stack.currentWidget() is window.disputes
    iid = ctx.calls["Priya Shah"][0]
    window.disputes.open_requested.emit(iid)
    assert window.stack.currentWidget() is window.review and window.review.interaction.id == iid
    window.show_queue()
    assert window.stack.currentWidget() is window.queue
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    window._show_user()
    assert not any(a.isVisible() for a in window.lead_actions)
    qtbot.waitUntil(lambda: window.ctx.io_pool.activeThreadCount() == 0, timeout=10000)


@pytest.mark.parametrize("lang, words", [
    ("en", ["Disputes", "Not met → Met", "I thanked her at 0:50", "Accepted by Tiina Lead: Right, I missed it",
            "Open: not yet answered"]),
    ("fi", ["Oikaisupyynnöt", "Ei täyty → Täyttyy", "Hyväksytty (Tiina Lead): Right, I missed it",
            "Avoin: ei vielä vastattu"]),
])
def test_the_coaching_pdf_shows_the_disputes_and_their_outcome(ctx, tmp_path, lang, words):
    import subprocess

    from coach_app.export.pdf import build_call_report
    from coach_app.services.disputes import resolve_dispute
    from coach_app.services.reports import call_report_data

    iid = ctx.calls["Priya Shah"][0]
    _lead_review(ctx, iid, gratitude="not_met", greeting="not_met")
    review(ctx.engine, iid, "Priya Shah", "self", skip=True)
    d = open_dispute(ctx.engine, iid, "Priya Shah", "gratitude", "met", "I thanked her at 0:50")
    open_dispute(ctx.engine, iid, "Priya Shah", "greeting", "met", "I said the company name")
    resolve_dispute(ctx.engine, d.id, "Tiina Lead", True, "Right, I missed it")
    out = tmp_path / f"report-{lang}.pdf"
    build_call_report(call_report_data(ctx.engine, iid), out, lang=lang)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split())
    for w in words:
        assert w in text
    assert "gratitude" not in text  # the criterion's title, never its id
