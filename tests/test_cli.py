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
