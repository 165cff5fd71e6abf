#!/usr/bin/env python3
"""How much each part of the utterance heads adds, on writers the heads never saw: leave-writers-
out cross-validation over training/corpus (4 folds of writers; aggregators fitted on 3-fold
out-of-fold head scores inside each training part), conversation-level agreement per criterion
and language, for several shares of the character n-gram heads (0 = embedding heads only).
Reads the corpus only: the dev set and the real data are measured by bench/accuracy.py.

  .venv/bin/python bench/head_cv.py [--shares 0 0.3 0.5]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from _common import corpus_rows

from coach_app.core.semantic import training as T


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shares", type=float, nargs="+", default=[0.0, 0.3, 0.5])
    ap.add_argument("--folds", type=int, default=4)
    a = ap.parse_args()
    rows, _cache = corpus_rows()
    writers = sorted({r.conv.writer for r in rows}, key=lambda w: int(w[1:]))
    perm = np.random.default_rng(1).permutation(len(writers))
    groups = [{writers[i] for i in perm[k::a.folds]} for k in range(a.folds)]
    print(f"{len(rows)} conversations, {len(writers)} writers in {a.folds} held-out groups", flush=True)
    hits: dict[tuple, list[bool]] = {}
    t0 = time.perf_counter()
    for group in groups:
        test = [r for r in rows if r.conv.writer in group]
        train = [r for r in rows if r.conv.writer not in group]
        inner = T._folds(len(train), 3)
        T.LEXICAL_SHARE = 1.0  # fit the n-gram heads; the share is applied per run below
        fitted = []
        for part in inner:
            held = set(part.tolist())
            part_rows = [r for i, r in enumerate(train) if i not in held]
            fitted.append((T.fit_heads(part_rows), T.fit_lexical(part_rows)))
        heads, lex = T.fit_heads(train), T.fit_lexical(train)
        for share in a.shares:
            T.LEXICAL_SHARE = share
            F = {c: [None] * len(train) for c in T.LEARNED}
            for part, (h, lx) in zip(inner, fitted):
                Fp = T.conversation_features(h, [train[i] for i in part], None, lx)
                for c in T.LEARNED:
                    for j, i in enumerate(part):
                        F[c][i] = Fp[c][j]
            Ft = T.conversation_features(heads, test, None, lex)
            for c in T.LEARNED:
                agg = T.fit_aggregator(np.vstack(F[c]), [r.conv.labels[c] for r in train])
                for r, f in zip(test, Ft[c]):
                    p = agg.predict(f)
                    hits.setdefault((share, c, r.conv.language), []).append(max(p, key=p.get) == r.conv.labels[c])
        print(f"  writers {sorted(group, key=lambda w: int(w[1:]))} held out ({time.perf_counter() - t0:.0f} s)",
              flush=True)
    for share in a.shares:
        for lang in ("en", "fi"):
            per = {c: float(np.mean(hits[(share, c, lang)])) for c in T.LEARNED}
            print(f"share {share:.1f} {lang} mean {np.mean(list(per.values())):6.1%}  "
                  + " ".join(f"{c[:12]} {v:.1%}" for c, v in per.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
