"""Background work for the app: QRunnables with signals, run on a thread pool that is passed
in (tests pass a pool and wait on it). Cancellation is a threading.Event checked by the
transcriber, surfaced as the typed TranscriptionCancelled — never by matching strings."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from coach_app.errors import CoachError
from coach_app.transcription.base import TranscriptionCancelled

log = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal(float)  # 0..1
    stage = Signal(str)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # one readable line
    cancelled = Signal()


class ImportJob(QRunnable):
    """Import one file, transcribe it if it is audio, score it: the whole path to a scored call."""

    def __init__(self, ctx, path: Path, agent: str | None, channels: str | None, transcriber_factory: Callable,
                 interaction_id: int | None = None):
        super().__init__()
        self.ctx, self.path, self.agent, self.channels = ctx, Path(path), agent, channels
        self.transcriber_factory = transcriber_factory
        #: known for a call already stored (resumed or transcribed again); else set once imported
        self.interaction_id = interaction_id
        self.cancel_event = threading.Event()
        #: the user cancelled (the call stays cancelled) rather than the app closing (it resumes)
        self.cancelled_on_purpose = True
        self.signals = JobSignals()
        #: when the call happened, as the import dialog was told; None: the file's own time
        self.occurred_at = None
        self.setAutoDelete(False)  # the view keeps it to cancel it and read its signals

    def cancel(self, on_purpose: bool = True) -> None:
        if not self.cancel_event.is_set():
            self.cancelled_on_purpose = on_purpose
        self.cancel_event.set()

    def _cancelled(self) -> None:
        from coach_app.services.transcripts import mark_cancelled

        try:
            if self.interaction_id is not None:
                mark_cancelled(self.ctx.engine, self.interaction_id, self.cancelled_on_purpose)
        except Exception:  # noqa: BLE001 - the cancel itself happened; the log says what else did not
            log.exception("could not record the cancel of interaction %s", self.interaction_id)
        self.signals.cancelled.emit()

    def run(self) -> None:
        from coach_app.services.importer import import_file
        from coach_app.services.transcripts import transcribe_interaction

        s = self.signals
        try:
            if self.cancel_event.is_set():  # cancelled while waiting in the queue: nothing is imported
                raise TranscriptionCancelled()
            s.stage.emit("import")
            inter = import_file(self.ctx.ws, self.ctx.engine, self.path, agent=self.agent, channels=self.channels,
                                occurred_at=self.occurred_at).interaction
            self.interaction_id = inter.id
            if self.cancel_event.is_set():
                raise TranscriptionCancelled()
            if inter.kind == "audio" and inter.status not in ("transcribed", "needs_review"):
                s.stage.emit("transcribe")
                transcribe_interaction(self.ctx.ws, self.ctx.engine, inter.id, self.transcriber_factory(),
                                       progress=lambda done, total: s.progress.emit(done / total if total else 1.0),
                                       cancel=self.cancel_event)
            s.stage.emit("score")
            # scored on its own pool: this pool's next transcription starts meanwhile
            self.ctx.score_pool.start(_ScoreTask(self.ctx, inter.id, s))
        except TranscriptionCancelled:
            self._cancelled()
        except CoachError as exc:
            s.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - never a traceback in the UI; the log has it
            log.exception("import of %s failed", self.path)
            s.failed.emit(f"{self.path.name}: unexpected {type(exc).__name__}: {exc} (details in coach.log)")


class _ScoreTask(QRunnable):
    """Score one transcribed interaction, then report the import job finished."""

    def __init__(self, ctx, interaction_id: int, signals: JobSignals):
        super().__init__()
        self.ctx, self.interaction_id, self.signals = ctx, interaction_id, signals

    def run(self) -> None:
        from coach_app.services.evaluations import score_interaction
        from coach_app.services.rubrics import resolve_rubric

        s = self.signals
        try:
            version, rubric = resolve_rubric(self.ctx.engine, None)
            try:
                score_interaction(self.ctx.engine, self.interaction_id, version, rubric, self.ctx.settings.hold_limit_s)
            except CoachError as exc:  # e.g. held for review: the interaction is flagged, not lost
                log.info("not scored: %s", exc)
            s.progress.emit(1.0)
            s.finished.emit(self.interaction_id)
        except CoachError as exc:
            s.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - never a traceback in the UI; the log has it
            log.exception("scoring interaction %s failed", self.interaction_id)
            s.failed.emit(f"unexpected {type(exc).__name__}: {exc} (details in coach.log)")


def run_task(pool: QThreadPool, fn: Callable[[], object], on_done: Callable[[object], None],
             on_error: Callable[[str], None]) -> QRunnable:
    """Run ``fn`` on the pool; its result or error comes back on the GUI thread via signals."""

    class _Task(QRunnable):
        def __init__(self):
            super().__init__()
            self.signals = JobSignals()
            self.setAutoDelete(False)

        def run(self) -> None:
            try:
                self.signals.finished.emit(fn())
            except CoachError as exc:
                self.signals.failed.emit(str(exc))
            except Exception as exc:  # noqa: BLE001
                log.exception("background task failed")
                self.signals.failed.emit(f"unexpected {type(exc).__name__}: {exc}")

    task = _Task()
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_error)
    pool.start(task)
    return task


class NewestRead(QObject):
    """Background reads of which only the newest answer is shown: a view that reloads while an
    older read is still running must not be overwritten by it when it arrives late. A child of
    the view, so a view closed meanwhile gets nothing (the connection dies with this object)."""

    def __init__(self, pool: QThreadPool, on_done: Callable[[object], None], on_error: Callable[[str], None],
                 parent: QObject):
        super().__init__(parent)
        self.pool, self.on_done, self.on_error = pool, on_done, on_error
        self.generation = 0
        self._task = None

    def run(self, fn: Callable[[], object]) -> None:
        self.generation += 1
        generation = self.generation
        self._task = run_task(self.pool, lambda: (generation, fn()), self._deliver, self._failed)

    def _deliver(self, answer) -> None:
        generation, result = answer
        if generation == self.generation:
            self.on_done(result)

    def _failed(self, message: str) -> None:
        self.on_error(message)
