"""Bulk intake: a watched folder yields complete recordings only, with their agent."""

from __future__ import annotations

import json
import signal
import threading
import time
import wave

from coach_app.services.intake import FolderWatcher
from tests.test_job_claims import make_calls
from tests.test_work_queue import coach, start, team, transcripts, wait_for  # noqa: F401 - team is a fixture


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_file_is_taken_once_it_holds_still_and_never_while_it_grows(tmp_path):
    clock = Clock()
    w = FolderWatcher(tmp_path, settle_s=5, agent_pattern=r"^(?P<agent>[a-z]+)_", clock=clock)
    done = make_calls(tmp_path / "src", 1)[0].rename(tmp_path / "kelly_001.wav")
    growing = tmp_path / "sam_002.wav"
    growing.write_bytes(done.read_bytes()[:1000])
    (tmp_path / "mira_003.wav.part").write_bytes(done.read_bytes())  # still being copied in
    assert w.poll() == ([], [])  # first sight: nothing is known to be complete
    for step in range(1, 4):
        clock.now = step * 3.0
        with growing.open("ab") as f:
            f.write(b"\0" * 100)
        arrivals, problems = w.poll()
        assert problems == []
        assert [a.path.name for a in arrivals] == (["kelly_001.wav"] if step == 2 else [])
    assert arrivals == [] and w.poll()[0] == []  # taken once
    clock.now = 30.0  # the growing one stopped growing
    assert [(a.path.name, a.agent) for a in w.poll()[0]] == [("sam_002.wav", "sam")]


def test_the_agent_comes_from_a_sidecar_before_the_pattern_and_a_bad_sidecar_is_one_line(tmp_path):
    clock = Clock()
    w = FolderWatcher(tmp_path, settle_s=1, agent_pattern=r"^(?P<agent>[a-z]+)_", default_agent="Desk", clock=clock)
    calls = make_calls(tmp_path / "src", 3)
    calls[0].rename(tmp_path / "kelly_1.wav")
    (tmp_path / "kelly_1.json").write_text(json.dumps({"agent": "Kelly Jones", "occurred_at": "2026-11-23T14:05"}))
    calls[1].rename(tmp_path / "CALL-2.wav")
    calls[2].rename(tmp_path / "bad_3.wav")
    (tmp_path / "bad_3.json").write_text("{agent: nope")
    w.poll()
    clock.now = 2
    arrivals, problems = w.poll()
    got = {a.path.name: (a.agent, a.occurred_at and a.occurred_at.strftime("%Y-%m-%d %H:%M")) for a in arrivals}
    assert got == {"kelly_1.wav": ("Kelly Jones", "2026-11-23 14:05"), "CALL-2.wav": ("Desk", None)}
    assert len(problems) == 1 and "bad_3.json: not a readable JSON sidecar" in problems[0]
    assert "bad_3.wav was not imported" in problems[0]


def test_coach_watch_imports_a_complete_file_ignores_a_growing_one_and_stops_on_sigterm(team, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watcher = start(team, "watch", inbox)
    chat = transcripts(tmp_path / "chats", 1)[0].rename(inbox / "sam_0001.json")
    # a recording the telephony system is still writing: header first (final size), frames later
    src = make_calls(tmp_path / "src", 1)[0]
    with wave.open(str(src)) as r:
        params, frames = r.getparams(), r.readframes(r.getnframes())
    growing = inbox / "kelly_0002.wav"
    with wave.open(str(growing), "wb") as out:
        out.setparams(params)
        out.writeframes(frames[:400])
    stop, written = threading.Event(), [400]

    def writer():  # appends a little at a time, as a slow network copy would, until told to stop
        with growing.open("ab") as f:
            while not stop.is_set() and written[0] < len(frames) - 40:
                f.write(frames[written[0]:written[0] + 40])
                f.flush()
                written[0] += 40
                time.sleep(0.1)

    t = threading.Thread(target=writer)
    t.start()
    try:
        wait_for(lambda: _listed(team, "sam_0001.json"), "the complete file to be imported")
        assert not _listed(team, "kelly_0002.wav")  # still growing: not taken
        assert written[0] < len(frames) - 40  # (and it really was still growing)
    finally:
        stop.set()
        t.join()
    with growing.open("ab") as f:  # the rest of it: now complete
        f.write(frames[written[0]:])
    row = wait_for(lambda: _listed(team, "kelly_0002.wav"), "the finished recording to be imported")
    assert row["agent"] == "kelly" and _listed(team, "sam_0001.json")["agent"] == "sam"
    assert coach(team, "queue", "--json").stdout.strip() == '{"todo": 2, "doing": 0, "succeeded": 0, "failed": 0}'
    watcher.send_signal(signal.SIGTERM)
    out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0 and "stopped watching" in err, err
    assert out.count("queued: #") == 2, out


def _listed(ws, name: str):
    r = coach(ws, "list", "--json")
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    return next((x for x in rows if x.get("original_name") == name), None)
