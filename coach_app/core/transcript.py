"""Transcripts as plain data: words, speaker turns, and the time lookups the app needs.

Times are integer milliseconds everywhere inside the product; seconds only at the edges
(file formats, JSON output).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

AGENT = "agent"
CUSTOMER = "customer"
UNKNOWN = "unknown"
SPEAKERS = (AGENT, CUSTOMER, UNKNOWN)


#: what transcriptionists and transcribers write for sound that is not speech: "[noise]",
#: "<unk>", "(laughs)", "*coughs*", "[BLANK_AUDIO]", "♪". Bracketed text of more than three
#: words is taken for speech (a chat's "(the old card, not the new one)").
_NON_SPEECH = re.compile(r"\[[^\]]*\]|<[^>]*>|\((?:\s*[^()\s]+){1,3}\s*\)|\*(?:\s*[^*\s]+){1,3}\s*\*|[♪♫]+")


def is_non_speech(text: str) -> bool:
    """True when a turn holds nothing anyone said: only non-speech annotations, punctuation or
    nothing. Scoring leaves such turns out: a "[noise]" is no customer's last word, no quote
    for a verdict, and no speech in a silence."""
    return not _NON_SPEECH.sub(" ", text).strip(" \t\n.,;:-…\"'")


@dataclass(frozen=True, slots=True)
class Word:
    start_ms: int
    end_ms: int
    text: str
    probability: float | None = None

    def to_json(self) -> dict:
        d = {"start": self.start_ms, "end": self.end_ms, "text": self.text}
        if self.probability is not None:
            d["p"] = round(self.probability, 3)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Word":
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("p"))


@dataclass(slots=True)
class Segment:
    """One speaker turn: a stretch of speech by one speaker."""

    speaker: str
    start_ms: int
    end_ms: int
    text: str
    words: list[Word] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        return max(0, self.end_ms - self.start_ms)


def words_to_text(words: Iterable[Word]) -> str:
    # faster-whisper words carry their own leading space ("' hello'"); join then tidy.
    return "".join(w.text for w in words).strip()


def merge_words_into_turns(
    words_by_speaker: dict[str, Sequence[Word]],
    max_pause_ms: int = 1500,
    min_yield_gap_ms: int = 250,
    concurrent_ms: int = 300,
) -> list[Segment]:
    """Build speaker turns from each speaker's timed words, ordered by start time.

    A speaker's words form one turn until either they pause for more than ``max_pause_ms``, or
    they stop (for at least ``min_yield_gap_ms``) and another speaker starts a word in that gap
    — a hand-over. Another speaker's words *while* they keep talking (talk-over, a quick
    "mm-hm") do not split their turn; those become overlapping turns of their own, so the
    overlap stays visible in the times. Working from words rather than Whisper's segments
    matters: a Whisper segment can span 30 s and several hand-overs, and sorting those by
    start time scrambles the order of the conversation.
    """
    cleaned = {sp: sorted((w for w in ws if w.text.strip()), key=lambda w: (w.start_ms, w.end_ms))
               for sp, ws in words_by_speaker.items()}
    turns: list[Segment] = []
    for speaker, words in cleaned.items():
        others = sorted((w.start_ms, w.end_ms) for sp, ws in cleaned.items() if sp != speaker for w in ws)
        starts = [o[0] for o in others]

        def talking(t: int) -> bool:  # is another speaker mid-speech at time t?
            i = bisect.bisect_right(starts, t) - 1
            return any(others[j][1] >= t - concurrent_ms for j in range(i, max(-1, i - 3), -1))

        current: list[Word] = []
        for word in words:
            if current:
                prev_end = max(w.end_ms for w in current[-3:])
                gap = word.start_ms - prev_end
                k = bisect.bisect_left(starts, word.start_ms) - 1
                other_in_gap = k >= 0 and others[k][1] > prev_end
                # Someone else spoke while this speaker paused. It is a hand-over unless they were
                # talking all along (before the pause and still when this speaker resumes):
                # that is two people talking at once, and both turns simply overlap.
                handed_over = (gap >= min_yield_gap_ms and other_in_gap
                               and not (talking(prev_end) and talking(word.start_ms)))
                if gap > max_pause_ms or handed_over:
                    turns.append(_turn(speaker, current))
                    current = []
            current.append(word)
        if current:
            turns.append(_turn(speaker, current))
    turns.sort(key=lambda t: (t.start_ms, t.end_ms, t.speaker))
    return turns


def _turn(speaker: str, words: list[Word]) -> Segment:
    return Segment(speaker, words[0].start_ms, max(w.end_ms for w in words), words_to_text(words), list(words))


class Timeline:
    """Segments sorted by start time with O(log n) lookup of "what is being said at t"."""

    def __init__(self, segments: Sequence[Segment]):
        self.segments = sorted(segments, key=lambda s: (s.start_ms, s.end_ms))
        self._starts = [s.start_ms for s in self.segments]

    def __len__(self) -> int:
        return len(self.segments)

    def index_at(self, ms: int) -> int | None:
        """Index of the segment that covers ``ms`` (the latest-starting one when several
        overlap); else the last segment that started before ``ms``; None before the first."""
        i = bisect.bisect_right(self._starts, ms) - 1
        if i < 0:
            return None
        # Turns overlap during talk-over; look back a few for one still covering ms.
        for j in range(i, max(-1, i - 8), -1):
            if self.segments[j].end_ms >= ms:
                return j
        return i

    def segment_at(self, ms: int) -> Segment | None:
        i = self.index_at(ms)
        return None if i is None else self.segments[i]

    @property
    def duration_ms(self) -> int:
        return max((s.end_ms for s in self.segments), default=0)


def seconds_to_ms(value: float) -> int:
    return int(round(float(value) * 1000))


def format_clock(ms: int) -> str:
    """0:42, 12:03, 1:02:03 — how times are shown to people."""
    total = max(0, int(ms)) // 1000
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


#: Scoring runs every rubric pattern over every turn: RE2 keeps each search linear in the text,
#: and these caps bound the text, so scoring one conversation is bounded work whatever the file
#: holds. A turn is a few sentences (a Whisper segment, a chat message); a day-long call is
#: under a million characters.
MAX_TURN_CHARS = 20_000
MAX_CONVERSATION_CHARS = 1_000_000


def size_problem(texts: Sequence[str]) -> str | None:
    """Why these turns are too much text to score, in words, or None."""
    total = 0
    for i, text in enumerate(texts):
        if len(text) > MAX_TURN_CHARS:
            return f"turn {i + 1} has {len(text):,} characters; a turn may have at most {MAX_TURN_CHARS:,}"
        total += len(text)
    if total > MAX_CONVERSATION_CHARS:
        return f"the transcript has {total:,} characters of text; at most {MAX_CONVERSATION_CHARS:,} can be scored"
    return None
