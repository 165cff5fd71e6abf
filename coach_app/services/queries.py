"""Read-only queries for listings and detail views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.transcript import Segment
from coach_app.db.models import Evaluation, Interaction, Person, RubricVersion, TranscriptSegment
from coach_app.db.models import Rubric as RubricRow
from coach_app.services.access import viewer_of
from coach_app.services.transcripts import get_interaction, load_segments


def list_interactions(
    engine: Engine, agent: str | None = None, status: str | None = None, limit: int | None = None,
    viewer: str | None = None,
) -> list[tuple[Interaction, str | None]]:
    """The calls ``viewer`` may see (None: the local operator sees all)."""
    from coach_app.services.access import visible_agent_ids

    with Session(engine) as session:
        allowed = visible_agent_ids(session, viewer_of(session, viewer))
        q = select(Interaction, Person.name).join(Person, Interaction.agent_id == Person.id, isouter=True)
        if allowed is not None:
            mine = Interaction.agent_id.in_([a for a in allowed if a is not None])
            q = q.where(or_(mine, Interaction.agent_id.is_(None)) if None in allowed else mine)
        if agent:
            q = q.where(Person.name == agent)
        if status:
            q = q.where(Interaction.status == status)
        q = q.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        if limit:
            q = q.limit(limit)
        return [(inter, name) for inter, name in session.exec(q).all()]


def interaction_with_transcript(engine: Engine, interaction_id: int,
                                viewer: str | None = None) -> tuple[Interaction, str | None, list[Segment]]:
    from coach_app.services.access import require_see

    with Session(engine) as session:
        inter = get_interaction(session, interaction_id)
        require_see(session, viewer_of(session, viewer), inter)
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
    #: a lead review has been submitted (the "not yet reviewed" filter)
    reviewed: bool = False
    #: disputes not yet answered
    open_disputes: int = 0
    #: the viewer is the call's agent and has not yet self-assessed it: its verdicts are hidden
    awaiting_self_assessment: bool = False


def library_rows(engine: Engine, agent: str | None = None, viewer: str | None = None) -> list[LibraryRow]:
    """The interactions ``viewer`` may see (or one agent's), each with the total of the
    evaluation that speaks for it (the latest submitted lead review, else the newest automatic
    one) and who reviewed it. The call's agent sees no total or reviewer until they have
    submitted or skipped their self-assessment. Plain column tuples, no ORM objects: 100,000
    interactions load in about a second."""
    from coach_app.db.models import Dispute
    from coach_app.services.access import visible_agent_ids

    with Session(engine) as session:
        me = viewer_of(session, viewer)
        allowed = visible_agent_ids(session, me)
        people = dict(session.execute(select(Person.id, Person.name)).all())
        rubrics = {vid: f"{slug} v{ver}" for vid, slug, ver in session.execute(
            select(RubricVersion.id, RubricRow.slug, RubricVersion.version)
            .join(RubricRow, RubricVersion.rubric_id == RubricRow.id)).all()}
        best: dict[int, tuple] = {}
        reviewer: dict[int, str] = {}
        self_done: set[tuple[int, int]] = set()
        for iid, kind, total, passed, vid, author, submitted in session.execute(
                select(Evaluation.interaction_id, Evaluation.kind, Evaluation.total, Evaluation.passed,
                       Evaluation.rubric_version_id, Evaluation.author_id, Evaluation.submitted_at)
                .where(Evaluation.kind.in_(("automatic", "lead", "self")))
                .order_by(Evaluation.submitted_at, Evaluation.id)).all():
            if kind == "self":
                if submitted is not None:
                    self_done.add((iid, author))
                continue
            current = best.get(iid)
            if kind == "lead":
                if submitted is None:
                    continue
                best[iid] = (kind, total, passed, vid)  # later submissions come later
                reviewer[iid] = people.get(author, "")
            elif current is None or current[0] == "automatic":
                best[iid] = (kind, total, passed, vid)
        disputes: dict[int, int] = {}
        for iid in session.execute(select(Dispute.interaction_id).where(Dispute.status == "open")).scalars():
            disputes[iid] = disputes.get(iid, 0) + 1
        q = select(Interaction.id, Interaction.occurred_at, Interaction.agent_id, Interaction.duration_ms,
                   Interaction.channel_type, Interaction.kind, Interaction.status, Interaction.original_name,
                   Interaction.language, Interaction.language_probability)
        if agent is not None:
            agent_ids = [pid for pid, name in people.items() if name == agent]
            q = q.where(Interaction.agent_id.in_(agent_ids))
        rows = []
        for iid, occurred, agent_id, dur, channel, kind, status, name, lang, lang_p in session.execute(
                q.order_by(Interaction.occurred_at.desc(), Interaction.id.desc())).all():
            if allowed is not None and agent_id not in allowed:
                continue
            blind = me is not None and agent_id == me.id and (iid, me.id) not in self_done
            b = None if blind else best.get(iid)
            rows.append(LibraryRow(iid, occurred, people.get(agent_id), dur, channel, kind, status, name,
                                   rubrics.get(b[3]) if b else None, b[1] if b else None, b[2] if b else None,
                                   None if blind else reviewer.get(iid), lang, lang_p, reviewed=iid in reviewer,
                                   open_disputes=disputes.get(iid, 0), awaiting_self_assessment=blind))
        return rows


def search_transcripts(engine: Engine, text: str) -> set[int]:
    """Ids of interactions whose transcript contains ``text`` (case-insensitive)."""
    with Session(engine) as session:
        pattern = f"%{text.strip()}%"
        return set(session.exec(select(TranscriptSegment.interaction_id)
                                .where(TranscriptSegment.text.ilike(pattern)).distinct()).all())
