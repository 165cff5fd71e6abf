"""Helpers shared by the benchmark scripts (not part of the product)."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
HARPER = SHARED / "data" / "harper_valley_bank_12calls"
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def normalise(text: str) -> str:
    text = re.sub(r"[\[<][^\]>]*[\]>]", " ", text.lower())  # [noise], <unk> in human transcripts
    text = re.sub(r"[^\w' ]+", " ", text)
    return " ".join(text.split())


def wer(ref: str, hyp: str) -> float:
    import jiwer

    ref, hyp = normalise(ref), normalise(hyp)
    return jiwer.wer(ref, hyp) if ref else float(bool(hyp))


def harper_call(sid: str, out_dir: Path) -> tuple[Path, dict[str, str]]:
    """Mix a Harper Valley call to stereo with sox (agent left, caller right) and return it
    with the human reference text per speaker."""
    out = out_dir / f"hvb-{sid}.wav"
    if not out.exists():
        subprocess.run(["sox", "-M", str(HARPER / "audio" / "agent" / f"{sid}.wav"),
                        str(HARPER / "audio" / "caller" / f"{sid}.wav"), str(out)], check=True)
    turns = json.loads((HARPER / "transcript" / f"{sid}.json").read_text())
    turns.sort(key=lambda t: t["start_ms"])
    ref = {"agent": " ".join(t["human_transcript"] for t in turns if t["speaker_role"] == "agent"),
           "customer": " ".join(t["human_transcript"] for t in turns if t["speaker_role"] == "caller")}
    return out, ref


def harper_sids() -> list[str]:
    return [c["sid"] for c in json.loads((HARPER / "manifest.json").read_text())["calls"]]


def corpus_rows():
    """The training corpus featurised for the heads, with the embedding cache it was read through
    (.cache/embeddings.npz, saved after: a second bench embeds nothing new)."""
    from coach_app.core.semantic import training
    from coach_app.core.semantic.corpus import load_corpus
    from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache, NpzStore

    store = NpzStore(ROOT / ".cache" / "embeddings.npz")
    cache = EmbeddingCache(E5Embedder(), store)
    rows = training.featurize(load_corpus(ROOT / "training" / "corpus"), cache)
    store.save()
    return rows, cache
