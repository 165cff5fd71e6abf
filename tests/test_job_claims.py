"""A transcription job is claimed by one process only, and a live job is never declared dead."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading
import wave
from collections import Counter

from sqlmodel import Session, select

from coach_app.db.models import Interaction, TranscriptionJob
from coach_app.services.importer import import_file
from coach_app.services.leases import interaction_lease
from coach_app.services.transcripts import mark_interrupted_jobs
from tests.conftest import ROOT


def make_calls(folder, n: int) -> list:
    """n short stereo recordings with different bytes (imports are content-addressed)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"call-{i}.wav"
        with wave.open(str(p), "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(b"".join(struct.pack("<hh", (k * (i + 1)) % 2000, -((k * (i + 3)) % 2000))
                                   for k in range(4000)))
        paths.append(p)
    return paths


def fake_coach(ws, db_url, *args, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.fake_coach", "--workspace", str(ws.root), "--db", db_url,
                             *args], cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_transcribe_eight_calls_exactly_once_between_them(workspace, engine, tmp_path):
    ids = [import_file(workspace, engine, p, agent="Kelly").interaction.id for p in make_calls(tmp_path / "in", 8)]
    log = tmp_path / "transcribed.log"
    env = {"COACH_FAKE_SLEEP": "0.5", "COACH_FAKE_LOG": str(log)}
    procs = [fake_coach(workspace, workspace.db_url, "transcribe", "--pending", env=env) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Session(engine) as s:
        jobs = s.exec(select(TranscriptionJob)).all()
        statuses = {i.id: i.status for i in s.exec(select(Interaction)).all()}
    assert len(jobs) == 8 and {j.status for j in jobs} == {"done"}
    assert Counter(j.interaction_id for j in jobs) == Counter(ids)
    assert all(j.error is None for j in jobs)
    assert set(statuses.values()) == {"transcribed"}
    lines = log.read_text().split()
    pids, files = lines[0::2], lines[1::2]
    assert len(files) == 8 and len(set(files)) == 8  # each recording transcribed once
    assert len(set(pids)) == 2  # and both processes took part, so the claim was contested


def test_a_running_job_whose_owner_lives_is_never_marked_interrupted(workspace, engine, tmp_path):
    iid = import_file(workspace, engine, make_calls(tmp_path / "in", 1)[0]).interaction.id
    with Session(engine) as s:
        s.add(TranscriptionJob(interaction_id=iid, status="running", model="fake"))
        s.get(Interaction, iid).status = "transcribing"
        s.commit()
    holding, release = threading.Event(), threading.Event()

    def owner():  # another worker of this process (a thread) holding the job's lease
        with interaction_lease(engine, iid) as held:
            assert held
            holding.set()
            release.wait(30)

    t = threading.Thread(target=owner)
    t.start()
    try:
        assert holding.wait(30)
        assert mark_interrupted_jobs(engine) == []
        with Session(engine) as s:
            assert s.exec(select(TranscriptionJob.status)).one() == "running"
            assert s.get(Interaction, iid).status == "transcribing"
    finally:
        release.set()
        t.join()
    # the owner is gone now: the job is provably interrupted
    assert mark_interrupted_jobs(engine) == [iid]
    with Session(engine) as s:
        assert s.exec(select(TranscriptionJob.error)).one() == "interrupted before it finished"
        assert s.get(Interaction, iid).status == "imported"
