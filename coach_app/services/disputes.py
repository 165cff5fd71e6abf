"""Disputes: the call's agent objects to one criterion of the lead's submitted review, with the
status they think is right and why; a lead of the call (or an admin) accepts — the status
changes, audited, "changed by dispute N" — or rejects with a reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.db.models import CRITERION_STATUSES, CriterionResult, Dispute, Evaluation, Interaction, Person, utcnow
from coach_app.errors import CoachError, NotFoundError
from coach_app.services.access import AccessError, actor, can_review, viewer_of, visible_agent_ids
from coach_app.services.people import audit
from coach_app.services.reviews import Change, apply_change, rubric_of, self_assessment_done, storable_text

REASON_MAX = 4000


@dataclass(frozen=True)
class DisputeView:
    id: int
    interaction_id: int
    evaluation_id: int
    criterion_id: str
    criterion_title: dict
    from_status: str | None
    wanted_status: str
    reason: str
    opened_by: str
    opened_at: datetime
    status: str
    resolved_by: str | None
    resolved_at: datetime | None
    reply: str | None

    def to_json(self) -> dict:
        return {"id": self.id, "interaction": self.interaction_id, "evaluation": self.evaluation_id,
                "criterion": self.criterion_id, "from": self.from_status, "want": self.wanted_status,
                "reason": self.reason, "opened_by": self.opened_by, "opened_at": self.opened_at.isoformat(),
                "status": self.status, "resolved_by": self.resolved_by,
                "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None, "reply": self.reply}


def latest_lead_review(session: Session, interaction_id: int) -> Evaluation | None:
    """The lead review that speaks for the call: the most recently submitted one."""
    return session.exec(select(Evaluation).where(
        Evaluation.interaction_id == interaction_id, Evaluation.kind == "lead", Evaluation.submitted_at.is_not(None))
        .order_by(Evaluation.submitted_at.desc(), Evaluation.id.desc())).first()


def _text(value: str | None, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise CoachError(f"{what} cannot be empty")
    if len(value) > REASON_MAX:
        raise CoachError(f"{what} must be at most {REASON_MAX} characters of text")
    storable_text(value, what)  # the same rule as a review's reasons and comments
    return value


def open_dispute(engine: Engine, interaction_id: int, agent: str, criterion_id: str, want: str,
                 reason: str) -> Dispute:
    with Session(engine, expire_on_commit=False) as session:
        me = actor(session, agent)
        inter = session.get(Interaction, interaction_id)
        if inter is None or (me.role == "agent" and inter.agent_id != me.id):
            raise NotFoundError(f"no interaction with id {interaction_id}")
        if inter.agent_id != me.id:
            raise AccessError(f"only the call's agent can dispute its review; {me.name} is not the agent of "
                              f"interaction {interaction_id}")
        if not self_assessment_done(session, inter):
            raise CoachError(f"submit or skip your self-assessment of interaction {interaction_id} first; "
                             f"the lead's review opens to you then")
        ev = latest_lead_review(session, interaction_id)
        if ev is None:
            raise CoachError(f"interaction {interaction_id} has no submitted lead review to dispute")
        rubric = rubric_of(session, ev)
        try:
            rubric.criterion(criterion_id)
        except KeyError:
            raise CoachError(f"the rubric has no criterion '{criterion_id}'") from None
        if want not in CRITERION_STATUSES:
            raise CoachError(f"--want must be one of {', '.join(CRITERION_STATUSES)}")
        row = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id,
                                                         CriterionResult.criterion_id == criterion_id)).first()
        current = row.status if row else None
        if current == want:
            raise CoachError(f"the lead's review already has '{criterion_id}' as {want}")
        if session.exec(select(Dispute.id).where(Dispute.evaluation_id == ev.id, Dispute.criterion_id == criterion_id,
                                                 Dispute.status == "open")).first() is not None:
            raise CoachError(f"'{criterion_id}' of interaction {interaction_id} is already disputed and not yet answered")
        d = Dispute(interaction_id=interaction_id, evaluation_id=ev.id, criterion_id=criterion_id,
                    from_status=current, wanted_status=want, reason=_text(reason, "a dispute's reason"),
                    opened_by_id=me.id)
        session.add(d)
        session.flush()
        audit(session, "dispute", d.id, "open", {"interaction": interaction_id, "evaluation": ev.id,
                                                 "criterion": criterion_id, "from": current, "want": want},
              actor_id=me.id)
        session.commit()
        return d


def resolve_dispute(engine: Engine, dispute_id: int, by: str, accept: bool, reply: str) -> Dispute:
    with Session(engine, expire_on_commit=False) as session:
        me = actor(session, by)
        d = session.get(Dispute, dispute_id)
        if d is None:
            raise NotFoundError(f"no dispute with id {dispute_id}")
        inter = session.get(Interaction, d.interaction_id)
        ev = session.get(Evaluation, d.evaluation_id)
        if not (me.id == ev.author_id or can_review(session, me, inter)):
            raise AccessError(f"{me.name} cannot answer disputes of interaction {inter.id}; a lead of its team can")
        if d.status != "open":
            raise CoachError(f"dispute {dispute_id} was already {d.status} on {d.resolved_at:%Y-%m-%d}")
        d.reply = _text(reply, "a reply (--reply)")
        d.status, d.resolved_by_id, d.resolved_at = ("accepted" if accept else "rejected"), me.id, utcnow()
        if accept:
            apply_change(session, ev, rubric_of(session, ev), me, Change(d.criterion_id, status=d.wanted_status),
                         reason=f"changed by dispute {d.id}: {d.reply}", dispute_id=d.id)
        audit(session, "dispute", d.id, d.status, {"reply": d.reply, "evaluation": ev.id}, actor_id=me.id)
        session.commit()
        return d


def list_disputes(engine: Engine, viewer: str | None = None, open_only: bool = False,
                  interaction_id: int | None = None) -> list[DisputeView]:
    """Disputes ``viewer`` may see: an agent their own, a lead their team's, admins and trainers all."""
    with Session(engine) as session:
        me = viewer_of(session, viewer)
        agents = visible_agent_ids(session, me)
        q = select(Dispute, Interaction.agent_id).join(Interaction, Interaction.id == Dispute.interaction_id)
        if open_only:
            q = q.where(Dispute.status == "open")
        if interaction_id is not None:
            q = q.where(Dispute.interaction_id == interaction_id)
        names = dict(session.exec(select(Person.id, Person.name)).all())
        rubrics: dict[int, object] = {}
        out = []
        for d, agent_id in session.exec(q.order_by(Dispute.id)).all():
            if agents is not None and agent_id not in agents:
                continue
            if d.evaluation_id not in rubrics:
                rubrics[d.evaluation_id] = rubric_of(session, session.get(Evaluation, d.evaluation_id))
            try:
                title = dict(rubrics[d.evaluation_id].criterion(d.criterion_id).title)
            except KeyError:
                title = {}
            out.append(DisputeView(d.id, d.interaction_id, d.evaluation_id, d.criterion_id, title, d.from_status,
                                   d.wanted_status, d.reason, names.get(d.opened_by_id, "?"), d.opened_at, d.status,
                                   names.get(d.resolved_by_id), d.resolved_at, d.reply))
        return out
