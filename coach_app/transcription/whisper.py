"""faster-whisper transcription with speaker separation by channel and language per call.

The speech of both channels is packed into ≤30-s windows and decoded in shared batches
(``windows.SpeechWindows``). Each word is mapped back to its channel and original time, and the
speakers' words are merged by start time into turns (``core.transcript.merge_words_into_turns``).

Language: with the language setting ``auto`` each channel's first 30 s of speech goes through
the multilingual model's language detector, and the model setting ``auto`` then decodes English
with tiny.en (fastest) and anything else with base. A transcript that is likely invented — an
English-only model on other speech, decoding loops, passages outside faster-whisper's own
compression and log-probability thresholds (``quality``) — comes back with review reasons, and
the service stores it as ``needs_review`` instead of scoring it.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach_app.config import TranscriptionSettings
from coach_app.core.transcript import AGENT, CUSTOMER, UNKNOWN, Word, merge_words_into_turns
from coach_app.errors import ConfigurationError
from coach_app.transcription import models
from coach_app.transcription.audio import WHISPER_RATE, channels_identical, load_channels, probe_channels
from coach_app.transcription.base import (
    ChannelMap,
    ProgressCallback,
    TranscriptionCancelled,
    TranscriptionResult,
)
from coach_app.transcription.languages import language_name
from coach_app.transcription.quality import Passage, channel_problems
from coach_app.transcription.windows import WINDOW_S, SpeechWindows

log = logging.getLogger(__name__)

_model_cache: dict[tuple, object] = {}
_model_lock = threading.Lock()
#: a channel with less speech than this is not worth a detection of its own
_MIN_DETECT_S = 1.0
#: below this probability a detected language is a guess (reported, and not used to flag a
#: disagreement between channels)
LANGUAGE_SURE = 0.5

def describe_model(name: str) -> str:
    return models.describe(name)


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


def load_whisper_model(settings: TranscriptionSettings, name: str | None = None):
    """Load (once per process and configuration) the faster-whisper ``WhisperModel`` called
    ``name`` (a concrete model, never ``auto``; default: the setting's model)."""
    from faster_whisper import WhisperModel

    name = models.canonical(name or settings.model)
    device, compute = _device_and_compute(settings)
    path = str(models.resolve(name))
    key = (path, device, compute)
    with _model_lock:
        if key not in _model_cache:
            try:
                _model_cache[key] = WhisperModel(
                    path, device=device, compute_type=compute, cpu_threads=os.cpu_count() or 0
                )
            except Exception as exc:  # noqa: BLE001 - reported as a setting problem
                raise ConfigurationError(
                    f"cannot load transcription model {describe_model(name)!r} on {device}/{compute}: "
                    f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}. Choose an embedded model "
                    f"({models.choices_text()}) or a local CTranslate2 model folder (--model / COACH_MODEL)"
                ) from None
        return _model_cache[key]


@dataclass
class ChannelLanguage:
    language: str
    #: None when the language was set, not detected
    probability: float | None


def _detect_batch(model, audios: list) -> list[ChannelLanguage]:
    """Whisper's language detector on up to 30 s of each audio, the channels in one encoder
    batch (faster-whisper's ``detect_language`` encodes one at a time)."""
    if not audios:
        return []
    from faster_whisper.audio import pad_or_trim

    fe = model.feature_extractor
    feats = np.stack([pad_or_trim(fe(a[: fe.n_samples])[..., : fe.nb_max_frames]) for a in audios])
    out = []
    for result in model.model.detect_language(model.encode(feats)):
        token, prob = result[0]
        out.append(ChannelLanguage(token[2:-2], float(prob)))
    return out


class WhisperTranscriber:
    """The product's transcriber: faster-whisper, batched, words merged into speaker turns."""

    def __init__(self, settings: TranscriptionSettings | None = None):
        self.settings = settings or TranscriptionSettings()
        self.name = describe_model(self.settings.model)

    def model(self, name: str):
        return load_whisper_model(self.settings, name)

    def _detector_name(self) -> str:
        """Language detection needs a multilingual model: the configured one if it is, else base."""
        name = models.canonical(self.settings.model)
        return name if models.is_folder(name) and not models.is_english_only(name) else models.BASE

    def check_language(self) -> None:
        """Refuse before any work when an English-only model is asked for another language."""
        lang = self.settings.language
        name = models.canonical(self.settings.model)
        if lang in ("auto", "en") or name == models.AUTO:
            return
        if models.is_english_only(name) or not self.model(name).model.is_multilingual:
            raise ConfigurationError(
                f"the transcription model {describe_model(name)!r} only understands English, but the language is set "
                f"to {lang!r}. Set the transcription model to 'base' (embedded, multilingual) or 'auto', or to a "
                "local folder with a multilingual model (--model / COACH_MODEL), or set the language to 'en'"
            )

    def detect_languages(self, windows: SpeechWindows, n_channels: int) -> dict[int, ChannelLanguage]:
        if self.settings.language != "auto":
            return {ch: ChannelLanguage(self.settings.language, None) for ch in range(n_channels)}
        detector = self.model(self._detector_name())
        speech = {ch: windows.channel_speech(ch, WINDOW_S) for ch in range(n_channels)}
        chans = [ch for ch, a in speech.items() if a.shape[0] >= _MIN_DETECT_S * WHISPER_RATE]
        found = dict(zip(chans, _detect_batch(detector, [speech[ch] for ch in chans])))
        if not found:  # too little speech anywhere: detect on what there is
            found[0] = _detect_batch(detector, [windows.audio[: WINDOW_S * WHISPER_RATE]])[0]
        best = max(found.values(), key=lambda c: c.probability or 0)
        return {ch: found.get(ch, best) for ch in range(n_channels)}

    def _plan(self, langs: dict[int, ChannelLanguage], speakers: tuple[str, ...]
              ) -> tuple[dict[tuple[str, str], set[int]], str | None]:
        """The channels grouped by (language, model) to decode, and why any channel is not
        decoded: an English-only model never gets speech detected as another language (that
        would be invented English)."""
        plan: dict[tuple[str, str], set[int]] = {}
        refused: dict[str, list[str]] = {}  # language name -> detector probabilities
        model = None
        for ch in range(len(speakers)):
            lang = langs[ch].language
            name = models.model_for_language(self.settings.model, lang)
            if lang != "en" and models.is_english_only(name):
                refused.setdefault(language_name(lang), []).append(f"{langs[ch].probability or 0:.0%}")
                model, who = name, speakers[ch]
                continue
            plan.setdefault((lang, name), set()).add(ch)
        if not refused:
            return plan, None
        where = "the recording" if not plan else f"the {who} channel"
        heard = " / ".join(f"{lang} ({', '.join(p)})" for lang, p in refused.items())
        return plan, (f"{where} is in {heard}, but the model {describe_model(model)} only understands English: "
                      "transcribe it again with 'base' or 'auto'")

    @staticmethod
    def _split_by_voice(audio, words: list[Word], notes: list[str]) -> dict[str, list[Word]]:
        """Mono: tell agent and customer apart by their voices (``speakers``); one voice only
        (or two that do not separate) stays ``unknown``."""
        from coach_app.transcription.speakers import MIN_SEPARATION, agent_voice, diarize

        d = diarize(audio)
        if d.separation < MIN_SEPARATION:
            notes.append("mono recording: only one voice was heard, so speakers are not separated (speaker unknown)")
            return {UNKNOWN: words}
        by: dict[int, list[Word]] = {0: [], 1: []}
        for w in words:  # Whisper's word starts drift into the pause before them; ends hold
            by[d.speaker_at(max(w.start_ms, w.end_ms - 80))].append(w)
        if not by[0] or not by[1]:
            return {UNKNOWN: words}
        first = d.first_voice()  # from the audio: an opening Whisper missed still counts
        agent = agent_voice(first, {k: "".join(w.text for w in v) for k, v in by.items()})
        notes[:] = [n for n in notes if not n.startswith("mono recording")]
        notes.append("mono recording: agent and customer were told apart by their voices (estimated); "
                     "if they are the wrong way round, swap them in the review")
        return {AGENT: by[agent], CUSTOMER: by[1 - agent]}

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
        map_text = str(ChannelMap(speakers)) if speakers != (UNKNOWN,) else ChannelMap.MONO
        mono_audio = channels[0] if speakers == (UNKNOWN,) and self.settings.diarize else None

        windows = SpeechWindows.build(channels, vad=self.settings.vad)
        del channels
        if not windows.clips:  # silence only: nothing to decode
            return TranscriptionResult([], None, duration_ms, 0, self.name, map_text, notes)

        langs = self.detect_languages(windows, len(speakers))
        main_ch = speakers.index(AGENT) if AGENT in speakers else 0
        main = langs[main_ch]
        if len(speakers) == 2:
            a, b = langs[0], langs[1]
            if a.language != b.language and min(a.probability or 1, b.probability or 1) >= LANGUAGE_SURE:
                notes.append(f"the channels' languages differ: {speakers[0]} {language_name(a.language)} "
                             f"({a.probability:.0%}), {speakers[1]} {language_name(b.language)} ({b.probability:.0%}); "
                             "each was transcribed in its own language")

        plan, refusal = self._plan(langs, speakers)
        review = [refusal] if refusal else []

        total_s = sum(c["end"] - c["start"] for key in plan for c in windows.clips_of(plan[key]))
        done_s = 0.0
        if progress:
            progress(0.0, total_s)
        words: dict[str, list[Word]] = {s: [] for s in speakers}
        passages: list[Passage] = []
        texts: dict[int, list[str]] = {ch: [] for ch in range(len(speakers))}
        used_models: list[str] = []
        opts = self.settings
        for (lang, name), chans in plan.items():
            clips = windows.clips_of(chans)
            model = self.model(name)
            if not model.model.is_multilingual and lang != "en":
                review.append(f"the model {describe_model(name)} only understands English, but the speech is "
                              f"{language_name(lang)}: transcribe it again with 'base' or 'auto'")
                continue
            used_models.append(describe_model(name))
            segments, _ = BatchedInferencePipeline(model).transcribe(
                windows.audio, language=lang if model.model.is_multilingual else None, beam_size=opts.beam_size,
                batch_size=opts.batch_size, clip_timestamps=clips, word_timestamps=True,
            )
            for seg in segments:  # the generator runs the model batch by batch
                if cancel is not None and cancel.is_set():
                    raise TranscriptionCancelled()
                seg_ch = None
                for w in seg.words or ():
                    ch, start, end = windows.to_original((w.start + w.end) / 2, w.start, w.end)
                    words[speakers[ch]].append(Word(start, end, w.word, w.probability))
                    seg_ch = ch
                if seg_ch is not None:
                    passages.append(Passage(seg_ch, len(seg.words), seg.avg_logprob, seg.compression_ratio,
                                            seg.no_speech_prob))
                    texts[seg_ch].append(seg.text)
                if progress:
                    progress(min(done_s + seg.end - clips[0]["start"], total_s), total_s)
            done_s += sum(c["end"] - c["start"] for c in clips)
        if cancel is not None and cancel.is_set():
            raise TranscriptionCancelled()
        if progress:
            progress(total_s, total_s)
        names = {ch: ("recording" if sp == UNKNOWN else sp) for ch, sp in enumerate(speakers)}
        review += channel_problems(passages, {ch: " ".join(t) for ch, t in texts.items()}, names)
        if mono_audio is not None and words.get(UNKNOWN):
            words = self._split_by_voice(mono_audio, words[UNKNOWN], notes)
        return TranscriptionResult(
            segments=merge_words_into_turns(words),
            language=main.language,
            duration_ms=duration_ms,
            speech_ms=int(round(windows.speech_s * 1000)),
            model_name=" + ".join(dict.fromkeys(used_models)) or self.name,
            channel_map=map_text,
            notes=notes,
            language_probability=main.probability,
            review_reasons=review,
        )
