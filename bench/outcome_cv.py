#!/usr/bin/env python3
"""Choosing the outcome head's regularisation (training.OUTCOME_C) without the reserved data:
5-fold cross-validation over the corpus conversations with an FCR verdict and the non-reserved
STC-3 dialogues; AUC on each source's held-out part, for each C.

  .venv/bin/python bench/outcome_cv.py
"""

from __future__ import annotations

import numpy as np
from _common import ROOT, SHARED

from coach_app.core.semantic import training as T
from coach_app.core.semantic.corpus import load_corpus, stc3_dialogues
from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache, NpzStore


def auc(y, s) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s))


def main() -> None:
    store = NpzStore(ROOT / ".cache" / "embeddings.npz")
    cache = EmbeddingCache(E5Embedder(), store)
    rows = [r for r in T.featurize(load_corpus(ROOT / "training" / "corpus"), cache) if T._fcr_outcome(r) is not None]
    real = T.real_outcomes(stc3_dialogues(SHARED / "data" / "stc3_customer_helpdesk" / "train_data_en.json"), cache)
    store.save()
    print(f"{len(rows)} corpus conversations with an FCR verdict, {len(real)} STC-3 dialogues (reserved 400 excluded)")
    for C in (0.0003, 0.001, 0.003, 0.01, 0.03):
        pc, pr = np.zeros(len(rows)), np.zeros(len(real))
        fc, fr = T._folds(len(rows), 5), T._folds(len(real), 5)
        for a, b in zip(fc, fr):
            ha, hb = set(a.tolist()), set(b.tolist())
            head = T.fit_outcome([r for i, r in enumerate(rows) if i not in ha],
                                 [o for i, o in enumerate(real) if i not in hb], C)
            pc[a] = T._outcome_p(head, np.vstack([rows[i].ctx.conv_X for i in a]))
            pr[b] = T._outcome_p(head, np.vstack([real[i].conv_X for i in b]))
        yc = [T._fcr_outcome(r) for r in rows]
        yr = [o.resolved for o in real]
        print(f"C {C:<7} corpus AUC {auc(yc, pc):.3f}   STC-3 AUC {auc(yr, pr):.3f}   mean {(auc(yc, pc) + auc(yr, pr)) / 2:.3f}")


if __name__ == "__main__":
    main()
