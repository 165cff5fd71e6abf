"""Team mode's job queue: transcription and scoring on any number of worker machines.

procrastinate (a PostgreSQL task queue: no other broker) keeps the jobs in the team database
itself, in its own tables beside ours, applied by ``ensure_schema`` (not an Alembic migration:
the schema is procrastinate's, versioned with the package). ``import --queue`` stores the
recording in the shared recordings folder and defers ``transcribe_and_score(interaction_id)``;
``coach worker`` runs them.

- One worker per job: procrastinate fetches with ``FOR UPDATE SKIP LOCKED``; jobs of one
  interaction share a procrastinate ``lock`` (never two at once) and a ``queueing_lock`` (never
  two waiting).
- A worker that dies mid-job (kill -9, power loss) stops writing its heartbeat; every live
  worker looks for jobs of workers silent for ``stalled_after_s`` and puts them back in the
  queue (counted as a try), so another worker runs them.
- A failing job runs again after a doubling backoff, ``tries`` times in all, then stays
  failed; each try's error is kept as an audit event of the interaction (procrastinate keeps
  no error text).
- Idempotent per interaction: the job holds the interaction's lease (services/leases.py) for
  its whole run, transcribes only a call without a transcript (the transcript replaces any
  earlier one in one transaction) and scores only a call without an automatic evaluation of
  that rubric version, so a retried job never leaves two transcripts or two evaluations.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, select

from coach_app.config import QueueSettings, Workspace
from coach_app.db.models import Evaluation
from coach_app.errors import CoachError
from coach_app.services.leases import interaction_lease
from coach_app.services.people import audit
from coach_app.services.transcripts import get_interaction, transcribe_interaction

log = logging.getLogger(__name__)

QUEUE_REFUSAL = "the job queue needs a team (PostgreSQL) database; the desktop app transcribes in-process"
TASK_NAME = "transcribe_and_score"
STATES = ("todo", "doing", "succeeded", "failed")
#: advisory-lock key serialising the first application of procrastinate's schema ("coachque")
_SCHEMA_LOCK = 0x636F616368717565


def require_team_db(db_url: str) -> None:
    if make_url(db_url).get_backend_name() != "postgresql":
        raise CoachError(QUEUE_REFUSAL)


def conninfo(db_url: str) -> str:
    """The SQLAlchemy URL as libpq takes it (procrastinate talks to psycopg directly)."""
    return make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)


def ensure_schema(db_url: str) -> None:
    """procrastinate's tables, functions and triggers, applied once per database."""
    import psycopg
    from procrastinate.schema import SchemaManager

    require_team_db(db_url)
    try:
        with psycopg.connect(conninfo(db_url), connect_timeout=10) as conn:  # one transaction
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            if conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()[0] is None:
                conn.execute(SchemaManager.get_schema())
    except psycopg.OperationalError as exc:
        raise CoachError(f"cannot reach the team database for the job queue: "
                         f"{str(exc).strip().splitlines()[0]}") from None


# ----------------------------------------------------------------------------- the task

@dataclass
class Runtime:
    """What a worker's jobs need; handed to them through procrastinate's job context."""

    ws: Workspace
    engine: Engine
    transcriber_factory: Callable[[], Any]
    hold_limit_s: float | None = None
    _rubric: tuple | None = None
    _rubric_lock: threading.Lock = field(default_factory=threading.Lock)

    def rubric(self):
        """The default rubric, stored and parsed once per worker rather than once per job."""
        with self._rubric_lock:
            if self._rubric is None:
                from coach_app.services.rubrics import resolve_rubric

                self._rubric = resolve_rubric(self.engine, None)
            return self._rubric


class Busy(CoachError):
    """Another process holds the interaction (a `coach transcribe`, or a worker thought dead)."""


def run_job(rt: Runtime, interaction_id: int) -> str:
    """Transcribe (if needed) and score (if not yet) one interaction; what was done, in words."""
    from coach_app.services.evaluations import NotScoredError, score_interaction

    with interaction_lease(rt.engine, interaction_id) as held:
        if not held:
            raise Busy(f"interaction {interaction_id} is being worked on by another process")
        with Session(rt.engine) as s:
            inter = get_interaction(s, interaction_id)
        did = []
        if inter.kind == "audio" and inter.status not in ("transcribed", "needs_review"):
            transcribe_interaction(rt.ws, rt.engine, interaction_id, rt.transcriber_factory())
            did.append("transcribed")
        with Session(rt.engine) as s:
            inter = get_interaction(s, interaction_id)
        if inter.status != "transcribed":
            return ", ".join(did + [f"not scored ({inter.status})"])
        version, rubric = rt.rubric()
        with Session(rt.engine) as s:
            scored = s.exec(select(Evaluation.id).where(
                Evaluation.interaction_id == interaction_id, Evaluation.kind == "automatic",
                Evaluation.rubric_version_id == version.id)).first()
        if scored is not None:
            return ", ".join(did + ["already scored"])
        try:
            score_interaction(rt.engine, interaction_id, version, rubric, rt.hold_limit_s)
        except NotScoredError as exc:  # the call needs a person, not another try
            return ", ".join(did + [f"not scored ({exc})"])
        return ", ".join(did + ["scored"])


def record_failure(engine: Engine, interaction_id: int, job_id: int | None, attempt: int, error: str) -> None:
    """A try's error, kept with the interaction (audit events are never rewritten)."""
    try:
        with Session(engine) as s:
            audit(s, "interaction", interaction_id, "queue_job_failed",
                  {"job": job_id, "attempt": attempt, "error": error})
            s.commit()
    except Exception:  # noqa: BLE001 - the job's own failure is what must propagate
        log.exception("could not record the failure of job %s", job_id)


class Backoff:
    """``tries`` runs in all; the n-th retry waits ``wait_s * 2**(n-1)`` seconds."""

    def __init__(self, tries: int, wait_s: float):
        self.tries, self.wait_s = tries, wait_s

    def delay(self, attempts: int) -> float | None:
        """Seconds before the next run after ``attempts`` earlier retries; None = stop."""
        return None if attempts + 1 >= self.tries else self.wait_s * 2 ** attempts

    def as_strategy(self):
        from procrastinate.retry import BaseRetryStrategy, RetryDecision

        backoff = self

        class Strategy(BaseRetryStrategy):
            def get_retry_decision(self, *, exception, job):
                wait = backoff.delay(job.attempts)
                return None if wait is None else RetryDecision(retry_in={"seconds": wait})

        return Strategy()


def _blueprint():
    from procrastinate import Blueprint, JobContext

    bp = Blueprint()

    @bp.task(name=TASK_NAME, pass_context=True)
    def transcribe_and_score(context: JobContext, interaction_id: int) -> str:
        rt: Runtime = context.additional_context["coach"]
        try:
            return run_job(rt, int(interaction_id))
        except BaseException as exc:
            record_failure(rt.engine, int(interaction_id), context.job.id, context.job.attempts + 1,
                           str(exc) or type(exc).__name__)
            raise

    return bp


def make_app(db_url: str, pool_size: int = 2):
    from procrastinate import App, PsycopgConnector

    require_team_db(db_url)
    # a small pool per process: with 20 workers the server sees ~20 x pool_size connections
    app = App(connector=PsycopgConnector(conninfo=conninfo(db_url), min_size=1, max_size=pool_size))
    app.add_tasks_from(_blueprint(), namespace="coach")
    return app


def _task(app):
    return app.tasks[f"coach:{TASK_NAME}"]


# ----------------------------------------------------------------------------- enqueue, counts

def enqueue(db_url: str, interaction_ids: list[int]) -> dict[int, int | None]:
    """Defer a job per interaction; None where one is already waiting for it."""
    from procrastinate.exceptions import AlreadyEnqueued

    ensure_schema(db_url)
    app = make_app(db_url)
    out: dict[int, int | None] = {}
    with app.open():
        for iid in interaction_ids:
            lock = f"interaction-{iid}"
            try:
                out[iid] = _task(app).configure(lock=lock, queueing_lock=lock).defer(interaction_id=iid)
            except AlreadyEnqueued:
                out[iid] = None
    return out


def queue_counts(db_url: str) -> dict[str, int]:
    import psycopg

    ensure_schema(db_url)
    with psycopg.connect(conninfo(db_url), connect_timeout=10) as conn:
        rows = conn.execute("SELECT status::text, count(*) FROM procrastinate_jobs GROUP BY status").fetchall()
    counts = dict.fromkeys(STATES, 0)
    counts.update({status: n for status, n in rows if n or status in STATES})
    return counts


def failed_jobs(db_url: str, engine: Engine) -> list[dict]:
    """Jobs that stay failed, each with its interaction and the error of its last try."""
    import psycopg

    from coach_app.db.models import AuditEvent

    with psycopg.connect(conninfo(db_url), connect_timeout=10) as conn:
        rows = conn.execute("SELECT id, (args->>'interaction_id')::bigint, attempts FROM procrastinate_jobs "
                            "WHERE status = 'failed' ORDER BY id").fetchall()
    out = []
    with Session(engine) as s:
        for job_id, iid, attempts in rows:
            events = s.exec(select(AuditEvent).where(AuditEvent.entity == "interaction", AuditEvent.entity_id == iid,
                                                     AuditEvent.action == "queue_job_failed")
                            .order_by(AuditEvent.id.desc())).all()
            last = next((e.detail for e in events if (e.detail or {}).get("job") == job_id), None)
            out.append({"job": job_id, "interaction": iid, "tries": attempts,  # runs, each counted at its end
                        "error": (last or {}).get("error")})
    return out


# ----------------------------------------------------------------------------- the worker

async def _requeue_stalled(app, rt: Runtime, q: QueueSettings, backoff: Backoff) -> None:
    """Jobs of workers silent for ``stalled_after_s``: back to the queue, or failed for good."""
    from procrastinate.exceptions import ConnectorException
    from procrastinate.jobs import Status

    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=q.stalled_after_s):
        wait = backoff.delay(job.attempts)
        error = f"the worker running it stopped responding (no heartbeat for {q.stalled_after_s:g} s)"
        try:
            if wait is None:
                await app.job_manager.finish_job(job, status=Status.FAILED, delete_job=False)
            else:
                await app.job_manager.retry_job(job, retry_at=datetime.now(timezone.utc) + timedelta(seconds=wait))
        except ConnectorException:
            continue  # another worker requeued it first
        log.warning("job %s (%s) %s: %s", job.id, job.call_string, "failed" if wait is None else "requeued", error)
        iid = (job.task_kwargs or {}).get("interaction_id")
        if iid is not None:
            await asyncio.to_thread(record_failure, rt.engine, int(iid), job.id, job.attempts + 1, error)
    await app.job_manager.prune_stalled_workers(q.stalled_after_s)


async def _reaper(app, rt: Runtime, q: QueueSettings, backoff: Backoff) -> None:
    while True:
        await asyncio.sleep(q.heartbeat_s)
        try:
            await _requeue_stalled(app, rt, q, backoff)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - a database hiccup must not stop the worker
            log.exception("looking for stalled jobs failed")


def run_worker(rt: Runtime, db_url: str, q: QueueSettings, concurrency: int = 1, name: str | None = None,
               wait: bool = True) -> None:
    """Run jobs until SIGTERM/SIGINT (then: no new job, the running ones finish, exit)."""
    ensure_schema(db_url)
    backoff = Backoff(q.tries, q.retry_wait_s)
    # connections: the job fetches and status updates, the heartbeat, LISTEN, the reaper
    app = make_app(db_url, pool_size=concurrency + 3)
    _task(app).retry_strategy = backoff.as_strategy()

    async def main() -> None:
        async with app.open_async():
            reaper = asyncio.create_task(_reaper(app, rt, q, backoff))
            try:
                await app.run_worker_async(
                    concurrency=concurrency, name=name, wait=wait, additional_context={"coach": rt},
                    update_heartbeat_interval=q.heartbeat_s, stalled_worker_timeout=q.stalled_after_s,
                    fetch_job_polling_interval=min(5.0, q.heartbeat_s), install_signal_handlers=True)
            finally:
                reaper.cancel()
                await asyncio.gather(reaper, return_exceptions=True)

    asyncio.run(main())
