"""``coach demo``: import the bundled demo calls, transcribe them and print a summary."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from coach_app.core.metrics import talk_summary
from coach_app.core.transcript import format_clock
from coach_app.errors import CoachError
from coach_app.services.importer import AUDIO_SUFFIXES, import_file
from coach_app.services.queries import interaction_with_transcript
from coach_app.services.transcripts import transcribe_interaction

DEMO_AGENTS = {"demo-broadband": "Kelly Demo", "demo-hold": "Mikko Demo", "demo-talkover": "Sam Demo",
               "demo-fi-sahko": "Sanna Demo"}


def run_demo(ctx, folder: Path, print_fn: Callable[[str], None] = print) -> int:
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in AUDIO_SUFFIXES)
    if not files:
        raise CoachError(f"{folder}: no demo recordings found")
    transcriber = None
    print_fn(f"Workspace: {ctx.ws.root}   database: {ctx.engine.url.render_as_string(hide_password=True)}\n")
    for path in files:
        res = import_file(ctx.ws, ctx.engine, path, agent=DEMO_AGENTS.get(path.stem, "Demo Agent"))
        inter = res.interaction
        took = ""
        if inter.status not in ("transcribed", "needs_review"):
            transcriber = transcriber or ctx.transcriber()
            t0 = time.perf_counter()
            transcribe_interaction(ctx.ws, ctx.engine, inter.id, transcriber)
            wall = time.perf_counter() - t0
            took = f", transcribed in {wall:.1f} s ({(inter.duration_ms or 0) / 1000 / wall:.0f}x real time)"
        inter, agent, segments = interaction_with_transcript(ctx.engine, inter.id)
        s = talk_summary(segments, hold_limit_ms=int(ctx.settings.hold_limit_s * 1000))
        lang = f", {inter.language}" + (f" ({inter.language_probability:.0%})" if inter.language_probability else "")
        print_fn(f"#{inter.id} {path.name} — agent {agent}, {format_clock(inter.duration_ms or 0)}{lang if inter.language else ''}, "
                 f"{inter.status}{took}")
        print_fn(f"   {len(segments)} turns; agent talk {s.agent_talk_ratio:.0%}; "
                 f"longest silence {s.longest_silence_ms / 1000:.1f} s; talk-over events {s.talk_over_count}")
        if inter.status == "needs_review":
            print_fn(f"   not scored: {inter.status_detail}")
        elif segments:
            from coach_app.services.evaluations import score_interaction
            from coach_app.services.rubrics import resolve_rubric

            version, rubric = resolve_rubric(ctx.engine, None)
            _, result = score_interaction(ctx.engine, inter.id, version, rubric, ctx.settings.hold_limit_s)
            missed = [s.criterion.title.get(result.language, s.criterion.id) for s in result.scores if s.status == "not_met"]
            verdict = {True: "passed", False: "failed", None: "-"}[result.passed]
            print_fn(f"   score {result.total} ({verdict}); not met: {', '.join(missed) or 'none'}")
        for seg in segments[:4]:
            print_fn(f"   [{format_clock(seg.start_ms)}] {seg.speaker:>8}: {seg.text}")
        if len(segments) > 4:
            print_fn(f"   … {len(segments) - 4} more turns (coach show {inter.id})")
        print_fn("")
    return 0
