"""The `semantic` detector: verdicts from the learned heads, or from a trainer's example
utterances for a criterion the model has never seen.

Each conversation is embedded and turned into context rows once (kept on the Conversation),
so scoring all criteria, or re-scoring after an override, costs one matrix product per head.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from coach_app.core.semantic import context
from coach_app.core.semantic.embedder import EmbeddingCache, default_cache
from coach_app.core.semantic.model import (CUSTOMER_SUFFIX, FCR, INFORMATIONAL, OUTCOME, JudgeModel,
                                           aggregate_features, load_model, sigmoid)
from coach_app.core.transcript import AGENT
from coach_app.errors import CoachError

if TYPE_CHECKING:
    from coach_app.core.detectors import Verdict
    from coach_app.core.rubric import Criterion, Rubric
    from coach_app.core.scoring import Conversation

#: an utterance counts as evidence from this head probability on
EVIDENCE_P = 0.5
#: prototype scoring: similarity margin over the nearest counter-example, and its softness
PROTO_FLOOR, PROTO_T = 0.86, 0.012


@dataclass
class Analysis:
    ctx: context.Context
    agent: dict[str, np.ndarray]
    customer: dict[str, np.ndarray]
    #: P(the matter was accomplished) from the outcome head; None for models without one
    outcome: float | None = None


def analyse(conv: "Conversation", model: JudgeModel) -> Analysis:
    key = ("semantic", model.id)
    cached = conv.__dict__.setdefault("_analyses", {})
    if key not in cached:
        E = embeddings(conv)
        ctx = context.build([s.speaker for s in conv.segments], [s.text for s in conv.segments], E,
                            conv.language, conv.is_chat)
        agent_heads = [h for h in model.heads if not h.endswith(CUSTOMER_SUFFIX) and h != OUTCOME]
        customer_heads = [h for h in model.heads if h.endswith(CUSTOMER_SUFFIX)]
        outcome = None
        if OUTCOME in model.heads:
            outcome = float(model.head_probs(ctx.conv_X[None, :], [OUTCOME])[OUTCOME][0])
        cached[key] = Analysis(ctx, model.head_probs(ctx.agent_X, agent_heads, ctx.agent_texts),
                               model.head_probs(ctx.customer_X, customer_heads, ctx.customer_texts), outcome)
    return cached[key]


def embeddings(conv: "Conversation") -> np.ndarray:
    if "_E" not in conv.__dict__:
        cache: EmbeddingCache = conv.embeddings or default_cache()
        conv.__dict__["_E"] = cache.vectors([s.text for s in conv.segments])
    return conv.__dict__["_E"]


def _zeros() -> np.ndarray:
    return np.zeros(0, np.float32)


def judge(conv: "Conversation", criterion: "Criterion", rubric: "Rubric", lang: str) -> "Verdict":
    from coach_app.core.detectors import Verdict, detail_text, matching

    det = criterion.detector
    segs = conv.segments
    vetoes = matching(conv, det, rubric, lang, det.not_met)  # explicit rule vetoes ("I guarantee")
    if vetoes:
        return Verdict("not_met", [segs[i] for i in vetoes[:1]], detail=detail_text(lang, "rule"), confidence=0.95)
    head = det.head or criterion.id
    model = load_model(rubric.judge)
    if head not in model.aggregators:
        return _by_examples(conv, criterion, lang, det.default)
    a = analyse(conv, model)
    pos, neg = a.agent.get(f"{head}+", _zeros()), a.agent.get(f"{head}-", _zeros())
    cpos = a.customer.get(f"{head}+{CUSTOMER_SUFFIX}", _zeros())
    cneg = a.customer.get(f"{head}-{CUSTOMER_SUFFIX}", _zeros())
    f = aggregate_features(head, pos, neg, cpos, cneg, a.customer.get(INFORMATIONAL, _zeros()), a.outcome)
    probs = model.aggregators[head].predict(f)
    status = max(probs, key=probs.get)
    confidence = round(probs[status], 3)
    agent_idx, cust_idx = a.ctx.agent_idx, a.ctx.customer_idx
    # the deciding utterance: the strongest one for the verdict, agent or (for FCR) customer
    if status == "met":
        cands = [(p, agent_idx[k]) for k, p in enumerate(pos)]
        if head == FCR:
            cands += [(p, cust_idx[k]) for k, p in enumerate(cpos)]
    elif status == "not_met":
        cands = [(p, agent_idx[k]) for k, p in enumerate(neg)]
        if head == FCR:
            cands += [(p, cust_idx[k]) for k, p in enumerate(cneg)]
    else:
        cands = []
    best = max(cands, default=None)
    ev = [segs[best[1]]] if best and best[0] >= EVIDENCE_P else []
    if not ev and head == FCR and status != "na" and a.outcome is not None and cust_idx:
        ev = [segs[cust_idx[-1]]]  # the outcome head reads how the contact ended: the customer's last word
    return Verdict(status, ev, confidence=confidence, probabilities={k: round(v, 4) for k, v in probs.items()})


def example_vectors(criterion: "Criterion", lang: str, cache: EmbeddingCache) -> tuple[np.ndarray, np.ndarray]:
    ex = criterion.examples.get(lang) or next(iter(criterion.examples.values()), None)
    if ex is None or not ex.met:
        raise CoachError(f"criterion '{criterion.id}': no learned head in the judge model and no example "
                         f"utterances that meet it: add some under 'examples' in the rubric")
    return cache.vectors(ex.met), cache.vectors(ex.not_met)


def prototype_scores(E: np.ndarray, met: np.ndarray, not_met: np.ndarray) -> np.ndarray:
    """P(utterance meets the criterion) from its nearest example of each kind."""
    if not len(E):
        return _zeros()
    s_met = (E @ met.T).max(axis=1)
    s_not = (E @ not_met.T).max(axis=1) if len(not_met) else np.zeros(len(E))
    return sigmoid((s_met - np.maximum(s_not, PROTO_FLOOR)) / PROTO_T)


def _by_examples(conv: "Conversation", criterion: "Criterion", lang: str, default: str) -> "Verdict":
    """A criterion only the trainer's examples describe: met when an agent utterance is nearer
    to a "meets" example than to any "does not meet" one (default met: not_met when one is
    nearer to a "does not meet" example)."""
    from coach_app.core.detectors import Verdict

    met, not_met = example_vectors(criterion, lang, conv.embeddings or default_cache())
    idx = [i for i, s in enumerate(conv.segments) if s.speaker == AGENT]
    E = embeddings(conv)[idx] if idx else np.zeros((0, met.shape[1]), np.float32)
    if default == "met":  # the examples describe what breaks it
        p = prototype_scores(E, not_met, met) if len(not_met) else _zeros()
        if len(p) and p.max() >= 0.5:
            return Verdict("not_met", [conv.segments[idx[int(p.argmax())]]], confidence=round(float(p.max()), 3))
        return Verdict("met", confidence=round(1 - float(p.max()) if len(p) else 1.0, 3))
    p = prototype_scores(E, met, not_met)
    if len(p) and p.max() >= 0.5:
        return Verdict("met", [conv.segments[idx[int(p.argmax())]]], confidence=round(float(p.max()), 3))
    return Verdict("not_met", confidence=round(1 - float(p.max()) if len(p) else 1.0, 3))


def utterance_scores(conv: "Conversation", criterion: "Criterion", rubric: "Rubric", lang: str,
                     limit: int = 3) -> list[tuple[float, int]]:
    """The agent utterances that most meet the criterion, as (probability, segment index):
    what the rubric editor's "Try it" shows a trainer."""
    det = criterion.detector
    head = det.head or criterion.id
    model = load_model(rubric.judge)
    if head in model.aggregators:
        a = analyse(conv, model)
        p, idx = a.agent.get(f"{head}+", _zeros()), a.ctx.agent_idx
    else:
        met, not_met = example_vectors(criterion, lang, conv.embeddings or default_cache())
        idx = [i for i, s in enumerate(conv.segments) if s.speaker == AGENT]
        p = prototype_scores(embeddings(conv)[idx], met, not_met) if idx else _zeros()
    order = np.argsort(-p)[:limit]
    return [(round(float(p[k]), 3), idx[k]) for k in order]
