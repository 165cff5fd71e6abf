"""Word-piece heads beside the embedding heads: character n-grams of the utterance itself.

e5-small averages an utterance into one vector, and in that average a mocking "oh, poor you,
having to fill in a whole form" sits next to a sincere "that's a lot to deal with"; the
tell-tale pieces ("poor you", "heart bleeds", "your side") are a few characters of many.
A logistic regression over character n-grams (2–5, inside words: Finnish endings need no
lemmatiser) sees those pieces. It is trained on the corpus only, like every head, and its
probability is blended with the embedding head's.

Scoring needs numpy only: the n-gram vocabulary, idf and weights ship in the model file, and
`LexicalHeads.terms` reproduces scikit-learn's ``TfidfVectorizer(analyzer="char_wb",
sublinear_tf=True)`` (a test holds the two equal). Scores are kept by text, as the embeddings
are, so re-scoring after an override or a rubric edit reads no utterance twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

MIN_N, MAX_N = 2, 5
#: texts whose scores are kept (a few hours of calls); the memo starts afresh when full
MEMO_ITEMS = 50_000


def char_ngrams(text: str) -> list[str]:
    """scikit-learn's char_wb n-grams of the lowercased text (each word padded by one space)."""
    out = []
    for w in text.lower().split():
        w = f" {w} "
        for n in range(MIN_N, MAX_N + 1):
            offset = 0
            out.append(w[offset:offset + n])
            while offset + n < len(w):
                offset += 1
                out.append(w[offset:offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return out


@dataclass
class LexicalHeads:
    vocab: dict[str, int]
    idf: np.ndarray        # (terms,)
    names: list[str]
    W: np.ndarray          # (terms, heads)
    b: np.ndarray          # (heads,)
    _memo: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def terms(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(term indices, sublinear tf × idf, L2-normalised) of one text: its sparse row."""
        counts: dict[int, int] = {}
        for g in char_ngrams(text):
            j = self.vocab.get(g)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        idx = np.fromiter(counts, np.int64, len(counts))
        val = np.asarray([1.0 + math.log(c) for c in counts.values()], np.float32) * self.idf[idx]
        return idx, val / max(float(np.linalg.norm(val)), 1e-12)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), len(self.names)), np.float32)
        for r, t in enumerate(texts):
            row = self._memo.get(t)
            if row is None:
                idx, val = self.terms(t)
                row = self.b + (val @ self.W[idx] if len(idx) else 0.0)
                if len(self._memo) >= MEMO_ITEMS:
                    self._memo.clear()
                self._memo[t] = row
            out[r] = row
        return out

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}/idf": self.idf.astype(np.float32), f"{prefix}/W": self.W.astype(np.float32),
                f"{prefix}/b": self.b.astype(np.float32)}

    def meta(self) -> dict:
        return {"terms": sorted(self.vocab, key=self.vocab.get), "names": self.names}

    @classmethod
    def from_arrays(cls, meta: dict, z, prefix: str) -> "LexicalHeads":
        return cls({t: i for i, t in enumerate(meta["terms"])}, z[f"{prefix}/idf"], list(meta["names"]),
                   z[f"{prefix}/W"], z[f"{prefix}/b"])


def fit(texts: Sequence[str], Y: np.ndarray, names: list[str], C: float, max_terms: int = 60000,
        min_df: int = 3, weights: np.ndarray | None = None) -> LexicalHeads:
    """One balanced logistic regression per head (a column of Y) over the shared n-gram space."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(MIN_N, MAX_N), min_df=min_df, sublinear_tf=True,
                          max_features=max_terms, dtype=np.float32)
    X = vec.fit_transform(texts)
    W = np.zeros((X.shape[1], len(names)), np.float32)
    b = np.full(len(names), -30.0, np.float32)  # a head with one class only never fires
    for k in range(len(names)):
        y = Y[:, k]
        if y.min() == y.max():
            continue
        lr = LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(X, y, sample_weight=weights)
        W[:, k], b[k] = lr.coef_[0], lr.intercept_[0]
    vocab = {t: int(i) for t, i in vec.vocabulary_.items()}
    return LexicalHeads(vocab, vec.idf_.astype(np.float32), list(names), W, b)
