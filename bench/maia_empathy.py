#!/usr/bin/env python3
"""The empathy detector on real chats: MAIA-DQE agent sentences labelled "empathy".

Every English agent sentence of the 176 MAIA-DQE support chats is scored alone with the
default rubric's empathy detector (as its only agent utterance); a sentence counts as detected
when the detector says met. Precision and recall against the sentence's emotion label 0
(empathy). Needs ../shared/data/maia_dqe (CC BY-ND 4.0, read unmodified).

  .venv/bin/python bench/maia_empathy.py [--show 10]
"""

from __future__ import annotations

import argparse
import json
import sys

from _common import SHARED

from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.transcript import Segment

MAIA = SHARED / "data" / "maia_dqe" / "data"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print this many misses and false alarms")
    a = ap.parse_args()
    if not MAIA.is_dir():
        print(f"{MAIA} not found", file=sys.stderr)
        return 1
    rubric = load_rubric(DEFAULT_RUBRIC)
    only_empathy = rubric.model_copy(update={"sections": [
        s.model_copy(update={"criteria": [c for c in s.criteria if c.id == "empathy"]})
        for s in rubric.sections if any(c.id == "empathy" for c in s.criteria)]})
    tp = fp = fn = tn = 0
    misses, alarms = [], []
    for f in sorted(MAIA.glob("*.json")):
        for dialog in json.loads(f.read_text("utf-8")):
            for turn in dialog["turns"]:
                if turn["floor"] != "outbound":
                    continue
                for text, emotion in zip(turn["text_src"], turn["Emotion"]):
                    res = score_segments([Segment("agent", 0, 1000, text)], only_empathy, "en", "chat")
                    got, want = res.scores[0].status == "met", emotion == 0
                    tp += got and want
                    fp += got and not want
                    fn += want and not got
                    tn += not got and not want
                    if want and not got:
                        misses.append(text)
                    elif got and not want:
                        alarms.append(text)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"MAIA-DQE agent sentences: {tp + fp + fn + tn}, labelled empathy: {tp + fn}")
    print(f"empathy detector: precision {p:.2f}, recall {r:.2f}, F1 {2 * p * r / (p + r) if p + r else 0:.2f} "
          f"(tp {tp}, fp {fp}, fn {fn})")
    for title, rows in (("missed", misses), ("false alarms", alarms)):
        if a.show:
            print(f"\n{title}:")
            for t in rows[: a.show]:
                print("  ", t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
