"""Read-only queries for listings and detail views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.transcript import Segment
from coach_app.db.models import Evaluation, Interaction, Person, RubricVersion, TranscriptSegment
from coach_app.db.models import Rubric as RubricRow
from coach_app.services.transcripts import get_interaction, load_segments


def list_interactions(
    engine: Engine, agent: str | None = None, status: str | None = None, limit: int | None = None
) -> list[tuple[Interaction, str | None]]:
    with Session(engine) as session:
        q = select(Interaction, Person.name).join(Person, Interaction.agent_id == Person.id, isouter=True)
        if agent:
            q = q.where(Person.name == agent)
        if status:
            q = q.where(Interaction.status == status)
        q = q.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        if limit:
            q = q.limit(limit)
        return [(inter, name) for inter, name in session.exec(q).all()]


def interaction_with_transcript(engine: Engine, interaction_id: int) -> tuple[Interaction, str | None, list[Segment]]:
    with Session(engine) as session:
        inter = get_interaction(session, interaction_id)
        agent = session.get(Person, inter.agent_id).name if inter.agent_id else None
        return inter, agent, load_segments(session, interaction_id)


@dataclass(frozen=True)
class LibraryRow:
    """One line of the library: plain data, so the table model needs no database."""

    id: int
    occurred_at: datetime | None
    agent: str | None
    duration_ms: int | None
    channel_type: str
    kind: str
    status: str
    original_name: str
    rubric: str | None
    total: float | None
    passed: bool | None
    reviewed_by: str | None
    language: str | None = None
    #: the detector's probability; None when the language was set or came with a transcript
    language_probability: float | None = None


def library_rows(engine: Engine, agent: str | None = None) -> list[LibraryRow]:
    """Every interaction (or one agent's) with the total of the evaluation that speaks for it
    (lead > calibration > automatic, newest first) and who reviewed it. Plain column tuples, no
    ORM objects: 100,000 interactions load in about a second."""
    rank = {"lead": 0, "calibration": 1, "automatic": 2}
    with Session(engine) as session:
        people = dict(session.execute(select(Person.id, Person.name)).all())
        rubrics = {vid: f"{slug} v{ver}" for vid, slug, ver in session.execute(
            select(RubricVersion.id, RubricRow.slug, RubricVersion.version)
            .join(RubricRow, RubricVersion.rubric_id == RubricRow.id)).all()}
        best: dict[int, tuple] = {}
        reviewers: dict[int, set[str]] = {}
        for iid, kind, total, passed, vid, author in session.execute(
                select(Evaluation.interaction_id, Evaluation.kind, Evaluation.total, Evaluation.passed,
                       Evaluation.rubric_version_id, Evaluation.author_id)
                .where(Evaluation.kind != "self").order_by(Evaluation.id)).all():
            current = best.get(iid)
            if current is None or rank[kind] <= rank[current[0]]:  # later rows are newer
                best[iid] = (kind, total, passed, vid)
            if kind in ("lead", "calibration") and author:
                reviewers.setdefault(iid, set()).add(people.get(author, ""))
        q = select(Interaction.id, Interaction.occurred_at, Interaction.agent_id, Interaction.duration_ms,
                   Interaction.channel_type, Interaction.kind, Interaction.status, Interaction.original_name,
                   Interaction.language, Interaction.language_probability)
        if agent is not None:
            agent_ids = [pid for pid, name in people.items() if name == agent]
            q = q.where(Interaction.agent_id.in_(agent_ids))
        rows = []
        for iid, occurred, agent_id, dur, channel, kind, status, name, lang, lang_p in session.execute(
                q.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())).all():
            b = best.get(iid)
            rows.append(LibraryRow(iid, occurred, people.get(agent_id), dur, channel, kind, status, name,
                                   rubrics.get(b[3]) if b else None, b[1] if b else None, b[2] if b else None,
                                   ", ".join(sorted(reviewers.get(iid, ()))) or None, lang, lang_p))
        return rows


def search_transcripts(engine: Engine, text: str) -> set[int]:
    """Ids of interactions whose transcript contains ``text`` (case-insensitive)."""
    with Session(engine) as session:
        pattern = f"%{text.strip()}%"
        return set(session.exec(select(TranscriptSegment.interaction_id)
                                .where(TranscriptSegment.text.ilike(pattern)).distinct()).all())
