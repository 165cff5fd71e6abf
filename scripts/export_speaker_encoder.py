#!/usr/bin/env python3
"""Export Resemblyzer's speaker encoder (Apache-2.0, the 17 MB ``pretrained.pt`` inside its PyPI
wheel) once to ONNX, so the app runs it on onnxruntime (which faster-whisper already brings)
without PyTorch. Also writes the mel filterbank its front end uses (librosa's, 40 bands), so
the app computes the same features in numpy, and checks both against Resemblyzer itself.

Needs PyTorch, resemblyzer and onnx — not the app's dependencies; use a throwaway venv:

  python3 -m venv /tmp/rz && /tmp/rz/bin/pip install torch==2.13.0 resemblyzer onnx "setuptools<70"
  /tmp/rz/bin/python scripts/export_speaker_encoder.py

Writes coach_app/transcription/speaker_model/{voice_encoder.onnx, mel_basis.npy, LICENSE}.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "coach_app" / "transcription" / "speaker_model"


def main() -> int:
    import librosa
    import torch
    from resemblyzer import VoiceEncoder, audio, hparams

    sys.path.insert(0, str(ROOT))
    enc = VoiceEncoder("cpu", verbose=False).eval()
    OUT.mkdir(parents=True, exist_ok=True)
    dummy = torch.zeros(2, hparams.partials_n_frames, hparams.mel_n_channels)
    torch.onnx.export(enc, (dummy,), str(OUT / "voice_encoder.onnx"), input_names=["mels"], output_names=["embeds"],
                      dynamic_axes={"mels": {0: "batch"}, "embeds": {0: "batch"}}, opset_version=17, dynamo=False)
    n_fft = int(hparams.sampling_rate * hparams.mel_window_length / 1000)
    basis = librosa.filters.mel(sr=hparams.sampling_rate, n_fft=n_fft, n_mels=hparams.mel_n_channels).astype(np.float32)
    np.save(OUT / "mel_basis.npy", basis)
    lic = Path(__import__("resemblyzer").__file__).resolve().parent.parent / "Resemblyzer-0.1.4.dist-info" / "LICENSE"
    shutil.copyfile(lic, OUT / "LICENSE")

    # the same numbers as Resemblyzer, through our front end and onnxruntime
    from coach_app.transcription.speakers import SpeakerEncoder

    rng = np.random.default_rng(0)
    wav = (rng.standard_normal(16000 * 3) * 0.05).astype(np.float32)
    ours_mel = SpeakerEncoder().mel(wav)
    theirs_mel = audio.wav_to_mel_spectrogram(wav)
    assert ours_mel.shape == theirs_mel.shape, (ours_mel.shape, theirs_mel.shape)
    mel_err = float(np.abs(ours_mel - theirs_mel).max() / np.abs(theirs_mel).max())
    mels = theirs_mel[None, : hparams.partials_n_frames]
    with torch.no_grad():
        want = enc(torch.from_numpy(mels)).numpy()
    got = SpeakerEncoder().embed_mels(mels)
    emb_err = float(np.abs(got - want).max())
    print(f"wrote {OUT}: onnx {(OUT / 'voice_encoder.onnx').stat().st_size / 1e6:.1f} MB; "
          f"mel relative error {mel_err:.2e}, embedding max error {emb_err:.2e}")
    assert mel_err < 1e-4 and emb_err < 1e-4
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
