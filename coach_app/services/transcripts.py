"""Running transcription jobs and reading stored transcripts.

A job's status is persisted: it is 'running' while a worker has it. The transcript is written
in one transaction together with the job's 'done' status, so a crash mid-run can never leave
a partial transcript marked done; the next ``--pending`` run finds the stale 'running' job,
marks it interrupted and transcribes the interaction again from scratch.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import delete, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.config import Workspace
from coach_app.core.transcript import AGENT, CUSTOMER, Segment, Word
from coach_app.db.models import Interaction, TranscriptionJob, TranscriptSegment, utcnow
from coach_app.errors import CoachError, ConfigurationError, NotFoundError
from coach_app.services.people import audit
from coach_app.transcription.base import (
    ChannelMap,
    ProgressCallback,
    TranscriptionCancelled,
    Transcriber,
    TranscriptionResult,
)

NEEDS_REVIEW_NO_WORDS = "speech was detected but no words were transcribed — check the language and model settings"
NEEDS_REVIEW_NO_SPEECH = "no speech was detected in the recording"
#: a transcription the user cancelled: it stays so (no automatic restart) until they ask again
CANCELLED_DETAIL = "the transcription was cancelled; transcribe it again to continue"
INTERRUPTED_DETAIL = "the previous transcription was interrupted; it will run again"


def segment_rows(interaction_id: int, segments: list[Segment]) -> list[TranscriptSegment]:
    return [
        TranscriptSegment(
            interaction_id=interaction_id,
            seq=i,
            speaker=s.speaker,
            start_ms=s.start_ms,
            end_ms=max(s.end_ms, s.start_ms),
            text=s.text,
            words=[w.to_json() for w in s.words] or None,
        )
        for i, s in enumerate(segments)
    ]


def load_segments(session: Session, interaction_id: int) -> list[Segment]:
    rows = session.exec(
        select(TranscriptSegment).where(TranscriptSegment.interaction_id == interaction_id).order_by(TranscriptSegment.seq)
    ).all()
    return [
        Segment(r.speaker, r.start_ms, r.end_ms, r.text, [Word.from_json(w) for w in (r.words or [])]) for r in rows
    ]


def get_interaction(session: Session, interaction_id: int) -> Interaction:
    row = session.get(Interaction, interaction_id)
    if row is None:
        raise NotFoundError(f"no interaction with id {interaction_id}")
    return row


@dataclass
class TranscribeOutcome:
    interaction: Interaction
    result: TranscriptionResult
    wall_s: float


def mark_interrupted_jobs(engine: Engine, live_job_ids: set[int] = frozenset()) -> list[int]:
    """Jobs left 'running' by a process that died: mark them failed, their interactions to
    redo. Returns the interaction ids. The app passes the ids of jobs its workers still own."""
    with Session(engine) as session:
        stale = session.exec(select(TranscriptionJob).where(TranscriptionJob.status == "running")).all()
        ids = []
        for job in stale:
            if job.id in live_job_ids:
                continue
            job.status, job.finished_at, job.error = "failed", utcnow(), "interrupted before it finished"
            inter = session.get(Interaction, job.interaction_id)
            if inter is not None and inter.status == "transcribing":
                inter.status = "imported"
                inter.status_detail = INTERRUPTED_DETAIL
            ids.append(job.interaction_id)
        session.commit()
        return ids


def pending_interaction_ids(engine: Engine, include_failed: bool = False) -> list[int]:
    """Audio calls still to transcribe. One the user cancelled on purpose waits for them to ask
    again; ``include_failed`` (retry everything) takes failed and cancelled ones too."""
    statuses = ["imported", "transcribing"] + (["failed"] if include_failed else [])
    with Session(engine) as session:
        q = select(Interaction.id).where(Interaction.kind == "audio", Interaction.status.in_(statuses))
        if not include_failed:
            q = q.where(or_(Interaction.status_detail.is_(None), Interaction.status_detail != CANCELLED_DETAIL))
        return list(session.exec(q.order_by(Interaction.id)).all())


def can_transcribe_again(engine: Engine, interaction_id: int) -> bool:
    """A failed or cancelled audio call, which no automatic run picks up: the user may start it."""
    with Session(engine) as session:
        inter = session.get(Interaction, interaction_id)
        return inter is not None and inter.kind == "audio" and (
            inter.status == "failed" or (inter.status == "imported" and inter.status_detail == CANCELLED_DETAIL))


def mark_cancelled(engine: Engine, interaction_id: int, on_purpose: bool) -> None:
    """A call stopped before its transcription finished: cancelled by the user (it stays so) or
    by the app closing (it runs again at the next start). A stored transcript is left as it is."""
    with Session(engine) as session:
        inter = session.get(Interaction, interaction_id)
        if inter is not None and inter.status == "imported":
            inter.status_detail = CANCELLED_DETAIL if on_purpose else INTERRUPTED_DETAIL
            session.commit()


def transcribe_interaction(
    ws: Workspace,
    engine: Engine,
    interaction_id: int,
    transcriber: Transcriber,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> TranscribeOutcome:
    with Session(engine, expire_on_commit=False) as session:
        inter = get_interaction(session, interaction_id)
        if inter.kind != "audio":
            raise CoachError(f"interaction {interaction_id} was imported as a transcript; there is no audio to transcribe")
        audio_path = ws.root / inter.managed_path
        if not audio_path.exists():
            raise CoachError(f"interaction {interaction_id}: its recording {audio_path} is missing from the workspace")
        previous_status, previous_detail = inter.status, inter.status_detail
        job = TranscriptionJob(
            interaction_id=inter.id, status="running", model=transcriber.name, started_at=utcnow(),
            settings=getattr(getattr(transcriber, "settings", None), "model_dump", lambda: None)(),
        )
        session.add(job)
        inter.status, inter.status_detail = "transcribing", None
        session.commit()
        job_id, channel_map = job.id, ChannelMap.parse(inter.channel_map)

    t0 = time.perf_counter()
    try:
        result = transcriber.transcribe(audio_path, channel_map, progress=progress, cancel=cancel)
    except BaseException as exc:  # noqa: BLE001 - the job row must say what happened, then re-raise
        cancelled = isinstance(exc, TranscriptionCancelled)
        with Session(engine) as session:
            job = session.get(TranscriptionJob, job_id)
            job.status = "cancelled" if cancelled else "failed"
            job.finished_at = utcnow()
            job.error = None if cancelled else (str(exc) or type(exc).__name__)
            inter = session.get(Interaction, interaction_id)
            had_transcript = previous_status in ("transcribed", "needs_review")
            if had_transcript:
                inter.status, inter.status_detail = previous_status, previous_detail  # keep what was stored
            elif cancelled or isinstance(exc, ConfigurationError) or not isinstance(exc, CoachError):
                # Not the recording's fault: --pending runs it again once the setting is fixed.
                inter.status, inter.status_detail = "imported", CANCELLED_DETAIL if cancelled else str(exc)
            else:
                inter.status, inter.status_detail = "failed", str(exc)
            session.commit()
        raise
    wall_s = time.perf_counter() - t0

    with Session(engine, expire_on_commit=False) as session:
        inter = get_interaction(session, interaction_id)
        session.exec(delete(TranscriptSegment).where(TranscriptSegment.interaction_id == interaction_id))
        session.add_all(segment_rows(interaction_id, result.segments))
        if result.review_reasons:
            inter.status = "needs_review"
            inter.status_detail = "; ".join(result.review_reasons + result.notes)
        elif result.word_count == 0:
            inter.status = "needs_review"
            inter.status_detail = NEEDS_REVIEW_NO_WORDS if result.speech_ms > 0 else NEEDS_REVIEW_NO_SPEECH
        else:
            inter.status, inter.status_detail = "transcribed", "; ".join(result.notes) or None
        inter.language = result.language
        inter.language_probability = result.language_probability
        inter.transcription_model = result.model_name
        inter.channel_map = result.channel_map
        job = session.get(TranscriptionJob, job_id)
        job.status, job.finished_at, job.wall_ms = "done", utcnow(), int(wall_s * 1000)
        audit(session, "interaction", interaction_id, "transcribe",
              {"job": job_id, "model": result.model_name, "segments": len(result.segments), "status": inter.status,
               "language": result.language, "review_reasons": result.review_reasons})
        session.commit()
        return TranscribeOutcome(inter, result, wall_s)


def speakers_estimated(inter: Interaction, segments: list[Segment]) -> bool:
    """Agent and customer on a mono recording were told apart by voice, not by channel."""
    return inter.channel_map == ChannelMap.MONO and any(s.speaker in (AGENT, CUSTOMER) for s in segments)


def swap_speakers(engine: Engine, interaction_id: int) -> Interaction:
    """Agent and customer the other way round (a mono call's voices guessed wrong, or a stereo
    call imported with the wrong channel map). The caller re-scores; earlier evaluations stay as
    they were, with the rubric version and text they were made from."""
    swap = {AGENT: CUSTOMER, CUSTOMER: AGENT}
    with Session(engine, expire_on_commit=False) as session:
        inter = get_interaction(session, interaction_id)
        rows = session.exec(select(TranscriptSegment).where(TranscriptSegment.interaction_id == interaction_id)).all()
        if not any(r.speaker in swap for r in rows):
            raise CoachError(f"interaction {interaction_id} has no agent and customer turns to swap")
        for r in rows:
            r.speaker = swap.get(r.speaker, r.speaker)
        if inter.channel_map in (ChannelMap.AGENT_CUSTOMER, ChannelMap.CUSTOMER_AGENT):
            inter.channel_map = ",".join(reversed(inter.channel_map.split(",")))
        audit(session, "interaction", interaction_id, "swap_speakers", {"channel_map": inter.channel_map})
        session.commit()
        return inter
