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
    cut = _cut_short(path, rate, channels)
    if cut:
        raise InputFileError(name, f"audio is truncated: {cut}")
    return AudioInfo(int(round(decoded_s * 1000)), channels, rate, codec)


def _cut_short(path: Path, rate: int, channels: int) -> str | None:
    """What the container itself says about a file cut short, where the decoder cannot tell:
    a WAV whose data chunk announces more bytes than follow (ffmpeg then just decodes what is
    there), an Ogg stream whose last page is not marked end-of-stream."""
    with open(path, "rb") as f:
        head = f.read(12)
        size = path.stat().st_size
        if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
            pos, block = 12, 0
            while pos + 8 <= size:
                f.seek(pos)
                chunk, length = f.read(4), int.from_bytes(f.read(4), "little")
                if chunk == b"fmt ":
                    fmt = f.read(16)
                    block = int.from_bytes(fmt[12:14], "little") if len(fmt) >= 14 else 0
                if chunk == b"data":
                    present = size - (pos + 8)
                    if length not in (0, 0xFFFFFFFF) and present < length * (1 - _TRUNCATION_TOLERANCE) and block:
                        return (f"the header announces {length / block / rate:.1f} s but the file holds "
                                f"{present / block / rate:.1f} s")
                    return None
                pos += 8 + length + (length & 1)
            return None
        if head[:4] == b"OggS":
            f.seek(max(0, size - 65536))
            tail = f.read()
            last = tail.rfind(b"OggS")
            if last >= 0 and last + 5 < len(tail) and not tail[last + 5] & 0x04:
                return "the Ogg stream ends without its last page"
    return None


def probe_channels(path: Path) -> int:
    """Channel count from the header only (the file was fully checked when imported)."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise InputFileError(path, "contains no audio stream")
            return container.streams.audio[0].channels
    except av.error.FFmpegError:
        raise InputFileError(path, "not a readable audio file (unknown or corrupt format)") from None


def _ffmpeg_reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return text.split(":")[0].strip().rstrip(".").lower() or "decoder error"


def load_channels(path: Path, channels: int) -> list[np.ndarray]:
    """Decode to 16 kHz float32, one array per channel (1 or 2).

    Resampled frames are written straight into per-channel arrays that grow geometrically,
    so a long call needs little beyond the decoded audio itself (faster-whisper's own
    ``decode_audio`` holds every int16 frame in a list and then copies: about 2.5x more).
    """
    layout = "stereo" if channels >= 2 else "mono"
    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            expected = int((stream.duration * stream.time_base if stream.duration else (container.duration or 0) / av.time_base)
                           * WHISPER_RATE) + WHISPER_RATE
            out = np.zeros((channels if channels >= 2 else 1, max(expected, WHISPER_RATE)), dtype=np.float32)
            n = 0
            resampler = av.AudioResampler(format="fltp", layout=layout, rate=WHISPER_RATE)

            def put(frames) -> None:
                nonlocal out, n
                for fr in frames:
                    data = fr.to_ndarray()  # planar float: (channels, samples)
                    k = data.shape[1]
                    if n + k > out.shape[1]:
                        grown = np.zeros((out.shape[0], max(n + k, out.shape[1] * 3 // 2)), dtype=np.float32)
                        grown[:, :n] = out[:, :n]
                        out = grown
                    out[:, n : n + k] = data
                    n += k

            for frame in container.decode(stream):
                frame.pts = None  # let the resampler ignore gaps in timestamps
                put(resampler.resample(frame))
            put(resampler.resample(None))
    except av.error.FFmpegError as exc:
        raise InputFileError(path, f"audio could not be decoded ({_ffmpeg_reason(exc)})") from None
    out = out[:, :n]
    return [out[i] for i in range(out.shape[0])]


def channels_identical(left: np.ndarray, right: np.ndarray, max_difference: float = 0.01) -> bool:
    """True for 'dual mono' files, where both channels carry the same mix.

    Compares the energy of the difference with the energy of the signal (so codec noise in a
    re-encoded mono file still counts as identical), on every 7th sample: plenty for a
    decision, and a 30-minute call costs milliseconds.
    """
    if left.shape != right.shape:
        return False
    lc, rc = left[::7].astype(np.float64), right[::7].astype(np.float64)
    signal = float(np.dot(lc, lc) + np.dot(rc, rc))
    if signal == 0.0:
        return True
    d = lc - rc
    return float(np.dot(d, d)) / signal < max_difference
