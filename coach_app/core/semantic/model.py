"""The learned weights of the judge: utterance heads and per-criterion aggregators.

A head is a logistic regression over an utterance's context row (see `context.py`): "empathy+"
scores "this agent utterance acknowledges the customer's situation", "ownership-" "this one
shifts the blame", "first_contact_resolution-@customer" "this customer turn says the matter is
still open". An aggregator is a small multinomial logistic regression per criterion over
summaries of those scores across the conversation (the strongest utterance, the last turns,
the customer's final reaction, how informational the contact is), so met / not_met / na and
its probability are learned from conversation labels rather than set by hand.

Stored as one .npz (arrays plus a JSON "meta" entry); inference is numpy only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from coach_app.core.semantic.lexical import LexicalHeads
from coach_app.errors import CoachError

MODELS_DIR = Path(__file__).resolve().parent / "models"
CUSTOMER_SUFFIX = "@customer"
INFORMATIONAL = "informational@customer"
FCR = "first_contact_resolution"
AGG_FEATURES = ("max_pos", "max_neg", "top2_pos", "last3_pos", "last3_neg", "cust_pos_max", "cust_neg_max",
                "cust_pos_last", "cust_neg_last", "informational", "log_agent_turns", "bias")
#: models with an outcome head add its probability (FCR only; 0 elsewhere) before the bias
AGG_FEATURES_OUTCOME = AGG_FEATURES[:-1] + ("outcome", "bias")
#: the conversation-level head: P(the customer's matter was accomplished), read from how the
#: contact ended (context.outcome_row); trained on the corpus and on real STC-3 dialogues
OUTCOME = "outcome@conversation"


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    return e / e.sum()


@dataclass
class Aggregator:
    classes: list[str]
    W: np.ndarray  # (n_classes, n_features)
    b: np.ndarray  # (n_classes,)

    def predict(self, f: np.ndarray) -> dict[str, float]:
        """P(class) for a feature vector; W has one row per class (a binary model is stored
        as rows -w/2, +w/2, which gives the same probabilities as its logistic regression)."""
        if len(self.classes) == 1:
            return {self.classes[0]: 1.0}
        return dict(zip(self.classes, map(float, softmax(self.W @ f + self.b))))


@dataclass
class JudgeModel:
    id: str
    embedder: str
    heads: dict[str, tuple[np.ndarray, float]]
    aggregators: dict[str, Aggregator]
    meta: dict = field(default_factory=dict)
    #: character n-gram heads ("agent", "customer"; judge-4 on): a head they also serve scores as
    #: a blend of the two probabilities, meta "lexical_share" of it from the words
    lexical: dict[str, LexicalHeads] = field(default_factory=dict)

    @property
    def criteria(self) -> list[str]:
        return sorted(self.aggregators)

    def head_probs(self, X: np.ndarray, names: list[str], texts: list[str] | None = None) -> dict[str, np.ndarray]:
        """P(head) for each row of X; with the rows' ``texts``, heads the lexical part also
        serves blend in its probability."""
        if not names:
            return {}
        if not len(X):
            return {n: np.zeros(0) for n in names}
        W = np.vstack([self.heads[n][0] for n in names])
        b = np.asarray([self.heads[n][1] for n in names])
        P = sigmoid(X @ W.T + b)
        out = {n: P[:, k] for k, n in enumerate(names)}
        if texts is not None:
            share = float(self.meta.get("lexical_share", 0.0))
            for lex in self.lexical.values():
                served = [n for n in names if n in lex.names]
                if served and share:
                    Q = sigmoid(lex.logits(texts))
                    for n in served:
                        out[n] = (1 - share) * out[n] + share * Q[:, lex.names.index(n)]
        return out

    def save(self, path: str | Path) -> None:
        arrays = {}
        for name, (w, b) in self.heads.items():
            arrays[f"head/{name}/w"] = w.astype(np.float32)
            arrays[f"head/{name}/b"] = np.asarray([b], np.float32)
        for cid, agg in self.aggregators.items():
            arrays[f"agg/{cid}/W"] = agg.W.astype(np.float32)
            arrays[f"agg/{cid}/b"] = agg.b.astype(np.float32)
        for group, lex in self.lexical.items():
            arrays.update(lex.arrays(f"lexical/{group}"))
        meta = dict(self.meta, id=self.id, embedder=self.embedder,
                    classes={c: a.classes for c, a in self.aggregators.items()},
                    lexical={g: lex.meta() for g, lex in self.lexical.items()})
        arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), np.uint8)
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(tmp, **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> "JudgeModel":
        try:
            with np.load(path) as z:
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                heads = {k.split("/")[1]: (z[k], float(z[k[:-1] + "b"][0]))
                         for k in z.files if k.startswith("head/") and k.endswith("/w")}
                aggs = {cid: Aggregator(list(classes), z[f"agg/{cid}/W"], z[f"agg/{cid}/b"])
                        for cid, classes in meta["classes"].items()}
                lexical = {g: LexicalHeads.from_arrays(m, z, f"lexical/{g}") for g, m in meta.get("lexical", {}).items()}
        except (OSError, KeyError, ValueError) as exc:
            raise CoachError(f"{path}: not a judge model file ({exc})") from None
        return cls(meta["id"], meta["embedder"], heads, aggs, meta, lexical)


def model_path(model_id: str) -> Path:
    return MODELS_DIR / f"{model_id}.npz"


@lru_cache(maxsize=4)
def load_model(model_id: str) -> JudgeModel:
    """A shipped model by id (the rubric pins one: ``judge: <id>``)."""
    path = model_path(model_id)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in MODELS_DIR.glob("*.npz"))) or "none"
        raise CoachError(f"judge model '{model_id}' is not installed (installed: {known}); "
                         f"train it with `coach train --out {path}`")
    return JudgeModel.load(path)


def aggregate_features(cid: str, agent_pos: np.ndarray, agent_neg: np.ndarray, cust_pos: np.ndarray,
                       cust_neg: np.ndarray, informational: np.ndarray, outcome: float | None = None) -> np.ndarray:
    """The conversation-level summary a criterion's aggregator reads (order: AGG_FEATURES, or
    AGG_FEATURES_OUTCOME when the model has an outcome head and ``outcome`` is given)."""

    def mx(a):
        return float(a.max()) if len(a) else 0.0

    top2 = float(np.sort(agent_pos)[-2:].mean()) if len(agent_pos) else 0.0
    fcr = cid == FCR
    return np.asarray([
        mx(agent_pos), mx(agent_neg), top2, mx(agent_pos[-3:]), mx(agent_neg[-3:]),
        mx(cust_pos) if fcr else 0.0, mx(cust_neg) if fcr else 0.0,
        float(cust_pos[-1]) if fcr and len(cust_pos) else 0.0, float(cust_neg[-1]) if fcr and len(cust_neg) else 0.0,
        float(informational.mean()) if len(informational) else 0.0,
        np.log1p(len(agent_pos)) / 3] + ([] if outcome is None else [outcome if fcr else 0.0]) + [1.0], np.float32)
