"""People's evaluations: a team lead's review (starting from the automatic scores, every change
of status with a reason), calibration reviews (blind, from blank), and the agent's
self-assessment (from blank; the lead's view stays hidden from the agent until it is submitted
or skipped).

One lead evaluation per reviewer per call: reviewing again continues it (a submitted one is
reopened, audited). Every command is all-or-nothing: everything is validated and applied in one
transaction, so a refused change leaves no trace, not even a new person or an open review.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from coach_app.core.rubric import Criterion, Rubric, parse_rubric
from coach_app.core.scoring import total_and_passed
from coach_app.db.models import (
    CRITERION_STATUSES, CalibrationItem, CalibrationReviewer, CalibrationSession, CriterionResult, Evaluation,
    Interaction, Person, RubricVersion, utcnow,
)
from coach_app.errors import CoachError, NotFoundError
from coach_app.services.access import AccessError, actor, require_review, require_see, viewer_of
from coach_app.services.people import audit

REVIEW_KINDS = ("lead", "calibration", "self")
#: person-scored numeric scales: the score from which the criterion counts as met
_SCALE_MET_FROM = {"1-5": (1, 5, 3), "0-10": (0, 10, 6)}


@dataclass(frozen=True)
class Change:
    """One requested change of a review: a status, a number (1-5 / 0-10 criteria) or a comment."""

    criterion: str
    status: str | None = None
    score: float | None = None
    comment: str | None = None


def storable_text(text: str | None, what: str) -> None:
    """Refuse a reason or comment no database can hold the same (NUL and other control
    characters but newline and tab; half of a UTF-16 surrogate pair)."""
    if text is not None and any((ord(c) < 32 and c not in "\n\t") or 0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise CoachError(f"{what} contains a control character or an unpaired surrogate; write it as plain text")


def rubric_of(session: Session, ev: Evaluation) -> Rubric:
    version = session.get(RubricVersion, ev.rubric_version_id)
    return parse_rubric(version.content, f"rubric version {version.id}")


def _interaction(session: Session, interaction_id: int) -> Interaction:
    inter = session.get(Interaction, interaction_id)
    if inter is None:
        raise NotFoundError(f"no interaction with id {interaction_id}")
    return inter


def _latest_automatic(session: Session, interaction_id: int) -> Evaluation:
    auto = session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id,
                                                 Evaluation.kind == "automatic").order_by(Evaluation.id.desc())).first()
    if auto is None:
        raise CoachError(f"interaction {interaction_id} has no automatic evaluation to review yet; score it first")
    return auto


def _scored_version(session: Session, interaction_id: int) -> int:
    """The rubric version of the call's newest automatic evaluation. On a team database the
    agent may not read that evaluation before self-assessing; the database answers this one
    question for them (coach_scored_version, team_mode.py)."""
    if session.get_bind().dialect.name == "postgresql":
        try:
            with session.begin_nested():
                found = session.execute(text("SELECT coach_scored_version(:i, current_user)"), {"i": interaction_id}).scalar()
        except DBAPIError:  # not a team database: the function does not exist
            found = None
        if found is not None:
            return found
    return _latest_automatic(session, interaction_id).rubric_version_id


def _own(session: Session, interaction_id: int, kind: str, person: Person, session_id: int | None) -> Evaluation | None:
    q = select(Evaluation).where(Evaluation.interaction_id == interaction_id, Evaluation.kind == kind,
                                 Evaluation.author_id == person.id)
    if kind == "calibration":
        q = q.where(Evaluation.calibration_session_id == session_id)
    return session.exec(q.order_by(Evaluation.id.desc())).first()


def _check_may_start(session: Session, inter: Interaction, person: Person, kind: str, session_id: int | None) -> None:
    if kind not in REVIEW_KINDS:
        raise CoachError(f"review kind must be one of {', '.join(REVIEW_KINDS)}")
    if kind == "self":
        if inter.agent_id != person.id:
            raise AccessError(f"{person.name} is not the agent of interaction {inter.id}; only they can self-assess it")
        return
    if kind == "lead":
        require_review(session, person, inter)
        return
    if session_id is None:
        raise CoachError("a calibration review belongs to a session: --session N (coach calibration start)")
    if session.get(CalibrationItem, (session_id, inter.id)) is None:
        raise CoachError(f"interaction {inter.id} is not one of calibration session {session_id}'s calls")
    if session.get(CalibrationReviewer, (session_id, person.id)) is None:
        raise AccessError(f"{person.name} is not a reviewer of calibration session {session_id}")


#: advisory-lock class of a call's review transactions on PostgreSQL ("revw" in ASCII; a signed int4)
_PG_REVIEW_LOCK = 0x72657677


def _one_opener_per_call(session: Session, interaction_id: int) -> None:
    """Two processes opening one person's review of a call at once must not both start one: the
    transaction holds a lock on the call from before it looks for the review until it commits."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:c, :o)"), {"c": _PG_REVIEW_LOCK, "o": interaction_id})
    elif dialect == "sqlite":  # the write lock now, as BEGIN IMMEDIATE would (the other waits: busy_timeout)
        session.execute(text("UPDATE interaction SET id = id WHERE id = :i"), {"i": interaction_id})


def _open_review(session: Session, inter: Interaction, person: Person, kind: str,
                 session_id: int | None = None) -> Evaluation:
    """The person's review of this kind, continued (a submitted lead review is reopened) or
    started: a lead review from the newest automatic evaluation, the others from blank."""
    _check_may_start(session, inter, person, kind, session_id)
    _one_opener_per_call(session, inter.id)
    ev = _own(session, inter.id, kind, person, session_id)
    if ev is not None:
        if ev.submitted_at is not None:
            if kind != "lead":
                what = "self-assessment" if kind == "self" else "calibration review"
                raise CoachError(f"{person.name}'s {what} of interaction {inter.id} was submitted on "
                                 f"{ev.submitted_at:%Y-%m-%d}; it can no longer change")
            audit(session, "evaluation", ev.id, "reopen", {"submitted_at": ev.submitted_at.isoformat()},
                  actor_id=person.id)
            ev.submitted_at = None
        return ev
    copy = kind == "lead"  # calibration is blind: from blank, like a self-assessment
    if copy:
        auto = _latest_automatic(session, inter.id)
        version_id, metrics, source = auto.rubric_version_id, auto.metrics, auto.id
    else:  # the rubric the call was scored with, not its verdicts (hidden from an agent on a team database)
        version_id, metrics, source = _scored_version(session, inter.id), None, None
    ev = Evaluation(interaction_id=inter.id, rubric_version_id=version_id, kind=kind,
                    author_id=person.id, metrics=metrics, calibration_session_id=session_id)
    session.add(ev)
    session.flush()
    if copy:
        for r in session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == auto.id)).all():
            session.add(CriterionResult(evaluation_id=ev.id, criterion_id=r.criterion_id, status=r.status,
                                        score=r.score, evidence=r.evidence, rationale=r.rationale,
                                        confidence=r.confidence))
    else:
        session.add_all(CriterionResult(evaluation_id=ev.id, criterion_id=c.id)
                        for c in rubric_of(session, ev).criteria)
    if copy:
        ev.total, ev.passed = auto.total, auto.passed
    audit(session, "evaluation", ev.id, "start_review", {"kind": kind, "from": source, "session": session_id},
          actor_id=person.id)
    session.flush()
    return ev


def _status_from_score(c: Criterion, score: float) -> str:
    low, high, met_from = _SCALE_MET_FROM[c.scale]
    if not low <= score <= high:
        raise CoachError(f"criterion '{c.id}': score must be between {low} and {high}")
    return "met" if score >= met_from else "not_met"


def _criterion(rubric: Rubric, criterion_id: str) -> Criterion:
    try:
        return rubric.criterion(criterion_id)
    except KeyError:
        raise CoachError(f"the rubric has no criterion '{criterion_id}' "
                         f"(it has: {', '.join(c.id for c in rubric.criteria)})") from None


def apply_change(session: Session, ev: Evaluation, rubric: Rubric, person: Person, change: Change,
                 reason: str | None = None, dispute_id: int | None = None) -> CriterionResult:
    """Change one criterion inside the caller's transaction. In a lead review, changing the
    status the automatic scoring gave needs a reason (kept, with the original status)."""
    c = _criterion(rubric, change.criterion)
    row = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id,
                                                     CriterionResult.criterion_id == c.id)).first()
    if row is None:
        row = CriterionResult(evaluation_id=ev.id, criterion_id=c.id)
        session.add(row)
    before = {"status": row.status, "score": row.score, "comment": row.reviewer_comment}
    status, score = change.status, change.score
    if score is not None:
        if c.scale == "met_not_met":
            raise CoachError(f"criterion '{c.id}' is scored met / not_met / na, not with a number")
        status = _status_from_score(c, score)
        row.score = score
    if status is not None:
        if status not in CRITERION_STATUSES:
            raise CoachError(f"'{c.id}': status {status!r} is not one of {', '.join(CRITERION_STATUSES)}")
        original = row.overridden_from or row.status
        if ev.kind == "lead" and original is not None and status != original and c.scoring == "automatic":
            if not (reason and reason.strip()):
                raise CoachError(f"changing '{c.id}' from {original} to {status} needs a reason (--reason)")
            row.overridden_from, row.override_reason = original, reason.strip()
            row.confidence = None  # a person's verdict now: the model's probability no longer applies
        elif status == original:
            row.overridden_from = row.override_reason = None  # changed back: no override any more
        row.status = status
        if score is None:
            row.score = {"met": 1.0, "not_met": 0.0}.get(status) if c.scale == "met_not_met" else row.score
    if change.comment is not None:
        row.reviewer_comment = change.comment.strip() or None
    session.flush()
    statuses = {r.criterion_id: r.status for r in
                session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)).all()}
    ev.total, ev.passed = total_and_passed(rubric, statuses)
    audit(session, "criterion_result", row.id, "override" if row.overridden_from else "set",
          {"evaluation": ev.id, "criterion": c.id, "before": before,
           "after": {"status": row.status, "score": row.score, "comment": row.reviewer_comment},
           "reason": row.override_reason, "dispute": dispute_id}, actor_id=person.id)
    return row


def _submit(session: Session, ev: Evaluation, rubric: Rubric, person: Person) -> None:
    if ev.kind in ("self", "calibration"):
        missing = [r.criterion_id for r in session.exec(select(CriterionResult).where(
            CriterionResult.evaluation_id == ev.id)).all()
            if r.status is None and rubric.criterion(r.criterion_id).scoring == "automatic"]
        if missing:
            raise CoachError(f"score every criterion before submitting; still open: {', '.join(missing)}")
    ev.submitted_at = utcnow()
    audit(session, "evaluation", ev.id, "submit", {"kind": ev.kind}, actor_id=person.id)


def review(engine: Engine, interaction_id: int, author: str, kind: str = "lead", changes: list[Change] = (),
           reason: str | None = None, submit: bool = False, session_id: int | None = None,
           skip: bool = False) -> Evaluation:
    """Open or continue ``author``'s review, apply every change, optionally submit — all in one
    transaction: the first refused change leaves the database as it was."""
    for what, value in [("--reason", reason), *((f"the comment on '{c.criterion}'", c.comment) for c in changes)]:
        storable_text(value, what)
    with Session(engine, expire_on_commit=False) as session:
        person = actor(session, author)
        inter = _interaction(session, interaction_id)
        ev = _open_review(session, inter, person, kind, session_id)
        rubric = rubric_of(session, ev)
        for change in changes:
            apply_change(session, ev, rubric, person, change, reason)
        if skip:
            if kind != "self":
                raise CoachError("only a self-assessment can be skipped")
            if changes:
                raise CoachError("a skipped self-assessment has no verdicts; leave out --set")
            ev.skipped, ev.submitted_at = True, utcnow()
            audit(session, "evaluation", ev.id, "skip", {"kind": "self"}, actor_id=person.id)
        elif submit:
            _submit(session, ev, rubric, person)
        session.commit()
        return ev


def start_review(engine: Engine, interaction_id: int, author: str, kind: str = "lead",
                 session_id: int | None = None) -> Evaluation:
    """The author's review of this kind, continued or started (see ``review``)."""
    return review(engine, interaction_id, author, kind, session_id=session_id)


def _own_open(session: Session, evaluation_id: int, actor_name: str) -> tuple[Evaluation, Person]:
    ev = session.get(Evaluation, evaluation_id)
    if ev is None or ev.kind == "automatic":
        raise CoachError(f"evaluation {evaluation_id} is not a person's review")
    person = actor(session, actor_name)
    if ev.author_id != person.id:
        raise AccessError(f"evaluation {evaluation_id} belongs to someone else")
    if ev.submitted_at is not None:
        raise CoachError(f"evaluation {evaluation_id} was submitted on {ev.submitted_at:%Y-%m-%d}; "
                         f"review the call again to reopen it")
    return ev, person


def set_criterion(engine: Engine, evaluation_id: int, criterion_id: str, actor_name: str, status: str | None = None,
                  score: float | None = None, reason: str | None = None, comment: str | None = None) -> CriterionResult:
    """Change one criterion of the actor's open review (saved at once, with an audit event)."""
    with Session(engine, expire_on_commit=False) as session:
        ev, person = _own_open(session, evaluation_id, actor_name)
        row = apply_change(session, ev, rubric_of(session, ev), person,
                           Change(criterion_id, status=status, score=score, comment=comment), reason)
        session.commit()
        return row


def submit_review(engine: Engine, evaluation_id: int, actor_name: str) -> Evaluation:
    with Session(engine, expire_on_commit=False) as session:
        ev, person = _own_open(session, evaluation_id, actor_name)
        _submit(session, ev, rubric_of(session, ev), person)
        session.commit()
        return ev


def self_assessment_done(session: Session, inter: Interaction) -> bool:
    """Whether the call's agent has submitted (or skipped) their self-assessment: until then
    nobody else's verdicts are shown to them."""
    return session.exec(select(Evaluation.id).where(
        Evaluation.interaction_id == inter.id, Evaluation.kind == "self", Evaluation.author_id == inter.agent_id,
        Evaluation.submitted_at.is_not(None))).first() is not None


def visible_to(session: Session, inter: Interaction, person: Person | None, evs: list[Evaluation]) -> list[Evaluation]:
    """The evaluations of ``inter`` that ``person`` may see (None: the local operator).

    The call's agent sees only their own self-assessment until it is submitted or skipped, then
    the automatic evaluation and submitted lead reviews. Nobody sees another person's open
    self-assessment or calibration review; calibration reviews of a session stay hidden from its
    reviewers until they have submitted their own."""
    my_id = person.id if person else None
    if person is not None and person.role == "agent" and inter.agent_id != my_id:
        return []
    if person is not None and inter.agent_id == my_id:
        if not self_assessment_done(session, inter):
            return [e for e in evs if e.kind == "self" and e.author_id == my_id]
        if person.role == "agent":
            return [e for e in evs if e.kind == "automatic" or e.author_id == my_id
                    or (e.kind == "lead" and e.submitted_at is not None)]
    submitted_sessions = {e.calibration_session_id for e in evs
                          if e.kind == "calibration" and e.author_id == my_id and e.submitted_at is not None}
    out = []
    for e in evs:
        if e.author_id == my_id or e.kind in ("automatic", "lead"):
            out.append(e)
        elif e.kind == "self" and e.submitted_at is not None:
            out.append(e)
        elif e.kind == "calibration" and e.submitted_at is not None and (
                person is None or person.role == "admin" or e.calibration_session_id in submitted_sessions
                or _owns_session(session, e.calibration_session_id, my_id)):
            out.append(e)
    return out


def _owns_session(session: Session, session_id: int | None, person_id: int | None) -> bool:
    s = session.get(CalibrationSession, session_id) if session_id else None
    return s is not None and s.owner_id == person_id


def visible_evaluations(engine: Engine, interaction_id: int, viewer: str | None) -> list[Evaluation]:
    """What ``viewer`` may see of the call (see ``visible_to``); a viewer who may not see the
    call at all gets the same answer as for a call that does not exist."""
    with Session(engine) as session:
        inter = _interaction(session, interaction_id)
        person = viewer_of(session, viewer)
        require_see(session, person, inter)
        evs = list(session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id)
                                .order_by(Evaluation.id)).all())
        return visible_to(session, inter, person, evs)
