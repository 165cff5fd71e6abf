#!/usr/bin/env python3
"""Do the verdicts survive transcription? The same call scored from what was said and from
what the product's own Whisper transcription heard.

Everything else in bench/accuracy.py scores text. A lead's calls arrive as audio, so this
scores each call twice with the default rubric: once from the reference transcript (with the
audio's own timings, so timing criteria see the same call) and once from the transcript the
product makes of the audio (WhisperTranscriber, default settings: language detected, tiny.en
for English, base for Finnish). It reports how many verdicts stay the same, which criteria
move, how far the total moves, and whether every evidence quote of a met/not_met verdict is a
real utterance of the right speaker in the transcript it was scored from.

1. Real telephone audio, English: the 12 Harper Valley bank calls (8 kHz, agent and caller on
   separate channels, mixed to stereo), reference = their human transcripts.
2. Synthesised speech with labels: the "a" side of the robustness suite's pairs
   (tests/data/robustness; a measuring set), spoken by Festival's Finnish voices or espeak-ng
   (agent left, customer right) with the speaking script as reference. Their labels also give
   agreement with the label before and after transcription. Synthetic voices are cleaner than a
   phone line and slower than people, so this bounds what transcription costs; it does not
   replace real Finnish calls, which we do not have.

  .venv/bin/python bench/asr_scoring.py [--n 12] [--lang fi en] [--no-harper]

--n: robustness conversations per language (the first N pairs' "a" sides).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import wave
from collections import Counter
from pathlib import Path

import numpy as np
from _common import HARPER, ROOT, harper_call, harper_sids

sys.path.insert(0, str(ROOT / "scripts"))
from make_demo_calls import RATE, speak, write_stereo  # noqa: E402  (the demo calls' voices)

from coach_app.config import TranscriptionSettings  # noqa: E402
from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric  # noqa: E402
from coach_app.core.scoring import score_segments  # noqa: E402
from coach_app.core.semantic.corpus import from_json  # noqa: E402
from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache, NpzStore  # noqa: E402
from coach_app.core.transcript import Segment  # noqa: E402
from coach_app.transcription.base import ChannelMap  # noqa: E402
from coach_app.transcription.whisper import WhisperTranscriber  # noqa: E402

ROBUSTNESS = ROOT / "tests" / "data" / "robustness"
GAP_S = 0.6  # silence between turns in the synthesised calls
# Festival reads ISO-8859-1; say what it cannot spell
_SPOKEN = str.maketrans({"€": " euroa", "–": ",", "—": ",", "’": "'", "“": '"', "”": '"', "…": "."})


def synthesise(conv: dict, out: Path, work: Path) -> list[Segment]:
    """Speak a labelled conversation into a stereo WAV; return the script with its timings."""
    placed, t = [], 0.0
    for turn in conv["turns"]:
        text = turn["text"].translate(_SPOKEN)
        if conv["language"] == "fi":
            text = text.encode("iso-8859-1", "ignore").decode("iso-8859-1")
        pcm = speak(text, turn["speaker"], work, conv["language"])
        start = t + GAP_S
        placed.append((turn["speaker"], turn["text"], start, pcm))
        t = start + len(pcm) / RATE
    write_stereo(out, [(0 if speaker == "agent" else 1, start, pcm) for speaker, _, start, pcm in placed])
    segments = [Segment(speaker, int(start * 1000), int((start + len(pcm) / RATE) * 1000), text)
                for speaker, text, start, pcm in placed]
    return segments


def harper_reference(sid: str) -> list[Segment]:
    turns = json.loads((HARPER / "transcript" / f"{sid}.json").read_text("utf-8"))
    return [Segment("agent" if t["speaker_role"] == "agent" else "customer", t["start_ms"],
                    t["start_ms"] + t["duration_ms"], t["human_transcript"])
            for t in sorted(turns, key=lambda t: t["start_ms"]) if t["human_transcript"].strip()]


def quotes_real(result, segments: list[Segment]) -> tuple[int, int]:
    """(evidence quotes of met/not_met verdicts found in an utterance of their speaker, all)."""
    ok = n = 0
    for s in result.scores:
        if s.status not in ("met", "not_met"):
            continue
        for e in s.evidence:
            if e.speaker not in ("agent", "customer"):
                continue  # timing evidence (a hold, a silence) quotes no one
            n += 1
            ok += any(seg.speaker == e.speaker and e.quote.strip(" .…") in seg.text for seg in segments)
    return ok, n


class Tally:
    def __init__(self, name: str):
        self.name, self.same, self.n, self.calls = name, 0, 0, 0
        self.moved: Counter = Counter()
        self.total_diff: list[float] = []
        self.label_ok = {"text": 0, "asr": 0}
        self.labelled = 0
        self.quotes = [0, 0]
        self.audio_s = self.wall_s = 0.0

    def add(self, ref_res, asr_res, asr_segments, labels: dict | None = None) -> list[str]:
        self.calls += 1
        moved = []
        ref = {s.criterion.id: s.status for s in ref_res.scores}
        for s in asr_res.scores:
            cid = s.criterion.id
            if ref[cid] is None and s.status is None:
                continue  # person-only criteria
            self.n += 1
            if s.status == ref[cid]:
                self.same += 1
            else:
                self.moved[cid] += 1
                moved.append(f"{cid} {ref[cid]}->{s.status}")
            if labels and cid in labels:
                self.labelled += 1
                self.label_ok["text"] += ref[cid] == labels[cid]
                self.label_ok["asr"] += s.status == labels[cid]
        if ref_res.total is not None and asr_res.total is not None:
            self.total_diff.append(abs(ref_res.total - asr_res.total))
        ok, n = quotes_real(asr_res, asr_segments)
        self.quotes[0] += ok
        self.quotes[1] += n
        return moved

    def report(self) -> None:
        print(f"\n{self.name}: {self.calls} calls, {self.audio_s:.0f} s of audio transcribed at "
              f"{self.audio_s / max(self.wall_s, 1e-9):.1f}x real time")
        print(f"  verdicts the same from the reference and from the transcription: {self.same}/{self.n} "
              f"({self.same / max(self.n, 1):.1%})")
        if self.moved:
            print("  moved, by criterion: " + ", ".join(f"{c} {k}" for c, k in self.moved.most_common()))
        if self.total_diff:
            d = np.array(self.total_diff)
            print(f"  total: mean |difference| {d.mean():.1f} points, largest {d.max():.1f}")
        if self.labelled:
            print(f"  agreement with the labels: reference {self.label_ok['text']}/{self.labelled} "
                  f"({self.label_ok['text'] / self.labelled:.1%}), transcription {self.label_ok['asr']}/"
                  f"{self.labelled} ({self.label_ok['asr'] / self.labelled:.1%})")
        print(f"  evidence quotes that are an utterance of their speaker in the transcription: "
              f"{self.quotes[0]}/{self.quotes[1]}")


def transcribe(transcriber: WhisperTranscriber, path: Path, tally: Tally):
    t0 = time.perf_counter()
    r = transcriber.transcribe(path, ChannelMap.parse(None))
    tally.wall_s += time.perf_counter() - t0
    with wave.open(str(path)) as w:
        tally.audio_s += w.getnframes() / w.getframerate()
    return r


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=12, help="robustness conversations per language")
    ap.add_argument("--lang", nargs="*", default=["fi", "en"], choices=["fi", "en"])
    ap.add_argument("--no-harper", action="store_true")
    a = ap.parse_args()
    rubric = load_rubric(DEFAULT_RUBRIC)
    store = NpzStore(ROOT / ".cache" / "embeddings.npz")
    cache = EmbeddingCache(E5Embedder(), store)
    transcriber = WhisperTranscriber(TranscriptionSettings())
    print(f"rubric {rubric.id} {rubric.version}, judge {rubric.judge}; transcription: default settings")
    tmp = Path(tempfile.mkdtemp(prefix="coach-asr-scoring-"))
    tallies = []
    if not a.no_harper and HARPER.is_dir():
        tally = Tally("Harper Valley, real telephone audio, English")
        from accuracy import old_rubric  # the phrase rules the judge replaced, for comparison
        rules = old_rubric()
        fcr = Counter()
        for sid in harper_sids():
            path, _ = harper_call(sid, tmp)
            r = transcribe(transcriber, path, tally)
            ref = score_segments(harper_reference(sid), rubric, "en", "phone", embeddings=cache)
            asr = score_segments(r.segments, rubric, r.language, "phone", embeddings=cache)
            moved = tally.add(ref, asr, r.segments)
            old = score_segments(harper_reference(sid), rules, "en", "phone")
            for name, res in (("judge, reference", ref), ("judge, transcription", asr), ("old rules, reference", old)):
                fcr[name, next(s.status for s in res.scores if s.criterion.id == "first_contact_resolution")] += 1
            print(f"  {sid} [{r.model_name}, {r.language}] total {ref.total:.0f} -> {asr.total:.0f}"
                  + (f"; {', '.join(moved)}" if moved else ""))
        tallies.append(tally)
        # every one of the 12 callers got their task done in the call (the agent logged the
        # caller's task: metadata/<sid>.json), so first_contact_resolution is met, or na for a
        # purely informational call (balance, branch hours): not_met is wrong on each
        print("first_contact_resolution on 12 calls whose task was done in the call (not_met is wrong): "
              + "; ".join(f"{name}: " + ", ".join(f"{st} {fcr[name, st]}" for st in ("met", "na", "not_met"))
                          for name in ("judge, reference", "judge, transcription", "old rules, reference")))
    for lang in a.lang:
        pairs = json.loads((ROBUSTNESS / f"pairs-{lang}.json").read_text("utf-8"))[: a.n]
        voice = "Festival suopuhe" if lang == "fi" else "espeak-ng"
        tally = Tally(f"robustness suite, {lang}, synthesised ({voice})")
        for pair in pairs:
            conv = pair["a"]
            wav = tmp / f"{conv['id']}.wav"
            ref_segments = synthesise(conv, wav, tmp)
            r = transcribe(transcriber, wav, tally)
            ref = score_segments(ref_segments, rubric, lang, conv["channel"], embeddings=cache)
            asr = score_segments(r.segments, rubric, r.language, conv["channel"], embeddings=cache)
            moved = tally.add(ref, asr, r.segments, from_json(conv).labels)
            print(f"  {conv['id']} [{r.model_name}, {r.language}] total {ref.total:.0f} -> {asr.total:.0f}"
                  + (f"; {', '.join(moved)}" if moved else ""))
        tallies.append(tally)
    store.save()
    for t in tallies:
        t.report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
