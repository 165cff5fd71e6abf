"""Team mode's job queue on real PostgreSQL with real worker processes (never skipped)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from coach_app.config import Workspace
from coach_app.db.engine import make_engine, migrate
from coach_app.db.models import AuditEvent, Evaluation, Interaction, TranscriptionJob, TranscriptSegment
from coach_app.services.work_queue import QUEUE_REFUSAL
from tests.conftest import PG_URL, ROOT, _pg_admin
from tests.test_job_claims import make_calls

QUEUE_SETTINGS = {"tries": 3, "retry_wait_s": 0.2, "heartbeat_s": 0.5, "stalled_after_s": 2}


@pytest.fixture
def team(tmp_path):
    """A team workspace on a fresh PostgreSQL database, with short heartbeats and backoffs."""
    name = f"coach_wq_{uuid.uuid4().hex[:12]}"
    try:
        admin = _pg_admin()
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"the worker tests need PostgreSQL at {PG_URL} (set COACH_TEST_PG_URL): {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    ws = Workspace(tmp_path / "ws", url)
    ws.ensure_dirs()
    ws.settings_path.write_text(json.dumps({"db_url": url, "queue": QUEUE_SETTINGS,
                                            "intake": {"agent_pattern": r"^(?P<agent>[a-z]+)_", "settle_s": 1}}))
    engine = make_engine(url)
    migrate(engine)
    procs: list[subprocess.Popen] = []
    ws.procs = procs
    ws.engine = engine
    yield ws
    for p in procs:
        if p.poll() is None:
            p.kill()
            p.wait()
    engine.dispose()
    with _pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def coach(ws, *args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "tests.fake_coach", "--workspace", str(ws.root), *map(str, args)],
                          cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout)


def start(ws, *args, env=None) -> subprocess.Popen:
    p = subprocess.Popen([sys.executable, "-m", "tests.fake_coach", "--workspace", str(ws.root), *map(str, args)],
                         cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    ws.procs.append(p)
    return p


def counts(ws) -> dict:
    r = coach(ws, "queue", "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def wait_for(check, what: str, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def jobs(ws) -> list[tuple]:
    with psycopg.connect(make_url(ws.db_url).set(drivername="postgresql").render_as_string(hide_password=False)) as c:
        return c.execute("SELECT (args->>'interaction_id')::int, status::text, attempts FROM procrastinate_jobs "
                         "ORDER BY id").fetchall()


def transcripts(folder, n: int) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"chat-{i}.json"
        p.write_text(json.dumps({"language": "en", "channel": "chat", "segments": [
            {"speaker": "agent", "start": 0, "end": 0, "text": f"Hello, this is Sam, how can I help with order {i}?"},
            {"speaker": "customer", "start": 5, "end": 5, "text": f"My order {1000 + i} never arrived."},
            {"speaker": "agent", "start": 9, "end": 9, "text": "I am sorry. I have sent it again today. Thank you!"}]}))
        out.append(p)
    return out


def automatic_evaluations(ws) -> Counter:
    with Session(ws.engine) as s:
        return Counter(s.exec(select(Evaluation.interaction_id).where(Evaluation.kind == "automatic")).all())


def test_two_workers_do_every_queued_job_exactly_once(team, tmp_path):
    files = transcripts(tmp_path / "chats", 6) + make_calls(tmp_path / "calls", 6)
    r = coach(team, "import", "--queue", *files, "--agent", "Sam")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("queued: #") == 12
    assert counts(team) == {"todo": 12, "doing": 0, "succeeded": 0, "failed": 0}
    log = tmp_path / "transcribed.log"
    env = {"COACH_FAKE_SLEEP": "0.4", "COACH_FAKE_LOG": str(log)}
    workers = [start(team, "worker", "--until-empty", "--name", f"w{i}", env=env) for i in range(2)]
    outs = [w.communicate(timeout=180) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outs
    assert counts(team) == {"todo": 0, "doing": 0, "succeeded": 12, "failed": 0}
    with Session(team.engine) as s:
        ids = s.exec(select(Interaction.id)).all()
        done = Counter(s.exec(select(TranscriptionJob.interaction_id).where(TranscriptionJob.status == "done")).all())
        audio = s.exec(select(Interaction.id).where(Interaction.kind == "audio")).all()
    assert automatic_evaluations(team) == Counter(ids)  # every call scored once
    assert done == Counter(audio)  # every recording transcribed once
    lines = log.read_text().split()
    assert len(lines[1::2]) == 6 and len(set(lines[1::2])) == 6
    assert len(set(lines[0::2])) == 2  # both workers took jobs
    # queueing the same files again queues nothing: they are done
    r = coach(team, "import", "--queue", *files[:2])
    assert r.returncode == 0 and r.stdout.count("already done") == 2


def test_a_worker_killed_mid_job_has_its_job_done_once_by_another(team, tmp_path):
    call = make_calls(tmp_path / "calls", 1)[0]
    assert coach(team, "import", "--queue", call, "--agent", "Kelly").returncode == 0
    block = tmp_path / "block"
    block.write_text("")
    first = start(team, "worker", "--name", "doomed", env={"COACH_FAKE_BLOCK": str(block)})
    wait_for(lambda: (tmp_path / "block.started").exists(), "the first worker to start the job")
    assert counts(team)["doing"] == 1
    second = start(team, "worker", "--name", "survivor")
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    block.unlink()  # the second worker's run of it would not block anyway; now nothing does
    wait_for(lambda: counts(team)["succeeded"] == 1, "the job to be retried by the surviving worker")
    assert jobs(team)[0][1:] == ("succeeded", 2)  # the killed run counted as a try
    with Session(team.engine) as s:
        iid = s.exec(select(Interaction.id)).one()
        runs = s.exec(select(TranscriptionJob.status, TranscriptionJob.error).order_by(TranscriptionJob.id)).all()
        segments = s.exec(select(TranscriptSegment).where(TranscriptSegment.interaction_id == iid)).all()
        notes = [e.detail["error"] for e in s.exec(select(AuditEvent).where(AuditEvent.action == "queue_job_failed"))]
    assert runs == [("failed", "interrupted before it finished"), ("done", None)]
    assert len(segments) == 2  # one transcript (the fake's two turns), not two
    assert automatic_evaluations(team) == Counter({iid: 1})
    assert len(notes) == 1 and "stopped responding" in notes[0]
    second.send_signal(signal.SIGTERM)  # a clean stop
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0 and "worker stopped" in err, err


def test_a_failing_job_stops_after_its_tries_with_the_error_kept(team, tmp_path):
    call = make_calls(tmp_path / "calls", 1)[0]
    assert coach(team, "import", "--queue", call).returncode == 0
    worker = start(team, "worker", env={"COACH_FAKE_FAIL": "the decoder gave up"})
    wait_for(lambda: counts(team)["failed"] == 1, "the job to fail for good")
    worker.send_signal(signal.SIGINT)
    worker.communicate(timeout=60)
    assert worker.returncode == 0
    assert counts(team) == {"todo": 0, "doing": 0, "succeeded": 0, "failed": 1}
    assert jobs(team)[0][1:] == ("failed", 3)
    r = coach(team, "queue")
    assert "after 3 tries: the decoder gave up" in r.stdout, r.stdout
    with Session(team.engine) as s:
        inter = s.exec(select(Interaction)).one()
        runs = s.exec(select(TranscriptionJob.status, TranscriptionJob.error)).all()
        attempts = [e.detail["attempt"] for e in s.exec(select(AuditEvent).where(AuditEvent.action == "queue_job_failed"))]
    assert (inter.status, inter.status_detail) == ("failed", "the decoder gave up")
    assert runs == [("failed", "the decoder gave up")] * 3
    assert sorted(attempts) == [1, 2, 3]


def test_on_sqlite_the_queue_commands_refuse_and_store_nothing(tmp_path):
    ws = tmp_path / "ws"
    chat = transcripts(tmp_path / "chats", 1)[0]
    for args in (["import", "--queue", chat], ["worker"], ["queue", "--json"], ["watch", str(tmp_path)],
                 ["import", "--queue", str(tmp_path / "chats"), "--watch"]):
        r = coach(type("W", (), {"root": ws}), *args)
        assert (r.returncode, r.stderr.strip()) == (1, f"error: {QUEUE_REFUSAL}"), (args, r.stderr)
        assert r.stdout == ""
    assert not (ws / "coach.db").exists() and not (ws / "recordings").exists()
