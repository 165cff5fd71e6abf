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


def library_rows(engine: Engine, agent: str | None = None) -> list[LibraryRow]:
    """Every interaction (or one agent's) with its newest automatic total and who reviewed it."""
    with Session(engine) as session:
        people = {p.id: p.name for p in session.exec(select(Person)).all()}
        rubrics = {v.id: f"{r.slug} v{v.version}" for v, r in session.exec(
            select(RubricVersion, RubricRow).join(RubricRow, RubricVersion.rubric_id == RubricRow.id)).all()}
        evals: dict[int, list[Evaluation]] = {}
        for ev in session.exec(select(Evaluation).where(Evaluation.kind != "self").order_by(Evaluation.id)).all():
            evals.setdefault(ev.interaction_id, []).append(ev)
        q = select(Interaction).order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        rows = []
        for inter in session.exec(q).all():
            name = people.get(inter.agent_id)
            if agent is not None and name != agent:
                continue
            evs = evals.get(inter.id, [])
            main = next((e for kind in ("lead", "calibration", "automatic") for e in reversed(evs) if e.kind == kind), None)
            reviewers = sorted({people[e.author_id] for e in evs if e.kind in ("lead", "calibration") and e.author_id})
            rows.append(LibraryRow(inter.id, inter.occurred_at, name, inter.duration_ms, inter.channel_type, inter.kind,
                                   inter.status, inter.original_name, rubrics.get(main.rubric_version_id) if main else None,
                                   main.total if main else None, main.passed if main else None,
                                   ", ".join(reviewers) or None))
        return rows


def search_transcripts(engine: Engine, text: str) -> set[int]:
    """Ids of interactions whose transcript contains ``text`` (case-insensitive)."""
    with Session(engine) as session:
        pattern = f"%{text.strip()}%"
        return set(session.exec(select(TranscriptSegment.interaction_id)
                                .where(TranscriptSegment.text.ilike(pattern)).distinct()).all())
