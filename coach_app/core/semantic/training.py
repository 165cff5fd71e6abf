"""Training the judge from the corpus in training/ (scikit-learn; never needed to score).

Heads are fitted on every tagged utterance; each criterion's aggregator is fitted on
conversation labels, from head scores the heads gave *without* having seen that conversation
(out-of-fold, grouped by conversation), so it learns how the heads behave on new calls rather
than on the ones they memorised.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from coach_app.core.semantic import context
from coach_app.core.semantic.corpus import Labelled
from coach_app.core.semantic.embedder import EmbeddingCache
from coach_app.core.semantic.model import (CUSTOMER_SUFFIX, FCR, INFORMATIONAL, Aggregator, JudgeModel,
                                           aggregate_features)

LEARNED = ("empathy", "active_listening", "honest_promises", "ownership", "next_steps", FCR, "gratitude",
           "follow_up")
# inverse L2 strengths, chosen by leave-writers-out cross-validation on the corpus (bench/learning_curve.py)
HEAD_C = 0.01  # utterance heads: ~1,160 standardised features, a few thousand rows
HEAD_CLASS_WEIGHT: str | None = "balanced"  # a tagged utterance is rare: weigh both classes equally
AGG_C = 10.0   # aggregators: 12 summary features per conversation
#: each criterion's "+" and "-" heads are one three-way choice (neither / meets / breaks) rather
#: than two independent detectors: measured, independent heads both fired on sarcasm (P+ and
#: P- near 1 for "Oh, I completely understand how exhausting that must be — poor you")
PAIRED_HEADS = True


@dataclass
class Rows:
    conv: Labelled
    ctx: context.Context
    agent_y: dict[str, np.ndarray]
    customer_y: dict[str, np.ndarray]


def head_names() -> list[str]:
    names = [f"{c}{s}" for c in LEARNED for s in "+-"]
    return names + [f"{FCR}+{CUSTOMER_SUFFIX}", f"{FCR}-{CUSTOMER_SUFFIX}", INFORMATIONAL]


def featurize(convs: Sequence[Labelled], cache: EmbeddingCache) -> list[Rows]:
    texts = [s.text for c in convs for s in c.segments]
    E_all = cache.vectors(texts)
    out, k = [], 0
    for c in convs:
        n = len(c.segments)
        E = E_all[k:k + n]
        k += n
        ctx = context.build([s.speaker for s in c.segments], [s.text for s in c.segments], E, c.language,
                            c.channel == "chat")
        ay = {f"{cid}{s}": np.asarray([f"{cid}{s}" in c.tags[i] for i in ctx.agent_idx], np.int8)
              for cid in LEARNED for s in "+-"}
        cy = {f"{FCR}{s}{CUSTOMER_SUFFIX}": np.asarray([f"{FCR}{s}" in c.tags[i] for i in ctx.customer_idx], np.int8)
              for s in "+-"}
        cy[INFORMATIONAL] = np.full(len(ctx.customer_idx), int(c.informational), np.int8)
        out.append(Rows(c, ctx, ay, cy))
    return out


def _logreg(X: np.ndarray, y: np.ndarray, C: float) -> tuple[np.ndarray, float] | None:
    """Logistic regression on standardised features, folded back into one weight vector on the
    raw row (e5 vectors are anisotropic: every dimension sits near its mean, so without
    standardising, the L2 penalty flattens the head)."""
    from sklearn.linear_model import LogisticRegression

    if y.min() == y.max():
        return None
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd < 1e-6] = 1.0
    lr = LogisticRegression(C=C, max_iter=3000, class_weight=HEAD_CLASS_WEIGHT)
    lr.fit((X - mu) / sd, y)
    w = lr.coef_[0] / sd
    return w.astype(np.float32), float(lr.intercept_[0] - w @ mu)


def _three_way(X: np.ndarray, y: np.ndarray, C: float) -> tuple[tuple[np.ndarray, float], tuple[np.ndarray, float]] | None:
    """Multinomial logistic regression over neither (0) / meets (1) / breaks (2), returned as
    the two log-odds heads against 'neither' (model.head_probs joins them back in a softmax)."""
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 3:
        return None
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd < 1e-6] = 1.0
    lr = LogisticRegression(C=C, max_iter=3000, class_weight=HEAD_CLASS_WEIGHT)
    lr.fit((X - mu) / sd, y)
    out = []
    for k in (1, 2):
        w = (lr.coef_[k] - lr.coef_[0]) / sd
        b = float(lr.intercept_[k] - lr.intercept_[0] - w @ mu)
        out.append((w.astype(np.float32), b))
    return out[0], out[1]


def _without_next_turn(X: np.ndarray) -> np.ndarray:
    """The same rows as if the conversation ended there: no next turn (context dropout, so a
    head does not need a reply to recognise an utterance — the last line of a call, a short
    chat, a trainer's one-line "Try it")."""
    dim = (X.shape[1] - len(context.SCALARS)) // 3
    Z = X.copy()
    Z[:, 2 * dim:3 * dim] = 0
    return Z


def fit_heads(rows: Sequence[Rows], C: float | None = None) -> dict[str, tuple[np.ndarray, float]]:
    C = HEAD_C if C is None else C
    heads = {}
    XA = np.vstack([r.ctx.agent_X for r in rows])
    XC = np.vstack([r.ctx.customer_X for r in rows])
    XA, XC = np.vstack([XA, _without_next_turn(XA)]), np.vstack([XC, _without_next_turn(XC)])
    if PAIRED_HEADS:
        for pos in [n for n in head_names() if "+" in n]:
            neg = pos.replace("+", "-", 1)
            customer = pos.endswith(CUSTOMER_SUFFIX)
            ys = [(r.customer_y if customer else r.agent_y) for r in rows]
            yp, yn = np.concatenate([y[pos] for y in ys]), np.concatenate([y[neg] for y in ys])
            y3 = np.where(yn == 1, 2, np.where(yp == 1, 1, 0))  # a line tagged both ways breaks it
            fitted = _three_way(XC if customer else XA, np.concatenate([y3, y3]), C)
            if fitted is not None:
                heads[pos], heads[neg] = fitted
    for name in head_names():
        if name in heads:
            continue
        customer = name.endswith(CUSTOMER_SUFFIX)
        y = np.concatenate([(r.customer_y if customer else r.agent_y)[name] for r in rows])
        y = np.concatenate([y, y])
        fitted = _logreg(XC if customer else XA, y, C)
        if fitted is not None:
            heads[name] = fitted
    return heads


def conversation_features(model_heads: dict, rows: Sequence[Rows]) -> dict[str, np.ndarray]:
    """Aggregator inputs per criterion for each conversation, from the given heads."""
    tmp = JudgeModel("tmp", "", model_heads, {}, {"paired_heads": PAIRED_HEADS})
    agent_names = [h for h in model_heads if not h.endswith(CUSTOMER_SUFFIX)]
    cust_names = [h for h in model_heads if h.endswith(CUSTOMER_SUFFIX)]
    out = {cid: [] for cid in LEARNED}
    z = np.zeros(0, np.float32)
    for r in rows:
        pa = tmp.head_probs(r.ctx.agent_X, agent_names)
        pc = tmp.head_probs(r.ctx.customer_X, cust_names)
        for cid in LEARNED:
            out[cid].append(aggregate_features(cid, pa.get(f"{cid}+", z), pa.get(f"{cid}-", z),
                                               pc.get(f"{cid}+{CUSTOMER_SUFFIX}", z),
                                               pc.get(f"{cid}-{CUSTOMER_SUFFIX}", z), pc.get(INFORMATIONAL, z)))
    return {cid: np.vstack(v) for cid, v in out.items()}


def fit_aggregator(F: np.ndarray, labels: Sequence[str], C: float | None = None) -> Aggregator:
    from sklearn.linear_model import LogisticRegression

    C = AGG_C if C is None else C
    classes = sorted(set(labels))
    if len(classes) == 1:
        return Aggregator(classes, np.zeros((1, F.shape[1]), np.float32), np.zeros(1, np.float32))
    lr = LogisticRegression(C=C, max_iter=5000, fit_intercept=False)  # the features carry a bias
    lr.fit(F, labels)
    W = lr.coef_.astype(np.float32)
    if len(classes) == 2:  # sklearn stores one row for P(classes[1])
        W = np.vstack([-W[0] / 2, W[0] / 2])
    return Aggregator([str(c) for c in lr.classes_], W, np.zeros(len(classes), np.float32))


def out_of_fold_features(rows: Sequence[Rows], folds: int = 5, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(rows))
    parts = [order[k::folds] for k in range(folds)]
    feats: dict[str, list] = {cid: [None] * len(rows) for cid in LEARNED}
    for part in parts:
        held = set(part.tolist())
        heads = fit_heads([r for i, r in enumerate(rows) if i not in held])
        F = conversation_features(heads, [rows[i] for i in part])
        for cid in LEARNED:
            for j, i in enumerate(part):
                feats[cid][i] = F[cid][j]
    return {cid: np.vstack(v) for cid, v in feats.items()}


def train(rows: Sequence[Rows], model_id: str, embedder_id: str, folds: int = 5,
          progress: Callable[[str], None] = lambda _m: None) -> JudgeModel:
    progress(f"aggregators from {folds}-fold out-of-fold head scores")
    F = out_of_fold_features(rows, folds)
    aggs = {cid: fit_aggregator(F[cid], [r.conv.labels[cid] for r in rows]) for cid in LEARNED}
    progress("heads on all utterances")
    heads = fit_heads(rows)
    digest = hashlib.sha256(json.dumps(sorted((r.conv.id, [s.text for s in r.conv.segments], r.conv.labels)
                                              for r in rows), ensure_ascii=False).encode()).hexdigest()
    meta = {"trained_on": {"conversations": len(rows),
                           "agent_utterances": int(sum(len(r.ctx.agent_idx) for r in rows)),
                           "languages": sorted({r.conv.language for r in rows}),
                           "corpus_sha256": digest},
            "head_C": HEAD_C, "aggregator_C": AGG_C, "features": list(context.SCALARS),
            "paired_heads": PAIRED_HEADS}
    return JudgeModel(model_id, embedder_id, heads, aggs, meta)
