"""Call review: the transcript with synced playback on the left, the scorecard on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QSplitter, QToolButton, QVBoxLayout, QWidget,
)

from coach_app.core.transcript import format_clock
from coach_app.services.importer import IMPORTED_TRANSCRIPT
from coach_app.services.queries import interaction_with_transcript
from coach_app.services.transcripts import speakers_estimated
from coach_app.ui.labels import detail_text, language_text, model_text
from coach_app.ui.scorecard_panel import ScorecardPanel
from coach_app.ui.transcript_panel import TranscriptPanel, may_show_personal_data
from coach_app.ui.workers import run_task


#: the models offered by "Transcribe again with…": (setting value, label)
RETRANSCRIBE_MODELS = [("base", QT_TRANSLATE_NOOP("ReviewView", "base — multilingual (Finnish, English, …)")),
                       ("tiny.en", QT_TRANSLATE_NOOP("ReviewView", "tiny.en — English only, fastest")),
                       ("auto", QT_TRANSLATE_NOOP("ReviewView", "Automatic per language"))]


class ReviewView(QWidget):
    back_requested = Signal()
    changed = Signal()
    #: the interaction was transcribed again: the window reopens it
    reopen_requested = Signal(int)

    def __init__(self, ctx, interaction_id: int, parent=None, transcriber_factory=None):
        super().__init__(parent)
        self.ctx = ctx
        self.transcriber_factory = transcriber_factory or ctx.transcriber
        inter, agent, segments = interaction_with_transcript(ctx.engine, interaction_id)
        self.interaction = inter
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← Library"), self)
        back.clicked.connect(self.back_requested.emit)
        when = inter.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if inter.occurred_at else ""
        parts = [f"<b>#{inter.id} {inter.original_name}</b>", agent or "-", when,
                 format_clock(inter.duration_ms or 0) if inter.channel_type == "phone" else self.tr("chat"),
                 language_text(inter.language, inter.language_probability)]
        if inter.transcription_model == IMPORTED_TRANSCRIPT:
            parts.append(self.tr("imported transcript"))  # not a model name: said in the UI language
        elif inter.transcription_model:
            parts.append(self.tr("model {0}").format(model_text(inter.transcription_model)))
        title = QLabel(" · ".join(p for p in parts if p), self)
        title.setWordWrap(True)
        self.title = title
        self.export_button = QPushButton(self.tr("Export coaching PDF…"), self)
        self.export_button.clicked.connect(self.export_pdf)
        top.addWidget(back)
        top.addWidget(title, 1)
        from coach_app.ui.date_dialog import ChangeDateButton

        self.date_button = ChangeDateButton(self, inter)  # corrects when the call happened
        top.addWidget(self.date_button)
        self.retranscribe_button = None
        if inter.kind == "audio":
            button = QToolButton(self)
            button.setText(self.tr("Transcribe again with…"))
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            for model, label in RETRANSCRIBE_MODELS:
                menu.addAction(self.tr(label), lambda m=model: self.transcribe_again(m))
            button.setMenu(menu)
            top.addWidget(button)
            self.retranscribe_button = button
        self.swap_button = None
        if any(seg.speaker in ("agent", "customer") for seg in segments) and inter.kind == "audio":
            self.swap_button = QPushButton(self.tr("Swap agent and customer"), self)
            self.swap_button.setToolTip(self.tr("The speakers are the wrong way round: swap them and score again"))
            self.swap_button.clicked.connect(self.swap_speakers)
            top.addWidget(self.swap_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        if speakers_estimated(inter, segments):
            est = QLabel(self.tr("Mono recording: agent and customer were told apart by their voices (estimated). "
                                 "If they are the wrong way round, use “Swap agent and customer”."), self)
            est.setWordWrap(True)
            est.setStyleSheet("color:#9a6700")
            layout.addWidget(est)
        elif inter.status_detail:
            note = QLabel(detail_text(inter.status_detail), self)
            note.setWordWrap(True)  # a long reason must not widen the window
            note.setStyleSheet("color:#b42318" if inter.status in ("needs_review", "failed") else "color:#616e7c")
            layout.addWidget(note)
        audio = ctx.ws.recording_path(inter.managed_path) if inter.kind == "audio" and inter.managed_path else None
        self.transcript = TranscriptPanel(segments, audio, int(ctx.settings.hold_limit_s * 1000), self,
                                          may_unredact=may_show_personal_data(ctx.user_role))
        self.scorecard = ScorecardPanel(ctx, inter, self)
        self.transcript.personal_data_toggled.connect(self.scorecard.set_show_personal_data)
        self.scorecard.seek_requested.connect(self.transcript.play_from)  # ▶ listens, not only jumps
        self.scorecard.changed.connect(self.changed.emit)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.transcript)
        split.addWidget(self.scorecard)
        split.setSizes([620, 520])
        state = QSettings().value("review/splitter")
        if state is not None:
            split.restoreState(state)
        split.splitterMoved.connect(lambda *_: QSettings().setValue("review/splitter", split.saveState()))
        self.splitter = split
        layout.addWidget(split, 1)

    def export_pdf(self) -> None:
        from coach_app.export.files import safe_name

        default = self.ctx.ws.exports_dir / f"{safe_name(self.interaction.original_name)}-{self.interaction.id}.pdf"
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Export coaching PDF"), str(default), "PDF (*.pdf)")
        if not out:
            return

        def work():
            from coach_app.export.files import write_atomically
            from coach_app.export.pdf import build_call_report
            from coach_app.services.reports import call_report_data

            data = call_report_data(self.ctx.engine, self.interaction.id, self.ctx.user_name or None)
            return write_atomically(Path(out), lambda tmp: build_call_report(data, tmp), force=True)

        self.export_button.setEnabled(False)

        def done(path):
            self.export_button.setEnabled(True)
            QMessageBox.information(self, self.tr("Exported"), self.tr("Wrote {0}").format(path))

        def failed(msg):
            self.export_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("Export failed"), msg)

        self._task = run_task(self.ctx.pool, work, done, failed)

    def transcribe_again(self, model: str) -> None:
        """Transcribe this call again with ``model`` and score it when the new text is sound."""
        from coach_app.services.transcripts import transcribe_interaction

        self._change_then_rescore(
            lambda: transcribe_interaction(self.ctx.ws, self.ctx.engine, self.interaction.id,
                                           self.transcriber_factory(model=model)).interaction,
            self.retranscribe_button, self.tr("Transcription failed"), busy=self.tr("Transcribing…"))

    def swap_speakers(self) -> None:
        from coach_app.services.transcripts import swap_speakers

        self._change_then_rescore(lambda: swap_speakers(self.ctx.engine, self.interaction.id), self.swap_button,
                                  self.tr("Swap failed"))

    def _change_then_rescore(self, change, button, error_title: str, busy: str | None = None) -> None:
        """Run ``change`` (returns the interaction) on the pool, score the result when it is a
        sound transcript, and reopen the review on it; the button waits meanwhile."""
        iid = self.interaction.id
        label = button.text()

        def work():
            from coach_app.services.evaluations import score_interaction
            from coach_app.services.rubrics import resolve_rubric

            if change().status == "transcribed":
                version, rubric = resolve_rubric(self.ctx.engine, None)
                score_interaction(self.ctx.engine, iid, version, rubric, self.ctx.settings.hold_limit_s)
            return iid

        def done(_):
            self.changed.emit()
            self.reopen_requested.emit(iid)

        def failed(msg):
            button.setEnabled(True)
            button.setText(label)
            QMessageBox.warning(self, error_title, msg)

        button.setEnabled(False)
        if busy:
            button.setText(busy)
        self._change_task = run_task(self.ctx.pool, work, done, failed)
