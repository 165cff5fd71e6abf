"""The desktop app under pytest-qt (QT_QPA_PLATFORM=offscreen): library model, import flow,
override with reason, evidence seeks, self-assessment visibility."""

from __future__ import annotations

import re
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QTranslator, Qt  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from coach_app.db.models import AuditEvent, CriterionResult, Evaluation  # noqa: E402
from coach_app.services.queries import LibraryRow  # noqa: E402
from coach_app.services.people import add_person  # noqa: E402
from tests.conftest import ROOT, FakeTranscriber, app_context  # noqa: E402


def become(ctx, name: str, role: str) -> None:
    """Sign the test's user in as ``name`` with ``role`` (the admin changes the person's role)."""
    add_person(ctx.engine, name, role, None, "Ada Admin")
    ctx.user_name, ctx.user_role = name, role

DEMO = ROOT / "recordings" / "demo"
OWN = ROOT / "tests" / "data" / "scoring"


@pytest.fixture
def ctx(tmp_path):
    with app_context(tmp_path) as c:  # Ada Admin and Tiina Lead (signed in): roles live in the database
        yield c


def test_library_model_passes_qtmodeltester(qtmodeltester):
    from datetime import datetime, timezone

    from coach_app.ui.library_model import LibraryFilter, LibraryModel

    rows = [LibraryRow(i, datetime(2026, 11, 1 + i % 28, tzinfo=timezone.utc), f"Agent {i % 3}", 60000 + i, "phone",
                       "audio", "transcribed", f"call-{i}.wav", "cem v1", float(i % 100), i % 2 == 0, None)
            for i in range(50)]
    model = LibraryModel(rows)
    qtmodeltester.check(model)
    model.sort(7)  # by total, ascending
    totals = [model.row_at(i).total for i in range(model.rowCount())]
    assert totals == sorted(totals)
    model.set_filter(LibraryFilter(agent="Agent 1", min_total=10))
    assert model.rowCount() == len([r for r in rows if r.agent == "Agent 1" and r.total >= 10])
    qtmodeltester.check(model)


def test_import_flow_with_a_fake_transcriber(qtbot, ctx):
    from coach_app.ui.main_window import MainWindow

    fake = FakeTranscriber()
    window = MainWindow(ctx, transcriber_factory=lambda: fake)
    qtbot.addWidget(window)
    assert window.library.stack.currentWidget() is window.library.empty  # "Drop recordings here"
    bad = ctx.ws.root.parent / "broken.wav"
    bad.write_text("not audio")
    jobs = window.import_paths([str(DEMO / "demo-hold.wav"), str(bad)], agent="Mikko", ask=False)
    done, errors = [], []
    jobs[0].signals.finished.connect(done.append)  # signals from the pool arrive queued on this thread
    jobs[1].signals.failed.connect(errors.append)
    qtbot.waitUntil(lambda: bool(done and errors), timeout=20000)
    assert errors[0].startswith(f"{bad}: not a readable audio file")
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=5000)
    row = window.library.model.row_at(0)
    assert (row.agent, row.status, row.total is not None) == ("Mikko", "transcribed", True)
    assert fake.calls == 1 and fake.progress_seen


def test_cancel_all_imports(qtbot, ctx):
    import threading

    from PySide6.QtCore import QRunnable

    from coach_app.services.queries import library_rows
    from coach_app.ui.main_window import MainWindow

    slow = FakeTranscriber()
    window = MainWindow(ctx, transcriber_factory=lambda: slow)
    qtbot.addWidget(window)
    ctx.pool.setMaxThreadCount(1)
    release = threading.Event()

    class Busy(QRunnable):  # keeps the single worker busy so both imports wait in the queue
        def run(self):
            release.wait(10)

    busy = Busy()
    ctx.pool.start(busy)
    jobs = window.import_paths([str(DEMO / "demo-talkover.wav"), str(DEMO / "demo-hold.wav")], ask=False)
    ended = []
    for j in jobs:
        j.signals.cancelled.connect(lambda: ended.append("cancelled"))
        j.signals.finished.connect(lambda _: ended.append("finished"))
    window.library.cancel_all.click()
    release.set()
    qtbot.waitUntil(lambda: len(ended) == 2, timeout=20000)
    assert ended == ["cancelled", "cancelled"] and slow.calls == 0
    assert library_rows(ctx.engine) == []  # cancelled while queued: nothing imported, nothing stored


def test_cancel_an_import(qtbot, ctx):
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx, transcriber_factory=lambda: FakeTranscriber(cancel_after=1))
    qtbot.addWidget(window)
    job = window.import_paths([str(DEMO / "demo-talkover.wav")], ask=False)[0]
    job.cancel_event.clear()
    with qtbot.waitSignal(job.signals.cancelled, timeout=20000):
        pass
    from coach_app.services.transcripts import pending_interaction_ids

    assert pending_interaction_ids(ctx.engine) == []  # nothing stored; cancelled on purpose, so it stays so


@pytest.fixture
def scored_call(ctx):
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric

    iid = import_file(ctx.ws, ctx.engine, OWN / "own-en-001.json", agent="Priya Shah").interaction.id
    version, rubric = resolve_rubric(ctx.engine, None)
    score_interaction(ctx.engine, iid, version, rubric)
    return iid


def test_override_needs_a_reason_and_is_saved_with_an_audit_event(qtbot, ctx, scored_call, monkeypatch):
    from coach_app.ui import reason_dialog
    from coach_app.ui.review_view import ReviewView

    view = ReviewView(ctx, scored_call)
    qtbot.addWidget(view)
    card = view.scorecard
    monkeypatch.setattr(reason_dialog, "ask_reason", lambda *a, **k: None)  # the lead cancels
    combo = card.combos["greeting"]
    combo.setCurrentIndex(2)  # not met
    qtbot.waitUntil(lambda: card.combos["greeting"] is not combo)  # rebuilt...
    assert card.combos["greeting"].currentIndex() == 1  # ...and reverted: nothing saved without a reason
    monkeypatch.setattr(reason_dialog, "ask_reason", lambda *a, **k: "No company name, only a hello")
    combo = card.combos["greeting"]
    combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: card.combos["greeting"] is not combo)
    with Session(ctx.engine) as s:
        lead = s.exec(select(Evaluation).where(Evaluation.kind == "lead")).one()
        r = s.exec(select(CriterionResult).where(CriterionResult.evaluation_id == lead.id,
                                                 CriterionResult.criterion_id == "greeting")).one()
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "override")).all()
    assert (r.status, r.overridden_from, r.override_reason) == ("not_met", "met", "No company name, only a hello")
    assert len(events) == 1 and lead.total < 100
    assert f"{lead.total:.0f}" in card.header.text()  # the total updated live


def test_evidence_click_seeks_to_that_moment(qtbot, ctx, scored_call):
    from PySide6.QtWidgets import QPushButton

    from coach_app.ui.review_view import ReviewView

    view = ReviewView(ctx, scored_call)
    qtbot.addWidget(view)
    buttons = [b for b in view.scorecard.findChildren(QPushButton) if b.text().startswith("▶")]
    target = next(b for b in buttons if b.text() == "▶ 0:50")  # the hold is thanked at 0:50
    target.click()
    assert view.transcript.current_row == 4
    assert view.transcript.model.segments[4].start_ms == 50000


def test_self_assessment_hides_the_lead_view_until_submitted(qtbot, ctx, scored_call):
    from coach_app.services.reviews import set_criterion, start_review, submit_review
    from coach_app.ui.scorecard_panel import ScorecardPanel
    from coach_app.services.queries import interaction_with_transcript

    lead = start_review(ctx.engine, scored_call, "Tiina Lead")
    set_criterion(ctx.engine, lead.id, "gratitude", "Tiina Lead", status="not_met", reason="Scripted")
    submit_review(ctx.engine, lead.id, "Tiina Lead")  # an agent sees a lead's review once it is submitted
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    inter, _, _ = interaction_with_transcript(ctx.engine, scored_call)
    panel = ScorecardPanel(ctx, inter)
    qtbot.addWidget(panel)
    assert all(c.currentIndex() == 0 for c in panel.combos.values())  # blank, no lead or automatic verdicts
    assert "Lead:" not in " ".join(w.text() for w in panel.findChildren(type(panel.header)))
    for cid in [c.id for c in panel.rubric.criteria if c.scoring == "automatic"]:
        combo = panel.combos[cid]
        combo.setCurrentIndex(1)
        qtbot.waitUntil(lambda: panel.combos[cid] is not combo)
    panel.submit()
    texts = " ".join(w.text() for w in panel.findChildren(type(panel.header)))
    assert "Lead: not met (differs from yours)" in texts  # now side by side, the difference marked


@pytest.mark.real_model
def test_import_flow_with_the_real_model(qtbot, ctx):
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx)  # the real faster-whisper transcriber from the workspace settings
    qtbot.addWidget(window)
    job = window.import_paths([str(DEMO / "demo-talkover.wav")], agent="Sam", ask=False)[0]
    done = []
    job.signals.finished.connect(done.append)
    job.signals.failed.connect(lambda msg: pytest.fail(msg))
    qtbot.waitUntil(lambda: bool(done), timeout=120000)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1, timeout=5000)
    row = window.library.model.row_at(0)
    assert row.status == "transcribed" and row.total is not None and row.passed is False
    window.open_review(row.id)
    texts = [s.text for s in window.review.transcript.model.segments]
    assert any("prices went up" in t.lower() for t in texts)
    assert window.review.transcript.player is not None  # audio calls get the player


def test_unfinished_transcriptions_resume_on_start(qtbot, ctx):
    from coach_app.db.models import Interaction, TranscriptionJob
    from coach_app.services.importer import import_file
    from coach_app.ui.main_window import MainWindow

    iid = import_file(ctx.ws, ctx.engine, DEMO / "demo-hold.wav", agent="Mikko").interaction.id
    with Session(ctx.engine) as s:  # the app was killed while transcribing
        s.add(TranscriptionJob(interaction_id=iid, status="running", model="fake"))
        s.get(Interaction, iid).status = "transcribing"
        s.commit()
    window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
    qtbot.addWidget(window)
    jobs = window.resume_pending()
    assert len(jobs) == 1
    done = []
    jobs[0].signals.finished.connect(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    with Session(ctx.engine) as s:
        assert s.get(Interaction, iid).status == "transcribed"
        assert sorted(j.status for j in s.exec(select(TranscriptionJob)).all()) == ["done", "failed"]


def test_dashboard_and_settings(qtbot, ctx, scored_call, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from coach_app.ui.main_window import MainWindow
    from coach_app.ui.settings_dialog import SettingsDialog

    window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
    qtbot.addWidget(window)
    window.show_dashboard()
    dash = window.dashboard
    assert dash.agent.currentText() == "Priya Shah"
    assert dash.trend.chart().series()[0].count() == 1
    bars = dash.rates.chart().series()[0]
    assert bars.barSets()[1].count() == 12  # one bar per automatic criterion
    dlg = SettingsDialog(ctx.settings, str(ctx.ws.root))
    qtbot.addWidget(dlg)
    dlg.language.setCurrentText("finnish!")  # invalid: shown inline, nothing saved
    dlg._accept()
    assert dlg.result_settings is None and "language" in dlg.error.text()
    dlg.language.setCurrentText("fi")
    dlg.model.setCurrentIndex(dlg.model.findData("tiny.en"))  # English-only model for Finnish: refused
    dlg._accept()
    assert dlg.result_settings is None and "only understands English" in dlg.error.text()
    dlg.model.setCurrentIndex(dlg.model.findData("auto"))
    dlg.hold.setValue(30)
    dlg._accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    def fill_and_save(self):  # what the user does in the dialog window.open_settings opens
        self.language.setCurrentText("fi")
        self.hold.setValue(30)
        self._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fill_and_save)
    window.open_settings()
    saved = ctx.ws.load_settings()
    assert saved.transcription.language == "fi" and saved.hold_limit_s == 30


def test_rubric_editor_validates_as_you_type_tries_and_saves_a_version(qtbot, ctx, scored_call, monkeypatch):
    from coach_app.services.rubrics import list_rubric_versions
    from coach_app.ui.rubric_editor import RubricEditor

    lead_view = RubricEditor(ctx)  # a team lead may try drafts but not save versions
    qtbot.addWidget(lead_view)
    lead_view.refresh()
    assert not lead_view.save_button.isEnabled()
    become(ctx, "Tiina Lead", "trainer")
    editor = RubricEditor(ctx)
    qtbot.addWidget(editor)
    editor.refresh()
    assert editor.criteria.count() == 14 and "Valid" in editor.error.text()
    editor.criteria.setCurrentRow(editor._all_criteria().index(
        next(c for c in editor._all_criteria() if c["id"] == "honest_promises")))
    examples = editor.fields["examples_met.en"]
    assert "courier" in examples.toPlainText()  # the judge's example utterances are shown and editable
    veto = editor.fields["not_met.en"]  # rule vetoes over the judge
    veto.setPlainText("re:(unclosed")
    qtbot.waitUntil(lambda: "bad regular expression" in editor.error.text(), timeout=3000)
    assert "criterion 'honest_promises'" in editor.error.text() and not editor.save_button.isEnabled()
    veto.setPlainText("re:\\w")  # a veto every utterance matches
    qtbot.waitUntil(lambda: editor.save_button.isEnabled(), timeout=3000)
    editor.try_it()  # off the GUI thread: the table fills when it is done
    qtbot.waitUntil(lambda: editor.results.rowCount() == 14 and editor.try_button.isEnabled(), timeout=20000)
    rows = {editor.results.item(r, 0).text(): (editor.results.item(r, 1).text(), editor.results.item(r, 2).text())
            for r in range(editor.results.rowCount())}
    assert rows["honest_promises"][0] == "not met"  # vetoed, in words
    assert rows["greeting"][0] == "met"
    assert re.match(r"[01]\.\d\d “", rows["gratitude"][1])  # per-utterance probabilities of the judge
    before = len(list_rubric_versions(ctx.engine))
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)  # no modal dialog in tests
    editor.save()
    versions = list_rubric_versions(ctx.engine)
    assert len(versions) == before + 1 and versions[-1][1].version == "2.6"  # the default 2.5, bumped
    # a new criterion is invalid until its texts are filled in, then valid
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("upsell_offer", True))
    editor.add_criterion()
    assert editor.criteria.count() == 15 and editor.cid.text() == "upsell_offer"
    assert "criterion 'upsell_offer'" in editor.error.text() and not editor.save_button.isEnabled()
    editor.remove_criterion()
    assert editor.criteria.count() == 14 and editor.save_button.isEnabled()


def test_finnish_translation_is_complete_current_and_used(qtbot, tmp_path, ctx):
    import re
    import shutil
    import subprocess
    import sys

    from PySide6.QtWidgets import QApplication

    from coach_app.ui.app import I18N_DIR, install_translations
    from coach_app.ui.main_window import MainWindow

    ts = (I18N_DIR / "coach_fi.ts").read_text("utf-8")
    assert 'type="unfinished"' not in ts and len(re.findall("<message>", ts)) >= 140
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(I18N_DIR / "coach_fi.ts"), "-qm", str(tmp_path / "fi.qm")], check=True,
                   capture_output=True)
    assert (tmp_path / "fi.qm").read_bytes() == (I18N_DIR / "coach_fi.qm").read_bytes()  # .qm built from this .ts
    app = QApplication.instance()
    assert install_translations(app, "fi") == "fi"
    try:
        window = MainWindow(ctx, transcriber_factory=FakeTranscriber)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:2] == ["&Tiedosto", "&Näytä"]
        assert window.library.model.headerData(1, Qt.Orientation.Horizontal) == "Asiakaspalvelija"
        from coach_app.ui.labels import detail_text, language_text

        # why a call is held for review, stored in English by the service, reads in Finnish
        assert detail_text("the recording is in Finnish (100%, 99%), but the model tiny.en (embedded) only understands "
                           "English: transcribe it again with 'base' or 'auto'") == (
            "Tallenne: kieli on suomi (100%, 99%), mutta malli tiny.en ymmärtää vain englantia – litteroi uudelleen "
            "mallilla base tai Automaattinen")
        assert language_text("fi", 0.97) == "suomi (97%)" and detail_text("something new") == "something new"
        # an imported transcript names no model: the header says so in Finnish, not "imported transcript"
        from coach_app.services.importer import import_file

        iid = import_file(ctx.ws, ctx.engine, OWN / "own-fi-001.json", agent="Aino Ääkkönen").interaction.id
        window.open_review(iid)
        title = window.review.title.text()
        assert "tuotu litterointi" in title and "imported" not in title and "malli" not in title, title
    finally:
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)


def test_a_call_held_for_review_is_transcribed_again_with_another_model_in_one_action(qtbot, ctx):
    from coach_app.db.models import Evaluation, Interaction
    from coach_app.services.importer import import_file
    from coach_app.services.transcripts import transcribe_interaction
    from coach_app.transcription.base import TranscriptionResult
    from coach_app.ui.main_window import MainWindow

    class InventsEnglish(FakeTranscriber):  # what tiny.en does to Finnish speech
        def transcribe(self, path, channel_map, progress=None, cancel=None):
            r = super().transcribe(path, channel_map, progress, cancel)
            return TranscriptionResult(r.segments, "fi", r.duration_ms, r.speech_ms, "tiny.en (embedded)", r.channel_map,
                                       language_probability=0.97,
                                       review_reasons=["the recording is in Finnish (97%), but the model tiny.en only "
                                                       "understands English"])

    iid = import_file(ctx.ws, ctx.engine, DEMO / "demo-hold.wav", agent="Mikko").interaction.id
    transcribe_interaction(ctx.ws, ctx.engine, iid, InventsEnglish())
    made = []

    def factory(model=None):
        made.append(FakeTranscriber(model=model))
        return made[-1]

    window = MainWindow(ctx, transcriber_factory=factory)
    qtbot.addWidget(window)
    window.open_review(iid)
    view = window.review
    assert "Finnish (97%)" in view.title.text() and "tiny.en" in view.title.text()
    assert view.retranscribe_button is not None
    with Session(ctx.engine) as s:  # held for review: not scored
        assert s.get(Interaction, iid).status == "needs_review"
        assert s.exec(select(Evaluation).where(Evaluation.interaction_id == iid)).all() == []
    actions = {a.text(): a for a in view.retranscribe_button.menu().actions()}
    next(a for t, a in actions.items() if t.startswith("base")).trigger()
    qtbot.waitUntil(lambda: window.review is not view, timeout=10000)  # reopened with the new text
    assert [t.model for t in made] == ["base"]
    with Session(ctx.engine) as s:
        assert s.get(Interaction, iid).status == "transcribed"
        assert len(s.exec(select(Evaluation).where(Evaluation.interaction_id == iid)).all()) == 1
