#!/usr/bin/env python3
"""How much each part of the utterance heads adds, on writers the heads never saw: leave-writers-
out cross-validation over training/corpus (4 folds of writers; aggregators fitted on 3-fold
out-of-fold head scores inside each training part), conversation-level agreement per criterion
and language, for several shares of the character n-gram heads (0 = embedding heads only).
Labelled real dialogues in the corpus (STC-3 helpdesk chats we tagged: labellers r1, r2, ...)
train every fold and get a figure of their own, by folds of labellers. Reads the corpus only:
the dev set and the real data's annotators' outcomes are measured by bench/accuracy.py.

  .venv/bin/python bench/head_cv.py [--shares 0 0.3 0.5] [--without-real] [--real-weight W]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from _common import corpus_rows

from coach_app.core.semantic import training as T


def run_folds(groups: list[set[str]], rows: list, always: list, shares: list[float], key: str,
              hits: dict, t0: float) -> None:
    """For each group of writers: heads and aggregators trained on every other writer's rows and
    ``always``, agreement on the group's conversations (hits keyed by share, criterion, ``key``)."""
    for group in groups:
        test = [r for r in rows if r.conv.writer in group]
        train = [r for r in rows if r.conv.writer not in group] + always
        inner = T._folds(len(train), 3)
        T.LEXICAL_SHARE = 1.0  # fit the n-gram heads; the share is applied per run below
        fitted = []
        for part in inner:
            held = set(part.tolist())
            part_rows = [r for i, r in enumerate(train) if i not in held]
            fitted.append((T.fit_heads(part_rows), T.fit_lexical(part_rows)))
        heads, lex = T.fit_heads(train), T.fit_lexical(train)
        for share in shares:
            T.LEXICAL_SHARE = share
            F = {c: [None] * len(train) for c in T.LEARNED}
            for part, (h, lx) in zip(inner, fitted):
                Fp = T.conversation_features(h, [train[i] for i in part], None, lx)
                for c in T.LEARNED:
                    for j, i in enumerate(part):
                        F[c][i] = Fp[c][j]
            Ft = T.conversation_features(heads, test, None, lex)
            for c in T.LEARNED:
                agg = T.fit_aggregator(np.vstack(F[c]), [r.conv.labels[c] for r in train],
                                       weights=T.conversation_weights(train))
                for r, f in zip(test, Ft[c]):
                    p = agg.predict(f)
                    k = r.conv.language if key == "language" else key
                    hits.setdefault((share, c, k), []).append(max(p, key=p.get) == r.conv.labels[c])
        print(f"  writers {sorted(group, key=lambda w: (w[0], int(w[1:])))} held out ({time.perf_counter() - t0:.0f} s)",
              flush=True)


def writer_groups(rows: list, folds: int) -> list[set[str]]:
    writers = sorted({r.conv.writer for r in rows}, key=lambda w: int(w[1:]))
    perm = np.random.default_rng(1).permutation(len(writers))
    return [{writers[i] for i in perm[k::folds]} for k in range(folds)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shares", type=float, nargs="+", default=[0.0, 0.3, 0.5])
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--real-weight", type=float, default=T.REAL_CORPUS_WEIGHT,
                    help="a labelled real dialogue's weight in heads and aggregators (training.REAL_CORPUS_WEIGHT)")
    ap.add_argument("--without-real", action="store_true",
                    help="leave out the labelled real dialogues (labellers r1, r2, ...): the corpus as before")
    a = ap.parse_args()
    T.REAL_CORPUS_WEIGHT = a.real_weight
    rows, _cache = corpus_rows()
    # labelled real dialogues (labellers r1, r2, ...): in every training part of the invented
    # corpus's folds (whose figure stays comparable with earlier runs), and scored in folds of
    # their own labellers, trained on the whole invented corpus and the other labellers
    real = [] if a.without_real else [r for r in rows if T.is_real(r.conv)]
    rows = [r for r in rows if not T.is_real(r.conv)]
    groups = writer_groups(rows, a.folds)
    print(f"{len(rows)} conversations, {sum(map(len, groups))} writers in {a.folds} held-out groups; "
          f"{len(real)} labelled real dialogues", flush=True)
    hits: dict[tuple, list[bool]] = {}
    t0 = time.perf_counter()
    run_folds(groups, rows, real, a.shares, "language", hits, t0)
    if real:
        run_folds(writer_groups(real, a.folds), real, rows, a.shares, "real", hits, t0)
    for share in a.shares:
        for lang in ("en", "fi", "real"):
            if (share, T.LEARNED[0], lang) not in hits:
                continue
            per = {c: float(np.mean(hits[(share, c, lang)])) for c in T.LEARNED}
            print(f"share {share:.1f} {lang:4} mean {np.mean(list(per.values())):6.1%}  "
                  + " ".join(f"{c[:12]} {v:.1%}" for c, v in per.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
