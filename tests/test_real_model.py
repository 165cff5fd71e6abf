"""The real embedded model (Whisper tiny.en via faster-whisper) on real audio. Slower: seconds."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jiwer
import pytest

from coach_app.config import TranscriptionSettings
from coach_app.errors import ConfigurationError
from coach_app.transcription.base import ChannelMap
from coach_app.transcription.whisper import WhisperTranscriber
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.real_model
norm = jiwer.Compose([jiwer.ToLowerCase(), jiwer.RemovePunctuation(), jiwer.RemoveMultipleSpaces(), jiwer.Strip()])


@pytest.fixture(scope="module")
def transcriber():
    return WhisperTranscriber(TranscriptionSettings())


def wer(ref, hyp):
    return jiwer.wer(norm(ref), norm(hyp))


def test_jfk_words(transcriber):
    progress = []
    transcriber = WhisperTranscriber(TranscriptionSettings(diarize=False))
    r = transcriber.transcribe(DATA / "jfk.flac", ChannelMap.parse("agent,customer"), progress=lambda d, t: progress.append((d, t)))
    text = " ".join(s.text for s in r.segments)
    assert wer("And so my fellow Americans, ask not what your country can do for you, "
               "ask what you can do for your country.", text) <= 0.1
    # both channels of jfk.flac carry the same audio: one speaker, not two copies
    assert {s.speaker for s in r.segments} == {"unknown"}
    assert r.notes and "same audio" in r.notes[0]
    assert progress[-1][0] == progress[-1][1] > 0
    words = [w for s in r.segments for w in s.words]
    assert all(a.start_ms <= b.start_ms for a, b in zip(words, words[1:]))
    assert 0 <= words[0].start_ms < 1500 and 9000 < words[-1].end_ms <= 11100


def test_stereo_channels_become_speakers(transcriber):
    r = transcriber.transcribe(DATA / "stereo_diarization.wav", ChannelMap.parse("customer,agent"))
    by = {sp: " ".join(s.text for s in r.segments if s.speaker == sp) for sp in ("agent", "customer")}
    assert wer("He began a confused complaint against the wizard, who had vanished behind the curtain on the left.",
               by["customer"]) <= 0.15
    assert wer("The horizon seems extremely distant.", by["agent"]) <= 0.2


def test_demo_call_turns_in_order_with_talk_over(transcriber):
    from coach_app.core.metrics import talk_summary
    from coach_app.core.formats import read_transcript_file

    ref = read_transcript_file(DATA / "demo_reference" / "demo-talkover.json")
    r = transcriber.transcribe(ROOT / "recordings" / "demo" / "demo-talkover.wav", ChannelMap.parse(None))
    assert [s.speaker for s in r.segments] == [s.speaker for s in ref.segments]
    for got, want in zip(r.segments, ref.segments):
        assert abs(got.start_ms - want.start_ms) < 700
    hyp = " ".join(s.text for s in r.segments)
    assert wer(" ".join(s.text for s in ref.segments), hyp) < 0.2
    assert talk_summary(r.segments).talk_over_count == 3


def test_english_only_model_refuses_finnish():
    t = WhisperTranscriber(TranscriptionSettings(model="tiny.en", language="fi"))
    with pytest.raises(ConfigurationError, match="only understands English.*transcription model"):
        t.transcribe(DATA / "jfk.flac", ChannelMap.parse(None))


def test_analyze_json_end_to_end(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "analyze",
                        str(ROOT / "recordings" / "demo" / "demo-hold.wav"), "--agent", "Mikko", "--json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["interaction"]["channels"] == 2 and 59.5 < out["interaction"]["duration_s"] < 61.5
    assert len(out["interaction"]["sha256"]) == 64
    segs = out["segments"]
    assert segs[0]["speaker"] == "agent" and "insurance" in segs[0]["text"].lower()
    assert {s["speaker"] for s in segs} == {"agent", "customer"}
    hold = [b["start"] - a["end"] for a, b in zip(segs, segs[1:])]
    assert max(hold) > 20  # the 25-s hold is a silence in the transcript
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "transcribe", "1",
                        "--model", "tiny.en", "--language", "fi"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 1 and "only understands English" in r.stderr and "Traceback" not in r.stderr
    shown = json.loads(subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "show", "1", "--json"],
                                      capture_output=True, text=True, cwd=ROOT).stdout)
    assert shown["segments"] == segs and shown["interaction"]["status"] == "transcribed"  # the refusal lost nothing
