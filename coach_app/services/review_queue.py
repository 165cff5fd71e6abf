"""The review queue: ``sample`` picks calls nobody has reviewed yet, spread over each agent's
period (the period cut into N equal stretches of calls, one drawn from each, so a month's sample
is not four calls from its last afternoon), and assigns them to a reviewer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.db.models import Evaluation, Interaction, Person, ReviewAssignment
from coach_app.errors import CoachError
from coach_app.services.access import AccessError, actor, can_review, find_person, require_role
from coach_app.services.people import audit, clean_name

PER_AGENT_MAX = 1000


@dataclass(frozen=True)
class QueueItem:
    assignment_id: int
    interaction_id: int
    agent: str | None
    occurred_at: datetime | None
    reviewer: str
    assigned_at: datetime
    done: bool


def reviewed_ids(session: Session) -> set[int]:
    """Calls with a submitted lead review."""
    return set(session.exec(select(Evaluation.interaction_id).where(
        Evaluation.kind == "lead", Evaluation.submitted_at.is_not(None))).all())


def _done(session: Session, reviewer_id: int) -> set[int]:
    return set(session.exec(select(Evaluation.interaction_id).where(
        Evaluation.kind == "lead", Evaluation.author_id == reviewer_id, Evaluation.submitted_at.is_not(None))).all())


def spread_pick(items: list, n: int, rng: random.Random) -> list:
    """``n`` of ``items`` (in time order), one drawn from each of n equal consecutive stretches."""
    if len(items) <= n:
        return list(items)
    picks = []
    for k in range(n):
        lo, hi = (k * len(items)) // n, ((k + 1) * len(items)) // n
        picks.append(items[rng.randrange(lo, hi)])
    return picks


def sample_for_review(engine: Engine, per_agent: int, by: str, reviewer: str | None = None,
                      date_from: datetime | None = None, date_to: datetime | None = None,
                      seed: int | None = None) -> list[QueueItem]:
    if not 1 <= per_agent <= PER_AGENT_MAX:
        raise CoachError(f"--per-agent must be between 1 and {PER_AGENT_MAX}")
    with Session(engine, expire_on_commit=False) as session:
        me = actor(session, by)
        require_role(me, ("team_lead", "admin"), "assign reviews")
        target = me
        if reviewer:
            target = find_person(session, clean_name(reviewer))
            if target is None:
                raise CoachError(f"reviewer {reviewer} is not a person of this workspace (coach person add)")
            require_role(target, ("team_lead", "admin"), "be assigned reviews")
        taken = reviewed_ids(session) | set(session.exec(select(ReviewAssignment.interaction_id)).all())
        scored = set(session.exec(select(Evaluation.interaction_id).where(Evaluation.kind == "automatic")).all())
        q = select(Interaction).where(Interaction.agent_id.is_not(None), Interaction.status == "transcribed")
        if date_from:
            q = q.where(Interaction.occurred_at >= date_from)
        if date_to:
            q = q.where(Interaction.occurred_at < date_to)
        by_agent: dict[int, list[Interaction]] = {}
        for inter in session.exec(q.order_by(Interaction.occurred_at, Interaction.id)).all():
            if inter.id in scored and inter.id not in taken and can_review(session, target, inter) \
                    and can_review(session, me, inter):
                by_agent.setdefault(inter.agent_id, []).append(inter)
        rng = random.Random(seed)
        names = dict(session.exec(select(Person.id, Person.name)).all())
        out = []
        for agent_id in sorted(by_agent, key=lambda a: names.get(a, "")):
            for inter in spread_pick(by_agent[agent_id], per_agent, rng):
                a = ReviewAssignment(interaction_id=inter.id, reviewer_id=target.id, assigned_by_id=me.id)
                session.add(a)
                session.flush()
                audit(session, "review_assignment", a.id, "assign",
                      {"interaction": inter.id, "reviewer": target.name}, actor_id=me.id)
                out.append(QueueItem(a.id, inter.id, names.get(agent_id), inter.occurred_at, target.name,
                                     a.assigned_at, False))
        session.commit()
        return out


def review_queue(engine: Engine, reviewer: str, include_done: bool = False) -> list[QueueItem]:
    """The calls assigned to ``reviewer``; done once they have submitted a lead review of it."""
    with Session(engine) as session:
        me = find_person(session, reviewer)
        if me is None:
            raise AccessError(f"{reviewer} is not a person of this workspace")
        done = _done(session, me.id)
        names = dict(session.exec(select(Person.id, Person.name)).all())
        out = []
        for a, inter in session.exec(select(ReviewAssignment, Interaction)
                                     .join(Interaction, Interaction.id == ReviewAssignment.interaction_id)
                                     .where(ReviewAssignment.reviewer_id == me.id)
                                     .order_by(Interaction.occurred_at, Interaction.id)).all():
            if include_done or a.interaction_id not in done:
                out.append(QueueItem(a.id, inter.id, names.get(inter.agent_id), inter.occurred_at, me.name,
                                     a.assigned_at, a.interaction_id in done))
        return out
