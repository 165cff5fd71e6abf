"""Tables for the whole product (storage, transcripts, rubrics, evaluations, audit).

Enumerations are stored as short strings (checked in code and by CHECK constraints) so that
adding a value never needs a database enum migration on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, CheckConstraint, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


ROLES = ("agent", "team_lead", "trainer", "admin")
#: audio = a recording we transcribe; text = a transcript or chat log imported as text
INTERACTION_KINDS = ("audio", "text")
CHANNEL_TYPES = ("phone", "chat")
# imported → transcribing → transcribed | needs_review | failed; chats arrive as transcribed
INTERACTION_STATUSES = ("imported", "transcribing", "transcribed", "needs_review", "failed")
JOB_STATUSES = ("queued", "running", "done", "failed", "cancelled")
EVALUATION_KINDS = ("automatic", "self", "lead", "calibration")
CRITERION_STATUSES = ("met", "not_met", "na")
DISPUTE_STATUSES = ("open", "accepted", "rejected")


def _in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    return CheckConstraint(f"{column} IN ({', '.join(repr(v) for v in values)})", name=name)


class Team(SQLModel, table=True):
    __tablename__ = "team"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class Person(SQLModel, table=True):
    __tablename__ = "person"
    __table_args__ = (_in("role", ROLES, "ck_person_role"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    role: str = Field(default="agent", max_length=20)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)
    email: Optional[str] = Field(default=None, max_length=320)
    #: the PostgreSQL login that is this person on a team database (identity = current_user)
    db_login: Optional[str] = Field(default=None, max_length=63, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


class Interaction(SQLModel, table=True):
    __tablename__ = "interaction"
    __table_args__ = (
        _in("kind", INTERACTION_KINDS, "ck_interaction_kind"),
        _in("channel_type", CHANNEL_TYPES, "ck_interaction_channel_type"),
        _in("status", INTERACTION_STATUSES, "ck_interaction_status"),
        Index("ix_interaction_agent_occurred", "agent_id", "occurred_at"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)
    sha256: str = Field(unique=True, max_length=64)
    original_name: str = Field(max_length=1000)
    #: path relative to the workspace (recordings/ab/<sha256>.ext); None for chats
    managed_path: Optional[str] = Field(default=None, max_length=1000)
    duration_ms: Optional[int] = None
    channels: Optional[int] = None
    sample_rate: Optional[int] = None
    language: Optional[str] = Field(default=None, max_length=10)
    #: how sure the language detector was (None: the language was set or came with a transcript)
    language_probability: Optional[float] = None
    agent_id: Optional[int] = Field(default=None, foreign_key="person.id")
    occurred_at: Optional[datetime] = Field(default=None, index=True)
    imported_at: datetime = Field(default_factory=utcnow)
    channel_type: str = Field(default="phone", max_length=10)
    #: "agent,customer" | "customer,agent" | "mono"
    channel_map: Optional[str] = Field(default=None, max_length=20)
    status: str = Field(default="imported", max_length=20, index=True)
    #: why the status is what it is ("speech detected but no words transcribed", an error …)
    status_detail: Optional[str] = Field(default=None, sa_column=Column(Text))
    transcription_model: Optional[str] = Field(default=None, max_length=300)


class TranscriptSegment(SQLModel, table=True):
    __tablename__ = "transcript_segment"
    __table_args__ = (
        UniqueConstraint("interaction_id", "seq", name="uq_segment_seq"),
        CheckConstraint("end_ms >= start_ms", name="ck_segment_times"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    seq: int
    speaker: str = Field(max_length=20)
    start_ms: int
    end_ms: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    #: [{"start": ms, "end": ms, "text": str, "p": prob}] where the transcriber gives words
    words: Optional[list[dict[str, Any]]] = Field(default=None, sa_column=Column(JSON))


class UtteranceEmbedding(SQLModel, table=True):
    """Sentence embeddings of transcript text, by model and text hash: computed once when a
    call is first scored, so re-scoring after an override or a rubric edit never embeds again
    (and identical utterances across calls share a row)."""

    __tablename__ = "utterance_embedding"
    model_id: str = Field(primary_key=True, max_length=100)
    text_key: str = Field(primary_key=True, max_length=64)
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float32, little-endian


class TranscriptionJob(SQLModel, table=True):
    """One attempt to transcribe an interaction; the persisted job status lets an interrupted
    run be recognised (status 'running' with no live worker) and re-run cleanly."""

    __tablename__ = "transcription_job"
    __table_args__ = (_in("status", JOB_STATUSES, "ck_job_status"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    status: str = Field(default="queued", max_length=20, index=True)
    model: Optional[str] = Field(default=None, max_length=300)
    settings: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
    started_at: Optional[datetime] = None
    finished_at: Optional[datetime] = None
    error: Optional[str] = Field(default=None, sa_column=Column(Text))
    wall_ms: Optional[int] = None


class Rubric(SQLModel, table=True):
    __tablename__ = "rubric"
    id: Optional[int] = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=200)
    name: str = Field(max_length=300)
    created_at: datetime = Field(default_factory=utcnow)


class RubricVersion(SQLModel, table=True):
    """Immutable: a changed template is a new row; evaluations point at the row they used."""

    __tablename__ = "rubric_version"
    __table_args__ = (UniqueConstraint("rubric_id", "content_hash", name="uq_rubric_version_hash"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    rubric_id: int = Field(foreign_key="rubric.id", index=True)
    version: str = Field(max_length=50)
    content_hash: str = Field(max_length=64)
    content: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: Optional[int] = Field(default=None, foreign_key="person.id")


class Evaluation(SQLModel, table=True):
    __tablename__ = "evaluation"
    __table_args__ = (_in("kind", EVALUATION_KINDS, "ck_evaluation_kind"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    rubric_version_id: int = Field(foreign_key="rubric_version.id", index=True)
    kind: str = Field(max_length=20)
    author_id: Optional[int] = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)
    submitted_at: Optional[datetime] = None
    total: Optional[float] = None
    passed: Optional[bool] = None
    metrics: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    #: the calibration session a calibration review belongs to
    calibration_session_id: Optional[int] = Field(default=None, foreign_key="calibration_session.id", index=True)
    #: a self-assessment the agent chose not to do (submitted empty: the lead's view opens)
    skipped: Optional[bool] = None


class CriterionResult(SQLModel, table=True):
    __tablename__ = "criterion_result"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "criterion_id", name="uq_result_criterion"),
        CheckConstraint(
            "status IS NULL OR status IN ('met', 'not_met', 'na')", name="ck_result_status"
        ),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True)
    criterion_id: str = Field(max_length=100)
    #: None = not scored yet (person-only criteria before a person scores them)
    status: Optional[str] = Field(default=None, max_length=10)
    score: Optional[float] = None
    #: [{"speaker", "start_ms", "end_ms", "quote"}]
    evidence: Optional[list[dict[str, Any]]] = Field(default=None, sa_column=Column(JSON))
    rationale: Optional[str] = Field(default=None, sa_column=Column(Text))
    #: probability of the automatic verdict (semantic judge); None for rules and people
    confidence: Optional[float] = None
    reviewer_comment: Optional[str] = Field(default=None, sa_column=Column(Text))
    overridden_from: Optional[str] = Field(default=None, max_length=10)
    override_reason: Optional[str] = Field(default=None, sa_column=Column(Text))


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: Optional[int] = Field(default=None, foreign_key="person.id")
    #: table name of what changed, e.g. "interaction", "criterion_result"
    entity: str = Field(max_length=50)
    entity_id: Optional[int] = None
    action: str = Field(max_length=50)
    detail: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))


class CalibrationSession(SQLModel, table=True):
    """Several reviewers score the same calls blind; their agreement shows how consistently
    the team applies the rubric, and the owner records the verdict they agree on."""

    __tablename__ = "calibration_session"
    id: Optional[int] = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    owner_id: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)


class CalibrationItem(SQLModel, table=True):
    __tablename__ = "calibration_item"
    session_id: int = Field(foreign_key="calibration_session.id", primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", primary_key=True)


class CalibrationReviewer(SQLModel, table=True):
    __tablename__ = "calibration_reviewer"
    session_id: int = Field(foreign_key="calibration_session.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True)


class CalibrationVerdict(SQLModel, table=True):
    """The verdict the session's owner recorded after discussing a difference."""

    __tablename__ = "calibration_verdict"
    __table_args__ = (
        UniqueConstraint("session_id", "interaction_id", "criterion_id", name="uq_calibration_verdict"),
        _in("status", CRITERION_STATUSES, "ck_calibration_verdict_status"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="calibration_session.id", index=True)
    interaction_id: int = Field(foreign_key="interaction.id")
    criterion_id: str = Field(max_length=100)
    status: str = Field(max_length=10)
    note: Optional[str] = Field(default=None, sa_column=Column(Text))
    decided_by_id: int = Field(foreign_key="person.id")
    decided_at: datetime = Field(default_factory=utcnow)


class Dispute(SQLModel, table=True):
    """An agent's objection to one criterion of a lead's review, and the lead's answer."""

    __tablename__ = "dispute"
    __table_args__ = (
        _in("status", DISPUTE_STATUSES, "ck_dispute_status"),
        _in("wanted_status", CRITERION_STATUSES, "ck_dispute_wanted"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True)
    criterion_id: str = Field(max_length=100)
    #: the lead's status when the dispute was opened, and the one the agent asks for
    from_status: Optional[str] = Field(default=None, max_length=10)
    wanted_status: str = Field(max_length=10)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    opened_by_id: int = Field(foreign_key="person.id")
    opened_at: datetime = Field(default_factory=utcnow)
    status: str = Field(default="open", max_length=10, index=True)
    resolved_by_id: Optional[int] = Field(default=None, foreign_key="person.id")
    resolved_at: Optional[datetime] = None
    reply: Optional[str] = Field(default=None, sa_column=Column(Text))


class ReviewAssignment(SQLModel, table=True):
    """A call put in a reviewer's queue (by `sample`); done once that reviewer submits a lead
    review of it."""

    __tablename__ = "review_assignment"
    __table_args__ = (UniqueConstraint("interaction_id", "reviewer_id", name="uq_assignment"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    reviewer_id: int = Field(foreign_key="person.id", index=True)
    assigned_by_id: Optional[int] = Field(default=None, foreign_key="person.id")
    assigned_at: datetime = Field(default_factory=utcnow)
