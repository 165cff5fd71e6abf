"""The transcriber interface shared by the real faster-whisper implementation and test fakes."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from coach_app.core.transcript import AGENT, CUSTOMER, UNKNOWN, Segment
from coach_app.errors import CoachError

#: progress(done_seconds, total_seconds) — called from the worker thread.
ProgressCallback = Callable[[float, float], None]


class TranscriptionCancelled(CoachError):
    """Raised inside ``transcribe`` when its cancel event is set. Nothing is stored."""

    def __init__(self) -> None:
        super().__init__("transcription cancelled")


@dataclass(frozen=True)
class ChannelMap:
    """Which speaker is on which audio channel."""

    speakers: tuple[str, ...]

    AGENT_CUSTOMER = "agent,customer"
    CUSTOMER_AGENT = "customer,agent"
    MONO = "mono"
    CHOICES = (AGENT_CUSTOMER, CUSTOMER_AGENT, MONO)

    @classmethod
    def parse(cls, text: str | None) -> "ChannelMap":
        value = (text or cls.AGENT_CUSTOMER).replace(" ", "").lower()
        if value == cls.MONO:
            return cls((UNKNOWN,))
        parts = tuple(value.split(","))
        if sorted(parts) == sorted((AGENT, CUSTOMER)):
            return cls(parts)
        raise CoachError(f"channel map {text!r} is not one of: {', '.join(cls.CHOICES)}")

    @property
    def is_mono(self) -> bool:
        return len(self.speakers) == 1

    def __str__(self) -> str:
        return self.MONO if self.is_mono else ",".join(self.speakers)


@dataclass
class TranscriptionResult:
    segments: list[Segment]
    language: str | None
    duration_ms: int
    #: how much audio the voice-activity detector judged to be speech (all channels)
    speech_ms: int
    model_name: str
    channel_map: str
    notes: list[str] = field(default_factory=list)
    #: how sure the language detector was of ``language`` (None: the language was set)
    language_probability: float | None = None
    #: why the text is likely not what was said; any reason keeps it from being scored
    review_reasons: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(len(s.words) if s.words else len(s.text.split()) for s in self.segments)


class Transcriber(Protocol):
    """Audio file in, speaker turns out. Implementations must honour ``cancel`` promptly
    (raise :class:`TranscriptionCancelled`) and may call ``progress`` from their thread."""

    name: str

    def transcribe(
        self,
        path: Path,
        channel_map: ChannelMap,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> TranscriptionResult: ...
