"""The team job queue in the status bar (team databases only): how many recordings wait, are
being transcribed by the workers, are done or failed — read in the background every 15 s."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from coach_app.ui.workers import run_task

REFRESH_MS = 15000


class QueueStatus(QLabel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.url = ctx.engine.url.render_as_string(hide_password=False)
        self.counts: dict | None = None
        self._task = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.refresh()

    @staticmethod
    def wanted(ctx) -> bool:
        return ctx.engine.dialect.name == "postgresql" and ctx.user_role != "agent"

    def refresh(self) -> None:
        from coach_app.services.work_queue import queue_counts

        self._task = run_task(self.ctx.io_pool, lambda: queue_counts(self.url), self._shown, self._failed)

    def _shown(self, counts: dict) -> None:
        self.counts = counts
        self.setText(self.tr("Queue: %1 waiting · %2 transcribing · %3 failed")
                     .replace("%1", str(counts.get("todo", 0))).replace("%2", str(counts.get("doing", 0)))
                     .replace("%3", str(counts.get("failed", 0))))
        self.setToolTip(self.tr("The team's transcription workers (coach worker); %1 done so far.")
                        .replace("%1", str(counts.get("succeeded", 0))))

    def _failed(self, message: str) -> None:
        self.setText(self.tr("Queue: not reachable"))
        self.setToolTip(message)
