#!/usr/bin/env python3
"""Scoring speed: a 1-hour call (about 1,000 turns) against the full default rubric, after load;
and the ``score`` CLI on every file of the labelled set in one call (start-up included).

  .venv/bin/python bench/scoring.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

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


def main() -> int:
    t0 = time.perf_counter()
    rubric = load_rubric(DEFAULT_RUBRIC)
    load_ms = (time.perf_counter() - t0) * 1000
    print(f"rubric load + validation: {load_ms:.0f} ms")
    for lang in ("en", "fi"):
        segs = hour_long_call(lang)
        score_segments(segs[:50], rubric, lang, "phone")  # warm the pattern cache, as in a running app
        times = []
        for _ in range(15):
            t0 = time.perf_counter()
            res = score_segments(segs, rubric, lang, "phone")
            times.append((time.perf_counter() - t0) * 1000)
        print(f"1-hour call, {lang}: {len(segs)} turns, {segs[-1].end_ms / 60000:.0f} min — scoring median "
              f"{statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}; target <= 50 ms); "
              f"total {res.total}")
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
