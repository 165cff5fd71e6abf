"""Headless command line over the same services as the desktop app. Never imports Qt.

Exit codes: 0 ok, 1 a problem with an input or setting (one readable line on stderr),
2 usage error (argparse), 130 Ctrl+C, 143 SIGTERM (both after cleaning up what was half written).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from coach_app import __version__
from coach_app.cli_audio import _add_transcription_flags
from coach_app.cli_audio import add_parsers as add_audio_parsers
from coach_app.cli_dates import add_parser as add_date_parser
from coach_app.cli_export import cmd_export, cmd_report
from coach_app.cli_queue import add_parsers as add_queue_parsers
from coach_app.cli_queue import cmd_import_queue
from coach_app.cli_output import (_print_scores, _print_transcript, _score_stored, interaction_id, interaction_json,
                                  segments_json)
from coach_app.cli_review import add_parsers as add_review_parsers
from coach_app.cli_train import add_parser as add_train_parser
from coach_app.config import apply_overrides, private_file, resolve_workspace
from coach_app.errors import CoachError
from coach_app.transcription.base import ChannelMap

log = logging.getLogger("coach")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread like Ctrl+C, so every ``finally`` and ``except
    BaseException`` cleanup runs (an import's .part copy, an export's temporary file, an open
    transaction) instead of the process vanishing mid-write."""


def _terminate(signum, frame) -> None:
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the cleanup short
    raise Terminated()


def _handle_sigterm() -> None:
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():  # (main() called from a test's thread)
        signal.signal(signal.SIGTERM, _terminate)


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

# ----------------------------------------------------------------------------- subcommands

def _check_agent(name: str | None) -> None:
    """--agent refused once, before any file (not once per file, and not only for new ones)."""
    if name:
        from coach_app.services.people import clean_name

        clean_name(name, "--agent: a person's name")


def cmd_import(ctx: Context, args) -> int:
    from coach_app.services.importer import expand_inputs, import_file, parse_occurred_at

    if args.queue:
        return cmd_import_queue(ctx, args)
    if args.watch:
        raise CoachError("--watch goes with --queue (team mode): import --queue DIR --watch")
    when = parse_occurred_at(args.occurred_at)
    _check_agent(args.agent)
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


def cmd_list(ctx: Context, args) -> int:
    from coach_app.db.models import INTERACTION_STATUSES
    from coach_app.services.queries import list_interactions

    if args.status is not None and args.status not in INTERACTION_STATUSES:
        raise CoachError(f"--status {args.status!r} is not a status (one of: {', '.join(INTERACTION_STATUSES)})")

    rows = list_interactions(ctx.engine, agent=args.agent, status=args.status, viewer=args.viewer)
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

    inter, agent, segments = interaction_with_transcript(ctx.engine, args.id, viewer=args.viewer)
    if args.json:
        print(json.dumps({"interaction": {**interaction_json(inter), "agent": agent},
                          "segments": segments_json(segments)}, ensure_ascii=False, indent=2))
    else:
        _print_transcript(inter, segments, agent)
    return 0


def cmd_score(ctx: Context, args) -> int:
    from coach_app.core.formats import read_transcript_file
    from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
    from coach_app.core.scoring import result_json, score_segments

    if args.save or (args.rubric and not Path(args.rubric).is_file()):
        from coach_app.services.rubrics import check_rubric

        rubric = check_rubric(ctx.engine, args.rubric)  # stored with the first evaluation, not before
    else:
        rubric = load_rubric(args.rubric or DEFAULT_RUBRIC)
    _check_agent(args.agent)
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
            version, r, created = import_rubric_file(ctx.engine, f, args.author)
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
            from coach_app.export.files import write_atomically

            out = write_atomically(Path(args.target[1]), lambda tmp: tmp.write_text(version.content, "utf-8"),
                                   force=args.force)
            print(f"wrote {out}")
        else:
            sys.stdout.write(version.content)
        return 0
    return 2


def cmd_demo(ctx: Context, args) -> int:
    from coach_app.services.demo import run_demo

    return run_demo(ctx, Path(args.folder), print_fn=print)


# ----------------------------------------------------------------------------- parser

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
    s.add_argument("--queue", action="store_true", help="team mode: store in the shared recordings folder and "
                                                        "queue transcription and scoring for the workers")
    s.add_argument("--watch", action="store_true", help="with --queue DIR: keep importing files as they appear")
    s.set_defaults(func=cmd_import)

    add_audio_parsers(sub)
    add_queue_parsers(sub)

    s = sub.add_parser("list", help="list interactions")
    s.add_argument("--agent", metavar="NAME")
    s.add_argument("--status", help="imported, transcribing, transcribed, needs_review or failed")
    s.add_argument("--json", action="store_true", help="JSON Lines, one interaction per line")
    s.add_argument("--as", dest="viewer", metavar="NAME", help="see only what NAME may see (their role's view)")
    s.set_defaults(func=cmd_list)

    s = sub.add_parser("show", help="show an interaction's transcript")
    s.add_argument("id", type=interaction_id)
    s.add_argument("--json", action="store_true")
    s.add_argument("--as", dest="viewer", metavar="NAME", help="see only what NAME may see (their role's view)")
    s.set_defaults(func=cmd_show)

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
    s.add_argument("--as", dest="author", metavar="NAME", help="who saves the template (a trainer or admin)")
    s.set_defaults(func=cmd_rubric)

    s = sub.add_parser("export", help="coaching PDF (export ID --pdf [OUT]), CSV (export csv OUT) or transcript "
                                      "(export transcript ID --format F OUT)")
    s.add_argument("what", metavar="ID|csv|transcript")
    s.add_argument("rest", nargs="*", metavar="ARG")
    s.add_argument("--pdf", nargs="?", const=True, metavar="OUT", help="call coaching report (default name in WORKSPACE/exports)")
    s.add_argument("--lang", choices=["en", "fi"], help="report language (default: the interaction's)")
    s.add_argument("--no-redact", action="store_true", help="keep personal data (every export is redacted by default)")
    s.add_argument("--format", default="txt", help="transcript format: txt, srt, vtt or json")
    s.add_argument("--from", dest="date_from", metavar="DATE")
    s.add_argument("--to", dest="date_to", metavar="DATE")
    s.add_argument("--force", action="store_true", help="overwrite an existing file")
    s.add_argument("--as", dest="viewer", metavar="NAME", help="see only what NAME may see (their role's view)")
    s.set_defaults(func=cmd_export)

    add_review_parsers(sub)

    s = sub.add_parser("report", help="period reports: report agent NAME [--from --to] [--pdf OUT] | report team ...")
    s.add_argument("kind", choices=["agent", "team"])
    s.add_argument("name", nargs="?", metavar="NAME")
    s.add_argument("--from", dest="date_from", metavar="DATE")
    s.add_argument("--to", dest="date_to", metavar="DATE")
    s.add_argument("--pdf", metavar="OUT")
    s.add_argument("--lang", choices=["en", "fi"])
    s.add_argument("--no-redact", action="store_true")
    s.add_argument("--force", action="store_true")
    s.add_argument("--as", dest="viewer", metavar="NAME", help="see only what NAME may see (their role's view)")
    s.set_defaults(func=cmd_report)

    add_train_parser(sub)
    add_date_parser(sub)

    s = sub.add_parser("demo", help="import, transcribe and score the demo calls, then print a summary")
    s.add_argument("--folder", default=str(Path(__file__).resolve().parent.parent / "recordings" / "demo"))
    _add_transcription_flags(s)
    s.set_defaults(func=cmd_demo)
    return p


class _WorkspaceLog(logging.FileHandler):
    """WORKSPACE/coach.log, opened at the first record (a new workspace exists by then: the
    command that fails has created it), owner-only; no log where the folder never appears."""

    def __init__(self, path: Path):
        super().__init__(path, encoding="utf-8", delay=True)

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is None:
            if not Path(self.baseFilename).parent.is_dir():
                return
            private_file(Path(self.baseFilename))
        super().emit(record)


def _setup_logging(ws_root: Path | None, debug: bool) -> None:
    handlers: list[logging.Handler] = []
    if ws_root is not None:
        handlers.append(_WorkspaceLog(ws_root / "coach.log"))
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
    _handle_sigterm()  # worker and watch put their own handler in its place (finish, then stop)
    try:
        ctx = Context(args)
        _setup_logging(ctx.ws.root, args.debug)
        rc = args.func(ctx, args)
        log.info("%s: exit %s", args.command, rc)
        return rc
    except CoachError as exc:
        if args.debug:
            raise
        log.info("%s: %s", args.command, exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Terminated:
        log.info("%s: terminated (SIGTERM)", args.command)
        print("terminated", file=sys.stderr)
        return 143  # 128 + SIGTERM, what the shell reports for a process SIGTERM ended
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
        first = (str(exc).strip().splitlines() or [""])[0]  # one line: never a database error's SQL below it
        print(f"error: unexpected {type(exc).__name__}: {first} (details in coach.log; rerun with --debug)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
