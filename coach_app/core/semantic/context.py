"""Each utterance with its neighbours, as one feature vector for the learned heads.

An agent utterance is judged with the customer turn it answers and the customer's next turn
(an apology reads differently after "where is my parcel?" than after "you're useless"; a
next step counts when the customer's reply shows it landed), its position in the call, and
whether it is a question or negated. A customer utterance is judged with the agent turn it
answers (first-contact resolution: "so I still have to ring the bank myself?").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from coach_app.core.text import stems, stopwords, tokenize
from coach_app.core.transcript import AGENT, CUSTOMER

SCALARS = ("rel_pos", "first_two", "last_three", "question", "negation", "log_words", "chat",
           "sim_prev", "shared_numbers", "shared_words", "bias")
_NEG_EN = {"not", "no", "never", "nothing", "cannot", "can't", "won't", "don't", "didn't", "doesn't", "isn't",
           "aren't", "wasn't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "nobody"}


def negated(text: str, lang: str) -> bool:
    if lang == "fi":
        # Voikko gives every form of the negation verb (en, et, ei, emme, ette, eivät) the lemma "ei"
        return "ei" in stems(tokenize(text), "fi")
    return any(t in _NEG_EN or t.endswith("n't") for t in re.findall(r"[\w']+", text.lower()))


OUTCOME_SCALARS = ("log_turns", "log_words", "ends_with_customer", "bias")


@dataclass
class Context:
    """Feature rows of one conversation: agent utterances and customer utterances, and one row
    for the conversation as a whole (how it ended: the outcome head)."""

    agent_idx: list[int]
    agent_X: np.ndarray
    customer_idx: list[int]
    customer_X: np.ndarray
    conv_X: np.ndarray | None = None
    #: the utterances' own words, row for row (the lexical heads read them)
    agent_texts: list[str] = field(default_factory=list)
    customer_texts: list[str] = field(default_factory=list)


def outcome_row(speakers: Sequence[str], texts: Sequence[str], E: np.ndarray) -> np.ndarray:
    """How the contact ended: the customer's last turn, the agent's last turn, what the customer
    said on average, and its length — what annotators of real helpdesk dialogues read to say
    whether the matter was accomplished."""
    dim = E.shape[1] if len(E) else 384
    zero = np.zeros(dim, np.float32)
    cust = [i for i, s in enumerate(speakers) if s == CUSTOMER]
    agent = [i for i, s in enumerate(speakers) if s == AGENT]
    words = sum(len(t.split()) for t in texts)
    return np.concatenate([E[cust[-1]] if cust else zero, E[agent[-1]] if agent else zero,
                           E[cust].mean(axis=0) if cust else zero,
                           np.asarray([math.log1p(len(texts)) / 3, math.log1p(words) / 6,
                                       float(bool(speakers) and speakers[-1] == CUSTOMER), 1.0], np.float32)])


_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")


def _content(text: str, lang: str) -> set[str]:
    return {w for w in stems(tokenize(text), lang) if len(w) >= 4 and w not in stopwords(lang) and not w[0].isdigit()}


def _scalars(i: int, n: int, order: int, count: int, text: str, lang: str, chat: bool,
             prev_text: str, sim_prev: float) -> list[float]:
    """Position and form cues, plus what the utterance takes up of the turn it answers (the
    signal of active listening: a number or the customer's own words said back)."""
    shared_numbers = bool(set(_NUMBER.findall(text)) & set(_NUMBER.findall(prev_text)))
    shared_words = len(_content(text, lang) & _content(prev_text, lang)) if prev_text else 0
    return [i / max(1, n - 1), float(order < 2), float(order >= count - 3), float("?" in text),
            float(negated(text, lang)), math.log1p(len(text.split())) / 4, float(chat),
            sim_prev, float(shared_numbers), min(shared_words, 3) / 3, 1.0]


def build(speakers: Sequence[str], texts: Sequence[str], E: np.ndarray, lang: str, chat: bool) -> Context:
    """``E`` holds one embedding per utterance (rows in conversation order)."""
    n, dim = len(texts), E.shape[1] if len(E) else 384
    zero = np.zeros(dim, np.float32)
    agents = [i for i, s in enumerate(speakers) if s == AGENT]
    customers = [i for i, s in enumerate(speakers) if s == CUSTOMER]

    def before_idx(i: int, who: str) -> int | None:
        return next((j for j in range(i - 1, -1, -1) if speakers[j] == who), None)

    def before(i: int, who: str) -> np.ndarray:
        j = before_idx(i, who)
        return zero if j is None else E[j]

    def after(i: int, who: str) -> np.ndarray:
        for j in range(i + 1, n):
            if speakers[j] == who:
                return E[j]
        return zero

    def rows(idx: list[int], other: str) -> np.ndarray:
        if not idx:
            return np.zeros((0, 3 * dim + len(SCALARS)), np.float32)
        out = []
        for k, i in enumerate(idx):
            j = before_idx(i, other)
            prev_text, prev = ("", zero) if j is None else (texts[j], E[j])
            cues = _scalars(i, n, k, len(idx), texts[i], lang, chat, prev_text, float(E[i] @ prev))
            out.append(np.concatenate([E[i], prev, after(i, other), np.asarray(cues, np.float32)]))
        return np.vstack(out).astype(np.float32)

    return Context(agents, rows(agents, CUSTOMER), customers, rows(customers, AGENT),
                   outcome_row(speakers, texts, E).astype(np.float32),
                   [texts[i] for i in agents], [texts[i] for i in customers])

