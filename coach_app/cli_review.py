"""The `review` subcommand: a team lead's review, a calibration review or an agent's
self-assessment of one interaction, from the command line."""

from __future__ import annotations

from sqlmodel import Session, select

from coach_app.errors import CoachError


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CoachError(f"{what} {item!r}: write CRITERION=VALUE, e.g. empathy=met")
        out.append((key.strip(), value.strip()))
    return out


def cmd_review(ctx, args) -> int:
    from coach_app.db.models import CriterionResult, Evaluation
    from coach_app.services.reviews import set_criterion, start_review, submit_review

    if not args.author:
        raise CoachError("say who is reviewing: --as NAME")
    ev = start_review(ctx.engine, args.id, args.author, args.kind)
    for cid, value in _pairs(args.set, "--set"):
        try:
            number = float(value)
        except ValueError:
            set_criterion(ctx.engine, ev.id, cid, args.author, status=value, reason=args.reason)
        else:
            set_criterion(ctx.engine, ev.id, cid, args.author, score=number, reason=args.reason)
    for cid, text in _pairs(args.comment, "--comment"):
        set_criterion(ctx.engine, ev.id, cid, args.author, comment=text)
    if args.submit:
        submit_review(ctx.engine, ev.id, args.author)
    with Session(ctx.engine) as session:
        ev = session.get(Evaluation, ev.id)
        rows = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)
                            .order_by(CriterionResult.id)).all()
    state = f"submitted {ev.submitted_at:%Y-%m-%d %H:%M}" if ev.submitted_at else "open (changes are saved as you go)"
    total = "-" if ev.total is None else f"{ev.total:.1f}"
    print(f"evaluation {ev.id} ({ev.kind}) of interaction {args.id} by {args.author}: total {total}, "
          f"{'passed' if ev.passed else 'not passed' if ev.passed is not None else '-'}; {state}")
    for r in rows:
        extra = f"  (was {r.overridden_from}: {r.override_reason})" if r.overridden_from else ""
        note = f"  — {r.reviewer_comment}" if r.reviewer_comment else ""
        print(f"  {r.criterion_id:26} {r.status or 'not scored':10}{extra}{note}")
    return 0
