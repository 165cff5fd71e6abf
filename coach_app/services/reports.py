"""Gathering what a coaching report shows, from the database, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.rubric import Rubric, parse_rubric
from coach_app.core.transcript import Segment
from coach_app.db.models import CriterionResult, Evaluation, Interaction, Person, RubricVersion
from coach_app.errors import NotFoundError
from coach_app.services.transcripts import load_segments


@dataclass
class EvaluationView:
    evaluation: Evaluation
    author: str | None
    results: dict[str, CriterionResult]


@dataclass
class CallReportData:
    interaction: Interaction
    agent: str | None
    rubric: Rubric
    rubric_version: RubricVersion
    main: EvaluationView  # the lead's evaluation when there is one, else the automatic one
    automatic: EvaluationView | None
    self_assessment: EvaluationView | None
    segments: list[Segment] = field(default_factory=list)


def _view(session: Session, ev: Evaluation | None) -> EvaluationView | None:
    if ev is None:
        return None
    rows = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)).all()
    author = session.get(Person, ev.author_id).name if ev.author_id else None
    return EvaluationView(ev, author, {r.criterion_id: r for r in rows})


def call_report_data(engine: Engine, interaction_id: int) -> CallReportData:
    """The newest evaluation of the interaction (a lead's review wins over the automatic one)."""
    with Session(engine) as session:
        inter = session.get(Interaction, interaction_id)
        if inter is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        evs = session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id)
                           .order_by(Evaluation.id.desc())).all()
        if not evs:
            raise NotFoundError(f"interaction {interaction_id} has not been scored yet (coach analyze / score --save)")
        newest = {kind: next((e for e in evs if e.kind == kind), None) for kind in ("lead", "automatic", "self", "calibration")}
        main = newest["lead"] or newest["calibration"] or newest["automatic"] or evs[0]
        version = session.get(RubricVersion, main.rubric_version_id)
        agent = session.get(Person, inter.agent_id).name if inter.agent_id else None
        return CallReportData(
            interaction=inter, agent=agent,
            rubric=parse_rubric(version.content, f"rubric version {version.id}"), rubric_version=version,
            main=_view(session, main), automatic=_view(session, newest["automatic"]),
            self_assessment=_view(session, newest["self"]), segments=load_segments(session, interaction_id),
        )
