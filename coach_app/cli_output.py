"""What the CLI prints about interactions, transcripts and scores (shared by its subcommand modules)."""

from __future__ import annotations

import argparse
import sys

#: the largest id a database row can have: the id columns are INTEGER, 32 bits on PostgreSQL
MAX_ID = 2**31 - 1


def interaction_id(text: str) -> int:
    """argparse type for an id: a clear line instead of an overflow deep in the database."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text} is not an id (ids run from 1 to {MAX_ID})")
    return value


def interaction_json(inter) -> dict:
    return {
        "id": inter.id,
        "sha256": inter.sha256,
        "original_name": inter.original_name,
        "kind": inter.kind,
        "channel_type": inter.channel_type,
        "duration_s": None if inter.duration_ms is None else round(inter.duration_ms / 1000, 3),
        "channels": inter.channels,
        "sample_rate": inter.sample_rate,
        "channel_map": inter.channel_map,
        "language": inter.language,
        "language_probability": None if inter.language_probability is None else round(inter.language_probability, 3),
        "transcription_model": inter.transcription_model,
        "status": inter.status,
        "status_detail": inter.status_detail,
        "occurred_at": inter.occurred_at.isoformat() if inter.occurred_at else None,
    }


def segments_json(segments) -> list[dict]:
    return [
        {"speaker": s.speaker, "start": round(s.start_ms / 1000, 3), "end": round(s.end_ms / 1000, 3), "text": s.text}
        for s in segments
    ]


def _progress_printer(label: str):
    if not sys.stderr.isatty():
        return None
    def progress(done: float, total: float) -> None:
        pct = 100.0 * done / total if total else 100.0
        print(f"\r{label}: {pct:5.1f}%", end="", file=sys.stderr, flush=True)
    return progress


def _print_transcript(inter, segments, agent_name: str | None) -> None:
    from coach_app.core.transcript import format_clock

    print(f"#{inter.id} {inter.original_name}  [{inter.status}]  agent: {agent_name or '-'}  "
          f"duration: {format_clock(inter.duration_ms or 0)}  language: {inter.language or '-'}"
          + (f" ({inter.language_probability:.0%} sure)" if inter.language_probability is not None else "")
          + (f"  model: {inter.transcription_model}" if inter.transcription_model else ""))
    if inter.status_detail:
        print(f"  note: {inter.status_detail}")
    for s in segments:
        print(f"  [{format_clock(s.start_ms)}-{format_clock(s.end_ms)}] {s.speaker:>8}: {s.text}")


def _score_stored(ctx, interaction_id: int, rubric_ref: str | None) -> dict:
    from coach_app.core.scoring import result_json
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.rubrics import resolve_rubric

    version, rubric = resolve_rubric(ctx.engine, rubric_ref)
    evaluation, result = score_interaction(ctx.engine, interaction_id, version, rubric, ctx.settings.hold_limit_s)
    return {**result_json(result), "evaluation_id": evaluation.id}


def _print_scores(scored: dict, indent: str = "") -> None:
    r = scored["rubric"]
    verdict = {True: "PASSED", False: "FAILED", None: "-"}[scored["passed"]]
    print(f"{indent}{r['id']} v{r['version']} ({r['language']}): total {scored['total']}  {verdict}")
    marks = {"met": "✓", "not_met": "✗", "na": "–", None: "?"}
    for c in scored["criteria"]:
        status = c["status"] or "not scored"
        print(f"{indent}  {marks[c['status']]} {c['title'][:34]:34} {status:10} {c['rationale']}")
