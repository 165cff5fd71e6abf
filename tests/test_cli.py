"""The CLI as a user runs it: exit codes, one-line errors without tracebacks, JSON output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DATA, ROOT

DEMO = ROOT / "recordings" / "demo"


def coach(*args, ws, env=None):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300,
    )


def test_usage_error_exits_2(tmp_path):
    r = coach("import", ws=tmp_path)
    assert r.returncode == 2 and "usage:" in r.stderr
    r = coach("import", "x.wav", "--channels", "left", ws=tmp_path)
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_bad_files_give_one_line_each_and_change_nothing(tmp_path):
    ws = tmp_path / "ws"
    assert coach("import", DEMO / "demo-talkover.wav", "--agent", "Sam", ws=ws).returncode == 0
    before = coach("list", "--json", ws=ws).stdout
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.wav"
    fake.write_text("hello, not audio")
    cut = tmp_path / "cut.flac"
    cut.write_bytes((DATA / "jfk.flac").read_bytes()[:60000])
    notjson = tmp_path / "t.json"
    notjson.write_text("segments: none")
    for f, problem in [(empty, "file is empty"), (fake, "not a readable audio file"), (cut, "truncated"),
                       (notjson, "not valid JSON"), (tmp_path / "nope.mp3", "file not found")]:
        r = coach("import", f, ws=ws)
        assert r.returncode == 1
        lines = r.stderr.strip().splitlines()
        assert lines == [f"error: {f}: {lines[0].split(': ', 2)[2]}"] and problem in lines[0], r.stderr
        assert "Traceback" not in r.stderr
    assert coach("list", "--json", ws=ws).stdout == before


def test_debug_shows_the_traceback(tmp_path):
    r = coach("--debug", "show", "42", ws=tmp_path)
    assert r.returncode == 1 and "Traceback" in r.stderr and "no interaction with id 42" in r.stderr


def test_import_list_show_json(tmp_path):
    chat = tmp_path / "chat.txt"
    chat.write_text("Agent: Hello, how can I help?\nCustomer: My card was charged twice.\n", "utf-8")
    r = coach("import", chat, "--agent", "Aino Agent", "--occurred-at", "2026-11-20T09:30:00+02:00", ws=tmp_path / "ws")
    assert r.returncode == 0 and "imported: #1" in r.stdout
    rows = [json.loads(x) for x in coach("list", "--json", ws=tmp_path / "ws").stdout.splitlines()]
    assert len(rows) == 1
    assert (rows[0]["agent"], rows[0]["kind"], rows[0]["channel_type"], rows[0]["status"]) == ("Aino Agent", "text", "chat", "transcribed")
    assert rows[0]["occurred_at"].startswith("2026-11-20T07:30")
    shown = json.loads(coach("show", "1", "--json", ws=tmp_path / "ws").stdout)
    assert [s["speaker"] for s in shown["segments"]] == ["agent", "customer"]
    assert shown["segments"][1]["text"] == "My card was charged twice."
    r = coach("list", "--agent", "Nobody", ws=tmp_path / "ws")
    assert "no interactions" in r.stdout


def test_bad_database_url_is_one_line(tmp_path):
    r = coach("list", ws=tmp_path, env={"COACH_DB": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    assert r.returncode == 1 and r.stderr.startswith("error: cannot open database") and "Traceback" not in r.stderr


def test_postgres_url_from_flag_works(tmp_path, db_url):
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "--db", db_url,
                        "import", DEMO / "demo-talkover.wav"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "imported: #1" in r.stdout
    assert not (tmp_path / "coach.db").exists() or db_url.startswith("sqlite")


def test_bad_ids_statuses_and_empty_folders_get_one_line_and_change_nothing(tmp_path):
    import subprocess
    import sys

    def coach(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path / "ws"), *args],
                              capture_output=True, text=True, cwd=ROOT)

    r = coach("show", str(2**64))
    assert r.returncode == 2 and "is not an id (ids run from 1 to" in r.stderr and "Traceback" not in r.stderr
    r = coach("list", "--status", "bogus")
    assert r.returncode == 1 and "'bogus' is not a status" in r.stderr
    (tmp_path / "call.wav").mkdir()  # a folder named like a recording
    r = coach("import", str(tmp_path / "call.wav"))
    assert r.returncode == 1 and "a folder with no recordings or transcripts" in r.stderr
    assert "no interactions yet" in coach("list").stdout


def test_the_database_and_the_log_are_readable_by_their_owner_only(tmp_path):
    import stat
    import subprocess
    import sys

    ws = tmp_path / "ws"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), "import",
                        str(DATA / "scoring" / "own-en-001.json")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    for name in ("coach.db", "coach.log"):
        assert stat.S_IMODE((ws / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE((ws / "recordings").stat().st_mode) == 0o700


def test_commands_that_cannot_write_their_output_change_nothing(tmp_path):
    import os
    import subprocess
    import sys
    import time

    ws = tmp_path / "ws"

    def coach(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *args],
                              capture_output=True, text=True, cwd=ROOT)

    call = DATA / "scoring" / "own-en-001.json"
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    r = coach("analyze", str(call), "--pdf", str(blocker / "report.pdf"))
    assert r.returncode == 1 and "not a writable folder" in r.stderr and "Traceback" not in r.stderr
    assert "no interactions yet" in coach("list").stdout  # nothing imported, nothing scored
    assert coach("score", str(call), "--save").returncode == 0
    (tmp_path / "x-summary.csv").write_text("keep me")
    r = coach("export", "csv", str(tmp_path / "x.csv"))
    assert r.returncode == 1 and "already exists" in r.stderr
    assert not (tmp_path / "x.csv").exists() and (tmp_path / "x-summary.csv").read_text() == "keep me"
    victim = tmp_path / "victim.txt"
    victim.write_text("do not overwrite")
    (tmp_path / "out.yaml.tmp").symlink_to(victim)  # the old fixed temporary name, planted
    assert coach("rubric", "export", "1", str(tmp_path / "out.yaml")).returncode == 0
    assert victim.read_text() == "do not overwrite" and "customer-encounter-model" in (tmp_path / "out.yaml").read_text()
    # debris of killed imports is swept at the next import; a part still being written is not
    old, fresh = ws / "recordings" / ".import-dead.part", ws / "recordings" / ".import-live.part"
    old.write_bytes(b"x" * 1000)
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert coach("import", str(DATA / "scoring" / "own-fi-001.json")).returncode == 0
    assert not old.exists() and fresh.exists()
