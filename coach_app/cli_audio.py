"""The CLI's audio subcommands: transcribe, analyze (import + transcribe + score) and swap-speakers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach_app.cli_export import _export_pdf
from coach_app.cli_output import (_print_scores, _print_transcript, _progress_printer, _score_stored, interaction_id,
                                  interaction_json, segments_json)
from coach_app.errors import CoachError
from coach_app.transcription.base import ChannelMap


def cmd_transcribe(ctx, args) -> int:
    from coach_app.services.transcripts import (AlreadyClaimed, mark_interrupted_jobs, pending_interaction_ids,
                                                transcribe_interaction)

    pending = bool(args.pending or not args.ids)
    if pending:
        mark_interrupted_jobs(ctx.engine)
        ids = pending_interaction_ids(ctx.engine, include_failed=args.retry_failed)
    else:
        ids = args.ids
    if not ids:
        print("nothing to transcribe")
        return 0
    transcriber = ctx.transcriber()
    failures = 0
    for iid in ids:
        try:
            out = transcribe_interaction(ctx.ws, ctx.engine, iid, transcriber, progress=_progress_printer(f"#{iid}"),
                                         only_pending=pending, include_failed=args.retry_failed)
        except AlreadyClaimed as exc:
            if not pending:  # asked for by id: not done, say so
                failures += 1
                print(f"error: {exc}", file=sys.stderr)
            else:  # another process has it (or finished it): nothing for this one to do
                print(f"skipped #{iid}: {exc}")
            continue
        except CoachError as exc:
            failures += 1
            print(f"\nerror: interaction {iid}: {exc}" if sys.stderr.isatty() else f"error: interaction {iid}: {exc}",
                  file=sys.stderr)
            continue
        if sys.stderr.isatty():
            print(file=sys.stderr)
        rtf = (out.interaction.duration_ms or 0) / 1000 / out.wall_s if out.wall_s else 0
        print(f"#{iid} {out.interaction.status}: {len(out.result.segments)} turns, "
              f"{out.result.word_count} words in {out.wall_s:.1f} s ({rtf:.1f}x real time)")
    return 1 if failures else 0


def cmd_analyze(ctx, args) -> int:
    from coach_app.services.importer import import_file
    from coach_app.services.queries import interaction_with_transcript
    from coach_app.services.transcripts import transcribe_interaction

    if args.pdf:  # refused now, not after the call was scored and stored
        from coach_app.export.files import check_target

        check_target(Path(args.pdf), args.force)
    if args.rubric:  # a rubric that cannot be used is refused before the import, too
        from coach_app.services.rubrics import check_rubric

        check_rubric(ctx.engine, args.rubric)
    res = import_file(ctx.ws, ctx.engine, args.file, agent=args.agent, channels=args.channels)
    iid = res.interaction.id
    if res.interaction.kind == "audio" and (res.interaction.status not in ("transcribed", "needs_review")):
        transcribe_interaction(ctx.ws, ctx.engine, iid, ctx.transcriber(), progress=_progress_printer(f"#{iid}"))
        if sys.stderr.isatty():
            print(file=sys.stderr)
    inter, agent, segments = interaction_with_transcript(ctx.engine, iid)
    scored, not_scored = None, None
    if inter.status == "needs_review":
        not_scored = inter.status_detail or "the transcript needs review"
        print(f"not scored: {not_scored} (to transcribe it again: coach transcribe {iid} --model MODEL)", file=sys.stderr)
    elif segments:
        scored = _score_stored(ctx, iid, args.rubric)
    if args.pdf:
        if scored is None:
            why = f"not scored ({not_scored})" if not_scored else "nothing was transcribed"
            raise CoachError(f"{args.file}: {why}, so there is no report to write")
        written = _export_pdf(ctx, iid, args.pdf, None, True, args.force)
        print(f"wrote {written}", file=sys.stderr)
    if args.json:
        out = {"interaction": {**interaction_json(inter), "agent": agent}, "segments": segments_json(segments)}
        if scored is not None:
            out.update(scored)
        elif not_scored:
            out["not_scored"] = not_scored
        print(json.dumps(out, ensure_ascii=False))
    else:
        _print_transcript(inter, segments, agent)
        if scored is not None:
            _print_scores(scored)
    return 0


def cmd_swap_speakers(ctx, args) -> int:
    from coach_app.services.transcripts import swap_speakers

    inter = swap_speakers(ctx.engine, args.id)
    print(f"#{inter.id}: agent and customer swapped")
    if inter.status == "transcribed":
        _print_scores(_score_stored(ctx, inter.id, args.rubric))
    return 0


def _add_transcription_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("transcription settings (default: settings.json in the workspace)")
    g.add_argument("--model", help="'auto' (the default: tiny.en for English, base for other languages), an embedded "
                                   "model ('tiny.en', 'base'), or a local CTranslate2 model folder; nothing is downloaded")
    g.add_argument("--device", choices=["auto", "cpu", "cuda"])
    g.add_argument("--compute-type", help="e.g. int8 (CPU default), float16 (CUDA default), int8_float16")
    g.add_argument("--language", help="'auto' or a language code such as en or fi")
    g.add_argument("--beam-size", type=int)


def add_parsers(sub) -> None:
    s = sub.add_parser("transcribe", help="transcribe imported recordings")
    s.add_argument("ids", nargs="*", type=interaction_id, metavar="ID")
    s.add_argument("--pending", action="store_true", help="every recording not yet transcribed (the default)")
    s.add_argument("--retry-failed", action="store_true", help="with --pending: also retry failed ones")
    _add_transcription_flags(s)
    s.set_defaults(func=cmd_transcribe)

    s = sub.add_parser("analyze", help="import, transcribe and score one file in one go")
    s.add_argument("file")
    s.add_argument("--agent", metavar="NAME")
    s.add_argument("--rubric", metavar="PATH_OR_ID")
    s.add_argument("--channels", choices=ChannelMap.CHOICES, default=ChannelMap.AGENT_CUSTOMER)
    s.add_argument("--json", action="store_true")
    s.add_argument("--pdf", metavar="OUT", help="also write the call coaching report (redacted)")
    s.add_argument("--force", action="store_true", help="with --pdf: overwrite OUT")
    _add_transcription_flags(s)
    s.set_defaults(func=cmd_analyze)

    s = sub.add_parser("swap-speakers", help="agent and customer the other way round in a transcript, then re-score")
    s.add_argument("id", type=interaction_id)
    s.add_argument("--rubric", metavar="PATH_OR_ID")
    s.set_defaults(func=cmd_swap_speakers)
