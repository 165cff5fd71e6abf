#!/usr/bin/env python3
"""Scoring accuracy against labelled conversations (default: ../shared/eval, 30 en + 30 fi).

Prints, per criterion and language: agreement with the labels, precision and recall of
not_met; then the overall agreement per language. ``--errors`` lists every disagreement with
the deciding evidence, for studying where a detector goes wrong.

  .venv/bin/python bench/accuracy.py [FOLDER] [--rubric PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from _common import SHARED

from coach_app.core.formats import read_transcript_file
from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
from coach_app.core.scoring import score_segments


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(SHARED / "eval"))
    ap.add_argument("--rubric", default=str(DEFAULT_RUBRIC))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--criterion")
    a = ap.parse_args()
    rubric = load_rubric(a.rubric)
    files = sorted(Path(a.folder).glob("*.json"))
    if not files:
        print(f"{a.folder}: no labelled conversations", file=sys.stderr)
        return 1
    stats = defaultdict(lambda: {"n": 0, "agree": 0, "tp": 0, "fp": 0, "fn": 0})
    for f in files:
        data = json.loads(f.read_text("utf-8"))
        labels = data.get("labels") or {}
        t = read_transcript_file(f)
        res = score_segments(t.segments, rubric, t.language, t.channel_type)
        lang = res.language
        for s in res.scores:
            cid = s.criterion.id
            if cid not in labels:
                continue
            want, got = labels[cid], s.status
            for key in ((cid, lang), ("ALL", lang)):
                st = stats[key]
                st["n"] += 1
                st["agree"] += want == got
                st["tp"] += want == "not_met" and got == "not_met"
                st["fp"] += want != "not_met" and got == "not_met"
                st["fn"] += want == "not_met" and got != "not_met"
            if a.errors and want != got and (not a.criterion or a.criterion == cid):
                ev = s.evidence[0] if s.evidence else None
                print(f"{data.get('id', f.stem)} {cid}: label {want}, got {got} — {s.rationale[:150]}"
                      + (f"  [{ev.quote[:100]}]" if ev and ev.quote not in s.rationale else ""))
    langs = sorted({k[1] for k in stats})
    print(f"\n{'criterion':28}" + "".join(f"{'agree ' + l:>10}{'P(nm)':>7}{'R(nm)':>7}" for l in langs))
    crits = [c.id for c in rubric.criteria if any((c.id, l) in stats for l in langs)] + ["ALL"]
    worst = {l: 1.0 for l in langs}
    for cid in crits:
        row = f"{cid:28}"
        for l in langs:
            st = stats[(cid, l)]
            if not st["n"]:
                row += f"{'-':>10}{'':>14}"
                continue
            agree = st["agree"] / st["n"]
            if cid != "ALL":
                worst[l] = min(worst[l], agree)
            p = st["tp"] / (st["tp"] + st["fp"]) if st["tp"] + st["fp"] else float("nan")
            r = st["tp"] / (st["tp"] + st["fn"]) if st["tp"] + st["fn"] else float("nan")
            row += f"{agree:10.1%}{p:7.2f}{r:7.2f}"
        print(row)
    print("\n" + "  ".join(f"{l}: overall {stats[('ALL', l)]['agree'] / stats[('ALL', l)]['n']:.1%}, "
                           f"worst criterion {worst[l]:.1%}" for l in langs)
          + "   (targets: overall >= 90 %, every criterion >= 85 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
