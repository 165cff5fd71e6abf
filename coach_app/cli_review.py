"""The review workflow from the command line: `review` (a lead's review, a calibration review
or an agent's self-assessment), `person`, `calibration`, `dispute`, `sample` and `queue`. Each
command is all-or-nothing: the services validate everything before anything is stored."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from coach_app.cli_output import interaction_id
from coach_app.errors import CoachError


def _pairs(items: list[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CoachError(f"{what} {item!r}: write CRITERION=VALUE, e.g. empathy=met")
        out.append((key.strip(), value.strip()))
    return out


def _need_as(args) -> str:
    """--as NAME; on a team database signed in with a person's login the login decides (the
    services refuse an --as that is someone else)."""
    return args.author or ""


def cmd_review(ctx, args) -> int:
    from coach_app.db.models import CriterionResult, Evaluation
    from coach_app.services.reviews import Change, review

    author = _need_as(args)
    changes = []
    for cid, value in _pairs(args.set, "--set"):
        try:
            number = float(value)
        except ValueError:
            changes.append(Change(cid, status=value))
        else:
            changes.append(Change(cid, score=number))
    changes += [Change(cid, comment=text) for cid, text in _pairs(args.comment, "--comment")]
    if args.session is not None and args.kind != "calibration":
        raise CoachError("--session is for calibration reviews (--kind calibration)")
    ev = review(ctx.engine, args.id, author, args.kind, changes, reason=args.reason, submit=args.submit,
                session_id=args.session, skip=args.skip)
    with Session(ctx.engine) as session:
        ev = session.get(Evaluation, ev.id)
        rows = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)
                            .order_by(CriterionResult.id)).all()
    state = (("skipped " if ev.skipped else "submitted ") + f"{ev.submitted_at:%Y-%m-%d %H:%M}" if ev.submitted_at
             else "open (changes are saved as you go)")
    total = "-" if ev.total is None else f"{ev.total:.1f}"
    if args.json:
        print(json.dumps({"id": ev.id, "interaction": args.id, "kind": ev.kind, "author": author,
                          "total": ev.total, "passed": ev.passed, "submitted": ev.submitted_at is not None,
                          "skipped": bool(ev.skipped), "session": ev.calibration_session_id,
                          "criteria": {r.criterion_id: r.status for r in rows}}, ensure_ascii=False))
        return 0
    print(f"evaluation {ev.id} ({ev.kind}) of interaction {args.id} by {author}: total {total}, "
          f"{'passed' if ev.passed else 'not passed' if ev.passed is not None else '-'}; {state}")
    for r in rows:
        extra = f"  (was {r.overridden_from}: {r.override_reason})" if r.overridden_from else ""
        note = f"  — {r.reviewer_comment}" if r.reviewer_comment else ""
        print(f"  {r.criterion_id:26} {r.status or 'not scored':10}{extra}{note}")
    return 0


def cmd_team(ctx, args) -> int:
    from coach_app.db.team_mode import create_worker_login, setup_team

    if args.action == "worker-login":
        if not (args.login and args.password_stdin):
            raise CoachError("usage: coach --db PRIVILEGED_URL team worker-login LOGIN --password-stdin")
        import sys

        password = sys.stdin.readline().rstrip("\n")
        with ctx.engine.begin() as conn:
            create_worker_login(conn, args.login, password)
        print(f"worker login {args.login}: runs 'coach worker' with --db postgresql://{args.login}:…@HOST/DB")
        return 0
    info = setup_team(ctx.engine)
    print(json.dumps(info) if args.json else
          f"team database {info['database']}: roles {', '.join(info['groups'])}; row-level security on "
          f"{info['tables_with_rls']} tables, {info['policies']} policies. Add people with: coach person add NAME "
          f"--role ROLE --login LOGIN --password-stdin")
    return 0


def cmd_person(ctx, args) -> int:
    from coach_app.services.people import add_person, list_people

    if args.action == "add":
        if not args.name:
            raise CoachError("usage: coach person add NAME --role ROLE [--team T] --as ADMIN")
        password = None
        if args.login:
            if not args.password_stdin:
                raise CoachError("--login needs --password-stdin (the password on one line of standard input)")
            import sys

            password = sys.stdin.readline().rstrip("\n")
        p = add_person(ctx.engine, args.name, args.role, args.team, args.author, args.login, password)
        if args.json:
            print(json.dumps({"id": p.id, "name": p.name, "role": p.role, "team": args.team}, ensure_ascii=False))
        else:
            print(f"person {p.id}: {p.name} ({p.role}{', team ' + args.team if args.team else ''})")
        return 0
    people = list_people(ctx.engine)
    if args.json:
        print(json.dumps([{"id": p.id, "name": p.name, "role": p.role, "team": t} for p, t in people],
                         ensure_ascii=False))
        return 0
    if not people:
        print("no people yet — add the workspace's admin first: coach person add 'YOUR NAME' --role admin")
    for p, team in people:
        print(f"{p.id:>4}  {p.name:30} {p.role:10} {team or '-'}")
    return 0


def _ids(text: list[str]) -> list[int]:
    return [interaction_id(x) for x in text]


def cmd_calibration(ctx, args) -> int:
    from coach_app.services.calibration import calibration_report, list_sessions, record_verdict, start_calibration

    if args.action == "start":
        reviewers = [r for r in (args.reviewers or "").split(",") if r.strip()]
        cs = start_calibration(ctx.engine, _ids(args.ids), reviewers, _need_as(args), args.title)
        print(json.dumps({"id": cs.id}) if args.json else
              f"calibration session {cs.id}: {cs.title} — reviewers score each call with: "
              f"coach review ID --as NAME --kind calibration --session {cs.id} --set ... --submit")
        return 0
    if args.action == "list":
        rows = list_sessions(ctx.engine, args.author)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False))
        for r in [] if args.json else rows:
            print(f"{r['id']:>4}  {r['title'][:40]:40} owner {r['owner']}; {r['submitted']}/{r['expected']} reviews")
        return 0
    if len(args.ids) != 1:
        raise CoachError(f"usage: coach calibration {args.action} SESSION_ID")
    session_id = int(args.ids[0]) if args.ids[0].isdigit() else interaction_id(args.ids[0])
    if args.action == "agree":
        if not (args.interaction and args.criterion and args.status):
            raise CoachError("usage: coach calibration agree N --as NAME --interaction ID --criterion C --status S")
        record_verdict(ctx.engine, session_id, args.interaction, args.criterion, args.status, _need_as(args), args.note)
    rep = calibration_report(ctx.engine, session_id, args.author)
    if args.json:
        print(json.dumps({k: v for k, v in rep.items()}, ensure_ascii=False, indent=2))
        return 0
    pct = lambda x: "-" if x is None else f"{x:.0%}"  # noqa: E731
    kap = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    print(f"calibration session {rep['id']}: {rep['title']} (owner {rep['owner']})")
    print(f"  {len(rep['interactions'])} calls × {len(rep['reviewers'])} reviewers: {rep['submitted']}/{rep['expected']} "
          f"reviews submitted{' — complete' if rep['complete'] else ''}")
    print(f"  agreement {pct(rep['overall_agreement'])}, kappa {kap(rep['overall_kappa'])}")
    for c in rep["criteria"]:
        print(f"  {c['id']:26} agreement {pct(c['agreement']):>5}  kappa {kap(c['kappa']):>5}  ({c['pairs']} calls)")
    for d in rep["differences"]:
        verdicts = ", ".join(f"{n}: {s}" for n, s in d["verdicts"].items())
        agreed = f"  → agreed {d['agreed']}" if d["agreed"] else ""
        print(f"  differ: #{d['interaction']} {d['criterion']}: {verdicts}{agreed}")
    return 0


def cmd_dispute(ctx, args) -> int:
    from coach_app.services.disputes import list_disputes, open_dispute, resolve_dispute

    if args.action == "open":
        if args.ref is None or not (args.criterion and args.want and args.reason):
            raise CoachError("usage: coach dispute open ID --as NAME --criterion C --want STATUS --reason TEXT")
        d = open_dispute(ctx.engine, interaction_id(args.ref), _need_as(args), args.criterion, args.want, args.reason)
        print(json.dumps({"id": d.id, "status": d.status}) if args.json else
              f"dispute {d.id} opened on interaction {d.interaction_id}, '{d.criterion_id}': "
              f"{d.from_status or '-'} → {d.wanted_status}")
        return 0
    if args.action == "resolve":
        if args.ref is None or args.accept == args.reject:
            raise CoachError("usage: coach dispute resolve N --as NAME --accept|--reject --reply TEXT")
        d = resolve_dispute(ctx.engine, interaction_id(args.ref), _need_as(args), args.accept, args.reply)
        print(json.dumps({"id": d.id, "status": d.status}) if args.json else f"dispute {d.id} {d.status}")
        return 0
    rows = list_disputes(ctx.engine, args.author, open_only=args.open)
    if args.json:
        print(json.dumps([d.to_json() for d in rows], ensure_ascii=False))
        return 0
    if not rows:
        print("no open disputes" if args.open else "no disputes")
    for d in rows:
        answer = f" — {d.resolved_by}: {d.reply}" if d.reply else ""
        print(f"{d.id:>4}  #{d.interaction_id} {d.criterion_id:24} {d.from_status or '-'} → {d.wanted_status:8} "
              f"{d.status:9} {d.opened_by}: {d.reason}{answer}")
    return 0


def cmd_sample(ctx, args) -> int:
    from coach_app.cli_export import _period
    from coach_app.services.review_queue import sample_for_review

    date_from, date_to = _period(args)
    picked = sample_for_review(ctx.engine, args.per_agent, _need_as(args), args.reviewer, date_from, date_to, args.seed)
    if args.json:
        print(json.dumps([{"interaction": q.interaction_id, "agent": q.agent, "reviewer": q.reviewer}
                          for q in picked], ensure_ascii=False))
        return 0
    if not picked:
        print("nothing to assign: every scored call in that period is reviewed or already in a queue")
    for q in picked:
        when = q.occurred_at.strftime("%Y-%m-%d") if q.occurred_at else "-"
        print(f"assigned #{q.interaction_id} ({q.agent}, {when}) to {q.reviewer}")
    return 0


def cmd_assigned(ctx, args) -> int:
    from coach_app.services.review_queue import review_queue

    items = review_queue(ctx.engine, _need_as(args), include_done=args.all)
    if args.json:
        print(json.dumps([{"interaction": q.interaction_id, "agent": q.agent, "done": q.done,
                           "occurred_at": q.occurred_at.isoformat() if q.occurred_at else None} for q in items],
                         ensure_ascii=False))
        return 0
    if not items:
        print("your review queue is empty")
    for q in items:
        when = q.occurred_at.strftime("%Y-%m-%d") if q.occurred_at else "-"
        print(f"#{q.interaction_id:<5} {q.agent or '-':24} {when}{'  done' if q.done else ''}")
    return 0


def add_parsers(sub) -> None:
    from coach_app.db.models import CRITERION_STATUSES, ROLES

    s = sub.add_parser("review", help="review an interaction as a team lead, self-assess it as its agent, or "
                                      "score it in a calibration session")
    s.add_argument("id", type=interaction_id)
    s.add_argument("--as", dest="author", metavar="NAME", help="who is reviewing")
    s.add_argument("--kind", choices=["lead", "calibration", "self"], default="lead")
    s.add_argument("--session", type=int, metavar="N", help="the calibration session (with --kind calibration)")
    s.add_argument("--set", action="append", metavar="CRITERION=STATUS", help="met, not_met, na, or a score for 1-5 / 0-10 criteria")
    s.add_argument("--reason", help="why a status differs from the automatic one (required for such a change)")
    s.add_argument("--comment", action="append", metavar="CRITERION=TEXT")
    s.add_argument("--submit", action="store_true", help="finish the review (a self-assessment then shows the lead's view)")
    s.add_argument("--skip", action="store_true", help="skip the self-assessment (the lead's view then opens)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_review)

    s = sub.add_parser("team", help="team setup: make a PostgreSQL database a team database (roles, row-level "
                                    "security; run once with the privileged URL)")
    s.add_argument("action", choices=["setup", "worker-login"])
    s.add_argument("login", nargs="?", metavar="LOGIN", help="worker-login: the PostgreSQL login to create")
    s.add_argument("--password-stdin", action="store_true")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_team)

    s = sub.add_parser("person", help="people and roles: person add NAME --role R [--team T] | person list")
    s.add_argument("action", choices=["add", "list"])
    s.add_argument("name", nargs="?", metavar="NAME")
    s.add_argument("--role", choices=ROLES, default="agent")
    s.add_argument("--team", metavar="TEAM")
    s.add_argument("--as", dest="author", metavar="NAME", help="the admin adding the person")
    s.add_argument("--login", metavar="LOGIN", help="team database: also create this PostgreSQL login for them")
    s.add_argument("--password-stdin", action="store_true", help="read the login's password from standard input")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_person)

    s = sub.add_parser("calibration", help="calibration sessions: start ID... --reviewers A,B | report N | "
                                           "agree N --interaction ID --criterion C --status S | list")
    s.add_argument("action", choices=["start", "report", "agree", "list"])
    s.add_argument("ids", nargs="*", metavar="ID")
    s.add_argument("--reviewers", metavar="NAME,NAME")
    s.add_argument("--title")
    s.add_argument("--as", dest="author", metavar="NAME")
    s.add_argument("--interaction", type=interaction_id)
    s.add_argument("--criterion")
    s.add_argument("--status", choices=CRITERION_STATUSES)
    s.add_argument("--note")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_calibration)

    s = sub.add_parser("dispute", help="disputes: open ID --criterion C --want S --reason T | "
                                       "resolve N --accept|--reject --reply T | list [--open]")
    s.add_argument("action", choices=["open", "resolve", "list"])
    s.add_argument("ref", nargs="?", metavar="ID", help="the interaction (open) or the dispute (resolve)")
    s.add_argument("--as", dest="author", metavar="NAME")
    s.add_argument("--criterion")
    s.add_argument("--want", choices=CRITERION_STATUSES)
    s.add_argument("--reason")
    s.add_argument("--accept", action="store_true")
    s.add_argument("--reject", action="store_true")
    s.add_argument("--reply")
    s.add_argument("--open", action="store_true", help="only disputes not yet answered")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_dispute)

    s = sub.add_parser("sample", help="put calls nobody has reviewed yet into a reviewer's queue, spread over "
                                      "each agent's period")
    s.add_argument("--per-agent", type=int, required=True, metavar="N")
    s.add_argument("--from", dest="date_from", metavar="DATE")
    s.add_argument("--to", dest="date_to", metavar="DATE")
    s.add_argument("--seed", type=int)
    s.add_argument("--reviewer", metavar="NAME", help="whose queue (default: yours)")
    s.add_argument("--as", dest="author", metavar="NAME")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sample)

    s = sub.add_parser("assigned", help="your review queue: calls assigned to you (by sample), not yet reviewed")
    s.add_argument("--as", dest="author", metavar="NAME")
    s.add_argument("--all", action="store_true", help="also the ones you have reviewed")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_assigned)
