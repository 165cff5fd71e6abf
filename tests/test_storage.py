"""Workspace storage on SQLite and PostgreSQL: schema, safe idempotent import, jobs."""

from __future__ import annotations

import shutil
import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect
from sqlmodel import Session, SQLModel, select

from coach_app.db.engine import current_revision
from coach_app.db.models import AuditEvent, Interaction, Person, TranscriptionJob, TranscriptSegment
from coach_app.errors import CoachError, InputFileError
from coach_app.services.importer import import_file
from coach_app.services.transcripts import (
    NEEDS_REVIEW_NO_SPEECH,
    NEEDS_REVIEW_NO_WORDS,
    mark_interrupted_jobs,
    pending_interaction_ids,
    transcribe_interaction,
)
from coach_app.transcription.base import TranscriptionCancelled
from tests.conftest import DATA, ROOT, FakeTranscriber

DEMO = ROOT / "recordings" / "demo"


def counts(engine):
    with Session(engine) as s:
        return {m.__name__: s.exec(select(func.count()).select_from(m)).one()
                for m in (Interaction, TranscriptSegment, Person, AuditEvent, TranscriptionJob)}


def stored_files(ws):
    return sorted(p.relative_to(ws.root).as_posix() for p in ws.recordings_dir.rglob("*") if p.is_file())


def test_migration_creates_the_whole_schema_and_matches_the_models(engine):
    assert current_revision(engine) == "0005"
    tables = set(inspect(engine).get_table_names())
    assert {"person", "team", "interaction", "transcript_segment", "transcription_job", "rubric",
            "rubric_version", "evaluation", "criterion_result", "audit_event"} <= tables
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []  # a model change without a migration fails here


def test_sqlite_workspace_uses_wal(tmp_path):
    from coach_app.db.engine import open_database

    eng = open_database(f"sqlite:///{tmp_path / 'coach.db'}")
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    eng.dispose()


def test_import_is_content_addressed_and_idempotent(workspace, engine, tmp_path):
    src = DEMO / "demo-hold.wav"
    before = src.read_bytes()
    first = import_file(workspace, engine, src, agent="Mikko Virtanen")
    copy = tmp_path / "renamed copy.wav"
    shutil.copy(src, copy)
    second = import_file(workspace, engine, copy, agent="Someone Else")
    assert first.created and not second.created
    assert second.interaction.id == first.interaction.id
    inter = first.interaction
    assert (inter.kind, inter.channels, inter.sample_rate, inter.channel_map) == ("audio", 2, 16000, "agent,customer")
    assert 59500 <= inter.duration_ms <= 61500
    assert len(inter.sha256) == 64 and inter.managed_path == f"recordings/{inter.sha256[:2]}/{inter.sha256}.wav"
    assert (workspace.root / inter.managed_path).read_bytes() == before
    assert src.read_bytes() == before  # the original is untouched
    assert stored_files(workspace) == [inter.managed_path]
    c = counts(engine)
    assert c["Interaction"] == 1 and c["Person"] == 1


def test_channel_map_is_stored_and_mono_files_are_mono(workspace, engine, tmp_path):
    import wave

    import numpy as np

    r = import_file(workspace, engine, DEMO / "demo-talkover.wav", channels="customer,agent")
    assert (r.interaction.channels, r.interaction.channel_map) == (2, "customer,agent")
    mono = tmp_path / "mono.wav"
    with wave.open(str(mono), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000)
        w.writeframes((np.sin(np.arange(8000) / 5) * 8000).astype(np.int16).tobytes())
    r = import_file(workspace, engine, mono)
    assert (r.interaction.channels, r.interaction.sample_rate, r.interaction.channel_map) == (1, 8000, "mono")
    assert r.interaction.duration_ms == 1000


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    text_wav = tmp_path / "notes.wav"
    text_wav.write_text("this is not audio\n" * 20)
    truncated = tmp_path / "cut.flac"
    truncated.write_bytes((DATA / "jfk.flac").read_bytes()[:60000])
    bad_json = tmp_path / "chat.json"
    bad_json.write_text('{"segments": [ {"speaker": "agent", ')
    return [
        (empty, "file is empty"),
        (text_wav, "not a readable audio file"),
        (truncated, "truncated"),
        (bad_json, "not valid JSON"),
        (tmp_path / "missing.wav", "file not found"),
        (tmp_path, "is a directory"),
    ]


def test_bad_inputs_fail_cleanly_and_change_nothing(workspace, engine, tmp_path):
    import_file(workspace, engine, DEMO / "demo-talkover.wav", agent="Sam")
    before_rows, before_files = counts(engine), stored_files(workspace)
    for path, problem in _bad_inputs(tmp_path):
        with pytest.raises(InputFileError) as err:
            import_file(workspace, engine, path, agent="New Agent")
        assert str(path) in str(err.value) and problem in str(err.value), str(err.value)
        assert ".part" not in str(err.value)  # names the user's file, not our working copy
    assert counts(engine) == before_rows
    assert stored_files(workspace) == before_files


def test_a_database_failure_leaves_no_file_behind(workspace, engine, monkeypatch):
    import coach_app.services.importer as importer

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "audit", boom)
    with pytest.raises(RuntimeError):
        import_file(workspace, engine, DEMO / "demo-hold.wav", agent="Mikko")
    assert stored_files(workspace) == []
    assert counts(engine)["Interaction"] == 0 and counts(engine)["Person"] == 0


def test_transcript_json_imports_as_a_transcribed_text_interaction(workspace, engine, tmp_path):
    p = tmp_path / "chat.json"
    p.write_text('{"language": "fi", "channel": "chat", "labels": {}, "segments": ['
                 '{"speaker": "agent", "start": 0, "end": 0, "text": "Hei!"},'
                 '{"speaker": "customer", "start": 30, "end": 30, "text": "Moi"}]}', "utf-8")
    r = import_file(workspace, engine, p, agent="Aino")
    i = r.interaction
    assert (i.kind, i.channel_type, i.language, i.status) == ("text", "chat", "fi", "transcribed")
    with Session(engine) as s:
        segs = s.exec(select(TranscriptSegment).order_by(TranscriptSegment.seq)).all()
    assert [(x.speaker, x.start_ms, x.text) for x in segs] == [("agent", 0, "Hei!"), ("customer", 30000, "Moi")]
    with pytest.raises(CoachError, match="no audio to transcribe"):
        transcribe_interaction(workspace, engine, i.id, FakeTranscriber())


def test_transcription_stores_turns_words_job_and_audit(workspace, engine, fake_transcriber):
    iid = import_file(workspace, engine, DEMO / "demo-broadband.wav", agent="Kelly").interaction.id
    out = transcribe_interaction(workspace, engine, iid, fake_transcriber, progress=lambda d, t: None)
    assert out.interaction.status == "transcribed"
    with Session(engine) as s:
        segs = s.exec(select(TranscriptSegment).where(TranscriptSegment.interaction_id == iid).order_by(TranscriptSegment.seq)).all()
        job = s.exec(select(TranscriptionJob)).one()
        actions = [a.action for a in s.exec(select(AuditEvent).where(AuditEvent.entity == "interaction")).all()]
    assert [(x.speaker, x.text) for x in segs] == [("agent", "Hello, how can I help?"), ("customer", "My bill is wrong.")]
    assert segs[0].words[0] == {"start": 0, "end": 400, "text": " Hello,"}
    assert (job.status, job.model) == ("done", "fake") and job.finished_at is not None
    assert actions == ["import", "transcribe"]
    assert pending_interaction_ids(engine) == []
    # running again replaces the transcript instead of appending to it
    transcribe_interaction(workspace, engine, iid, fake_transcriber)
    assert counts(engine)["TranscriptSegment"] == 2


def test_speech_without_words_is_flagged_for_review(workspace, engine):
    iid = import_file(workspace, engine, DEMO / "demo-hold.wav").interaction.id
    out = transcribe_interaction(workspace, engine, iid, FakeTranscriber(words={}, speech_ms=30000))
    assert out.interaction.status == "needs_review"
    assert out.interaction.status_detail == NEEDS_REVIEW_NO_WORDS
    out = transcribe_interaction(workspace, engine, iid, FakeTranscriber(words={}, speech_ms=0))
    assert out.interaction.status_detail == NEEDS_REVIEW_NO_SPEECH


def test_cancel_stores_nothing_and_keeps_the_previous_transcript(workspace, engine, fake_transcriber):
    iid = import_file(workspace, engine, DEMO / "demo-hold.wav").interaction.id
    cancel = threading.Event()
    with pytest.raises(TranscriptionCancelled):
        transcribe_interaction(workspace, engine, iid, FakeTranscriber(cancel_after=1), cancel=cancel)
    with Session(engine) as s:
        assert s.get(Interaction, iid).status == "imported"
        assert s.exec(select(TranscriptionJob.status)).all() == ["cancelled"]
    assert counts(engine)["TranscriptSegment"] == 0
    transcribe_interaction(workspace, engine, iid, fake_transcriber)
    with pytest.raises(TranscriptionCancelled):
        transcribe_interaction(workspace, engine, iid, FakeTranscriber(words={}, cancel_after=2), cancel=threading.Event())
    with Session(engine) as s:
        assert s.get(Interaction, iid).status == "transcribed"
    assert counts(engine)["TranscriptSegment"] == 2


def test_failed_transcription_is_recorded_and_retried_on_request(workspace, engine):
    iid = import_file(workspace, engine, DEMO / "demo-hold.wav").interaction.id
    with pytest.raises(CoachError):
        transcribe_interaction(workspace, engine, iid, FakeTranscriber(fail=CoachError("model missing")))
    with Session(engine) as s:
        i = s.get(Interaction, iid)
        assert (i.status, i.status_detail) == ("failed", "model missing")
        assert s.exec(select(TranscriptionJob.error)).one() == "model missing"
    assert pending_interaction_ids(engine) == []
    assert pending_interaction_ids(engine, include_failed=True) == [iid]


def test_an_interrupted_job_is_found_and_rerun_cleanly(workspace, engine, fake_transcriber):
    iid = import_file(workspace, engine, DEMO / "demo-hold.wav").interaction.id
    # simulate a process killed mid-transcription: job running, interaction transcribing
    with Session(engine) as s:
        s.add(TranscriptionJob(interaction_id=iid, status="running", model="fake"))
        s.get(Interaction, iid).status = "transcribing"
        s.commit()
    assert mark_interrupted_jobs(engine) == [iid]
    with Session(engine) as s:
        assert s.get(Interaction, iid).status == "imported"
        assert s.exec(select(TranscriptionJob.error)).one() == "interrupted before it finished"
    assert pending_interaction_ids(engine) == [iid]
    assert transcribe_interaction(workspace, engine, iid, fake_transcriber).interaction.status == "transcribed"


def test_names_and_texts_the_database_cannot_hold_are_refused_before_anything_is_stored(workspace, engine, tmp_path):
    from sqlmodel import select

    from coach_app.db.models import Interaction, Person
    from coach_app.errors import CoachError
    from coach_app.services.importer import import_file

    ok = tmp_path / "ok.json"
    ok.write_text('{"segments": [{"speaker": "agent", "start": 0, "end": 2, "text": "hello"}]}')
    with pytest.raises(CoachError, match="at most 200 characters"):
        import_file(workspace, engine, ok, agent="A" * 5000)
    for body, why in (('"text": "hel\\u0000lo"', "NUL character"), ('"text": "\\ud800"', "unpaired surrogate")):
        f = tmp_path / f"bad{len(why)}.json"
        f.write_text('{"segments": [{"speaker": "agent", "start": 0, "end": 2, %s}]}' % body)
        with pytest.raises(CoachError, match=why):
            import_file(workspace, engine, f, agent="Ann")
    f = tmp_path / "lang.json"
    f.write_text('{"language": "../../etc", "segments": [{"speaker": "agent", "start": 0, "end": 2, "text": "hi"}]}')
    with pytest.raises(CoachError, match="language code"):
        import_file(workspace, engine, f, agent="Ann")
    with Session(engine) as s:  # nothing of it reached the database (SQLite and PostgreSQL alike)
        assert s.exec(select(Interaction)).all() == [] and s.exec(select(Person)).all() == []


def test_recordings_cut_short_are_refused_though_they_still_decode(workspace, engine, tmp_path):
    import subprocess

    from coach_app.errors import InputFileError
    from coach_app.services.importer import import_file

    full = ROOT / "recordings" / "demo" / "demo-hold.wav"
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[:300000])  # `head -c 300000`: a header for 60 s, 4.7 s of audio
    with pytest.raises(InputFileError, match="truncated: the header announces 60.5 s but the file holds 4.7 s"):
        import_file(workspace, engine, cut)
    ogg = tmp_path / "full.ogg"
    subprocess.run(["sox", str(full), str(ogg)], check=True)
    (tmp_path / "cut.ogg").write_bytes(ogg.read_bytes()[:50000])
    with pytest.raises(InputFileError, match="Ogg stream ends without its last page"):
        import_file(workspace, engine, tmp_path / "cut.ogg")
    assert import_file(workspace, engine, ogg).created  # the whole file is fine


def test_many_clients_importing_one_file_into_a_new_database_at_once_all_succeed(db_url, tmp_path):
    import subprocess
    import sys

    from sqlmodel import select

    from coach_app.db.engine import make_engine
    from coach_app.db.models import Interaction, Person

    cmd = [sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path / "ws"), "--db", db_url, "import",
           str(DEMO / "demo-talkover.wav"), "--agent", "Brand New Agent"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(6)]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    assert [rc for rc, _, _ in results] == [0] * 6, [err for _, _, err in results]
    assert sum(out.startswith("imported: #1") for _, out, _ in results) == 1  # one stored it
    assert sum(out.startswith("already imported: #1") for _, out, _ in results) == 5  # five found it stored
    engine = make_engine(db_url)
    with Session(engine) as s:
        assert len(s.exec(select(Interaction)).all()) == 1 and len(s.exec(select(Person)).all()) == 1
    engine.dispose()
    assert len(list((tmp_path / "ws" / "recordings").rglob("*.wav"))) == 1
