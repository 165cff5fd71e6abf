"""`coach date ID WHEN`: correct when a call happened (the import took the file's time)."""

from __future__ import annotations


def cmd_date(ctx, args) -> int:
    from coach_app.services.interactions import set_occurred_at

    inter, before = set_occurred_at(ctx.engine, args.id, " ".join(args.when), args.actor)
    now = inter.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if before == inter.occurred_at:
        print(f"#{inter.id} {inter.original_name}: already {now}, nothing changed")
    else:
        was = before.astimezone().strftime("%Y-%m-%d %H:%M") if before else "no date"
        print(f"#{inter.id} {inter.original_name}: {now} (was {was})")
    return 0


def add_parser(sub) -> None:
    from coach_app.cli_output import interaction_id

    s = sub.add_parser("date", help="correct when an interaction happened: date ID WHEN [--as NAME]")
    s.add_argument("id", type=interaction_id)
    s.add_argument("when", nargs="+", metavar="WHEN", help="e.g. 2026-11-23 14:05, 2026-11-23 or 23.11.2026 14:05 (local time)")
    s.add_argument("--as", dest="actor", metavar="NAME", help="who is making the change (recorded in the audit log)")
    s.set_defaults(func=cmd_date)
