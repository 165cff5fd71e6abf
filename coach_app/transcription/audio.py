"""Audio inspection and decoding with PyAV (what faster-whisper itself uses)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from coach_app.errors import InputFileError

WHISPER_RATE = 16000
# A decoded stream this much shorter than its header says is a truncated file.
_TRUNCATION_TOLERANCE = 0.02


@dataclass(frozen=True)
class AudioInfo:
    duration_ms: int
    channels: int
    sample_rate: int
    codec: str


def inspect_audio(path: Path, label: Path | str | None = None) -> AudioInfo:
    """Decode the whole file once (no resampling) to prove it is complete, readable audio.

    Raises InputFileError for an empty, non-audio, corrupt or truncated file, naming ``label``
    (the user's file when ``path`` is a working copy of it).
    """
    path = Path(path)
    name = label if label is not None else path
    if not path.exists():
        raise InputFileError(name, "file not found")
    if path.is_dir():
        raise InputFileError(name, "is a directory, not a file")
    if path.stat().st_size == 0:
        raise InputFileError(name, "file is empty")
    try:
        container = av.open(str(path))
    except av.error.FFmpegError:
        raise InputFileError(name, "not a readable audio file (unknown or corrupt format)") from None
    with container:
        if not container.streams.audio:
            raise InputFileError(name, "contains no audio stream")
        stream = container.streams.audio[0]
        rate = stream.rate or stream.codec_context.sample_rate
        channels = stream.channels
        codec = stream.codec_context.name
        declared_s = None
        if stream.duration and stream.time_base:
            declared_s = float(stream.duration * stream.time_base)
        elif container.duration:
            declared_s = container.duration / av.time_base
        samples = 0
        try:
            for frame in container.decode(stream):
                samples += frame.samples
        except av.error.FFmpegError as exc:
            raise InputFileError(name, f"audio is corrupt or truncated ({_ffmpeg_reason(exc)})") from None
    if not rate or samples == 0:
        raise InputFileError(name, "contains no audio samples")
    decoded_s = samples / rate
    if declared_s and decoded_s < declared_s * (1 - _TRUNCATION_TOLERANCE) - 0.05:
        raise InputFileError(
            name, f"audio is truncated: header says {declared_s:.1f} s but only {decoded_s:.1f} s decode"
        )
    return AudioInfo(int(round(decoded_s * 1000)), channels, rate, codec)


def _ffmpeg_reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return text.split(":")[0].strip().rstrip(".").lower() or "decoder error"


def load_channels(path: Path, channels: int) -> list[np.ndarray]:
    """Decode to 16 kHz float32, one array per channel (1 or 2)."""
    from faster_whisper.audio import decode_audio  # heavy import: only when transcribing

    try:
        if channels >= 2:
            left, right = decode_audio(str(path), sampling_rate=WHISPER_RATE, split_stereo=True)
            return [left, right]
        return [decode_audio(str(path), sampling_rate=WHISPER_RATE)]
    except av.error.FFmpegError as exc:
        raise InputFileError(path, f"audio could not be decoded ({_ffmpeg_reason(exc)})") from None


def channels_identical(left: np.ndarray, right: np.ndarray, max_difference: float = 0.01) -> bool:
    """True for 'dual mono' files, where both channels carry the same mix.

    Compares the energy of the difference with the energy of the signal, so the rounding and
    codec noise of a re-encoded mono file still count as identical.
    """
    if left.shape != right.shape:
        return False
    diff = signal = 0.0
    step = 1 << 16  # chunked so a long call needs no full-size temporary
    for i in range(0, left.shape[0], step):
        lc, rc = left[i : i + step].astype(np.float64), right[i : i + step].astype(np.float64)
        diff += float(np.sum((lc - rc) ** 2))
        signal += float(np.sum(lc**2) + np.sum(rc**2))
    return signal == 0.0 or diff / signal < max_difference
