"""Read-only queries for listings and detail views."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.transcript import Segment
from coach_app.db.models import Interaction, Person
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
