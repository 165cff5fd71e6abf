"""Call review: the transcript with synced playback on the left, the scorecard on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from coach_app.core.transcript import format_clock
from coach_app.services.queries import interaction_with_transcript
from coach_app.ui.scorecard_panel import ScorecardPanel
from coach_app.ui.transcript_panel import TranscriptPanel
from coach_app.ui.workers import run_task


class ReviewView(QWidget):
    back_requested = Signal()
    changed = Signal()

    def __init__(self, ctx, interaction_id: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        inter, agent, segments = interaction_with_transcript(ctx.engine, interaction_id)
        self.interaction = inter
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← Library"), self)
        back.clicked.connect(self.back_requested.emit)
        when = inter.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if inter.occurred_at else ""
        title = QLabel(f"<b>#{inter.id} {inter.original_name}</b> · {agent or '-'} · {when} · "
                       f"{format_clock(inter.duration_ms or 0) if inter.channel_type == 'phone' else self.tr('chat')}", self)
        self.export_button = QPushButton(self.tr("Export coaching PDF…"), self)
        self.export_button.clicked.connect(self.export_pdf)
        top.addWidget(back)
        top.addWidget(title, 1)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        if inter.status_detail:
            note = QLabel(inter.status_detail, self)
            note.setStyleSheet("color:#b42318" if inter.status in ("needs_review", "failed") else "color:#616e7c")
            layout.addWidget(note)
        audio = ctx.ws.root / inter.managed_path if inter.kind == "audio" and inter.managed_path else None
        self.transcript = TranscriptPanel(segments, audio, int(ctx.settings.hold_limit_s * 1000), self)
        self.scorecard = ScorecardPanel(ctx, inter, self)
        self.scorecard.seek_requested.connect(self.transcript.seek)
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

            data = call_report_data(self.ctx.engine, self.interaction.id)
            return write_atomically(Path(out), lambda tmp: build_call_report(data, tmp), force=True)

        self.export_button.setEnabled(False)

        def done(path):
            self.export_button.setEnabled(True)
            QMessageBox.information(self, self.tr("Exported"), self.tr("Wrote {0}").format(path))

        def failed(msg):
            self.export_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("Export failed"), msg)

        self._task = run_task(self.ctx.pool, work, done, failed)
