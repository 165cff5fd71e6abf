#!/usr/bin/env python3
"""How each criterion's verdict follows the annotators' satisfaction (S) and task accomplishment
(A) on STC-3 dialogues training may read — never the reserved last 400 — and how the total
follows S as first_contact_resolution weighs more: how the default rubric's weights were chosen.

  .venv/bin/python bench/stc3_weights.py [N dialogues, default 500] [--judge ID] [--unlabelled]

--unlabelled draws only dialogues the corpus does not hold with our labels (training/corpus
r*-stc3-*): the non-reserved dialogues whose utterances no head was trained on.
"""
import argparse
import json

import numpy as np
from _common import ROOT
from _realdata import stc3_trainable
from scipy.stats import spearmanr

from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache, NpzStore

ap = argparse.ArgumentParser()
ap.add_argument("n", nargs="?", type=int, default=500)
ap.add_argument("--judge")
ap.add_argument("--unlabelled", action="store_true")
args = ap.parse_args()
data = stc3_trainable()
if args.unlabelled:
    labelled = {c["id"].split("-stc3-")[1] for f in (ROOT / "training" / "corpus").glob("r*-stc3*.json")
                for c in json.loads(f.read_text("utf-8"))}
    data = [d for d in data if str(d.id) not in labelled]
    print(f"{len(data)} non-reserved dialogues without our labels")
idx = np.random.default_rng(1).permutation(len(data))[:args.n]
store = NpzStore(ROOT / ".cache" / "embeddings.npz")
cache = EmbeddingCache(E5Embedder(), store)
rubric = load_rubric(DEFAULT_RUBRIC)
if args.judge:
    rubric = rubric.model_copy(update={"judge": args.judge})
rows, S, A = [], [], []
for i in idx:
    d = data[i]
    res = score_segments(d.segments, rubric, "en", "chat", embeddings=cache)
    rows.append({s.criterion.id: s.status for s in res.scores})
    S.append(d.target["S"])
    A.append(d.target["A"])
store.save()
S, A = np.array(S), np.array(A)
crits = sorted(rows[0])
val = {"met": 1.0, "not_met": 0.0}
for c in crits:
    v = [val.get(r[c]) for r in rows]
    ok = [k for k, x in enumerate(v) if x is not None]
    if len(ok) < 20 or len(set(v[k] for k in ok)) < 2:
        print(f"{c:28} applicable {len(ok)}  (constant or rare)")
        continue
    x = np.array([v[k] for k in ok])
    print(f"{c:28} applicable {len(ok):4}  met {x.mean():.0%}  rho(S) {spearmanr(x, S[ok]).statistic:+.3f}  rho(A) {spearmanr(x, A[ok]).statistic:+.3f}")
def total(r, w):  # the rubric's rule (weighted share of applicable criteria met), weights w, else 1
    app = [c for c in crits if r[c] in ("met", "not_met")]
    den = sum(w.get(c, 1) for c in app)
    return 50.0 if not den else 100 * sum(w.get(c, 1) for c in app if r[c] == "met") / den
for fw in (1, 2, 3, 4, 6):
    t = [total(r, {"first_contact_resolution": fw}) for r in rows]
    print(f"FCR weight {fw}: total rho(S) {spearmanr(t, S).statistic:+.3f}")
