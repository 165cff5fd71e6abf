"""The export and report subcommands of the CLI (PDF, CSV, transcripts, period reports)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from coach_app.errors import CoachError


def _id(text: str) -> int:
    """An interaction id given as a positional word (export ID, export transcript ID)."""
    import argparse

    from coach_app.cli_output import interaction_id

    try:
        return interaction_id(text)
    except argparse.ArgumentTypeError as exc:
        raise CoachError(str(exc)) from None


def _export_pdf(ctx, interaction_id: int, out: str | None, lang: str | None, redact_pii: bool, force: bool,
                viewer: str | None = None) -> Path:
    from coach_app.export.files import safe_name, write_atomically
    from coach_app.export.pdf import build_call_report
    from coach_app.services.reports import call_report_data

    data = call_report_data(ctx.engine, interaction_id, viewer)
    if lang and lang not in data.rubric.languages:
        raise CoachError(f"--lang {lang}: the rubric has texts only in {', '.join(data.rubric.languages)}")
    if out is None:
        when = data.interaction.occurred_at.strftime("%Y-%m-%d") if data.interaction.occurred_at else "undated"
        out = str(ctx.ws.exports_dir / f"{safe_name(data.agent or 'agent')}-{interaction_id}-{when}.pdf")
    return write_atomically(Path(out), lambda tmp: build_call_report(data, tmp, lang, redact_pii), force=force)


def cmd_export(ctx, args) -> int:
    from coach_app.export.files import check_target, write_atomically

    what, rest = args.what, args.rest
    if what == "csv":
        from coach_app.core.redaction import redact
        from coach_app.export.csv_export import COLUMNS, SUMMARY_COLUMNS, export_rows, write_csv
        from coach_app.services.importer import parse_occurred_at

        if len(rest) != 1:
            raise CoachError("usage: coach export csv [--from DATE] [--to DATE] OUT")
        out = Path(rest[0])
        summary_path = out.with_name(out.stem + "-summary" + out.suffix)
        check_target(out, args.force)  # both files or neither
        check_target(summary_path, args.force)
        detail, summary = export_rows(ctx.engine, parse_occurred_at(args.date_from), parse_occurred_at(args.date_to),
                                      args.viewer)
        lang = args.lang or "en"
        red = None if args.no_redact else (lambda v: redact(v, lang))
        out = write_atomically(out, lambda tmp: write_csv(tmp, COLUMNS, detail, lang, red), force=args.force)
        write_atomically(summary_path, lambda tmp: write_csv(tmp, SUMMARY_COLUMNS, summary, lang, red), force=args.force)
        print(f"wrote {out} ({len(detail)} rows) and {summary_path} ({len(summary)} evaluations)")
        return 0
    if what == "transcript":
        from coach_app.export.transcript_formats import FORMATS, render
        from coach_app.services.queries import interaction_with_transcript

        if len(rest) != 2 or not rest[0].isdigit():
            raise CoachError("usage: coach export transcript ID --format txt|srt|vtt|json OUT")
        if args.format not in FORMATS:
            raise CoachError(f"--format must be one of {', '.join(FORMATS)}")
        inter, _, segments = interaction_with_transcript(ctx.engine, _id(rest[0]), args.viewer)
        text = render(segments, args.format, inter.language, inter.channel_type, redact_pii=not args.no_redact)
        out = write_atomically(Path(rest[1]), lambda tmp: tmp.write_text(text, "utf-8"), force=args.force)
        print(f"wrote {out}")
        return 0
    if not what.isdigit():
        raise CoachError(f"export {what!r}: give an interaction ID, 'csv' or 'transcript'")
    if not args.pdf:
        raise CoachError("export ID: say what to export, e.g. --pdf [OUT]")
    out = _export_pdf(ctx, _id(what), None if args.pdf is True else args.pdf, args.lang, not args.no_redact, args.force,
                      args.viewer)
    print(f"wrote {out}")
    return 0




def _period(args):
    from coach_app.services.importer import parse_occurred_at

    date_from, date_to = parse_occurred_at(args.date_from), parse_occurred_at(args.date_to)
    if date_to is not None and args.date_to and len(args.date_to) <= 10:
        date_to += timedelta(days=1)  # --to 2026-11-30 includes that whole day
    return date_from, date_to


def cmd_report(ctx, args) -> int:
    from coach_app.export.files import write_atomically
    from coach_app.export.pdf_period import build_agent_report, build_team_report
    from coach_app.services.importer import parse_occurred_at
    from coach_app.services.reports import agreement, met_rates, period_data

    date_from, date_to = _period(args)
    shown_to = parse_occurred_at(args.date_to)  # as the user wrote it, for the report's header
    team = period_data(ctx.engine, date_from, date_to, viewer=args.viewer)
    lang = args.lang or team.rubric.languages[0]
    if args.kind == "agent":
        if not args.name:
            raise CoachError("usage: coach report agent NAME [--from DATE] [--to DATE] [--pdf OUT]")
        mine = period_data(ctx.engine, date_from, date_to, agent=args.name, viewer=args.viewer)
        if args.pdf:
            out = write_atomically(Path(args.pdf), lambda tmp: build_agent_report(
                args.name, mine, team, tmp, lang, date_from, shown_to, not args.no_redact), force=args.force)
            print(f"wrote {out}")
            return 0
        rows = mine.rows
    else:
        if args.pdf:
            out = write_atomically(Path(args.pdf), lambda tmp: build_team_report(team, tmp, lang, date_from, shown_to),
                                   force=args.force)
            print(f"wrote {out}")
            return 0
        rows = team.rows
    ids = [c.id for c in team.rubric.criteria if c.scoring == "automatic"]
    totals = [r.evaluation.total for r in rows if r.evaluation.total is not None]
    print(f"{len(rows)} evaluated interactions, average total {sum(totals) / len(totals):.1f}" if totals else "no totals")
    for cid, rate in met_rates(rows, ids).items():
        print(f"  {team.rubric.criterion(cid).title.get(lang, cid):40} {'-' if rate is None else f'{rate:.0%}'}")
    if args.kind == "team":
        for name, (done, total) in sorted(team.coverage.items()):
            print(f"  coverage {name:30} {done}/{total} reviewed ({done / total:.0%})")
        for inter, views in team.multi:
            share, differ = agreement(views)
            print(f"  #{inter.id}: {len(views)} calibration reviews agree on {share:.0%}; "
                  f"differ on {', '.join(differ) or '-'}")
    return 0
