"""Reading transcripts that arrive as files: transcript JSON and plain-text chat logs.

Pure functions from text to :class:`ParsedTranscript`; every problem raises
:class:`~coach_app.errors.InputFileError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from coach_app.core.transcript import AGENT, CUSTOMER, UNKNOWN, Segment, seconds_to_ms, size_problem
from coach_app.errors import InputFileError

TRANSCRIPT_SUFFIXES = {".json", ".txt"}
CHANNEL_TYPES = ("phone", "chat")

# Speaker labels accepted in plain-text chats and JSON, in English and Finnish.
_SPEAKER_ALIASES = {
    "agent": AGENT,
    "asiakaspalvelija": AGENT,
    "palvelija": AGENT,
    "customer": CUSTOMER,
    "asiakas": CUSTOMER,
    "caller": CUSTOMER,
    "client": CUSTOMER,
    "unknown": UNKNOWN,
}
_CHAT_LINE = re.compile(r"^\s*(?P<who>[A-Za-zÄÖÅäöå]+)\s*:\s*(?P<text>.*)$")


@dataclass
class ParsedTranscript:
    language: str | None
    channel_type: str  # "phone" | "chat"
    segments: list[Segment]

    @property
    def duration_ms(self) -> int:
        return max((s.end_ms for s in self.segments), default=0)


def _speaker(path: Path, raw: object, where: str) -> str:
    key = str(raw).strip().lower()
    if key not in _SPEAKER_ALIASES:
        raise InputFileError(path, f"{where}: unknown speaker {raw!r} (use agent or customer)")
    return _SPEAKER_ALIASES[key]


_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?")


def _unstorable(text: str) -> str | None:
    """What keeps ``text`` out of a database, in words (a NUL byte; half of a UTF-16 pair,
    which JSON's \\ud800 escapes can produce), or None."""
    if "\x00" in text:
        return "contains a NUL character"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return "contains an unpaired surrogate (\\ud800-\\udfff), which is not a character"
    return None


#: the longest recording a time may point into (seconds): a day
MAX_TIME_S = 86400.0


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number")


def parse_transcript_json(path: Path, text: str) -> ParsedTranscript:
    try:
        data = json.loads(text, parse_constant=_no_constant)  # NaN and Infinity are not JSON numbers
    except json.JSONDecodeError as exc:
        raise InputFileError(
            path, f"transcript is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except ValueError as exc:
        raise InputFileError(path, f"transcript is not valid JSON ({exc})") from None
    except RecursionError:
        raise InputFileError(path, "transcript JSON is nested too deeply to be a transcript") from None
    if not isinstance(data, dict):
        raise InputFileError(path, "transcript JSON must be an object with a 'segments' list")
    segs = data.get("segments")
    if not isinstance(segs, list):
        raise InputFileError(path, "transcript JSON has no 'segments' list")
    if not segs:
        raise InputFileError(path, "transcript has no segments")
    channel = str(data.get("channel") or "phone").lower()
    if channel not in CHANNEL_TYPES:
        raise InputFileError(path, f"'channel' must be phone or chat, not {data.get('channel')!r}")
    language = data.get("language")
    if language is not None and (not isinstance(language, str) or not _LANGUAGE_CODE.fullmatch(language.strip())):
        raise InputFileError(path, "'language' must be a language code such as 'en' or 'fi'")
    segments: list[Segment] = []
    for i, seg in enumerate(segs):
        where = f"segment {i + 1}"
        if not isinstance(seg, dict):
            raise InputFileError(path, f"{where} is not an object")
        missing = [k for k in ("speaker", "start", "end", "text") if k not in seg]
        if missing:
            raise InputFileError(path, f"{where} is missing {', '.join(missing)}")
        if isinstance(seg["start"], bool) or isinstance(seg["end"], bool):
            raise InputFileError(path, f"{where}: start and end must be numbers (seconds), not true/false")
        try:
            start, end = float(seg["start"]), float(seg["end"])
        except (TypeError, ValueError, OverflowError):
            raise InputFileError(path, f"{where}: start and end must be numbers (seconds)") from None
        if not (0 <= start <= MAX_TIME_S and 0 <= end <= MAX_TIME_S):
            raise InputFileError(path, f"{where}: start and end must be times in seconds between 0 and {MAX_TIME_S:.0f}")
        if start < 0 or end < start:
            raise InputFileError(path, f"{where}: end ({end}) is before start ({start}) or negative")
        if not isinstance(seg["text"], str):
            raise InputFileError(path, f"{where}: text must be a string")

        segments.append(
            Segment(_speaker(path, seg["speaker"], where), seconds_to_ms(start), seconds_to_ms(end), seg["text"].strip())
        )
    segments.sort(key=lambda s: (s.start_ms, s.end_ms))
    return ParsedTranscript(language.strip().lower() if language else None, channel, segments)


def parse_chat_text(path: Path, text: str) -> ParsedTranscript:
    """``Agent: ...`` / ``Customer: ...`` lines (also ``Asiakaspalvelija:`` / ``Asiakas:``).

    A plain chat has no times; each message gets its line number as its second so that
    order is kept (chat times are not speaking times, and timing metrics treat chats so).
    Lines without a speaker label continue the previous message.
    """
    segments: list[Segment] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _CHAT_LINE.match(line)
        if m and m.group("who").lower() in _SPEAKER_ALIASES:
            t = len(segments) * 1000
            segments.append(Segment(_SPEAKER_ALIASES[m.group("who").lower()], t, t, m.group("text").strip()))
        elif segments:
            segments[-1].text = f"{segments[-1].text} {line.strip()}".strip()
        else:
            raise InputFileError(
                path, f"line {lineno}: expected 'Agent: ...' or 'Customer: ...' (or Asiakas/Asiakaspalvelija)"
            )
    if not segments:
        raise InputFileError(path, "chat transcript is empty")
    return ParsedTranscript(None, "chat", segments)


def read_transcript_file(path: Path) -> ParsedTranscript:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, "file not found") from None
    except IsADirectoryError:
        raise InputFileError(path, "is a directory, not a file") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot read file ({exc.strerror})") from None
    if not raw.strip():
        raise InputFileError(path, "file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(path, "transcript is not UTF-8 text") from None
    parsed = parse_transcript_json(path, text) if path.suffix.lower() == ".json" else parse_chat_text(path, text)
    for i, seg in enumerate(parsed.segments):
        bad = _unstorable(seg.text)
        if bad:
            raise InputFileError(path, f"turn {i + 1}: text {bad}")
    too_long = size_problem([seg.text for seg in parsed.segments])
    if too_long:
        raise InputFileError(path, too_long)
    return parsed
