"""Team mode's job queue: throughput with 1 and 2 workers, queue overhead per job against the
same work done directly, and a run where one worker is killed -9 midway.

    .venv/bin/python bench/workers.py [--jobs 200]

Needs the local PostgreSQL (COACH_TEST_PG_URL, default postgres@127.0.0.1:5432); makes its own
databases and drops them. The jobs are short chat transcripts (scoring only), so the figures
are about the queue, not transcription. Timing comes from procrastinate's own job events
(first start to last success), so worker start-up (model loading) is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

PG_URL = os.environ.get("COACH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
QUEUE = {"tries": 3, "retry_wait_s": 0.5, "heartbeat_s": 1, "stalled_after_s": 3}


def libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def team_workspace(tmp: Path, label: str):
    name = f"coach_bench_{label}_{uuid.uuid4().hex[:8]}"
    admin_url = libpq(make_url(PG_URL).set(database="postgres").render_as_string(hide_password=False))
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    ws = tmp / label
    ws.mkdir()
    (ws / "settings.json").write_text(json.dumps({"db_url": url, "queue": QUEUE}))
    try:
        yield ws, url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_chats(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"chat-{i:04d}.json"
        # the same words in every call (only the id differs, so each is its own interaction): the
        # utterance embeddings are cached after the first job, so a job is short and the queue's
        # own cost is not lost in the noise of embedding new text
        p.write_text(json.dumps({"id": f"bench-{i}", "language": "en", "channel": "chat", "segments": [
            {"speaker": "agent", "start": 0, "end": 0, "text": "Hello, this is Sam. How can I help with your order?"},
            {"speaker": "customer", "start": 4, "end": 4, "text": "My order never arrived and I need it."},
            {"speaker": "agent", "start": 9, "end": 9, "text": "I am sorry about that. I have sent it again today."},
            {"speaker": "customer", "start": 14, "end": 14, "text": "Thanks, that helps."},
            {"speaker": "agent", "start": 17, "end": 17, "text": "Thank you for your patience, have a good day!"}]}))
        out.append(p)
    return out


def coach(ws: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *args],
                          capture_output=True, text=True, check=True, **kw)


def worker(ws: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), "worker", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def queue_and_time(ws: Path, url: str, files: list[Path]) -> float:
    """Import (unqueued, untimed) then enqueue every call; returns ms per enqueue."""
    from coach_app.db.engine import open_database
    from coach_app.services.importer import import_file
    from coach_app.services.work_queue import enqueue, ensure_schema

    engine = open_database(url)
    from coach_app.config import resolve_workspace

    w = resolve_workspace(str(ws), url)
    ids = [import_file(w, engine, f, agent="Sam").interaction.id for f in files]
    ensure_schema(url)
    t0 = time.perf_counter()
    enqueue(url, ids)
    engine.dispose()
    return (time.perf_counter() - t0) * 1000 / len(ids)


def events(url: str) -> dict:
    with psycopg.connect(libpq(url)) as c:
        starts = [r[0] for r in c.execute("SELECT at FROM procrastinate_events WHERE type = 'started' ORDER BY at")]
        ends = [r[0] for r in c.execute("SELECT at FROM procrastinate_events WHERE type = 'succeeded' ORDER BY at")]
        per_job = [r[0] for r in c.execute(
            "SELECT extract(epoch FROM s.at - b.at) FROM procrastinate_events s JOIN procrastinate_events b "
            "ON b.job_id = s.job_id AND b.type = 'started' WHERE s.type = 'succeeded'")]
    return {"starts": starts, "ends": ends, "in_job_ms": [float(x) * 1000 for x in per_job]}


def outcome(url: str) -> dict:
    with psycopg.connect(libpq(url)) as c:
        states = dict(c.execute("SELECT status::text, count(*) FROM procrastinate_jobs GROUP BY 1").fetchall())
        evals = [r[0] for r in c.execute(
            "SELECT count(e.id) FROM interaction i LEFT JOIN evaluation e ON e.interaction_id = i.id "
            "AND e.kind = 'automatic' GROUP BY i.id")]
        retried = c.execute("SELECT count(*) FROM procrastinate_jobs WHERE attempts > 1").fetchone()[0]
    return {"states": states, "lost": sum(n == 0 for n in evals), "doubled": sum(n > 1 for n in evals),
            "done_once": sum(n == 1 for n in evals), "retried": retried}


def max_connections(url: str, procs: list[subprocess.Popen]) -> int:
    name = make_url(url).database
    peak = 0
    with psycopg.connect(libpq(url), autocommit=True) as c:
        while any(p.poll() is None for p in procs):
            n = c.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)).fetchone()[0]
            peak = max(peak, n - 1)  # not this one
            time.sleep(0.2)
    return peak


def direct_baseline(tmp: Path, n: int) -> float:
    """The same work (run_job: score a stored chat) with no queue: ms per job, warm."""
    from coach_app.config import resolve_workspace
    from coach_app.db.engine import open_database
    from coach_app.services.importer import import_file
    from coach_app.services.work_queue import Runtime, run_job

    with team_workspace(tmp, "direct") as (ws, url):
        engine = open_database(url)
        w = resolve_workspace(str(ws), url)
        ids = [import_file(w, engine, f, agent="Sam").interaction.id for f in make_chats(tmp / "direct-in", n + 1)]
        rt = Runtime(w, engine, lambda: None)
        run_job(rt, ids[0])  # warm: embedding model, rubric
        t0 = time.perf_counter()
        for iid in ids[1:]:
            run_job(rt, iid)
        ms = (time.perf_counter() - t0) * 1000 / n
        engine.dispose()
    return ms


def run_workers(tmp: Path, n: int, count: int) -> dict:
    with team_workspace(tmp, f"w{count}") as (ws, url):
        enqueue_ms = queue_and_time(ws, url, make_chats(tmp / f"w{count}-in", n))
        procs = [worker(ws, "--until-empty", "--name", f"w{i}") for i in range(count)]
        peak = max_connections(url, procs)
        for p in procs:
            p.wait()
        ev, out = events(url), outcome(url)
    span = (ev["ends"][-1] - ev["starts"][0]).total_seconds()
    span_warm = (ev["ends"][-1] - ev["starts"][count]).total_seconds()  # without each worker's first job
    return {"span_s": span, "per_job_ms": span_warm * 1000 / (n - count), "jobs_per_s": n / span,
            "in_job_ms": statistics.median(ev["in_job_ms"]), "enqueue_ms": enqueue_ms, "connections": peak, **out}


def killed_run(tmp: Path, n: int) -> dict:
    with team_workspace(tmp, "kill") as (ws, url):
        queue_and_time(ws, url, make_chats(tmp / "kill-in", n))
        victim, survivor = worker(ws, "--name", "victim"), worker(ws, "--name", "survivor")
        with psycopg.connect(libpq(url), autocommit=True) as c:
            def count(state):
                return c.execute("SELECT count(*) FROM procrastinate_jobs WHERE status = %s", (state,)).fetchone()[0]
            while count("succeeded") < n // 2:
                time.sleep(0.05)
            in_hand = count("doing")  # the victim's job and (perhaps) the survivor's
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait()
            killed_at = time.monotonic()
            while count("succeeded") + count("failed") < n:
                time.sleep(0.1)
            drained_s = time.monotonic() - killed_at
        survivor.send_signal(signal.SIGTERM)
        survivor.wait(60)
        return {**outcome(url), "in_hand": in_hand, "drained_s": drained_s, "survivor_rc": survivor.returncode}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=200)
    n = ap.parse_args().jobs
    print(f"{os.cpu_count()} CPU cores; {n} queued chat transcripts per run (scoring only); "
          f"heartbeat {QUEUE['heartbeat_s']} s, stalled after {QUEUE['stalled_after_s']} s")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        direct = direct_baseline(tmp, n)
        print(f"direct (no queue, same process):  {direct:.1f} ms per job  ({1000 / direct:.1f} jobs/s)")
        for count in (1, 2):
            r = run_workers(tmp, n, count)
            print(f"{count} worker{'s' if count > 1 else ' '}: {r['jobs_per_s']:.1f} jobs/s ({r['span_s']:.1f} s "
                  f"for {n}; warm {1000 / r['per_job_ms']:.1f} jobs/s, {r['per_job_ms']:.1f} ms per job), in-job median {r['in_job_ms']:.1f} ms; "
                  f"enqueue {r['enqueue_ms']:.2f} ms per job; peak {r['connections']} connections; "
                  f"succeeded {r['states'].get('succeeded', 0)}/{n}, lost {r['lost']}, doubled {r['doubled']}")
            if count == 1:
                print(f"  queue overhead per job (1 worker, warm) vs direct: {r['per_job_ms'] - direct:+.1f} ms "
                      f"(ratio {r['per_job_ms'] / direct:.2f}; target <= 20 ms)")
        k = killed_run(tmp, n)
        print(f"kill -9 one of 2 workers at {n // 2} done: {k['done_once']}/{n} done exactly once, lost {k['lost']}, "
              f"doubled {k['doubled']}; jobs retried after the heartbeat timeout {k['retried']} ({k['in_hand']} "
              f"running at the kill, the survivor's included); the survivor finished the rest "
              f"{k['drained_s']:.1f} s after the kill; states {k['states']}; survivor exit {k['survivor_rc']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
