"""Speech of every channel packed into ≤30-s windows laid end to end in one array.

Stereo calls: each channel goes through faster-whisper's voice-activity detection and is packed
into ≤30-s windows of speech exactly as ``BatchedInferencePipeline`` does for one channel. The
windows of *both* channels are then laid end to end in one array and decoded in shared batches
(``clip_timestamps``), so no batch runs half empty at a channel's end and no window ever mixes
the two speakers (measured: a window holding both speakers made tiny.en drop whole turns).
"""

from __future__ import annotations

import bisect

import numpy as np

from coach_app.transcription.audio import WHISPER_RATE

WINDOW_S = 30  # Whisper's input length; a window never exceeds it


class SpeechWindows:
    """Speech of every channel packed into ≤30-s windows laid end to end in one array.

    ``clips`` are the windows' places in ``audio`` (seconds, for ``clip_timestamps``);
    ``pieces[k]`` lists (channel, original_start, packed_start, length) in samples for the
    stretches of speech that make up window ``k``, to map a decoded time back.
    """

    def __init__(self, audio: np.ndarray, clips: list[dict], pieces: list[list[tuple[int, int, int, int]]],
                 pads: list[tuple[int, int]] | None = None):
        self.audio = audio
        self.clips = clips
        self.pieces = pieces
        self._piece_starts = [p[2] for window in pieces for p in window]
        self._flat = [p for window in pieces for p in window]
        #: per piece (flat order): the voice-activity detector's padding at its start and end,
        #: where it is known (see build); 0 where it is not
        self._pads = pads or [(0, 0)] * len(self._flat)

    @property
    def speech_s(self) -> float:
        return self.audio.shape[0] / WHISPER_RATE

    @classmethod
    def build(cls, channels: list[np.ndarray], vad: bool = True) -> "SpeechWindows":
        """Pack the speech of ``channels`` (the list is emptied: its arrays are released as
        soon as their speech is copied, which keeps a long call's peak memory down)."""
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        limit = WINDOW_S * WHISPER_RATE
        parts, clips, pieces, pos, pads = [], [], [], 0, []
        pad = VadOptions().speech_pad_ms * WHISPER_RATE // 1000
        for ch in range(len(channels)):
            audio, channels[ch] = channels[ch], None  # consumed: free each channel once packed
            if vad:  # the same VAD settings BatchedInferencePipeline uses by default
                speech = get_speech_timestamps(audio, VadOptions(max_speech_duration_s=WINDOW_S, min_silence_duration_ms=160))
            else:
                speech = [{"start": s, "end": min(s + limit, audio.shape[0])} for s in range(0, audio.shape[0], limit)]
            window: list[tuple[int, int, int, int]] = []
            window_len = 0
            # faster-whisper pads each stretch of speech by speech_pad_ms on both sides, unless
            # the silence to the next is shorter than two pads (then the two meet halfway). So
            # where a stretch does not touch its neighbour, the detected speech starts exactly
            # one pad after it: Whisper puts a first word's start at the start of its window,
            # which made talk-over onsets up to 0.4 s early (bench/talkover.py).
            for k, sp in enumerate(speech):
                if vad:
                    free_before = sp["start"] > 0 and (k == 0 or speech[k - 1]["end"] < sp["start"])
                    free_after = k == len(speech) - 1 or sp["end"] < speech[k + 1]["start"]
                    pads.append((pad if free_before else 0, pad if free_after and sp["end"] < audio.shape[0] else 0))
                else:
                    pads.append((0, 0))
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
        return cls(audio, clips, pieces, pads)

    def to_original(self, mid_s: float, start_s: float, end_s: float) -> tuple[int, int, int]:
        """(channel, start_ms, end_ms) in the original recording for a decoded word."""
        i = max(0, bisect.bisect_right(self._piece_starts, int(mid_s * WHISPER_RATE)) - 1)
        ch, orig, packed, length = self._flat[i]
        shift = orig - packed
        lo, hi = packed, packed + length  # keep the word inside its own stretch of speech
        s = min(max(int(start_s * WHISPER_RATE), lo), hi)
        e = min(max(int(end_s * WHISPER_RATE), s), hi)
        head, tail = self._pads[i]
        if head and length > head + tail:  # not in the padding before the speech began
            s = min(max(s, lo + head), max(e, lo + head))
            e = max(e, s)
        return ch, (s + shift) * 1000 // WHISPER_RATE, (e + shift) * 1000 // WHISPER_RATE

    def channel_of(self, k: int) -> int:
        """The channel window ``k`` holds (a window never mixes channels)."""
        return self.pieces[k][0][0]

    def clips_of(self, channels: set[int]) -> list[dict]:
        return [c for k, c in enumerate(self.clips) if self.channel_of(k) in channels]

    def channel_speech(self, channel: int, max_s: float) -> np.ndarray:
        """The first ``max_s`` seconds of one channel's speech (for language detection)."""
        parts, total = [], 0
        limit = int(max_s * WHISPER_RATE)
        for k, clip in enumerate(self.clips):
            if self.channel_of(k) != channel or total >= limit:
                continue
            a = self.audio[int(clip["start"] * WHISPER_RATE): int(clip["end"] * WHISPER_RATE)]
            parts.append(a[: limit - total])
            total += parts[-1].shape[0]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
