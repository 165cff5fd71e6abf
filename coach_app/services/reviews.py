"""People's evaluations: a team lead's review (starting from the automatic scores, every change
of status with a reason), calibration reviews, and the agent's self-assessment (starting blank,
and not shown the lead's view until it is submitted). Every change is saved at once with an
audit event."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.rubric import Criterion, Rubric, parse_rubric
from coach_app.core.scoring import total_and_passed
from coach_app.db.models import (
    CRITERION_STATUSES, CriterionResult, Evaluation, Interaction, Person, RubricVersion, utcnow,
)
from coach_app.errors import CoachError, NotFoundError
from coach_app.services.people import audit, get_or_create_person

REVIEW_KINDS = ("lead", "calibration", "self")
_ROLE_FOR_KIND = {"lead": "team_lead", "calibration": "team_lead", "self": "agent"}
#: person-scored numeric scales: the score from which the criterion counts as met
_SCALE_MET_FROM = {"1-5": (1, 5, 3), "0-10": (0, 10, 6)}


def _rubric_of(session: Session, ev: Evaluation) -> Rubric:
    version = session.get(RubricVersion, ev.rubric_version_id)
    return parse_rubric(version.content, f"rubric version {version.id}")


def start_review(engine: Engine, interaction_id: int, author: str, kind: str = "lead") -> Evaluation:
    """The author's open (unsubmitted) review of this kind, or a new one. A lead or calibration
    review starts from the newest automatic evaluation; a self-assessment starts blank."""
    if kind not in REVIEW_KINDS:
        raise CoachError(f"review kind must be one of {', '.join(REVIEW_KINDS)}")
    with Session(engine, expire_on_commit=False) as session:
        inter = session.get(Interaction, interaction_id)
        if inter is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        person = get_or_create_person(session, author, _ROLE_FOR_KIND[kind])
        if kind == "self" and inter.agent_id != person.id:
            raise CoachError(f"{author} is not the agent of interaction {interaction_id}; only they can self-assess it")
        open_review = session.exec(select(Evaluation).where(
            Evaluation.interaction_id == interaction_id, Evaluation.kind == kind, Evaluation.author_id == person.id,
            Evaluation.submitted_at.is_(None))).first()
        if open_review is not None:
            session.commit()
            return open_review
        auto = session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id,
                                                     Evaluation.kind == "automatic").order_by(Evaluation.id.desc())).first()
        if auto is None:
            raise CoachError(f"interaction {interaction_id} has no automatic evaluation to review yet; score it first")
        ev = Evaluation(interaction_id=interaction_id, rubric_version_id=auto.rubric_version_id, kind=kind,
                        author_id=person.id, metrics=auto.metrics)
        session.add(ev)
        session.flush()
        rows = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == auto.id)).all()
        for r in rows:
            copy = kind != "self"
            session.add(CriterionResult(evaluation_id=ev.id, criterion_id=r.criterion_id,
                                        status=r.status if copy else None, score=r.score if copy else None,
                                        evidence=r.evidence if copy else None, rationale=r.rationale if copy else None,
                                        confidence=r.confidence if copy else None))
        if kind != "self":
            ev.total, ev.passed = auto.total, auto.passed
        audit(session, "evaluation", ev.id, "start_review", {"kind": kind, "from": auto.id}, actor_id=person.id)
        session.commit()
        return ev


def _status_from_score(c: Criterion, score: float) -> str:
    low, high, met_from = _SCALE_MET_FROM[c.scale]
    if not low <= score <= high:
        raise CoachError(f"criterion '{c.id}': score must be between {low} and {high}")
    return "met" if score >= met_from else "not_met"


def set_criterion(engine: Engine, evaluation_id: int, criterion_id: str, actor: str, status: str | None = None,
                  score: float | None = None, reason: str | None = None, comment: str | None = None) -> CriterionResult:
    """Change one criterion of a review. In a lead or calibration review, changing the status
    the automatic scoring gave needs a reason (kept, with the original status)."""
    with Session(engine, expire_on_commit=False) as session:
        ev = session.get(Evaluation, evaluation_id)
        if ev is None or ev.kind == "automatic":
            raise CoachError(f"evaluation {evaluation_id} is not a person's review")
        if ev.submitted_at is not None:
            raise CoachError(f"evaluation {evaluation_id} was submitted on {ev.submitted_at:%Y-%m-%d}; it can no longer change")
        rubric = _rubric_of(session, ev)
        try:
            c = rubric.criterion(criterion_id)
        except KeyError:
            raise CoachError(f"the rubric has no criterion '{criterion_id}'") from None
        person = get_or_create_person(session, actor)
        if ev.author_id != person.id:
            raise CoachError(f"evaluation {evaluation_id} belongs to someone else")
        row = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id,
                                                         CriterionResult.criterion_id == criterion_id)).first()
        if row is None:
            row = CriterionResult(evaluation_id=ev.id, criterion_id=criterion_id)
            session.add(row)
        before = {"status": row.status, "score": row.score, "comment": row.reviewer_comment}
        if score is not None:
            if c.scale == "met_not_met":
                raise CoachError(f"criterion '{c.id}' is scored met / not_met / na, not with a number")
            status = _status_from_score(c, score)
            row.score = score
        if status is not None:
            if status not in CRITERION_STATUSES:
                raise CoachError(f"status must be one of {', '.join(CRITERION_STATUSES)}")
            original = row.overridden_from or row.status
            if ev.kind != "self" and original is not None and status != original and c.scoring == "automatic":
                if not (reason and reason.strip()):
                    raise CoachError(f"changing '{c.id}' from {original} to {status} needs a reason")
                row.overridden_from, row.override_reason = original, reason.strip()
                row.confidence = None  # a person's verdict now: the model's probability no longer applies
            elif status == original:
                row.overridden_from = row.override_reason = None  # changed back: no override any more
            row.status = status
            if score is None:
                row.score = {"met": 1.0, "not_met": 0.0}.get(status) if c.scale == "met_not_met" else row.score
        if comment is not None:
            row.reviewer_comment = comment.strip() or None
        session.flush()
        statuses = {r.criterion_id: r.status for r in
                    session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)).all()}
        ev.total, ev.passed = total_and_passed(rubric, statuses)
        audit(session, "criterion_result", row.id, "override" if row.overridden_from else "set",
              {"evaluation": ev.id, "criterion": c.id, "before": before,
               "after": {"status": row.status, "score": row.score, "comment": row.reviewer_comment},
               "reason": row.override_reason}, actor_id=person.id)
        session.commit()
        return row


def submit_review(engine: Engine, evaluation_id: int, actor: str) -> Evaluation:
    with Session(engine, expire_on_commit=False) as session:
        ev = session.get(Evaluation, evaluation_id)
        if ev is None or ev.kind == "automatic":
            raise CoachError(f"evaluation {evaluation_id} is not a person's review")
        person = get_or_create_person(session, actor)
        if ev.author_id != person.id:
            raise CoachError(f"evaluation {evaluation_id} belongs to someone else")
        missing = [r.criterion_id for r in session.exec(select(CriterionResult).where(
            CriterionResult.evaluation_id == ev.id)).all() if r.status is None]
        rubric = _rubric_of(session, ev)
        auto_missing = [cid for cid in missing if rubric.criterion(cid).scoring == "automatic"]
        if ev.kind == "self" and auto_missing:
            raise CoachError(f"score every criterion before submitting; still open: {', '.join(auto_missing)}")
        ev.submitted_at = utcnow()
        audit(session, "evaluation", ev.id, "submit", {"kind": ev.kind}, actor_id=person.id)
        session.commit()
        return ev


def visible_evaluations(engine: Engine, interaction_id: int, viewer: str) -> list[Evaluation]:
    """What ``viewer`` may see. The interaction's agent sees only their own self-assessment
    until they have submitted it; then everything. Anyone else sees everything but other
    people's unsubmitted self-assessments."""
    with Session(engine) as session:
        inter = session.get(Interaction, interaction_id)
        if inter is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        evs = session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id)
                           .order_by(Evaluation.id)).all()
        me = session.exec(select(Person).where(Person.name == viewer)).first()
        my_id = me.id if me else None
        if my_id is not None and inter.agent_id == my_id:
            submitted = any(e.kind == "self" and e.author_id == my_id and e.submitted_at for e in evs)
            if not submitted:
                return [e for e in evs if e.kind == "self" and e.author_id == my_id]
        return [e for e in evs if not (e.kind == "self" and e.submitted_at is None and e.author_id != my_id)]
