"""Is a decoded transcript likely invented? Pure functions over what faster-whisper reports.

Whisper, given speech it cannot follow (the wrong language, noise), does not fail: it writes
fluent text that was never said, often a loop of one phrase. faster-whisper's own sequential
decoder retries such passages at higher temperatures using two thresholds — gzip compression
ratio above 2.4 (repetitive text) and mean token log-probability below -1.0 (an unsure model).
The batched decoder we use decodes once, so we apply the same two thresholds afterwards, and
look for phrase loops in the text itself. A channel is suspect when a large share of its words
comes from passages outside those thresholds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: faster-whisper's defaults (WhisperModel.transcribe: compression_ratio_threshold, log_prob_threshold)
COMPRESSION_RATIO_LIMIT = 2.4
LOG_PROB_LIMIT = -1.0
#: a passage whose no-speech probability is above this is what Whisper calls silence
NO_SPEECH_LIMIT = 0.6
#: share of a channel's words in doubtful passages above which the channel is suspect
SUSPECT_SHARE = 0.3
#: a phrase of at least this many words said this many times in a row is a decoding loop
LOOP_MIN_WORDS, LOOP_REPEATS = 3, 3

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Passage:
    """One decoded segment of one channel."""

    channel: int
    words: int
    avg_logprob: float
    compression_ratio: float
    no_speech_prob: float

    @property
    def repetitive(self) -> bool:
        return self.compression_ratio > COMPRESSION_RATIO_LIMIT

    @property
    def unsure(self) -> bool:
        return self.avg_logprob < LOG_PROB_LIMIT and self.no_speech_prob <= NO_SPEECH_LIMIT


def find_loop(text: str) -> str | None:
    """The first phrase (>= 3 words) repeated >= 3 times back to back, or None."""
    words = [w.lower() for w in _WORD.findall(text)]
    n_words = len(words)
    for n in range(LOOP_MIN_WORDS, min(12, n_words // LOOP_REPEATS) + 1):
        for i in range(0, n_words - n * LOOP_REPEATS + 1):
            phrase = words[i : i + n]
            if all(words[i + r * n : i + (r + 1) * n] == phrase for r in range(1, LOOP_REPEATS)):
                return " ".join(phrase)
    return None


def channel_problems(passages: list[Passage], texts: dict[int, str], names: dict[int, str]) -> list[str]:
    """Reasons, in words, why a channel's text is likely not what was said (empty = fine)."""
    reasons = []
    for ch, name in names.items():
        mine = [p for p in passages if p.channel == ch]
        total = sum(p.words for p in mine)
        loop = find_loop(texts.get(ch, ""))
        if loop:
            reasons.append(f"the {name} channel repeats “{loop}” over and over (a decoding loop)")
            continue
        if not total:
            continue
        repetitive = sum(p.words for p in mine if p.repetitive)
        unsure = sum(p.words for p in mine if p.unsure and not p.repetitive)
        if (repetitive + unsure) / total > SUSPECT_SHARE:
            parts = []
            if repetitive:
                parts.append(f"{repetitive} repetitive (compression ratio above {COMPRESSION_RATIO_LIMIT})")
            if unsure:
                parts.append(f"{unsure} unsure (log-probability below {LOG_PROB_LIMIT})")
            reasons.append(f"{(repetitive + unsure)} of the {name} channel's {total} words come from passages "
                           f"the model likely invented: {' and '.join(parts)}")
    return reasons
