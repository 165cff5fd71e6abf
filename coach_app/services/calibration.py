"""Calibration sessions: a lead or trainer picks calls and reviewers; each reviewer scores every
call blind (from blank, not seeing the others' until they have submitted their own); the report
shows per-criterion agreement and kappa, and where reviewers differ; the owner records the
verdict they agree on."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.agreement import all_agree, kappa
from coach_app.db.models import (
    CRITERION_STATUSES, CalibrationItem, CalibrationReviewer, CalibrationSession, CalibrationVerdict, CriterionResult,
    Evaluation, Interaction, Person,
)
from coach_app.errors import CoachError, NotFoundError
from coach_app.services.access import REVIEWER_ROLES, AccessError, actor, find_person, require_role, require_see, viewer_of
from coach_app.services.people import audit, clean_name
from coach_app.services.reviews import rubric_of


def start_calibration(engine: Engine, interaction_ids: list[int], reviewers: list[str], owner: str,
                      title: str | None = None) -> CalibrationSession:
    with Session(engine, expire_on_commit=False) as session:
        me = actor(session, owner)
        require_role(me, REVIEWER_ROLES, "run calibration sessions")
        ids = list(dict.fromkeys(interaction_ids))
        if not ids:
            raise CoachError("a calibration session needs at least one call")
        for iid in ids:
            inter = session.get(Interaction, iid)
            if inter is None:
                raise NotFoundError(f"no interaction with id {iid}")
            require_see(session, me, inter)
            if session.exec(select(Evaluation.id).where(Evaluation.interaction_id == iid,
                                                        Evaluation.kind == "automatic")).first() is None:
                raise CoachError(f"interaction {iid} has not been scored yet; score it before calibrating on it")
        people = []
        for name in dict.fromkeys(clean_name(n) for n in reviewers if n.strip()):
            p = find_person(session, name)
            if p is None:
                raise CoachError(f"reviewer {name} is not a person of this workspace (coach person add)")
            require_role(p, REVIEWER_ROLES, "take part in calibration as reviewers")
            people.append(p)
        if len(people) < 2:
            raise CoachError("a calibration session needs at least two reviewers (--reviewers NAME,NAME)")
        cs = CalibrationSession(title=(title or "").strip() or f"Calibration of {len(ids)} call(s)", owner_id=me.id)
        if len(cs.title) > 300:
            raise CoachError("a calibration title must be at most 300 characters")
        session.add(cs)
        session.flush()
        session.add_all(CalibrationItem(session_id=cs.id, interaction_id=iid) for iid in ids)
        session.add_all(CalibrationReviewer(session_id=cs.id, person_id=p.id) for p in people)
        audit(session, "calibration_session", cs.id, "create",
              {"interactions": ids, "reviewers": [p.name for p in people], "title": cs.title}, actor_id=me.id)
        session.commit()
        return cs


def _session(session: Session, session_id: int) -> CalibrationSession:
    cs = session.get(CalibrationSession, session_id)
    if cs is None:
        raise NotFoundError(f"no calibration session with id {session_id}")
    return cs


def _members(session: Session, cs: CalibrationSession) -> tuple[list[int], list[Person]]:
    ids = sorted(session.exec(select(CalibrationItem.interaction_id).where(CalibrationItem.session_id == cs.id)).all())
    people = list(session.exec(select(Person).join(CalibrationReviewer, CalibrationReviewer.person_id == Person.id)
                               .where(CalibrationReviewer.session_id == cs.id).order_by(Person.name)).all())
    return ids, people


def calibration_report(engine: Engine, session_id: int, viewer: str | None = None) -> dict:
    """The session's agreement. Its owner and admins see it at any time; a reviewer once they
    have submitted all their reviews in it (before that it would unblind them)."""
    with Session(engine) as session:
        cs = _session(session, session_id)
        ids, people = _members(session, cs)
        evs = session.exec(select(Evaluation).where(Evaluation.calibration_session_id == cs.id,
                                                    Evaluation.kind == "calibration")).all()
        submitted = [e for e in evs if e.submitted_at is not None]
        me = viewer_of(session, viewer)
        if me is not None:
            mine = {e.interaction_id for e in submitted if e.author_id == me.id}
            if not (me.id == cs.owner_id or me.role == "admin" or (any(p.id == me.id for p in people)
                                                                    and mine >= set(ids))):
                raise AccessError(f"the report of calibration session {cs.id} opens to {me.name} once they have "
                                  f"submitted their review of every call in it")
        names = {p.id: p.name for p in people}
        results: dict[tuple[int, str], dict[str, str]] = {}
        rubric = rubric_of(session, submitted[0]) if submitted else None
        for e in submitted:
            for r in session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == e.id)).all():
                if r.status is not None:
                    results.setdefault((e.interaction_id, r.criterion_id), {})[names.get(e.author_id, "?")] = r.status
        pairs = {k: v for k, v in results.items() if len(v) >= 2}
        order = [c.id for c in rubric.criteria] if rubric else sorted({c for _, c in pairs})
        criteria = []
        for cid in order:
            mine = [v for (_, c), v in sorted(pairs.items()) if c == cid]
            if not mine:
                continue
            criteria.append({"id": cid, "title": rubric.criterion(cid).title if rubric else {},
                             "pairs": len(mine), "agreement": round(sum(all_agree(list(v.values())) for v in mine) / len(mine), 3),
                             "kappa": _round(kappa([[v[n] for n in sorted(v)] for v in mine]))})
        differences = [{"interaction": iid, "criterion": cid, "verdicts": dict(sorted(v.items()))}
                       for (iid, cid), v in sorted(pairs.items(), key=lambda kv: (kv[0][0], order.index(kv[0][1])
                                                                                  if kv[0][1] in order else 99))
                       if not all_agree(list(v.values()))]
        agreed = {(v.interaction_id, v.criterion_id): v for v in session.exec(
            select(CalibrationVerdict).where(CalibrationVerdict.session_id == cs.id)).all()}
        for d in differences:
            v = agreed.get((d["interaction"], d["criterion"]))
            d["agreed"] = v.status if v else None
            d["note"] = v.note if v else None
        done = {(e.interaction_id, e.author_id) for e in submitted}
        return {
            "id": cs.id, "title": cs.title, "owner": session.get(Person, cs.owner_id).name,
            "interactions": ids, "reviewers": [p.name for p in people],
            "complete": all((i, p.id) in done for i in ids for p in people),
            "submitted": len(done), "expected": len(ids) * len(people),
            "overall_agreement": round(sum(all_agree(list(v.values())) for v in pairs.values()) / len(pairs), 3)
            if pairs else None,
            "overall_kappa": _round(kappa([[v[n] for n in sorted(v)] for v in pairs.values()])),
            "criteria": criteria, "differences": differences,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def record_verdict(engine: Engine, session_id: int, interaction_id: int, criterion_id: str, status: str,
                   by: str, note: str | None = None) -> CalibrationVerdict:
    """The owner records the verdict the reviewers agreed on (replacing an earlier one, audited)."""
    with Session(engine, expire_on_commit=False) as session:
        cs = _session(session, session_id)
        me = actor(session, by)
        if me.id != cs.owner_id and me.role != "admin":
            raise AccessError(f"only the session's owner ({session.get(Person, cs.owner_id).name}) records agreed verdicts")
        if session.get(CalibrationItem, (cs.id, interaction_id)) is None:
            raise CoachError(f"interaction {interaction_id} is not one of calibration session {cs.id}'s calls")
        if status not in CRITERION_STATUSES:
            raise CoachError(f"status {status!r} is not one of {', '.join(CRITERION_STATUSES)}")
        auto = session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id,
                                                     Evaluation.kind == "automatic").order_by(Evaluation.id.desc())).first()
        if auto is not None:
            try:
                rubric_of(session, auto).criterion(criterion_id)
            except KeyError:
                raise CoachError(f"the rubric has no criterion '{criterion_id}'") from None
        row = session.exec(select(CalibrationVerdict).where(
            CalibrationVerdict.session_id == cs.id, CalibrationVerdict.interaction_id == interaction_id,
            CalibrationVerdict.criterion_id == criterion_id)).first()
        before = row.status if row else None
        if row is None:
            row = CalibrationVerdict(session_id=cs.id, interaction_id=interaction_id, criterion_id=criterion_id,
                                     status=status, decided_by_id=me.id)
            session.add(row)
        row.status, row.note, row.decided_by_id = status, (note or "").strip() or None, me.id
        session.flush()
        audit(session, "calibration_verdict", row.id, "agree",
              {"session": cs.id, "interaction": interaction_id, "criterion": criterion_id, "before": before,
               "after": status, "note": row.note}, actor_id=me.id)
        session.commit()
        return row


def list_sessions(engine: Engine, viewer: str | None = None) -> list[dict]:
    """Sessions ``viewer`` owns or reviews in (all of them for admins and the local operator),
    with how far along each is."""
    with Session(engine) as session:
        me = viewer_of(session, viewer)
        out = []
        for cs in session.exec(select(CalibrationSession).order_by(CalibrationSession.id.desc())).all():
            ids, people = _members(session, cs)
            if me is not None and me.role != "admin" and me.id != cs.owner_id and all(p.id != me.id for p in people):
                continue
            done = session.exec(select(Evaluation.interaction_id, Evaluation.author_id).where(
                Evaluation.calibration_session_id == cs.id, Evaluation.submitted_at.is_not(None))).all()
            mine = {i for i, a in done if me is not None and a == me.id}
            out.append({"id": cs.id, "title": cs.title, "owner": session.get(Person, cs.owner_id).name,
                        "interactions": ids, "reviewers": [p.name for p in people],
                        "submitted": len(set(done)), "expected": len(ids) * len(people),
                        "my_open": [i for i in ids if i not in mine] if me and any(p.id == me.id for p in people) else []})
        return out
