#!/usr/bin/env python3
"""Export speed: the call coaching PDF for one evaluation, and a batch of them.

Scores a labelled conversation into a throw-away workspace, then times building the report
(data from the database + reportlab rendering + atomic write), once warm and for a batch.

  .venv/bin/python bench/export.py [--batch 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, SHARED

from coach_app.config import Workspace
from coach_app.db.engine import open_database
from coach_app.export.files import write_atomically
from coach_app.export.pdf import build_call_report
from coach_app.services.evaluations import score_interaction
from coach_app.services.importer import import_file
from coach_app.services.reports import call_report_data
from coach_app.services.rubrics import resolve_rubric


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=1000)
    a = ap.parse_args()
    src = SHARED / "eval" / "dev-en-005.json"
    if not src.exists():
        src = ROOT / "tests" / "data" / "scoring" / "own-en-001.json"
    tmp = Path(tempfile.mkdtemp(prefix="coach-export-"))
    ws = Workspace(tmp, f"sqlite:///{tmp / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    iid = import_file(ws, engine, src, agent="Bench Agent").interaction.id
    version, rubric = resolve_rubric(engine, None)
    score_interaction(engine, iid, version, rubric)

    def one(i: int) -> float:
        t0 = time.perf_counter()
        data = call_report_data(engine, iid)
        write_atomically(ws.exports_dir / f"report-{i}.pdf", lambda p: build_call_report(data, p))
        return (time.perf_counter() - t0) * 1000

    one(-1)  # fonts registered, modules warm
    singles = [one(-2 - i) for i in range(10)]
    print(f"call report ({src.name}, {len(call_report_data(engine, iid).segments)} turns): "
          f"median {statistics.median(singles):.0f} ms, min {min(singles):.0f} ms (target <= 300 ms)")
    t0 = time.perf_counter()
    for i in range(a.batch):
        one(i)
    wall = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in ws.exports_dir.glob("report-*.pdf")) / max(1, a.batch + 11)
    print(f"batch of {a.batch}: {wall:.1f} s ({wall / a.batch * 1000:.0f} ms per report, ~{size / 1024:.0f} KB each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
