"""Mono calls split by speaker: the exported Resemblyzer encoder on real voices, clustering,
the agent guess, and swapping speakers afterwards."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from coach_app.transcription.speakers import (
    MODEL_DIR, Diarization, SpeakerEncoder, agent_voice, diarize, spectral_two,
)
from tests.conftest import DATA, ROOT

FI_CALL = ROOT / "recordings" / "demo" / "demo-fi-sahko.wav"


@pytest.fixture(scope="module")
def fi_mono(tmp_path_factory):
    """The Finnish demo call's two channels (two Festival voices) mixed to one."""
    out = tmp_path_factory.mktemp("mono") / "fi-mono.wav"
    subprocess.run(["sox", str(FI_CALL), str(out), "remix", "1,2"], check=True)
    return out


def test_the_exported_encoder_ships_with_its_licence_and_the_script_that_made_it():
    assert (MODEL_DIR / "voice_encoder.onnx").stat().st_size > 5_000_000
    assert "Apache License" in (MODEL_DIR / "LICENSE").read_text()
    assert (ROOT / "scripts" / "export_speaker_encoder.py").is_file()


def test_two_clear_groups_are_found_whatever_their_order():
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal(256), rng.standard_normal(256)
    emb = np.vstack([a + 0.3 * rng.standard_normal((30, 256)), b + 0.3 * rng.standard_normal((20, 256))])
    order = rng.permutation(50)
    emb = (emb / np.linalg.norm(emb, axis=1, keepdims=True))[order]
    labels = spectral_two(emb)
    truth = (order >= 30).astype(int)
    assert (labels == truth).all() or (labels == 1 - truth).all()


def test_agent_is_who_opens_the_call_unless_the_other_voice_does_the_agent_talking():
    assert agent_voice(0, {0: "hello", 1: "hi there"}) == 0
    assert agent_voice(1, {0: "Thank you for calling Northwind, my name is Ann, how can I help?",
                           1: "hi"}) == 0
    assert agent_voice(0, {0: "Moi", 1: "Kotivirta, täällä puhuu Sanna, miten voin auttaa?"}) == 1


def test_a_word_in_a_pause_belongs_to_the_nearest_voice():
    d = Diarization(np.array([-1, 0, 0, -1, -1, -1, 1, 1, -1]), 0.3)
    assert d.speaker_at(15) == 0 and d.speaker_at(65) == 1 and d.speaker_at(48) == 0 and d.speaker_at(52) == 1
    assert d.first_voice() == 0


@pytest.mark.real_model
def test_same_voice_is_closer_than_the_other_voice(fi_mono):
    from coach_app.transcription.audio import load_channels

    left, right = load_channels(FI_CALL, 2)
    enc = SpeakerEncoder()
    ref = json.loads((DATA / "demo_reference" / "demo-fi-sahko.json").read_text("utf-8"))["segments"]

    def emb(seg):
        ch = left if seg["speaker"] == "agent" else right
        mel = enc.mel(ch[int(seg["start"] * 16000): int(seg["end"] * 16000)])[:160]
        return enc.embed_mels(np.pad(mel, ((0, max(0, 160 - len(mel))), (0, 0)))[None])[0]

    agent = [emb(s) for s in ref if s["speaker"] == "agent"][:3]
    cust = [emb(s) for s in ref if s["speaker"] == "customer"][:3]
    assert agent[0] @ agent[1] > agent[0] @ cust[0] and cust[0] @ cust[1] > cust[0] @ agent[1]


@pytest.mark.real_model
def test_mono_call_comes_out_with_agent_and_customer_turns_and_can_be_swapped(fi_mono, tmp_path):
    from coach_app.transcription.audio import load_channels

    d = diarize(load_channels(fi_mono, 1)[0])
    ref = json.loads((DATA / "demo_reference" / "demo-fi-sahko.json").read_text("utf-8"))["segments"]
    right = sum(d.speaker_at(int((s["start"] + s["end"]) * 500)) == d.speaker_at(int((ref[0]["start"] + ref[0]["end"]) * 500))
                for s in ref if s["speaker"] == "agent")
    assert right == sum(s["speaker"] == "agent" for s in ref)  # every agent turn in the agent's voice

    def coach(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=600)

    r = coach("analyze", str(fi_mono), "--agent", "Sanna", "--channels", "mono", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    turns = out["segments"]
    assert {t["speaker"] for t in turns} == {"agent", "customer"}
    assert turns[0]["speaker"] == "agent" and "huomenta" in turns[0]["text"].lower()
    assert "estimated" in out["interaction"]["status_detail"] and out["total"] is not None
    r = coach("swap-speakers", "1")
    assert r.returncode == 0 and "swapped" in r.stdout, r.stderr
    shown = json.loads(coach("show", "1", "--json").stdout)
    assert [t["speaker"] for t in shown["segments"]] == [{"agent": "customer", "customer": "agent"}[t["speaker"]]
                                                         for t in turns]
