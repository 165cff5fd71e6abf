"""Team mode's job queue on the command line: import --queue, worker, queue, watch.

Every one of them needs a team (PostgreSQL) database and refuses on SQLite before touching
anything: the desktop app transcribes in-process there.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path

from coach_app.errors import CoachError
from coach_app.services.work_queue import require_team_db


def _needs_work(engine, interaction_id: int) -> bool:
    """An already imported call is queued again only if nothing finished it (a crash between
    its import and its enqueue leaves it so; re-importing the file is how it gets its job)."""
    from sqlmodel import Session, select

    from coach_app.db.models import Evaluation, Interaction

    with Session(engine) as s:
        inter = s.get(Interaction, interaction_id)
        if inter.status in ("imported", "transcribing"):
            return True
        return inter.status == "transcribed" and s.exec(select(Evaluation.id).where(
            Evaluation.interaction_id == interaction_id, Evaluation.kind == "automatic")).first() is None


def _import_and_enqueue(ctx, path: Path, agent, channels, when) -> bool:
    from coach_app.services.importer import import_file
    from coach_app.services.work_queue import enqueue

    try:
        res = import_file(ctx.ws, ctx.engine, path, agent=agent, channels=channels, occurred_at=when)
    except CoachError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    iid = res.interaction.id
    if res.created or _needs_work(ctx.engine, iid):
        job = enqueue(ctx.ws.db_url, [iid])[iid]
        print(f"queued: #{iid} {path}" + ("" if job is not None else " (a job for it was already waiting)"))
    else:
        print(f"already done: #{iid} {path} ({res.interaction.status})")
    return True


def cmd_import_queue(ctx, args) -> int:
    from coach_app.services.importer import expand_inputs, parse_occurred_at
    from coach_app.services.work_queue import ensure_schema

    require_team_db(ctx.ws.db_url)
    if args.watch:
        if len(args.files) != 1 or not Path(args.files[0]).is_dir():
            raise CoachError("import --queue --watch takes one folder to watch")
        args.folder, args.settle = args.files[0], None
        return cmd_watch(ctx, args)
    when = parse_occurred_at(args.occurred_at)
    paths = expand_inputs(args.files)
    ensure_schema(ctx.ws.db_url)
    failures = sum(not _import_and_enqueue(ctx, p, args.agent, args.channels, when) for p in paths)
    return 1 if failures else 0


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    return stop


def cmd_watch(ctx, args) -> int:
    from coach_app.services.intake import FolderWatcher
    from coach_app.services.work_queue import ensure_schema

    require_team_db(ctx.ws.db_url)
    folder = Path(args.folder)
    if not folder.is_dir():
        raise CoachError(f"{folder}: not a folder to watch")
    intake = ctx.settings.intake
    settle = intake.settle_s if args.settle is None else args.settle
    watcher = FolderWatcher(folder, settle, intake.agent_pattern, getattr(args, "agent", None))
    ensure_schema(ctx.ws.db_url)
    stop = _stop_on_signals()
    print(f"watching {folder} (a file is taken once unchanged for {settle:g} s); stop with Ctrl+C or SIGTERM",
          file=sys.stderr, flush=True)
    while not stop.is_set():
        arrivals, problems = watcher.poll()
        for p in problems:
            print(f"error: {p}", file=sys.stderr, flush=True)
        for a in arrivals:
            if stop.is_set():
                break  # the rest is taken by the next run: nothing is imported half
            _import_and_enqueue(ctx, a.path, a.agent, getattr(args, "channels", None), a.occurred_at)
            sys.stdout.flush()
        stop.wait(min(1.0, max(0.1, settle / 4)))
    print("stopped watching", file=sys.stderr)
    return 0


def cmd_worker(ctx, args) -> int:
    from coach_app.services.work_queue import Runtime, run_worker

    require_team_db(ctx.ws.db_url)
    if args.concurrency < 1:
        raise CoachError("--concurrency must be at least 1")
    rt = Runtime(ctx.ws, ctx.engine, ctx.transcriber, ctx.settings.hold_limit_s)
    print(f"worker: {args.concurrency} at a time on {ctx.engine.url.render_as_string(hide_password=True)}, "
          f"recordings in {ctx.ws.recordings_dir}; stop with Ctrl+C or SIGTERM", file=sys.stderr, flush=True)
    run_worker(rt, ctx.ws.db_url, ctx.settings.queue, concurrency=args.concurrency, name=args.name,
               wait=not args.until_empty)
    print("worker stopped", file=sys.stderr)
    return 0


def cmd_queue(ctx, args) -> int:
    from coach_app.services.work_queue import failed_jobs, queue_counts

    require_team_db(ctx.ws.db_url)
    counts = queue_counts(ctx.ws.db_url)
    if args.json:
        print(json.dumps(counts))
        return 0
    print("  ".join(f"{k} {v}" for k, v in counts.items()))
    for f in failed_jobs(ctx.ws.db_url, ctx.engine):
        print(f"  failed: job {f['job']} (#{f['interaction']}) after {f['tries']} tries: {f['error'] or '-'}")
    return 0


def add_parsers(sub) -> None:
    s = sub.add_parser("worker", help="team mode: run queued transcription and scoring jobs until stopped")
    s.add_argument("--concurrency", type=int, default=1, metavar="N", help="jobs at a time (default 1)")
    s.add_argument("--name", help="this worker's name in the logs")
    s.add_argument("--until-empty", action="store_true", help="exit once the queue is empty")
    from coach_app.cli_audio import _add_transcription_flags

    _add_transcription_flags(s)
    s.set_defaults(func=cmd_worker)

    s = sub.add_parser("queue", help="team mode: jobs per state (todo, doing, succeeded, failed)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_queue)

    s = sub.add_parser("watch", help="team mode: import and queue recordings as they appear in a folder")
    s.add_argument("folder", metavar="DIR")
    s.add_argument("--agent", metavar="NAME", help="agent of files neither the pattern nor a sidecar names")
    s.add_argument("--settle", type=float, metavar="S", help="seconds unchanged before a file is taken "
                                                              "(default: settings intake.settle_s)")
    s.set_defaults(func=cmd_watch, channels=None)
