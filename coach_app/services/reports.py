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


# ----------------------------------------------------------------------------- period statistics

MAIN_KINDS = ("lead", "calibration", "automatic")  # which evaluation speaks for an interaction, in order


@dataclass
class EvaluatedInteraction:
    interaction: Interaction
    agent: str | None
    evaluation: Evaluation
    results: dict[str, CriterionResult]


@dataclass
class PeriodData:
    rubric: Rubric
    rows: list[EvaluatedInteraction]  # one per interaction: its main evaluation
    #: interactions with more than one non-self evaluation: [(interaction, [EvaluationView, ...])]
    multi: list[tuple[Interaction, list[EvaluationView]]]


def period_data(engine: Engine, date_from=None, date_to=None, agent: str | None = None) -> PeriodData:
    with Session(engine) as session:
        q = select(Interaction).order_by(Interaction.occurred_at, Interaction.id)
        if date_from:
            q = q.where(Interaction.occurred_at >= date_from)
        if date_to:
            q = q.where(Interaction.occurred_at < date_to)
        people = {p.id: p.name for p in session.exec(select(Person)).all()}
        if agent is not None and agent not in people.values():
            raise NotFoundError(f"no agent called {agent!r}")
        rows, multi, version_ids = [], [], []
        for inter in session.exec(q).all():
            name = people.get(inter.agent_id)
            if agent is not None and name != agent:
                continue
            evs = session.exec(select(Evaluation).where(Evaluation.interaction_id == inter.id,
                                                        Evaluation.kind != "self").order_by(Evaluation.id.desc())).all()
            if not evs:
                continue
            main = next((e for kind in MAIN_KINDS for e in evs if e.kind == kind), evs[0])
            view = _view(session, main)
            rows.append(EvaluatedInteraction(inter, name, main, view.results))
            version_ids.append(main.rubric_version_id)
            if len(evs) > 1:
                multi.append((inter, [_view(session, e) for e in reversed(evs)]))
        if not rows:
            raise NotFoundError("no scored interactions in that period" + (f" for {agent}" if agent else ""))
        # the most used rubric version names the criteria
        common = max(set(version_ids), key=version_ids.count)
        version = session.get(RubricVersion, common)
        return PeriodData(parse_rubric(version.content, f"rubric version {version.id}"), rows, multi)


def met_rates(rows: list[EvaluatedInteraction], criteria: list[str]) -> dict[str, float | None]:
    """Share of applicable (met or not met) results that are met, per criterion."""
    out = {}
    for cid in criteria:
        statuses = [r.results[cid].status for r in rows if cid in r.results and r.results[cid].status in ("met", "not_met")]
        out[cid] = statuses.count("met") / len(statuses) if statuses else None
    return out


def agreement(views: list[EvaluationView]) -> tuple[float | None, list[str]]:
    """Share of criteria on which every evaluation scored the same (among criteria all scored),
    and the ids of the criteria where they differ."""
    common = set.intersection(*(set(cid for cid, r in v.results.items() if r.status) for v in views))
    if not common:
        return None, []
    differ = sorted(cid for cid in common if len({v.results[cid].status for v in views}) > 1)
    return 1 - len(differ) / len(common), differ
