"""Gathering what a coaching report shows, from the database, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.rubric import Rubric, parse_rubric
from coach_app.core.transcript import Segment
from coach_app.db.models import CriterionResult, Evaluation, Interaction, Person, RubricVersion
from coach_app.errors import CoachError, NotFoundError
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
    #: disputes of the lead review's criteria and their outcome (DisputeView)
    disputes: list = field(default_factory=list)


def _view(session: Session, ev: Evaluation | None) -> EvaluationView | None:
    if ev is None:
        return None
    rows = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)).all()
    author = session.get(Person, ev.author_id).name if ev.author_id else None
    return EvaluationView(ev, author, {r.criterion_id: r for r in rows})


def call_report_data(engine: Engine, interaction_id: int, viewer: str | None = None) -> CallReportData:
    """What the coaching report of one call shows to ``viewer`` (None: the local operator): the
    most recently submitted lead review, naming its reviewer, else the automatic evaluation;
    the agent's self-assessment once submitted. The call's agent gets nothing of the lead's
    view before submitting (or skipping) their own."""
    from coach_app.services.access import require_see, viewer_of
    from coach_app.services.disputes import latest_lead_review, list_disputes
    from coach_app.services.reviews import self_assessment_done

    with Session(engine) as session:
        inter = session.get(Interaction, interaction_id)
        if inter is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        person = viewer_of(session, viewer)
        require_see(session, person, inter)
        if person is not None and inter.agent_id == person.id and not self_assessment_done(session, inter):
            raise CoachError(f"submit or skip your self-assessment of interaction {interaction_id} first; "
                             f"the lead's review and its report open to you then")
        evs = session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id)
                           .order_by(Evaluation.id.desc())).all()
        automatic = next((e for e in evs if e.kind == "automatic"), None)
        if automatic is None:
            raise NotFoundError(f"interaction {interaction_id} has not been scored yet (coach analyze / score --save)")
        main = latest_lead_review(session, interaction_id) or automatic
        own_self = next((e for e in evs if e.kind == "self" and e.author_id == inter.agent_id
                         and e.submitted_at is not None and not e.skipped), None)
        version = session.get(RubricVersion, main.rubric_version_id)
        agent = session.get(Person, inter.agent_id).name if inter.agent_id else None
        data = CallReportData(
            interaction=inter, agent=agent,
            rubric=parse_rubric(version.content, f"rubric version {version.id}"), rubric_version=version,
            main=_view(session, main), automatic=_view(session, automatic),
            self_assessment=_view(session, own_self), segments=load_segments(session, interaction_id),
        )
    data.disputes = list_disputes(engine, interaction_id=interaction_id)
    return data


# ----------------------------------------------------------------------------- period statistics

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
    #: calls scored in calibration sessions: [(interaction, [each reviewer's submitted review])]
    multi: list[tuple[Interaction, list[EvaluationView]]]
    #: per agent: (calls with a submitted lead review, all calls) in the period
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)


def period_data(engine: Engine, date_from=None, date_to=None, agent: str | None = None,
                viewer: str | None = None) -> PeriodData:
    """Each call of the period with the evaluation that speaks for it (the latest submitted lead
    review, else the automatic one), as ``viewer`` may see it (an agent: their own calls whose
    self-assessment is done). Reviewer agreement comes from calibration sessions only: two
    automatic evaluations of one call are not two reviewers agreeing."""
    from coach_app.services.access import viewer_of, visible_agent_ids
    from coach_app.services.reviews import self_assessment_done

    with Session(engine) as session:
        q = select(Interaction).order_by(Interaction.occurred_at, Interaction.id)
        if date_from:
            q = q.where(Interaction.occurred_at >= date_from)
        if date_to:
            q = q.where(Interaction.occurred_at < date_to)
        people = {p.id: p.name for p in session.exec(select(Person)).all()}
        if agent is not None and agent not in people.values():
            raise NotFoundError(f"no agent called {agent!r}")
        me = viewer_of(session, viewer)
        allowed = visible_agent_ids(session, me)
        rows, multi, version_ids, coverage = [], [], [], {}
        for inter in session.exec(q).all():
            name = people.get(inter.agent_id)
            if (agent is not None and name != agent) or (allowed is not None and inter.agent_id not in allowed):
                continue
            if me is not None and inter.agent_id == me.id and not self_assessment_done(session, inter):
                continue  # blind: the agent sees no verdict of a call they have not self-assessed
            evs = session.exec(select(Evaluation).where(Evaluation.interaction_id == inter.id,
                                                        Evaluation.kind.in_(("automatic", "lead", "calibration")))
                               .order_by(Evaluation.id.desc())).all()
            lead = sorted((e for e in evs if e.kind == "lead" and e.submitted_at is not None),
                          key=lambda e: (e.submitted_at, e.id), reverse=True)
            main = lead[0] if lead else next((e for e in evs if e.kind == "automatic"), None)
            if main is None:
                continue
            if name is not None:
                done, total = coverage.get(name, (0, 0))
                coverage[name] = (done + bool(lead), total + 1)
            view = _view(session, main)
            rows.append(EvaluatedInteraction(inter, name, main, view.results))
            version_ids.append(main.rubric_version_id)
            calibrated = [e for e in evs if e.kind == "calibration" and e.submitted_at is not None]
            if len(calibrated) > 1 and (me is None or me.role in ("admin", "trainer", "team_lead")):
                multi.append((inter, [_view(session, e) for e in reversed(calibrated)]))
        if not rows:
            raise NotFoundError("no scored interactions in that period" + (f" for {agent}" if agent else ""))
        # the most used rubric version names the criteria
        common = max(set(version_ids), key=version_ids.count)
        version = session.get(RubricVersion, common)
        return PeriodData(parse_rubric(version.content, f"rubric version {version.id}"), rows, multi, coverage)


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
