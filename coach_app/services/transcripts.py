"""Running transcription jobs and reading stored transcripts.

A job's status is persisted: it is 'running' while a worker has it. The transcript is written
in one transaction together with the job's 'done' status, so a crash mid-run can never leave
a partial transcript marked done. A job is claimed by one process only: the claimer holds the
interaction's lease (services/leases.py: a lock that dies with its process) and moves the
interaction to 'transcribing' with a conditional UPDATE checked by its row count. A 'running'
job is declared interrupted only when nobody holds its lease, so a live job of another process
is never stolen; the interaction is then transcribed again from scratch.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from sqlalchemy import delete, or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.config import Workspace
from coach_app.core.transcript import AGENT, CUSTOMER, Segment, Word
from coach_app.db.models import Interaction, TranscriptionJob, TranscriptSegment, utcnow
from coach_app.errors import CoachError, ConfigurationError, NotFoundError
from coach_app.services.leases import interaction_lease
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


class AlreadyClaimed(CoachError):
    """Another live process is transcribing the interaction, or it no longer needs transcribing."""


def _abandon_running(session: Session, interaction_id: int) -> bool:
    """Only with the interaction's lease held: its 'running' jobs have no live owner."""
    jobs = session.exec(select(TranscriptionJob).where(TranscriptionJob.interaction_id == interaction_id,
                                                       TranscriptionJob.status == "running")).all()
    for job in jobs:
        job.status, job.finished_at, job.error = "failed", utcnow(), "interrupted before it finished"
    inter = session.get(Interaction, interaction_id)
    reset = inter is not None and inter.status == "transcribing"
    if reset:
        inter.status, inter.status_detail = "imported", INTERRUPTED_DETAIL
    return bool(jobs) or reset


def mark_interrupted_jobs(engine: Engine, live_job_ids: set[int] = frozenset()) -> list[int]:
    """Jobs left 'running' by a process that died: mark them failed, their interactions to
    redo. Returns the interaction ids. A job whose owner still holds its lease (another
    process, or a worker of this one) is alive and left alone; ``live_job_ids`` too."""
    with Session(engine) as session:
        running = session.exec(select(TranscriptionJob.id, TranscriptionJob.interaction_id)
                               .where(TranscriptionJob.status == "running")).all()
        transcribing = session.exec(select(Interaction.id).where(Interaction.status == "transcribing")).all()
    live = {iid for jid, iid in running if jid in live_job_ids}
    candidates = sorted(({iid for _, iid in running} | set(transcribing)) - live)
    ids = []
    for iid in candidates:
        with interaction_lease(engine, iid) as held:
            if not held:
                continue  # its owner is alive
            with Session(engine) as session:
                if _abandon_running(session, iid):
                    ids.append(iid)
                session.commit()
    return ids


def _is_pending(inter: Interaction, include_failed: bool) -> bool:
    statuses = ("imported", "transcribing") + (("failed",) if include_failed else ())
    return inter.kind == "audio" and inter.status in statuses and (
        include_failed or inter.status_detail != CANCELLED_DETAIL)


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
    only_pending: bool = False,
    include_failed: bool = False,
) -> TranscribeOutcome:
    """Transcribe one interaction. ``only_pending`` (the ``--pending`` runs): raise
    AlreadyClaimed instead when another process finished it meanwhile. Always raises
    AlreadyClaimed when another live process is transcribing it now."""
    with interaction_lease(engine, interaction_id) as held:
        if not held:
            raise AlreadyClaimed(f"interaction {interaction_id} is being transcribed by another process right now")
        return _transcribe_leased(ws, engine, interaction_id, transcriber, progress, cancel, only_pending,
                                  include_failed)


def _transcribe_leased(ws: Workspace, engine: Engine, interaction_id: int, transcriber: Transcriber,
                       progress: ProgressCallback | None, cancel: threading.Event | None, only_pending: bool,
                       include_failed: bool) -> TranscribeOutcome:
    with Session(engine, expire_on_commit=False) as session:
        inter = get_interaction(session, interaction_id)
        if inter.kind != "audio":
            raise CoachError(f"interaction {interaction_id} was imported as a transcript; there is no audio to transcribe")
        audio_path = ws.recording_path(inter.managed_path)
        if not audio_path.exists():
            raise CoachError(f"interaction {interaction_id}: its recording {audio_path} is missing from the workspace")
        if inter.status == "transcribing":
            _abandon_running(session, interaction_id)  # we hold the lease: whoever left it so is gone
            session.flush()
        if only_pending and not _is_pending(inter, include_failed):
            raise AlreadyClaimed(f"interaction {interaction_id} is already {inter.status}")
        previous_status, previous_detail = inter.status, inter.status_detail
        # the claim itself: atomic, and refused if anyone moved the interaction since we read it
        claimed = session.connection().execute(
            update(Interaction).where(Interaction.id == interaction_id, Interaction.status == previous_status)
            .values(status="transcribing", status_detail=None)).rowcount
        if claimed != 1:
            session.rollback()
            raise AlreadyClaimed(f"interaction {interaction_id} was claimed by another process")
        job = TranscriptionJob(
            interaction_id=inter.id, status="running", model=transcriber.name, started_at=utcnow(),
            settings=getattr(getattr(transcriber, "settings", None), "model_dump", lambda: None)(),
        )
        session.add(job)
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
        # a done job carries no error, whatever an earlier attempt wrote on the row
        job.status, job.finished_at, job.wall_ms, job.error = "done", utcnow(), int(wall_s * 1000), None
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
