"""Transcript exports: TXT with speakers and times, SRT, WebVTT, and JSON in the format the
importer reads (so export then import is lossless)."""

from __future__ import annotations

import json

from coach_app.core.redaction import redact
from coach_app.core.transcript import Segment, format_clock

FORMATS = ("txt", "srt", "vtt", "json")
_SPEAKER = {"en": {"agent": "Agent", "customer": "Customer", "unknown": "Speaker"},
            "fi": {"agent": "Asiakaspalvelija", "customer": "Asiakas", "unknown": "Puhuja"}}


def _stamp(ms: int, sep: str) -> str:
    h, rem = divmod(max(0, ms), 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def render(segments: list[Segment], fmt: str, language: str | None, channel: str, redact_pii: bool = False) -> str:
    lang = language if language in _SPEAKER else "en"
    text = (lambda s: redact(s, lang)) if redact_pii else (lambda s: s)
    names = _SPEAKER[lang]
    if fmt == "json":
        return json.dumps({"language": language, "channel": channel, "segments": [
            {"speaker": s.speaker, "start": s.start_ms / 1000, "end": s.end_ms / 1000, "text": text(s.text)}
            for s in segments]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "txt":
        return "".join(f"[{format_clock(s.start_ms)}] {names.get(s.speaker, s.speaker)}: {text(s.text)}\n" for s in segments)
    if fmt == "srt":
        return "\n".join(f"{i}\n{_stamp(s.start_ms, ',')} --> {_stamp(max(s.end_ms, s.start_ms + 1), ',')}\n"
                         f"{names.get(s.speaker, s.speaker)}: {text(s.text)}\n" for i, s in enumerate(segments, 1))
    if fmt == "vtt":
        body = "\n".join(f"{_stamp(s.start_ms, '.')} --> {_stamp(max(s.end_ms, s.start_ms + 1), '.')}\n"
                         f"<v {names.get(s.speaker, s.speaker)}>{text(s.text)}\n" for s in segments)
        return "WEBVTT\n\n" + body
    raise ValueError(f"unknown transcript format {fmt!r}")
