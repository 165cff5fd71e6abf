"""kill -9 and SIGTERM in the middle of import, transcription, review and export (#12): the
database opens with consistent counts (PRAGMA integrity_check ok), nothing half-written is left
once the next command has run (debris of a kill -9 is swept when stale: aged here), and running
the command again gives the result an uninterrupted run gives.

Each command runs as a real process; to kill it at a known point the child is started through a
few lines that make one step wait after saying so (tests/test_sigterm.py does the same): the
product has no test hook."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT
from tests.figures import record
from tests.test_job_claims import make_calls
from tests.test_sigterm import SLOW_EXPORT, SLOW_IMPORT, transcript

KILLS = {"total": 0, "survived": 0}

#: a review that waits inside its transaction, after its changes are flushed, before the commit
SLOW_REVIEW = """
import sys, time
import coach_app.services.reviews as reviews
real = reviews._submit
def slow(*a, **k):
    real(*a, **k); print("committing", flush=True); time.sleep(60)
reviews._submit = slow
from coach_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def coach(ws, *args, module=None, env=None):
    cmd = [sys.executable, *(["-m", module] if module else [str(ROOT / "main.py")]), "--workspace", str(ws), *args]
    return subprocess.run(list(map(str, cmd)), capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, **(env or {})})


def start(code: str, ws, *args, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, "--workspace", str(ws), *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def kill_when(proc: subprocess.Popen, word: str, sig: int) -> int:
    line = proc.stdout.readline()  # the child is in the slow step now (or died first)
    assert line.strip() == word, (line, proc.stderr.read() if proc.poll() is not None else "")
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    KILLS["total"] += 1
    return proc.returncode


def survived() -> None:
    KILLS["survived"] += 1
    record("kills", f"{KILLS['survived']} survived / {KILLS['total']} total (kill -9 and SIGTERM mid-operation)")


def check_db(ws) -> dict[str, int]:
    """The database opens, is intact, and its counts hang together; the counts."""
    with sqlite3.connect(ws / "coach.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = {t: db.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("interaction", "transcription_job", "transcript_segment", "evaluation", "criterion_result")}
        orphans = db.execute("select count(*) from transcript_segment where interaction_id not in "
                             "(select id from interaction)").fetchone()[0]
        assert orphans == 0
    return counts


def debris(*folders: Path) -> list[str]:
    return [str(p) for f in folders for p in f.rglob("*")
            if p.is_file() and (p.suffix in (".part", ".tmp") or p.name.startswith((".import-", "tmp")))]


def age(paths: list[str]) -> None:
    """What time would do: a kill -9's leftovers become stale and the next command sweeps them."""
    old = time.time() - 3 * 3600
    for p in paths:
        os.utime(p, (old, old))


def test_an_import_killed_at_once_or_terminated_resumes_cleanly(tmp_path):
    ws = tmp_path / "ws"
    src = transcript(tmp_path / "call.json")
    for sig in (signal.SIGKILL, signal.SIGTERM):
        rc = kill_when(start(SLOW_IMPORT, ws, "import", src, "--agent", "Sam"), "copying", sig)
        assert rc == (-9 if sig == signal.SIGKILL else 143)
        assert check_db(ws)["interaction"] == 0
        left = debris(ws)
        assert len(left) == (1 if sig == signal.SIGKILL else 0), left  # kill -9 cannot clean up; SIGTERM does
        age(left)
        r = coach(ws, "import", src, "--agent", "Sam")
        assert r.returncode == 0 and "imported: #1" in r.stdout, r.stderr
        assert check_db(ws)["interaction"] == 1 and debris(ws) == []
        assert len([p for p in (ws / "recordings").rglob("*.json")]) == 1
        survived()
        (tmp_path / "ws-done").mkdir(exist_ok=True)
        ws.rename(tmp_path / "ws-done" / str(sig))  # a fresh workspace for the next signal


def test_a_transcription_killed_midway_is_resumed_by_transcribe_pending(tmp_path):
    ws = tmp_path / "ws"
    calls = make_calls(tmp_path / "in", 2)
    assert coach(ws, "import", *calls, "--agent", "Kelly").returncode == 0
    block = tmp_path / "block"
    for n, sig in enumerate((signal.SIGKILL, signal.SIGTERM)):
        block.write_text("wait")
        proc = subprocess.Popen([sys.executable, "-m", "tests.fake_coach", "--workspace", str(ws), "transcribe",
                                 str(n + 1)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "COACH_FAKE_BLOCK": str(block)})
        started = Path(f"{block}.started")
        deadline = time.monotonic() + 120
        while not started.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists(), proc.communicate()
        proc.send_signal(sig)
        proc.communicate(timeout=60)
        KILLS["total"] += 1
        started.unlink()
        block.unlink()
        counts = check_db(ws)
        assert counts["transcript_segment"] == 0 and counts["interaction"] == 2
        assert debris(ws) == []
    r = coach(ws, "transcribe", "--pending", module="tests.fake_coach")
    assert r.returncode == 0, r.stderr
    counts = check_db(ws)
    with sqlite3.connect(ws / "coach.db") as db:
        assert {s for (s,) in db.execute("select status from interaction")} == {"transcribed"}
        done = db.execute("select interaction_id from transcription_job where status = 'done'").fetchall()
        alive = db.execute("select count(*) from transcription_job where status in ('running', 'queued')").fetchone()
    assert sorted(done) == [(1,), (2,)] and alive == (0,)  # each call transcribed once; nothing left running
    assert counts["transcript_segment"] == 4  # two turns each, as an uninterrupted run stores
    assert coach(ws, "transcribe", "--pending", module="tests.fake_coach").stdout.strip() == "nothing to transcribe"
    survived()
    survived()


def scored_workspace(tmp_path) -> Path:
    ws = tmp_path / "ws"
    src = transcript(tmp_path / "call.json", "Hello, I understand, that is annoying, thanks for calling.")
    for args in (["person", "add", "Ada Admin", "--role", "admin"],
                 ["person", "add", "Tiina Lead", "--role", "team_lead", "--as", "Ada Admin"],
                 ["score", src, "--save", "--agent", "Sam", "--rubric", ROOT / "tests/data/rubrics/phrase-rules.yaml"]):
        r = coach(ws, *args)
        assert r.returncode == 0, r.stderr
    return ws


REVIEW = ["review", "1", "--as", "Tiina Lead", "--set", "empathy=not_met", "--reason", "too flat", "--submit", "--json"]


def test_a_review_killed_before_its_commit_stores_nothing_and_runs_again(tmp_path):
    ws = scored_workspace(tmp_path)
    before = check_db(ws)
    for sig in (signal.SIGKILL, signal.SIGTERM):
        kill_when(start(SLOW_REVIEW, ws, *REVIEW), "committing", sig)
        assert check_db(ws) == before and debris(ws) == []
    r = coach(ws, *REVIEW)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["kind"], out["submitted"], out["criteria"]["empathy"]) == ("lead", True, "not_met")
    with sqlite3.connect(ws / "coach.db") as db:
        assert db.execute("select count(*) from evaluation where kind = 'lead'").fetchone() == (1,)
        assert db.execute("select overridden_from, override_reason from criterion_result where criterion_id = "
                          "'empathy' and evaluation_id = ?", (out["id"],)).fetchone() == ("met", "too flat")
    after = check_db(ws)
    assert after["evaluation"] == before["evaluation"] + 1  # one review, as if never interrupted
    survived()
    survived()


def test_exports_killed_at_their_rename_leave_nothing_once_rerun(tmp_path):
    ws = scored_workspace(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for what in (["1", "--pdf", out_dir / "call.pdf"], ["transcript", "1", out_dir / "call.txt"],
                 ["csv", out_dir / "all.csv"]):
        target = Path(what[-1]) if what[0] != "1" else Path(what[2])
        rc = kill_when(start(SLOW_EXPORT, ws, "export", *what), "renaming", signal.SIGKILL)
        assert rc == -9 and not target.exists()
        left = debris(out_dir)
        assert len(left) == 1, left  # the kill -9's temporary file ...
        age(left)
        r = coach(ws, "export", *what)
        assert r.returncode == 0, r.stderr
        assert target.stat().st_size > 0 and debris(out_dir) == []  # ... swept by the next export there
        check_db(ws)
        survived()
