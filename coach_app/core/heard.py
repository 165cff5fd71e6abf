"""What a transcriber may have written for a phrase: the same letters with a word boundary
moved or a letter lost or doubled.

Whisper hears spoken Finnish "miten voin auttaa" as "miten voi nautta" (the n carried over to
the next word, as it is spoken) and "palvella" as "palvela"; names and compounds run together
("puhelimessa miten" -> "puhelimessammiten"). A phrase list matched word by word misses all of
these. Only the opening's fixed formulas use this (coach_app.core.detectors.greeting): they are
said at the start of every call, and near-misses of them mean the same thing. Patterns with
wildcards, gaps or regular expressions are never matched this way.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: letters only: spaces, punctuation and hyphens are where transcribers disagree
_NOT_LETTER = re.compile(r"[^\w]|[\d_]")
#: one edit allowed per this many letters of the phrase
LETTERS_PER_EDIT = 8
#: shorter phrases ("this is" in "this issue") are left to the word-by-word match
MIN_LETTERS = 10
#: letter triples: the prefilter in sounds_like
GRAM = 3


def letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.lower())


@lru_cache(maxsize=4096)
def phrase_letters(source: str) -> str | None:
    """The letters of a plain phrase pattern ("asiakaspalvelu~" -> "asiakaspalvelu"), or None
    for a pattern that is not a plain phrase."""
    s = source.strip()
    if s.startswith("re:") or any(tok in ("*", "...", "#num") for tok in s.split()):
        return None
    out = letters(s.replace("~", ""))
    return out if len(out) >= MIN_LETTERS else None


def edits_to_substring(phrase: str, text: str) -> int:
    """The fewest letter edits that turn ``phrase`` into some stretch of ``text`` (Sellers'
    approximate substring match: the stretch may start and end anywhere)."""
    prev = [0] * (len(text) + 1)  # an empty phrase matches anywhere for free
    for i, p in enumerate(phrase, 1):
        cur = [i] + [0] * len(text)
        for j, t in enumerate(text, 1):
            cur[j] = min(prev[j - 1] + (p != t), prev[j] + 1, cur[j - 1] + 1)
        prev = cur
    return min(prev)


def _grams(s: str) -> set[str]:
    return {s[i : i + GRAM] for i in range(len(s) - GRAM + 1)}


def sounds_like(text: str, sources: list[str]) -> str | None:
    """The first plain phrase of ``sources`` that ``text`` holds up to transcription slips."""
    heard = letters(text)
    heard_grams = _grams(heard)
    for source in sources:
        phrase = phrase_letters(source)
        if not phrase:
            continue
        edits = len(phrase) // LETTERS_PER_EDIT
        # q-gram lemma: a stretch within `edits` edits of the phrase keeps at least this many
        # of the phrase's letter triples, so a text holding fewer cannot match; this skips the
        # quadratic edit count for nearly every phrase of an utterance that says none of them
        keeps = len(phrase) - GRAM + 1 - edits * GRAM
        if sum(phrase[i : i + GRAM] in heard_grams for i in range(len(phrase) - GRAM + 1)) < keeps:
            continue
        if edits_to_substring(phrase, heard) <= edits:
            return source
    return None
