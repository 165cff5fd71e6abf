#!/usr/bin/env python3
"""Talk-over from audio: synthesized stereo calls with known overlaps, through our pipeline.

Each call alternates customer and agent lines (espeak-ng voices for English, Festival's Finnish
voices for Finnish). Some agent lines start while the customer is still speaking — by 1.2 to
1.8 s (a talk-over the rubric counts: >= 1 s) or by 0.2 to 0.5 s (too short to count) — the
rest after a pause. The script knows every onset; the transcript gives ``talk_summary``'s
talk-over onsets. A detection matches a true talk-over when its onset is within 0.6 s.
Prints recall and precision of talk-overs >= 1 s and the onset error.

  .venv/bin/python bench/talkover.py [--calls 6]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
from _common import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from make_demo_calls import RATE, speak, write_stereo  # noqa: E402

from coach_app.config import TranscriptionSettings  # noqa: E402
from coach_app.core.metrics import talk_summary  # noqa: E402
from coach_app.transcription.base import ChannelMap  # noqa: E402
from coach_app.transcription.whisper import WhisperTranscriber  # noqa: E402

LINES = {
    "en": {"customer": ["My order has not arrived and the tracking page has said out for delivery since Monday morning.",
                        "I have already checked with my neighbours and nobody has taken anything in for me.",
                        "I need it before the weekend because it is a birthday present for my daughter.",
                        "The last time this happened it took three weeks to get a refund from you."],
           "agent": ["Right, let me have a look at that order for you now.",
                     "I can see it on the system, it was scanned at the depot yesterday.",
                     "I will send a replacement today by express courier.",
                     "You should have it by Friday afternoon at the latest."]},
    "fi": {"customer": ["Tilaukseni ei ole vieläkään tullut, vaikka seuranta on näyttänyt maanantaista asti jakelussa.",
                        "Kysyin jo naapureilta, eikä kukaan ole ottanut pakettia vastaan.",
                        "Tarvitsen sen ennen viikonloppua, koska se on lahja tyttärelleni.",
                        "Viimeksi kun näin kävi, hyvityksen saaminen kesti kolme viikkoa."],
           "agent": ["Selvä, katsotaan tilausta heti.",
                     "Näen sen järjestelmässä, se on skannattu varastolla eilen.",
                     "Lähetän teille uuden paketin tänään pikakuljetuksella.",
                     "Sen pitäisi olla perillä viimeistään perjantaina iltapäivällä."]},
}


def build_call(lang: str, rng: random.Random, work: Path, out: Path) -> list[tuple[float, float]]:
    """Write a stereo call; return the true agent talk-overs (onset s, overlap s), >= 1 s only."""
    placed, t, truth = [], 0.3, []
    cust_lines, agent_lines = LINES[lang]["customer"][:], LINES[lang]["agent"][:]
    rng.shuffle(cust_lines)
    rng.shuffle(agent_lines)
    for c_text, a_text in zip(cust_lines, agent_lines):
        c = speak(c_text, "customer", work, lang)
        placed.append((1, t, c))
        c_end = t + len(c) / RATE
        kind = rng.choice(["long", "long", "short", "pause"])
        if kind == "long":
            overlap = rng.uniform(1.2, 1.8)
        elif kind == "short":
            overlap = rng.uniform(0.2, 0.5)
        else:
            overlap = -rng.uniform(0.5, 1.0)
        a_start = c_end - overlap
        if overlap >= 1.0:
            truth.append((a_start, overlap))
        a = speak(a_text, "agent", work, lang)
        placed.append((0, a_start, a))
        t = a_start + len(a) / RATE + rng.uniform(0.5, 1.0)
    write_stereo(out, placed)
    return truth


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=6, help="calls per language")
    a = ap.parse_args()
    rng = random.Random(7)
    work = Path(tempfile.mkdtemp(prefix="coach-talkover-"))
    transcriber = WhisperTranscriber(TranscriptionSettings())
    tp = fp = fn = 0
    errors = []
    for lang in ("en", "fi"):
        for k in range(a.calls):
            path = work / f"{lang}-{k}.wav"
            truth = build_call(lang, rng, work, path)
            r = transcriber.transcribe(path, ChannelMap.parse(None))
            found = [ms / 1000 for ms in talk_summary(r.segments).talk_over_ms]
            unmatched = list(found)
            for onset, _ in truth:
                best = min(unmatched, key=lambda f: abs(f - onset), default=None)
                if best is not None and abs(best - onset) <= 0.6:
                    tp += 1
                    errors.append(best - onset)
                    unmatched.remove(best)
                else:
                    fn += 1
            fp += len(unmatched)
            print(f"{lang}-{k}: true {[round(o, 1) for o, _ in truth]}  found {[round(f, 1) for f in found]}")
    recall = tp / max(tp + fn, 1)
    precision = tp / max(tp + fp, 1)
    err = np.abs(errors) if errors else np.zeros(1)
    print(f"\ntalk-overs >= 1 s: recall {recall:.0%} ({tp}/{tp + fn}), precision {precision:.0%} ({tp}/{tp + fp}); "
          f"onset error mean {err.mean():.2f} s, max {err.max():.2f} s (targets 95 % / 95 % / ±0.3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
