#!/usr/bin/env python3
"""Does more training data still help? Conversation-level agreement of the judge on writers it
never saw (leave-writers-out over training/corpus: the held-out writers' conversations are
scored by a model trained on a growing share of the other writers'), per criterion.

  .venv/bin/python bench/learning_curve.py [--sizes 0.25 0.5 1.0] [--folds 3]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from _common import corpus_rows

from coach_app.core.semantic import training as T

# held-out writer groups: each holds English and Finnish writers of different styles
HELD_OUT = [("w3", "w6", "w13"), ("w1", "w5", "w10", "w17"), ("w2", "w4", "w11", "w16")]


def agreement(model, rows) -> dict[str, float]:
    F = T.conversation_features(model.heads, rows, lex=model.lexical)
    out = {}
    for cid in T.LEARNED:
        agg = model.aggregators[cid]
        pred = [max((p := agg.predict(f)), key=p.get) for f in F[cid]]
        out[cid] = float(np.mean([p == r.conv.labels[cid] for p, r in zip(pred, rows)]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    ap.add_argument("--folds", type=int, default=3)
    a = ap.parse_args()
    rows, cache = corpus_rows()
    rng = np.random.default_rng(0)
    print(f"{len(rows)} conversations; held-out writer groups: {HELD_OUT}")
    print(f"{'share':>6} {'train convs':>11}  " + " ".join(f"{c[:10]:>10}" for c in T.LEARNED) + f" {'mean':>6}")
    for size in a.sizes:
        per = []
        n_train = []
        t0 = time.perf_counter()
        for group in HELD_OUT:
            test = [r for r in rows if r.conv.writer in group]
            pool = [r for r in rows if r.conv.writer not in group]
            pick = rng.permutation(len(pool))[: max(20, int(size * len(pool)))]
            train = [pool[i] for i in sorted(pick)]
            n_train.append(len(train))
            per.append(agreement(T.train(train, "curve", cache.model_id, folds=a.folds), test))
        mean = {c: np.mean([p[c] for p in per]) for c in T.LEARNED}
        print(f"{size:6.2f} {int(np.mean(n_train)):11d}  " + " ".join(f"{mean[c]:10.1%}" for c in T.LEARNED)
              + f" {np.mean(list(mean.values())):6.1%}   ({time.perf_counter() - t0:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
