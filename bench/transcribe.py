#!/usr/bin/env python3
"""Transcription speed, memory and accuracy: our pipeline vs raw faster-whisper, same run.

For one stereo call it runs, each in a fresh process (so peak RSS is each one's own):
  raw   — faster-whisper as its documentation shows it: ``BatchedInferencePipeline`` on each
          channel in turn (word timestamps on, same model, beam, batch size), words merged;
  ours  — ``WhisperTranscriber`` (shared batches over both channels' speech windows).
Prints wall time (model load excluded, audio decoding included), real-time factor, our/raw
ratio, peak RSS and WER against the reference. ``--long MIN`` also builds a call of that many
minutes (Harper Valley calls end to end) and reports the peak RSS of both on it.

  .venv/bin/python bench/transcribe.py                 # a Harper Valley call (needs ../shared)
  .venv/bin/python bench/transcribe.py --file X.wav --reference X.json
  .venv/bin/python bench/transcribe.py --long 30
  .venv/bin/python bench/transcribe.py --finnish      # Festival-voiced Finnish calls with base,
                                                      # language detection on every demo call
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import HARPER, ROOT, harper_call, harper_sids, peak_rss_mb, wer


def worker(kind: str, path: str, repeats: int, model_name: str = "tiny.en", language: str = "en") -> dict:
    from coach_app.config import TranscriptionSettings
    from coach_app.transcription.base import ChannelMap
    from coach_app.transcription.whisper import WhisperTranscriber, load_whisper_model

    settings = TranscriptionSettings(model=model_name, language=language)
    model = load_whisper_model(settings, "base" if model_name == "auto" else model_name)
    transcriber = WhisperTranscriber(settings)
    result = None
    times, texts = [], {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        if kind == "raw":
            from faster_whisper import BatchedInferencePipeline, decode_audio

            from coach_app.core.transcript import Word, merge_words_into_turns

            left, right = decode_audio(path, split_stereo=True)
            pipe = BatchedInferencePipeline(model)
            words = {}
            for speaker, audio in (("agent", left), ("customer", right)):
                segs, _ = pipe.transcribe(audio, beam_size=settings.beam_size, batch_size=settings.batch_size,
                                          word_timestamps=True, language=None if language == "auto" else language)
                words[speaker] = [Word(int(w.start * 1000), int(w.end * 1000), w.word) for s in segs for w in s.words]
            turns = merge_words_into_turns(words)
        else:
            result = transcriber.transcribe(Path(path), ChannelMap.parse(None))
            turns = result.segments
        times.append(time.perf_counter() - t0)
        texts = {sp: " ".join(t.text for t in turns if t.speaker == sp) for sp in ("agent", "customer")}
    return {"times": times, "rss_mb": peak_rss_mb(), "texts": texts,
            "language": result.language if result else None,
            "language_probability": result.language_probability if result else None,
            "review": result.review_reasons if result else [], "model": result.model_name if result else model_name}


def run_worker(kind: str, path: Path, repeats: int, model: str = "tiny.en", language: str = "en") -> dict:
    out = subprocess.run([sys.executable, __file__, "--worker", kind, str(path), "--repeats", str(repeats),
                          "--model", model, "--language", language], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cer(ref: str, hyp: str) -> float:
    import jiwer

    norm = jiwer.Compose([jiwer.ToLowerCase(), jiwer.RemovePunctuation(), jiwer.RemoveMultipleSpaces(), jiwer.Strip()])
    return jiwer.cer(norm(ref), norm(hyp))


def reference(path: Path) -> dict[str, str]:
    t = json.loads(path.read_text("utf-8"))
    return {sp: " ".join(s["text"] for s in t["segments"] if s["speaker"] == sp) for sp in ("agent", "customer")}


def finnish(repeats: int) -> None:
    """Finnish with base (default settings: language auto), then language detection on every
    demo call: the detected language of each file against the language its reference says."""
    demo, refs = ROOT / "recordings" / "demo", ROOT / "tests" / "data" / "demo_reference"
    print("\nFinnish calls (Festival voices), default settings (model auto, language auto), base int8, beam 5")
    print(f"{'call':22}{'dur s':>7}{'wall s':>8}{'x real time':>13}{'peak MB':>9}{'CER agent':>11}{'CER cust':>10}"
          f"{'WER agent':>11}{'WER cust':>10}  model")
    for path in sorted(demo.glob("demo-fi-*.wav")):
        ref = reference(refs / f"{path.stem}.json")
        r = run_worker("ours", path, repeats, "auto", "auto")
        t, dur = statistics.median(r["times"]), duration_s(path)
        cells = [f"{cer(ref[s], r['texts'][s]):10.1%}" for s in ("agent", "customer")] + \
                [f"{wer(ref[s], r['texts'][s]):10.1%}" for s in ("agent", "customer")]
        print(f"{path.stem:22}{dur:7.1f}{t:8.2f}{dur / t:13.1f}{r['rss_mb']:9.0f}{cells[0]:>11}{cells[1]:>10}"
              f"{cells[2]:>11}{cells[3]:>10}  {r['model']}")
        raw = run_worker("raw", path, repeats, "base", "fi")
        t_raw = statistics.median(raw["times"])
        print(f"{'  raw faster-whisper':22}{dur:7.1f}{t_raw:8.2f}{dur / t_raw:13.1f}{raw['rss_mb']:9.0f}"
              f"   ours/raw {t / t_raw:.2f} (ours includes language detection)")
    right, total = 0, 0
    print("\nlanguage detection (model auto, language auto)")
    for path in sorted(demo.glob("*.wav")):
        want = json.loads((refs / f"{path.stem}.json").read_text("utf-8"))["language"]
        r = run_worker("ours", path, 1, "auto", "auto")
        right += r["language"] == want
        total += 1
        print(f"  {path.stem:22} want {want}  got {r['language']} ({r['language_probability']:.0%})  "
              f"review: {'; '.join(r['review']) or '-'}")
    print(f"language detection: {right}/{total} right")


def duration_s(path: Path) -> float:
    import av

    with av.open(str(path)) as c:
        return c.duration / 1e6


def compare(path: Path, ref: dict[str, str] | None, repeats: int, label: str, model: str = "tiny.en",
            with_auto: bool = True) -> None:
    dur = duration_s(path)
    raw, ours = run_worker("raw", path, repeats, model), run_worker("ours", path, repeats, model)
    auto = run_worker("ours", path, repeats, "auto", "auto") if with_auto else ours
    t_raw, t_ours, t_auto = (statistics.median(x["times"]) for x in (raw, ours, auto))
    print(f"\n{label}: {path.name}, {dur:.1f} s stereo, {model} int8, beam 5, batch 4, median of {repeats}")
    print(f"{'':34}{'wall s':>8}{'x real time':>13}{'peak RSS MB':>13}{'WER agent':>11}{'WER cust':>10}")
    rows = [("raw faster-whisper (language en)", raw, t_raw), ("our pipeline (language en)", ours, t_ours)]
    if with_auto:
        rows.append(("our pipeline, defaults (auto)", auto, t_auto))
    for name, r, t in rows:
        w = [f"{wer(ref[s], r['texts'][s]):10.1%}" for s in ("agent", "customer")] if ref else ["-", "-"]
        print(f"{name:34}{t:8.2f}{dur / t:13.1f}{r['rss_mb']:13.0f}{w[0]:>11}{w[1]:>10}")
    print(f"ratio ours/raw wall time: {t_ours / t_raw:.3f} (same model and language; target <= 1.10)"
          + (f"; with language detection (defaults) {t_auto / t_raw:.3f}; detected {auto['language']} "
             f"({auto['language_probability'] or 0:.0%}), model {auto['model']}" if with_auto else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path)
    ap.add_argument("--reference", type=Path, help="transcript JSON with the reference text")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--long", type=float, metavar="MIN", help="also measure memory on a call this many minutes long")
    ap.add_argument("--finnish", action="store_true", help="Finnish calls and language detection")
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    ap.add_argument("--model", default="tiny.en", help=argparse.SUPPRESS)
    ap.add_argument("--language", default="en", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        print(json.dumps(worker(a.worker[0], a.worker[1], a.repeats, a.model, a.language)))
        return
    if a.finnish:
        finnish(a.repeats)
        return
    tmp = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    if a.file:
        ref = None
        if a.reference:
            from coach_app.core.formats import read_transcript_file

            t = read_transcript_file(a.reference)
            ref = {sp: " ".join(s.text for s in t.segments if s.speaker == sp) for sp in ("agent", "customer")}
        compare(a.file, ref, a.repeats, "file")
    elif HARPER.is_dir():
        path, ref = harper_call("3a20358e1bfc4a17", tmp)
        compare(path, ref, a.repeats, "Harper Valley call")
    else:
        compare(ROOT / "recordings" / "demo" / "demo-broadband.wav", None, a.repeats, "demo call")
    if a.long:
        parts = [harper_call(sid, tmp)[0] for sid in harper_sids()] if HARPER.is_dir() else \
            sorted((ROOT / "recordings" / "demo").glob("*.wav"))
        one_round = sum(duration_s(p) for p in parts)
        rounds = int(a.long * 60 // one_round) + 1
        long_path = tmp / f"long-{a.long:g}min.wav"
        subprocess.run(["sox", *map(str, parts * rounds), str(long_path), "trim", "0", str(a.long * 60)], check=True)
        compare(long_path, None, 1, f"{a.long:g}-minute call (memory)", a.model, with_auto=False)


if __name__ == "__main__":
    main()
