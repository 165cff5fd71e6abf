"""Automatic scoring of a transcript against a rubric. Deterministic and explainable: every
verdict carries the utterance that decided it and a one-sentence rationale in the rubric's
language. Pure Python (no Qt, no database)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from coach_app.core import detectors
from coach_app.core.metrics import TalkSummary, talk_summary
from coach_app.core.rubric import Criterion, Rubric
from coach_app.core.semantic.judge import judge as semantic_judge
from coach_app.core.text import Text, detect_language
from coach_app.core.transcript import Segment, format_clock, is_non_speech, size_problem
from coach_app.errors import CoachError

if TYPE_CHECKING:
    from coach_app.core.semantic.embedder import EmbeddingCache

MET, NOT_MET, NA = "met", "not_met", "na"


class TranscriptTooLong(CoachError):
    """More text than scoring takes (coach_app.core.transcript.MAX_*_CHARS): refused before any
    pattern runs, rather than scoring for an unbounded time."""

#: verdicts less probable than this are marked for a person to look at first
LOW_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Evidence:
    speaker: str
    start_ms: int
    end_ms: int
    quote: str

    def to_json(self) -> dict:
        return {"speaker": self.speaker, "start": round(self.start_ms / 1000, 3), "end": round(self.end_ms / 1000, 3),
                "quote": self.quote}

    def to_db(self) -> dict:
        return {"speaker": self.speaker, "start_ms": self.start_ms, "end_ms": self.end_ms, "quote": self.quote}


@dataclass
class CriterionScore:
    criterion: Criterion
    status: str | None  # None: not scored yet (person-only)
    evidence: list[Evidence] = field(default_factory=list)
    rationale: str = ""
    #: probability of the automatic verdict (semantic judge); None for rules and people
    confidence: float | None = None
    probabilities: dict[str, float] | None = None

    @property
    def score(self) -> float | None:
        return {MET: 1.0, NOT_MET: 0.0}.get(self.status) if self.status else None


@dataclass
class Conversation:
    """A transcript prepared for scoring: segments plus their tokenised text."""

    segments: list[Segment]
    language: str
    channel_type: str  # phone | chat
    texts: list[Text] = field(default_factory=list)
    summary: TalkSummary | None = None
    #: where the semantic judge gets utterance embeddings (None: the process-wide cache)
    embeddings: "EmbeddingCache | None" = None

    @classmethod
    def prepare(cls, segments: Sequence[Segment], language: str | None, channel_type: str,
                hold_limit_ms: int = 20000, embeddings: "EmbeddingCache | None" = None) -> "Conversation":
        # a call's turns that hold only "[noise]" or "(laughs)" are not utterances: nothing to
        # judge or quote. A chat's "[image]" is an attachment the customer sent, which the
        # agent's next message may answer ("thanks for the screenshots"): chat turns all stay.
        spoken = channel_type != "chat"
        segs = sorted((s for s in segments if not (spoken and is_non_speech(s.text))),
                      key=lambda s: (s.start_ms, s.end_ms))
        too_long = size_problem([s.text for s in segs])
        if too_long:
            raise TranscriptTooLong(f"cannot score: {too_long}")
        lang = (language or detect_language([s.text for s in segs])).lower()[:2]
        conv = cls(segs, lang, channel_type, embeddings=embeddings)
        conv.texts = [Text.of(s.text, lang) for s in segs]
        conv.summary = talk_summary(segs, hold_limit_ms)
        return conv

    def by_speaker(self, speaker: str) -> list[int]:
        """Indexes of the speaker's utterances ("any": all), computed once per conversation."""
        cache = self.__dict__.setdefault("_by_speaker", {})
        if speaker not in cache:
            cache[speaker] = [i for i, s in enumerate(self.segments) if speaker == "any" or s.speaker == speaker]
        return cache[speaker]

    @property
    def is_chat(self) -> bool:
        return self.channel_type == "chat"

    @property
    def duration_ms(self) -> int:
        return max((s.end_ms for s in self.segments), default=0)


@dataclass
class ScoreResult:
    rubric: Rubric
    language: str
    scores: list[CriterionScore]
    metrics: dict

    @property
    def total(self) -> float | None:
        return total_and_passed(self.rubric, {s.criterion.id: s.status for s in self.scores})[0]

    @property
    def passed(self) -> bool | None:
        return total_and_passed(self.rubric, {s.criterion.id: s.status for s in self.scores})[1]


def total_and_passed(rubric: Rubric, statuses: dict[str, str | None]) -> tuple[float | None, bool | None]:
    """Total = weighted share of applicable criteria met (0–100); passed is False when a critical
    criterion is not met or the total is under the pass mark. Criteria without a status (not
    scored yet) and na ones do not count."""
    applicable = [c for c in rubric.criteria if statuses.get(c.id) in (MET, NOT_MET)]
    weight = sum(c.weight for c in applicable)
    if not weight:
        return None, None
    total = round(100.0 * sum(c.weight for c in applicable if statuses[c.id] == MET) / weight, 1)
    if any(c.critical and statuses[c.id] == NOT_MET for c in applicable):
        return total, False
    return total, total >= rubric.pass_mark


def metrics_json(conv: Conversation) -> dict:
    s = conv.summary
    timed = not conv.is_chat
    return {
        "duration_s": round(conv.duration_ms / 1000, 1) if timed else None,
        "agent_talk_ratio": round(s.agent_talk_ratio, 3) if timed else None,
        "agent_wpm": round(s.agent_wpm, 1) if timed else None,
        "talk_over_count": s.talk_over_count if timed else None,
        "talk_over_at_s": [round(t / 1000, 1) for t in s.talk_over_ms] if timed else [],
        "longest_silence_s": round(s.longest_silence_ms / 1000, 1) if timed else None,
        "long_silences_s": [[round(a / 1000, 1), round(b / 1000, 1)] for a, b in s.long_silences] if timed else [],
        "agent_turns": sum(1 for x in conv.segments if x.speaker == "agent"),
        "customer_turns": sum(1 for x in conv.segments if x.speaker == "customer"),
    }


def _rationale(c: Criterion, lang: str, status: str, ev: list[Evidence], detail: str) -> str:
    templates = c.rationale.get(lang) or c.rationale.get("en") or {}
    tpl = templates.get(status)
    quote = ev[0].quote if ev else ""
    if len(quote) > 90:
        quote = quote[:87].rstrip() + "…"
    time = format_clock(ev[0].start_ms) if ev else ""
    if tpl:
        if not ev:  # no deciding utterance: drop the "at {time}: “{quote}”" parts
            tpl = re.sub(r"\s*(?:at|kohdassa)?\s*\(?\{time\}\)?", "", tpl)
            tpl = re.sub(r":?\s*[“”\"]\{quote\}[”\"]", "", tpl)
        if not detail:
            tpl = re.sub(r"\s*\([^()]*\{detail\}[^()]*\)", "", tpl)
        text = tpl.format(quote=quote, time=time, detail=detail).strip()
        text = re.sub(r"\s+([.,:])", r"\1", text).replace("..", ".")
        return re.sub(r"([.!?…])([”\"])\.", r"\1\2", text)  # “…up.”. -> “…up.”
    # no template for this status: a plain sentence, still in the call's language
    words = _FALLBACK.get(lang, _FALLBACK["en"])
    at = f" {words['at']} {time}: “{quote}”" if ev else ""
    return f"{words[status]}{at}{f' ({detail})' if detail else ''}."


_FALLBACK = {"en": {"met": "Met", "not_met": "Not met", "na": "Not applicable", "at": "at"},
             "fi": {"met": "Täyttyy", "not_met": "Ei täyty", "na": "Ei sovellu", "at": "kohdassa"}}


def score_conversation(conv: Conversation, rubric: Rubric) -> ScoreResult:
    lang = conv.language if conv.language in rubric.languages else rubric.languages[0]
    scores = []
    for c in rubric.criteria:
        if c.scoring == "person" or c.detector is None:
            scores.append(CriterionScore(c, None, [], ""))
            continue
        if c.detector.kind == "semantic":
            verdict = semantic_judge(conv, c, rubric, lang)
        else:
            run: Callable = detectors.KINDS[c.detector.kind]
            verdict = run(conv, c.detector, rubric, lang)
        ev = [Evidence(s.speaker, s.start_ms, s.end_ms, s.text) for s in verdict.segments]
        scores.append(CriterionScore(c, verdict.status, ev, _rationale(c, lang, verdict.status, ev, verdict.detail),
                                     verdict.confidence, verdict.probabilities))
    return ScoreResult(rubric, lang, scores, metrics_json(conv))


def score_segments(segments: Sequence[Segment], rubric: Rubric, language: str | None = None,
                   channel_type: str = "phone", embeddings: "EmbeddingCache | None" = None) -> ScoreResult:
    conv = Conversation.prepare(segments, language, channel_type, int(rubric.hold_limit_s * 1000), embeddings)
    return score_conversation(conv, rubric)


def result_json(result: ScoreResult) -> dict:
    r = result.rubric
    return {
        "rubric": {"id": r.id, "version": r.version, "language": result.language},
        "total": result.total,
        "passed": result.passed,
        "criteria": [
            {
                "id": s.criterion.id,
                "title": s.criterion.title.get(result.language) or next(iter(s.criterion.title.values())),
                "status": s.status,
                "score": s.score,
                "weight": s.criterion.weight,
                "critical": s.criterion.critical,
                "evidence": [e.to_json() for e in s.evidence],
                "rationale": s.rationale,
                "confidence": s.confidence,
                "low_confidence": s.confidence is not None and s.confidence < LOW_CONFIDENCE,
            }
            for s in result.scores
        ],
        "metrics": result.metrics,
    }
