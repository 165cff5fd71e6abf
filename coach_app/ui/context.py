"""What every view needs: the workspace, its database, settings, the current user, the pool."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThreadPool


@dataclass
class AppContext:
    ws: object
    engine: object
    settings: object
    pool: QThreadPool
    user_name: str = ""
    user_role: str = "team_lead"
    #: short database reads (the library) run here, never queued behind a transcription
    io_pool: QThreadPool | None = None
    #: scoring (embedding a transcript) runs here, so the next call's transcription starts
    #: while this one is scored
    score_pool: QThreadPool | None = None

    def __post_init__(self) -> None:
        if self.io_pool is None:
            self.io_pool = QThreadPool()
        if self.score_pool is None:
            self.score_pool = QThreadPool()
            self.score_pool.setMaxThreadCount(1)

    def wait_for_work(self, msecs: int) -> None:
        """Let running transcriptions and scorings finish (closing the app, ending a test)."""
        self.pool.waitForDone(msecs)
        self.score_pool.waitForDone(msecs)

    def transcriber(self, model: str | None = None):
        """The configured transcriber; ``model`` overrides the model setting for one job."""
        from coach_app.config import apply_overrides
        from coach_app.transcription.whisper import WhisperTranscriber

        return WhisperTranscriber(apply_overrides(self.settings.transcription, model=model))
