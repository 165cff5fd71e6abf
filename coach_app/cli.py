"""Headless command line over the same services as the desktop app. Never imports Qt.

Exit codes: 0 ok, 1 a problem with an input or setting (one readable line on stderr),
2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Sequence

from coach_app import __version__
from coach_app.cli_export import _export_pdf, cmd_export, cmd_report
from coach_app.cli_review import cmd_review
from coach_app.cli_train import add_parser as add_train_parser
from coach_app.config import apply_overrides, resolve_workspace
from coach_app.errors import CoachError
from coach_app.transcription.base import ChannelMap

log = logging.getLogger("coach")


class Context:
    """What every subcommand needs: the workspace, a migrated database, settings."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.ws = resolve_workspace(args.workspace, args.db)
        self._settings = None
        self._engine = None

    @property
    def settings(self):
        if self._settings is None:
            self._settings = self.ws.load_settings()
        return self._settings

    @property
    def engine(self):
        """The migrated database, opened on first use (``score`` and ``rubric validate`` need none)."""
        if self._engine is None:
            from coach_app.db.engine import open_database

            self.ws.ensure_dirs()
            self._engine = open_database(self.ws.db_url)
        return self._engine

    def transcriber(self):
        from coach_app.transcription.whisper import WhisperTranscriber

        a = self.args
        opts = apply_overrides(
            self.settings.transcription,
            model=getattr(a, "model", None),
            device=getattr(a, "device", None),
            compute_type=getattr(a, "compute_type", None),
            language=getattr(a, "language", None),
            beam_size=getattr(a, "beam_size", None),
        )
        return WhisperTranscriber(opts)


# ----------------------------------------------------------------------------- output helpers

def interaction_json(inter) -> dict:
    return {
        "id": inter.id,
        "sha256": inter.sha256,
        "original_name": inter.original_name,
        "kind": inter.kind,
        "channel_type": inter.channel_type,
        "duration_s": None if inter.duration_ms is None else round(inter.duration_ms / 1000, 3),
        "channels": inter.channels,
        "sample_rate": inter.sample_rate,
        "channel_map": inter.channel_map,
        "language": inter.language,
        "language_probability": None if inter.language_probability is None else round(inter.language_probability, 3),
        "transcription_model": inter.transcription_model,
        "status": inter.status,
        "status_detail": inter.status_detail,
        "occurred_at": inter.occurred_at.isoformat() if inter.occurred_at else None,
    }


def segments_json(segments) -> list[dict]:
    return [
        {"speaker": s.speaker, "start": round(s.start_ms / 1000, 3), "end": round(s.end_ms / 1000, 3), "text": s.text}
        for s in segments
    ]


def _progress_printer(label: str):
    if not sys.stderr.isatty():
        return None
    def progress(done: float, total: float) -> None:
        pct = 100.0 * done / total if total else 100.0
        print(f"\r{label}: {pct:5.1f}%", end="", file=sys.stderr, flush=True)
    return progress


def _print_transcript(inter, segments, agent_name: str | None) -> None:
    from coach_app.core.transcript import format_clock

    print(f"#{inter.id} {inter.original_name}  [{inter.status}]  agent: {agent_name or '-'}  "
          f"duration: {format_clock(inter.duration_ms or 0)}  language: {inter.language or '-'}"
          + (f" ({inter.language_probability:.0%} sure)" if inter.language_probability is not None else "")
          + (f"  model: {inter.transcription_model}" if inter.transcription_model else ""))
    if inter.status_detail:
        print(f"  note: {inter.status_detail}")
    for s in segments:
        print(f"  [{format_clock(s.start_ms)}-{format_clock(s.end_ms)}] {s.speaker:>8}: {s.text}")


# ----------------------------------------------------------------------------- subcommands

def cmd_import(ctx: Context, args) -> int:
    from coach_app.services.importer import expand_inputs, import_file, parse_occurred_at

    when = parse_occurred_at(args.occurred_at)
    failures = 0
    for path in expand_inputs(args.files):
        try:
            res = import_file(ctx.ws, ctx.engine, path, agent=args.agent, channels=args.channels, occurred_at=when)
        except CoachError as exc:
            failures += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        verb = "imported" if res.created else "already imported"
        print(f"{verb}: #{res.interaction.id} {path} ({res.interaction.status})")
    return 1 if failures else 0


def cmd_transcribe(ctx: Context, args) -> int:
    from coach_app.services.transcripts import mark_interrupted_jobs, pending_interaction_ids, transcribe_interaction

    if args.pending or not args.ids:
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
            out = transcribe_interaction(ctx.ws, ctx.engine, iid, transcriber, progress=_progress_printer(f"#{iid}"))
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


def cmd_list(ctx: Context, args) -> int:
    from coach_app.services.queries import list_interactions

    rows = list_interactions(ctx.engine, agent=args.agent, status=args.status)
    if args.json:
        for inter, agent in rows:
            print(json.dumps({**interaction_json(inter), "agent": agent}, ensure_ascii=False))
        return 0
    if not rows:
        print("no interactions yet — import some with: coach import FILE...")
        return 0
    from coach_app.core.transcript import format_clock

    print(f"{'id':>5}  {'occurred':16}  {'agent':18} {'dur':>7}  {'kind':5} {'status':13} file")
    for inter, agent in rows:
        when = inter.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if inter.occurred_at else "-"
        dur = format_clock(inter.duration_ms) if inter.duration_ms is not None else "-"
        print(f"{inter.id:>5}  {when:16}  {(agent or '-')[:18]:18} {dur:>7}  {inter.kind:5} {inter.status:13} "
              f"{inter.original_name}")
    return 0


def cmd_show(ctx: Context, args) -> int:
    from coach_app.services.queries import interaction_with_transcript

    inter, agent, segments = interaction_with_transcript(ctx.engine, args.id)
    if args.json:
        print(json.dumps({"interaction": {**interaction_json(inter), "agent": agent},
                          "segments": segments_json(segments)}, ensure_ascii=False, indent=2))
    else:
        _print_transcript(inter, segments, agent)
    return 0


def cmd_analyze(ctx: Context, args) -> int:
    from coach_app.services.importer import import_file
    from coach_app.services.queries import interaction_with_transcript
    from coach_app.services.transcripts import transcribe_interaction

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


def _score_stored(ctx: Context, interaction_id: int, rubric_ref: str | None) -> dict:
    from coach_app.core.scoring import result_json
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.rubrics import resolve_rubric

    version, rubric = resolve_rubric(ctx.engine, rubric_ref)
    evaluation, result = score_interaction(ctx.engine, interaction_id, version, rubric, ctx.settings.hold_limit_s)
    return {**result_json(result), "evaluation_id": evaluation.id}


def _print_scores(scored: dict, indent: str = "") -> None:
    r = scored["rubric"]
    verdict = {True: "PASSED", False: "FAILED", None: "-"}[scored["passed"]]
    print(f"{indent}{r['id']} v{r['version']} ({r['language']}): total {scored['total']}  {verdict}")
    marks = {"met": "✓", "not_met": "✗", "na": "–", None: "?"}
    for c in scored["criteria"]:
        status = c["status"] or "not scored"
        print(f"{indent}  {marks[c['status']]} {c['title'][:34]:34} {status:10} {c['rationale']}")


def cmd_score(ctx: Context, args) -> int:
    from coach_app.core.formats import read_transcript_file
    from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
    from coach_app.core.scoring import result_json, score_segments

    if args.save or (args.rubric and not Path(args.rubric).is_file()):
        from coach_app.services.rubrics import resolve_rubric

        _, rubric = resolve_rubric(ctx.engine, args.rubric)
    else:
        rubric = load_rubric(args.rubric or DEFAULT_RUBRIC)
    failures = 0
    for path in args.files:
        try:
            if args.save:
                from coach_app.services.importer import import_file

                res = import_file(ctx.ws, ctx.engine, path, agent=args.agent)
                out = {"source": str(path), **_score_stored(ctx, res.interaction.id, args.rubric),
                       "interaction_id": res.interaction.id}
            else:
                t = read_transcript_file(Path(path))
                out = {"source": str(path), **result_json(score_segments(t.segments, rubric, t.language, t.channel_type))}
        except CoachError as exc:
            failures += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            print(path)
            _print_scores(out, "  ")
    return 1 if failures else 0


def cmd_rubric(ctx: Context, args) -> int:
    from coach_app.core.rubric import load_rubric

    if args.action == "validate":
        for f in args.target:
            r = load_rubric(f)
            print(f"{f}: ok — {r.id} v{r.version}, {len(r.criteria)} criteria, languages {', '.join(r.languages)}")
        return 0
    from coach_app.services.rubrics import import_rubric_file, list_rubric_versions, resolve_rubric

    if args.action == "import":
        for f in args.target:
            version, r, created = import_rubric_file(ctx.engine, f)
            print(f"{'imported' if created else 'already stored'}: {r.id} v{r.version} as version id {version.id}")
        return 0
    if args.action == "list":
        rows = list_rubric_versions(ctx.engine)
        if not rows:
            print("no rubrics stored yet — the default is stored on first scoring, or: coach rubric import FILE")
        for row, v in rows:
            print(f"{v.id:>4}  {row.slug:32} v{v.version:8} {v.created_at:%Y-%m-%d %H:%M}  {v.content_hash[:12]}")
        return 0
    if args.action == "export":
        if len(args.target) not in (1, 2):
            raise CoachError("usage: coach rubric export ID [OUT]")
        version, _ = resolve_rubric(ctx.engine, args.target[0])
        if len(args.target) == 2:
            out = Path(args.target[1])
            if out.exists() and not args.force:
                raise CoachError(f"{out}: already exists (use --force to overwrite)")
            tmp = out.with_name(out.name + ".tmp")
            tmp.write_text(version.content, "utf-8")
            tmp.replace(out)
            print(f"wrote {out}")
        else:
            sys.stdout.write(version.content)
        return 0
    return 2


def cmd_swap_speakers(ctx: Context, args) -> int:
    from coach_app.services.transcripts import swap_speakers

    inter = swap_speakers(ctx.engine, args.id)
    print(f"#{inter.id}: agent and customer swapped")
    if inter.status == "transcribed":
        _print_scores(_score_stored(ctx, inter.id, args.rubric))
    return 0


def cmd_demo(ctx: Context, args) -> int:
    from coach_app.services.demo import run_demo

    return run_demo(ctx, Path(args.folder), print_fn=print)


# ----------------------------------------------------------------------------- parser

def _add_transcription_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("transcription settings (default: settings.json in the workspace)")
    g.add_argument("--model", help="'auto' (the default: tiny.en for English, base for other languages), an embedded "
                                   "model ('tiny.en', 'base'), or a local CTranslate2 model folder; nothing is downloaded")
    g.add_argument("--device", choices=["auto", "cpu", "cuda"])
    g.add_argument("--compute-type", help="e.g. int8 (CPU default), float16 (CUDA default), int8_float16")
    g.add_argument("--language", help="'auto' or a language code such as en or fi")
    g.add_argument("--beam-size", type=int)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="coach", description="Encounter Coach — contact-centre quality coaching, headless.")
    p.add_argument("--workspace", metavar="DIR", help="workspace folder (default: $COACH_WORKSPACE or the current folder)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy database URL (default: $COACH_DB or WORKSPACE/coach.db)")
    p.add_argument("--debug", action="store_true", help="show tracebacks and log debug detail")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("import", help="import recordings or transcripts (files or folders)")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--agent", metavar="NAME")
    s.add_argument("--channels", choices=ChannelMap.CHOICES, default=ChannelMap.AGENT_CUSTOMER,
                   help="which speaker is on which stereo channel (default: agent,customer)")
    s.add_argument("--occurred-at", metavar="ISO", help="when the interaction happened (default: file time)")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("transcribe", help="transcribe imported recordings")
    s.add_argument("ids", nargs="*", type=int, metavar="ID")
    s.add_argument("--pending", action="store_true", help="every recording not yet transcribed (the default)")
    s.add_argument("--retry-failed", action="store_true", help="with --pending: also retry failed ones")
    _add_transcription_flags(s)
    s.set_defaults(func=cmd_transcribe)

    s = sub.add_parser("list", help="list interactions")
    s.add_argument("--agent", metavar="NAME")
    s.add_argument("--status")
    s.add_argument("--json", action="store_true", help="JSON Lines, one interaction per line")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("show", help="show an interaction's transcript")
    s.add_argument("id", type=int)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_show)

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
    s.add_argument("id", type=int)
    s.add_argument("--rubric", metavar="PATH_OR_ID")
    s.set_defaults(func=cmd_swap_speakers)

    s = sub.add_parser("score", help="score transcript JSON files against a rubric (no storage unless --save)")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--rubric", metavar="PATH_OR_ID", help="rubric file, version id or rubric id (default: the customer-encounter model)")
    s.add_argument("--json", action="store_true", help="JSON Lines: one object per file")
    s.add_argument("--save", action="store_true", help="also import the transcripts and store the evaluations")
    s.add_argument("--agent", metavar="NAME", help="with --save: the agent of these interactions")
    s.set_defaults(func=cmd_score)

    s = sub.add_parser("rubric", help="validate, list, import or export rubric templates")
    s.add_argument("action", choices=["validate", "list", "import", "export"])
    s.add_argument("target", nargs="*", metavar="FILE_OR_ID")
    s.add_argument("--force", action="store_true", help="export: overwrite OUT")
    s.set_defaults(func=cmd_rubric)

    s = sub.add_parser("export", help="coaching PDF (export ID --pdf [OUT]), CSV (export csv OUT) or transcript "
                                      "(export transcript ID --format F OUT)")
    s.add_argument("what", metavar="ID|csv|transcript")
    s.add_argument("rest", nargs="*", metavar="ARG")
    s.add_argument("--pdf", nargs="?", const=True, metavar="OUT", help="call coaching report (default name in WORKSPACE/exports)")
    s.add_argument("--lang", choices=["en", "fi"], help="report language (default: the interaction's)")
    s.add_argument("--no-redact", action="store_true", help="keep personal data (redacted by default)")
    s.add_argument("--redact", action="store_true", help="transcript: redact personal data (off by default)")
    s.add_argument("--format", default="txt", help="transcript format: txt, srt, vtt or json")
    s.add_argument("--from", dest="date_from", metavar="DATE")
    s.add_argument("--to", dest="date_to", metavar="DATE")
    s.add_argument("--force", action="store_true", help="overwrite an existing file")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("review", help="review an interaction as a team lead, or self-assess it as its agent")
    s.add_argument("id", type=int)
    s.add_argument("--as", dest="author", metavar="NAME", help="who is reviewing")
    s.add_argument("--kind", choices=["lead", "calibration", "self"], default="lead")
    s.add_argument("--set", action="append", metavar="CRITERION=STATUS", help="met, not_met, na, or a score for 1-5 / 0-10 criteria")
    s.add_argument("--reason", help="why a status differs from the automatic one (required for such a change)")
    s.add_argument("--comment", action="append", metavar="CRITERION=TEXT")
    s.add_argument("--submit", action="store_true", help="finish the review (a self-assessment then shows the lead's view)")
    s.set_defaults(func=cmd_review)

    s = sub.add_parser("report", help="period reports: report agent NAME [--from --to] [--pdf OUT] | report team ...")
    s.add_argument("kind", choices=["agent", "team"])
    s.add_argument("name", nargs="?", metavar="NAME")
    s.add_argument("--from", dest="date_from", metavar="DATE")
    s.add_argument("--to", dest="date_to", metavar="DATE")
    s.add_argument("--pdf", metavar="OUT")
    s.add_argument("--lang", choices=["en", "fi"])
    s.add_argument("--no-redact", action="store_true")
    s.add_argument("--force", action="store_true")
    s.set_defaults(func=cmd_report)

    add_train_parser(sub)

    s = sub.add_parser("demo", help="import, transcribe and score the demo calls, then print a summary")
    s.add_argument("--folder", default=str(Path(__file__).resolve().parent.parent / "recordings" / "demo"))
    _add_transcription_flags(s)
    s.set_defaults(func=cmd_demo)
    return p


def _setup_logging(ws_root: Path | None, debug: bool) -> None:
    handlers: list[logging.Handler] = []
    if ws_root is not None and ws_root.is_dir():
        try:
            handlers.append(logging.FileHandler(ws_root / "coach.log", encoding="utf-8"))
        except OSError:
            pass
    if debug:
        handlers.append(logging.StreamHandler(sys.stderr))
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, handlers=handlers or [logging.NullHandler()],
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        # `export transcript ID --format json OUT`: a positional after an option lands here
        if getattr(args, "command", None) == "export" and not any(x.startswith("-") for x in extras):
            args.rest = [*args.rest, *extras]
        else:
            parser.error(f"unrecognized arguments: {' '.join(extras)}")
    if not args.command:
        parser.print_help()
        return 2
    try:
        ctx = Context(args)
        _setup_logging(ctx.ws.root, args.debug)
        return args.func(ctx, args)
    except CoachError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr = open(os.devnull, "w")
        return 0
    except Exception as exc:  # noqa: BLE001 - last resort: one line for the user, details in the log
        if args.debug:
            raise
        log.exception("unexpected error")
        print(f"error: unexpected {type(exc).__name__}: {exc} (details in coach.log; rerun with --debug)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
