"""Rough edges a new user hit in the app (issue #8), each checked under pytest-qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QLabel  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from coach_app.db.models import Interaction  # noqa: E402
from tests.conftest import ROOT, FakeTranscriber  # noqa: E402
from tests.test_ui import DEMO, ctx, scored_call  # noqa: E402,F401 - the shared fixtures


@pytest.fixture
def lead(ctx):  # noqa: F811
    """The signed-in lead exists as a person, as the identity dialog makes them on first start."""
    from coach_app.services.people import get_or_create_person

    with Session(ctx.engine) as s:
        get_or_create_person(s, ctx.user_name, "team_lead")
        s.commit()
    return ctx


def _texts(widget) -> str:
    return " ".join(w.text() for w in widget.findChildren(QLabel))


def test_the_reason_dialog_names_the_criterion_in_words_and_refuses_an_empty_reason(qtbot, lead, scored_call, monkeypatch):  # noqa: F811,E501
    from coach_app.ui import reason_dialog
    from coach_app.ui.reason_dialog import ReasonDialog
    from coach_app.ui.review_view import ReviewView

    asked = []
    monkeypatch.setattr(reason_dialog, "ask_reason", lambda parent, title, old, new: asked.append((title, old, new)))
    view = ReviewView(lead, scored_call)
    qtbot.addWidget(view)
    view.scorecard.combos["first_contact_resolution"].setCurrentIndex(2)
    assert asked == [("First-contact resolution", "met", "not_met")]  # the title, not the id
    dlg = ReasonDialog("First contact resolution", "met", "not_met")
    qtbot.addWidget(dlg)
    question = dlg.question.text()
    assert "“First contact resolution” from met to not met" in question and "not_met" not in question
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and not dlg.hint.isHidden()  # an empty reason: OK refused, and why
    dlg.reason.setText("   ")
    dlg.accept()  # Enter in a blank field
    assert dlg.result() == 0 and not ok.isEnabled()
    dlg.reason.setText("They have to call back")
    assert ok.isEnabled() and dlg.hint.isHidden() and dlg.text() == "They have to call back"


def test_a_changed_verdict_shows_the_reason_and_keeps_the_scroll_position(qtbot, lead, scored_call, monkeypatch):  # noqa: F811,E501
    from coach_app.ui import reason_dialog
    from coach_app.ui.review_view import ReviewView

    monkeypatch.setattr(reason_dialog, "ask_reason", lambda *a: "The customer must call back for the refund")
    view = ReviewView(lead, scored_call)
    qtbot.addWidget(view)
    view.resize(1100, 420)
    view.show()
    card = view.scorecard
    rationale = card.results["first_contact_resolution"].rationale
    assert rationale and rationale in _texts(card)
    bar = card.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200)
    bar.setValue(200)
    combo = card.combos["first_contact_resolution"]
    combo.setCurrentIndex(2)  # not met
    qtbot.waitUntil(lambda: card.combos["first_contact_resolution"] is not combo)
    qtbot.waitUntil(lambda: bar.value() == 200, timeout=3000)  # not back at the top, once laid out
    texts = _texts(card)
    assert "Changed by Tiina Lead from met: The customer must call back for the refund" in texts
    assert rationale not in texts  # the automatic reason would contradict "not met"


def test_self_assessment_shows_the_leads_verdicts_in_words(qtbot, lead, scored_call):  # noqa: F811
    from coach_app.services.queries import interaction_with_transcript
    from coach_app.services.reviews import set_criterion, start_review, submit_review
    from coach_app.ui.scorecard_panel import ScorecardPanel

    review = start_review(lead.engine, scored_call, "Tiina Lead")
    set_criterion(lead.engine, review.id, "gratitude", "Tiina Lead", status="not_met", reason="Scripted")
    submit_review(lead.engine, review.id, "Tiina Lead")  # an agent sees a lead's review once it is submitted
    lead.user_name, lead.user_role = "Priya Shah", "agent"
    inter, _, _ = interaction_with_transcript(lead.engine, scored_call)
    panel = ScorecardPanel(lead, inter)
    qtbot.addWidget(panel)
    for cid in [c.id for c in panel.rubric.criteria if c.scoring == "automatic"]:
        combo = panel.combos[cid]
        combo.setCurrentIndex(1)
        qtbot.waitUntil(lambda: panel.combos[cid] is not combo)
    panel.submit()
    texts = _texts(panel)
    assert "Lead: not met (differs from yours)." in texts and "Lead: met." in texts
    assert "not_met" not in texts and "Lead: -" not in texts
    assert "The lead has not scored this." in texts  # the person-only criteria


def test_evidence_plays_from_that_moment(qtbot, lead):
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric
    from coach_app.services.transcripts import transcribe_interaction
    from coach_app.ui.review_view import ReviewView

    iid = import_file(lead.ws, lead.engine, DEMO / "demo-hold.wav", agent="Mikko").interaction.id
    transcribe_interaction(lead.ws, lead.engine, iid, FakeTranscriber())
    version, rubric = resolve_rubric(lead.engine, None)
    score_interaction(lead.engine, iid, version, rubric)
    view = ReviewView(lead, iid)
    qtbot.addWidget(view)
    panel = view.transcript
    assert panel.player is not None
    played = []
    panel.player.play = lambda: played.append(True)  # no sound card under test: record the call
    view.scorecard.seek_requested.emit(2200)  # what an evidence ▶ button sends
    assert played == [True] and panel.current_row == 1 and panel.play_button.text() == "Pause"


def test_long_errors_never_widen_the_window_and_a_saved_geometry_is_clamped(qtbot, lead):
    from coach_app.ui.library_view import ImportRow
    from coach_app.ui.main_window import MainWindow
    from coach_app.ui.workers import JobSignals

    settings = QSettings()
    saved = settings.value("main_window/geometry")
    try:
        window = MainWindow(lead, transcriber_factory=FakeTranscriber)
        qtbot.addWidget(window)
        area = window.screen().availableGeometry()
        window.setMaximumSize(16777215, 16777215)
        window.resize(area.width() + 900, 500)  # once too wide
        settings.setValue("main_window/geometry", window.saveGeometry())
        again = MainWindow(lead, transcriber_factory=FakeTranscriber)
        qtbot.addWidget(again)
        assert again.width() <= area.width() and again.height() <= area.height()

        class Job:
            signals = JobSignals()

            def cancel(self, on_purpose=True):
                pass

        job = Job()
        again.library.add_job("a-very-long-file-name-" * 8 + ".wav", job)
        message = "ffmpeg could not decode the stream: " + "invalid data found when processing input, " * 30
        job.signals.failed.emit(message)
        again.show()
        qtbot.waitExposed(again)
        row = again.library.queue.findChildren(ImportRow)[0]
        assert again.width() <= area.width()
        assert row.stage.toolTip() == message and row.stage.full_text() == message
        assert row.stage.text() != message and row.stage.text().endswith("…")  # elided to the space there is
    finally:
        settings.setValue("main_window/geometry", saved) if saved is not None else settings.remove("main_window/geometry")


def test_library_columns_fit_their_contents_and_the_file_name_takes_the_rest(qtbot, lead):
    from datetime import datetime, timezone

    from PySide6.QtWidgets import QHeaderView

    from coach_app.services.queries import LibraryRow
    from coach_app.ui.library_model import FILE_COLUMN
    from coach_app.ui.library_view import LibraryView

    view = LibraryView(lead)
    qtbot.addWidget(view)
    rows = [LibraryRow(1, datetime(2026, 11, 3, 9, 30, tzinfo=timezone.utc), "Aino Mäkinen-Ääkkönen", 61000, "phone",
                       "audio", "needs_review", "a-rather-long-recording-name-from-the-exchange-0001.wav", "cem v1",
                       87.0, True, "Tiina Lead", "fi", 0.98)]
    view.model.set_rows(rows)
    view.resize(1400, 500)
    view.show()
    view.stack.setCurrentWidget(view.table)
    qtbot.waitExposed(view)
    header, fm = view.table.horizontalHeader(), view.table.fontMetrics()
    for col in (0, 1, 4, 5, 7):  # date, agent, language, status, total
        shown = view.model.data(view.model.index(0, col))
        assert header.sectionSize(col) >= fm.horizontalAdvance(shown), shown
        assert header.sectionResizeMode(col) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionResizeMode(FILE_COLUMN) == QHeaderView.ResizeMode.Stretch
    assert view.table.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_the_search_applies_as_you_type(qtbot, lead, scored_call):  # noqa: F811
    from coach_app.ui.library_view import LibraryView

    view = LibraryView(lead)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10000)
    view.search.setText("no such words anywhere")  # typed, no Enter
    assert view.search_timer.isActive()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=3000)
    view.search.setText("")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)


def test_the_identity_dialog_shows_its_whole_placeholder(qtbot):
    from coach_app.ui.identity_dialog import IdentityDialog

    dlg = IdentityDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    field = dlg.name
    assert field.width() >= field.fontMetrics().horizontalAdvance(field.placeholderText()) + 8
    assert dlg.width() >= field.width()


def test_a_cancelled_call_stays_cancelled_and_can_be_transcribed_again(qtbot, lead):
    from coach_app.services.transcripts import can_transcribe_again, pending_interaction_ids
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(lead, transcriber_factory=lambda: FakeTranscriber(cancel_after=1))
    qtbot.addWidget(window)
    job = window.import_paths([str(DEMO / "demo-talkover.wav")], ask=False)[0]
    job.cancel_event.clear()  # FakeTranscriber(cancel_after=1) cancels itself: the user's Cancel
    with qtbot.waitSignal(job.signals.cancelled, timeout=20000):
        pass
    iid = job.interaction_id
    assert pending_interaction_ids(lead.engine) == []  # the next start does not restart it
    assert window.resume_pending() == []
    assert can_transcribe_again(lead.engine, iid)
    window.transcriber_factory = FakeTranscriber
    again = window.transcribe_again(iid)
    with qtbot.waitSignal(again.signals.finished, timeout=20000):
        pass
    with Session(lead.engine) as s:
        assert s.get(Interaction, iid).status == "transcribed"
    assert not can_transcribe_again(lead.engine, iid)


def test_closing_the_app_mid_transcription_resumes_it_at_the_next_start(qtbot, lead):
    from coach_app.services.transcripts import pending_interaction_ids
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(lead, transcriber_factory=lambda: FakeTranscriber(cancel_after=1))
    qtbot.addWidget(window)
    job = window.import_paths([str(DEMO / "demo-talkover.wav")], ask=False)[0]
    job.cancel(on_purpose=False)  # what closing the window does
    job.cancel_event.clear()
    with qtbot.waitSignal(job.signals.cancelled, timeout=20000):
        pass
    assert pending_interaction_ids(lead.engine) == [job.interaction_id]


def test_the_library_refreshes_after_a_failed_import(qtbot, lead):
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(lead, transcriber_factory=lambda: FakeTranscriber(fail=RuntimeError("model exploded")))
    qtbot.addWidget(window)
    refreshed = []
    window.library.loaded.connect(refreshed.append)
    qtbot.waitUntil(lambda: refreshed == [0], timeout=10000)  # the load at start, before the import
    job = window.import_paths([str(DEMO / "demo-hold.wav")], ask=False)[0]
    with qtbot.waitSignal(job.signals.failed, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(refreshed) and refreshed[-1] == 1, timeout=10000)
    assert window.library.model.rowCount() == 1  # the call is there, to be transcribed again


def test_workspace_alone_opens_the_app_on_it_and_a_subcommand_runs_the_cli(tmp_path, monkeypatch):
    import coach_app.cli
    import coach_app.ui.app

    sys.path.insert(0, str(ROOT))
    import main as entry

    opened, ran = [], []
    monkeypatch.setattr(coach_app.ui.app, "main", lambda: opened.append(os.environ.get("COACH_WORKSPACE")) or 0)
    monkeypatch.setattr(coach_app.cli, "main", lambda argv: ran.append(list(argv)) or 0)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a screen
    monkeypatch.delenv("COACH_WORKSPACE", raising=False)
    monkeypatch.setattr(sys, "argv", ["main.py", "--workspace", str(tmp_path)])
    assert entry.run() == 0
    assert opened == [str(tmp_path)] and ran == []
    monkeypatch.setattr(sys, "argv", ["main.py", "--workspace", str(tmp_path), "list"])
    assert entry.run() == 0
    assert ran == [["--workspace", str(tmp_path), "list"]] and len(opened) == 1
