#!/usr/bin/env python3
"""Import and transcribe the 12 Harper Valley bank calls through the product, report WER.

Each call's separate agent and caller 8 kHz files are mixed to stereo with sox (agent left),
imported into a throw-away workspace with ``coach import`` semantics and transcribed with the
default settings (embedded tiny.en). WER per speaker against the human transcripts.

  .venv/bin/python bench/harper_valley.py      (needs ../shared/data/harper_valley_bank_12calls)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from _common import HARPER, harper_call, harper_sids, wer


def main() -> int:
    if not HARPER.is_dir():
        print(f"{HARPER} not found", file=sys.stderr)
        return 1
    from coach_app.config import Workspace
    from coach_app.db.engine import open_database
    from coach_app.services.importer import import_file
    from coach_app.services.queries import interaction_with_transcript
    from coach_app.services.transcripts import transcribe_interaction
    from coach_app.transcription.whisper import WhisperTranscriber

    tmp = Path(tempfile.mkdtemp(prefix="coach-hvb-"))
    ws = Workspace(tmp / "ws", f"sqlite:///{tmp / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    transcriber = WhisperTranscriber()
    transcriber.model  # load once, outside the timings
    print(f"{'call':18}{'dur s':>7}{'x RT':>7}{'turns':>7}{'WER agent':>11}{'WER caller':>12}{'WER all':>9}")
    tot_err = tot_words = 0.0
    tot_dur = tot_wall = 0.0
    per_speaker = {"agent": [0.0, 0], "customer": [0.0, 0]}
    for sid in harper_sids():
        path, ref = harper_call(sid, tmp)
        inter = import_file(ws, engine, path, agent=f"HVB agent {sid[:4]}").interaction
        t0 = time.perf_counter()
        transcribe_interaction(ws, engine, inter.id, transcriber)
        wall = time.perf_counter() - t0
        inter, _, segs = interaction_with_transcript(engine, inter.id)
        hyp = {sp: " ".join(s.text for s in segs if s.speaker == sp) for sp in ("agent", "customer")}
        w = {sp: wer(ref[sp], hyp[sp]) for sp in hyp}
        all_ref, all_hyp = ref["agent"] + " " + ref["customer"], hyp["agent"] + " " + hyp["customer"]
        n = len(all_ref.split())
        w_all = wer(all_ref, all_hyp)
        tot_err += w_all * n
        tot_words += n
        for sp in per_speaker:
            k = len(ref[sp].split())
            per_speaker[sp][0] += w[sp] * k
            per_speaker[sp][1] += k
        dur = inter.duration_ms / 1000
        tot_dur += dur
        tot_wall += wall
        print(f"{sid:18}{dur:7.1f}{dur / wall:7.1f}{len(segs):7d}{w['agent']:11.1%}{w['customer']:12.1%}{w_all:9.1%}")
    print(f"{'all 12 calls':18}{tot_dur:7.0f}{tot_dur / tot_wall:7.1f}{'':7}"
          f"{per_speaker['agent'][0] / per_speaker['agent'][1]:11.1%}"
          f"{per_speaker['customer'][0] / per_speaker['customer'][1]:12.1%}{tot_err / tot_words:9.1%}"
          f"   ({int(tot_words)} reference words; word-weighted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
