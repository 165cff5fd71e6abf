"""Conversation metrics from turn timings: who talks how much, silences, talk-over."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from coach_app.core.transcript import AGENT, CUSTOMER, Segment

#: agent speech starting this long before the customer's turn ends counts as talking over
TALK_OVER_MIN_MS = 1000


@dataclass
class TalkSummary:
    duration_ms: int
    agent_talk_ms: int
    customer_talk_ms: int
    agent_words: int
    longest_silence_ms: int
    #: (start_ms, end_ms) of every silence longer than the hold limit
    long_silences: list[tuple[int, int]] = field(default_factory=list)
    #: start_ms of each agent turn that began >= 1 s before the customer's turn ended
    talk_over_ms: list[int] = field(default_factory=list)

    @property
    def agent_talk_ratio(self) -> float:
        total = self.agent_talk_ms + self.customer_talk_ms
        return self.agent_talk_ms / total if total else 0.0

    @property
    def talk_over_count(self) -> int:
        return len(self.talk_over_ms)

    @property
    def agent_wpm(self) -> float:
        return self.agent_words / (self.agent_talk_ms / 60000) if self.agent_talk_ms else 0.0


def _union_length(intervals: list[tuple[int, int]]) -> int:
    total, cur_s, cur_e = 0, None, None
    for s, e in sorted(intervals):
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s
    return total


def talk_summary(segments: Sequence[Segment], hold_limit_ms: int = 20000) -> TalkSummary:
    segs = sorted(segments, key=lambda s: (s.start_ms, s.end_ms))
    agent = [(s.start_ms, s.end_ms) for s in segs if s.speaker == AGENT]
    customer = [(s.start_ms, s.end_ms) for s in segs if s.speaker == CUSTOMER]
    # Silences: gaps in the union of everybody's speech.
    silences: list[tuple[int, int]] = []
    covered_to = segs[0].end_ms if segs else 0
    for s in segs[1:]:
        if s.start_ms > covered_to:
            silences.append((covered_to, s.start_ms))
        covered_to = max(covered_to, s.end_ms)
    talk_over = []
    latest_customer_end = None  # customer turns are sorted by start: track the furthest end so far
    ci = 0
    for s in segs:
        if s.speaker != AGENT:
            continue
        while ci < len(customer) and customer[ci][0] < s.start_ms:
            latest_customer_end = max(latest_customer_end or 0, customer[ci][1])
            ci += 1
        if latest_customer_end is not None and latest_customer_end - s.start_ms >= TALK_OVER_MIN_MS:
            talk_over.append(s.start_ms)
    return TalkSummary(
        duration_ms=max((s.end_ms for s in segs), default=0),
        agent_talk_ms=_union_length(agent),
        customer_talk_ms=_union_length(customer),
        agent_words=sum(len(s.text.split()) for s in segs if s.speaker == AGENT),
        longest_silence_ms=max((e - s for s, e in silences), default=0),
        long_silences=[(s, e) for s, e in silences if e - s > hold_limit_ms],
        talk_over_ms=talk_over,
    )
