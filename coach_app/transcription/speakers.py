"""Who spoke when on a mono recording: speaker embeddings per stretch of speech, clustered in two.

The embeddings come from Resemblyzer's speaker encoder (Apache-2.0), exported once to ONNX by
``scripts/export_speaker_encoder.py`` and run on onnxruntime; its front end (a 40-band mel power
spectrogram, librosa's filterbank) is reproduced here in numpy. Windows of 1.6 s (what the
encoder was trained on) slide over the speech the voice-activity detector found; their
embeddings are clustered into two speakers by spectral clustering (cosine affinity, each row
pruned to its nearest neighbours, the two leading eigenvectors of the normalised affinity, then
k-means), and every 10-ms frame of speech takes the majority label of the windows over it.

Which speaker is the agent is a guess from the opening (who speaks first, who greets, names a
company or offers help); the app marks the result as estimated and lets the lead swap them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent / "speaker_model"
RATE = 16000
HOP = 160           # 10 ms frames
N_FFT = 400         # 25 ms window
WINDOW_FRAMES = 160  # 1.6 s: the encoder's training length
STEP_FRAMES = 40     # a window every 0.4 s
#: of each window's affinities, keep this share of the largest (the rest are noise)
PRUNE_SHARE = 0.25
#: below this distance between the two voices' centres (1 - cosine) they are one voice. Set low on
#: purpose: a contact-centre call has two voices, and no higher threshold separated one speaker
#: in two conditions (tests/data/jfk.flac: 0.30) from two real callers (Harper Valley: 0.14-0.47)
MIN_SEPARATION = 0.05
SMOOTH_FRAMES = 51
#: padding around detected speech; Whisper wants 400 ms of context, who-spoke-when does not
SPEECH_PAD_MS = 200   # majority over ~0.5 s removes one-frame flickers
_BATCH = 64

_session_lock = threading.Lock()
_session = None


def _onnx_session():
    global _session
    with _session_lock:
        if _session is None:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.log_severity_level = 3
            _session = ort.InferenceSession(str(MODEL_DIR / "voice_encoder.onnx"), opts,
                                            providers=["CPUExecutionProvider"])
        return _session


class SpeakerEncoder:
    """Resemblyzer's encoder: 1.6-s mel windows in, L2-normalised 256-d voice embeddings out."""

    def __init__(self):
        self.basis = np.load(MODEL_DIR / "mel_basis.npy")  # (40, 201)
        n = np.arange(N_FFT)
        self.window = (0.5 - 0.5 * np.cos(2 * np.pi * n / N_FFT)).astype(np.float32)  # periodic Hann

    def mel(self, wav: np.ndarray) -> np.ndarray:
        """(frames, 40) mel power spectrogram, as librosa.feature.melspectrogram computes it
        (centred frames, zero padding), in chunks so a long call never needs it all at once."""
        y = np.pad(wav.astype(np.float32), N_FFT // 2)
        n_frames = 1 + (len(y) - N_FFT) // HOP
        out = np.empty((n_frames, self.basis.shape[0]), np.float32)
        chunk = 6000
        for a in range(0, n_frames, chunk):
            b = min(n_frames, a + chunk)
            idx = np.arange(N_FFT)[None, :] + HOP * np.arange(a, b)[:, None]
            spec = np.abs(np.fft.rfft(y[idx] * self.window, n=N_FFT)) ** 2
            out[a:b] = spec.astype(np.float32) @ self.basis.T
        return out

    def embed_mels(self, mels: np.ndarray) -> np.ndarray:
        """(n, 160, 40) → (n, 256)."""
        sess = _onnx_session()
        parts = [sess.run(None, {"mels": mels[i:i + _BATCH].astype(np.float32)})[0] for i in range(0, len(mels), _BATCH)]
        return np.vstack(parts) if parts else np.zeros((0, 256), np.float32)


@dataclass
class Diarization:
    #: per 10-ms frame: 0 or 1 (the two voices), -1 where nobody speaks
    frames: np.ndarray
    #: how cleanly the two voices separate (mean cosine distance between the cluster centres)
    separation: float

    def first_voice(self) -> int:
        """The voice heard first (at least 0.5 s of it: a cough does not open a call)."""
        labelled = self.frames[self.frames >= 0]
        for k in range(len(labelled) - 49):
            run = labelled[k:k + 50]
            if (run == run[0]).all():
                return int(run[0])
        return int(labelled[0]) if len(labelled) else 0

    def speaker_at(self, t_ms: int) -> int:
        i = min(max(t_ms // 10, 0), len(self.frames) - 1)
        if self.frames[i] >= 0:
            return int(self.frames[i])
        # a word in a pause: the nearest labelled frame
        labelled = np.nonzero(self.frames >= 0)[0]
        if not len(labelled):
            return 0
        return int(self.frames[labelled[np.abs(labelled - i).argmin()]])


def _speech_frames(audio: np.ndarray, n_frames: int) -> np.ndarray:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    speech = np.zeros(n_frames, bool)
    for sp in get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=160, speech_pad_ms=SPEECH_PAD_MS)):
        speech[sp["start"] // HOP: sp["end"] // HOP + 1] = True
    return speech


def _window_starts(speech: np.ndarray) -> list[int]:
    """Window start frames covering every stretch of speech (a short stretch gets one window
    centred on it)."""
    starts: list[int] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], speech.astype(np.int8), [0]])))
    n = len(speech)
    for a, b in zip(edges[::2], edges[1::2]):
        if b - a <= WINDOW_FRAMES:
            starts.append(int(min(max((a + b) // 2 - WINDOW_FRAMES // 2, 0), max(n - WINDOW_FRAMES, 0))))
        else:
            starts.extend(range(a, b - WINDOW_FRAMES + 1, STEP_FRAMES))
            if (b - WINDOW_FRAMES - a) % STEP_FRAMES:
                starts.append(b - WINDOW_FRAMES)
    return starts


def spectral_two(emb: np.ndarray, seed: int = 0) -> np.ndarray:
    """Labels 0/1 for L2-normalised embeddings: pruned cosine affinity, normalised, the two
    leading eigenvectors, k-means."""
    n = len(emb)
    if n < 4:
        return np.zeros(n, np.int64)
    A = np.clip(emb @ emb.T, 0, None)
    keep = max(2, int(n * PRUNE_SHARE))
    thresh = np.partition(A, n - keep, axis=1)[:, n - keep][:, None]
    A = np.where(A >= thresh, A, 0.0)
    A = (A + A.T) / 2
    d = A.sum(axis=1)
    d[d == 0] = 1
    L = A / np.sqrt(d)[:, None] / np.sqrt(d)[None, :]
    _, vecs = np.linalg.eigh(L)
    V = vecs[:, -2:]
    V = V / np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-9)
    # k-means, k=2, started from the two points farthest apart
    i0 = 0
    i1 = int(np.argmax(((V - V[i0]) ** 2).sum(1)))
    i0 = int(np.argmax(((V - V[i1]) ** 2).sum(1)))
    centres = V[[i0, i1]].copy()
    labels = np.zeros(n, np.int64)
    for _ in range(50):
        new = ((V[:, None, :] - centres[None]) ** 2).sum(-1).argmin(1)
        if (new == labels).all() and _:
            break
        labels = new
        for k in (0, 1):
            if (labels == k).any():
                centres[k] = V[labels == k].mean(0)
    return labels


def diarize(audio: np.ndarray, encoder: SpeakerEncoder | None = None) -> Diarization:
    """Two speakers on a 16-kHz mono recording."""
    encoder = encoder or SpeakerEncoder()
    mel = encoder.mel(audio)
    n = len(mel)
    speech = _speech_frames(audio, n)
    starts = _window_starts(speech)
    frames = np.full(n, -1, np.int64)
    if not starts:
        return Diarization(frames, 0.0)
    if n < WINDOW_FRAMES:
        mel = np.pad(mel, ((0, WINDOW_FRAMES - n), (0, 0)))
    windows = np.stack([mel[s:s + WINDOW_FRAMES] for s in starts])
    emb = encoder.embed_mels(windows)
    labels = spectral_two(emb)
    votes = np.zeros((max(n, WINDOW_FRAMES), 2), np.float32)
    for s, lab in zip(starts, labels):
        votes[s:s + WINDOW_FRAMES, lab] += 1
    votes = votes[:n]
    # smooth the votes over ~0.5 s before taking the majority
    kernel = np.ones(SMOOTH_FRAMES, np.float32)
    sm = np.stack([np.convolve(votes[:, k], kernel, mode="same") for k in (0, 1)], axis=1)
    frames = np.where(speech, sm.argmax(1), -1)
    sep = 0.0
    if (labels == 0).any() and (labels == 1).any():
        c0, c1 = emb[labels == 0].mean(0), emb[labels == 1].mean(0)
        sep = float(1 - c0 @ c1 / (np.linalg.norm(c0) * np.linalg.norm(c1)))
    return Diarization(frames, sep)


# Openings an agent says and a caller rarely does (any language the product covers). Used only
# to decide which of the two voices is the agent.
_AGENT_OPENING = re.compile(
    r"\b(how (can|may) i help|(can|may) i help you|what can i do for you|anything else i can (help|do)|"
    r"thank(s| you) for (calling|contacting|holding|waiting)|this is \w+ (speaking|from)|"
    r"you're (through|speaking) to|\w+ speaking\b|"
    r"miten voin auttaa|kuinka voin auttaa|voinko auttaa|mitä voin tehdä|kiitos (soitosta|yhteydenotosta|odottamisesta)|"
    r"puhelimessa|asiakaspalvelu|täällä puhuu)", re.IGNORECASE)
# not "my name is": callers give their names as often as agents do


def agent_voice(first_speaker: int, texts: dict[int, str]) -> int:
    """Which voice (0/1) is the agent: agent-side openings count twice, speaking first once."""
    score = {k: 2 * len(_AGENT_OPENING.findall(" ".join(texts.get(k, "").split()[:80]))) for k in (0, 1)}
    score[first_speaker] += 1
    return 0 if score[0] >= score[1] else 1
