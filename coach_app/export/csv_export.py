"""CSV: one row per evaluation × criterion, plus an interaction-level summary file. UTF-8 with
BOM so Excel opens it right; ';' as the separator for Finnish (Excel's Finnish default)."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.db.models import CriterionResult, Evaluation, Interaction, Person, RubricVersion
from coach_app.db.models import Rubric as RubricRow

COLUMNS = ["evaluation_id", "interaction_id", "occurred_at", "agent", "channel", "evaluation_kind", "author",
           "submitted_at", "rubric", "rubric_version", "total", "passed", "criterion_id", "status", "score", "evidence_start_s",
           "evidence_quote", "rationale", "reviewer_comment", "overridden_from", "override_reason"]
SUMMARY_COLUMNS = ["evaluation_id", "interaction_id", "occurred_at", "agent", "channel", "evaluation_kind", "author",
                   "submitted_at", "rubric", "rubric_version", "total", "passed", "met", "not_met", "na"]


def export_rows(engine: Engine, date_from: datetime | None = None, date_to: datetime | None = None,
                viewer: str | None = None):
    """Every evaluation ``viewer`` may see (services.reviews.visible_to): never someone's
    unsubmitted self-assessment, nothing of the lead's view before the agent's own is done."""
    from coach_app.services.access import can_see, viewer_of
    from coach_app.services.reviews import visible_to

    with Session(engine) as session:
        me = viewer_of(session, viewer)
        q = (select(Evaluation, Interaction, RubricVersion, RubricRow)
             .join(Interaction, Evaluation.interaction_id == Interaction.id)
             .join(RubricVersion, Evaluation.rubric_version_id == RubricVersion.id)
             .join(RubricRow, RubricVersion.rubric_id == RubricRow.id).order_by(Evaluation.id))
        if date_from:
            q = q.where(Interaction.occurred_at >= date_from)
        if date_to:
            q = q.where(Interaction.occurred_at < date_to)
        people = {p.id: p.name for p in session.exec(select(Person)).all()}
        detail, summary = [], []
        everything = session.exec(q).all()
        shown: set[int] = set()
        by_call: dict[int, list] = {}
        for ev, inter, _, _ in everything:
            by_call.setdefault(inter.id, [inter, []])[1].append(ev)
        for inter, evs in by_call.values():
            if can_see(session, me, inter):
                shown.update(e.id for e in visible_to(session, inter, me, evs))
        for ev, inter, version, rub in everything:
            if ev.id not in shown:
                continue
            base = [ev.id, inter.id, inter.occurred_at.isoformat() if inter.occurred_at else "",
                    people.get(inter.agent_id, ""), inter.channel_type, ev.kind, people.get(ev.author_id, ""),
                    ev.submitted_at.isoformat() if ev.submitted_at else "", rub.slug, version.version, "" if ev.total is None else ev.total, "" if ev.passed is None else int(ev.passed)]
            results = session.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id)
                                   .order_by(CriterionResult.id)).all()
            counts = {"met": 0, "not_met": 0, "na": 0}
            for r in results:
                if r.status:
                    counts[r.status] += 1
                first = (r.evidence or [{}])[0]
                detail.append(base + [r.criterion_id, r.status or "", "" if r.score is None else r.score,
                                      "" if "start_ms" not in first else first["start_ms"] / 1000, first.get("quote", ""),
                                      r.rationale or "", r.reviewer_comment or "", r.overridden_from or "",
                                      r.override_reason or ""])
            summary.append(base + [counts["met"], counts["not_met"], counts["na"]])
        return detail, summary


def write_csv(path: Path, columns: list[str], rows: list[list], lang: str = "en", redactor=None) -> None:
    delimiter = ";" if lang == "fi" else ","
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(columns)
        for row in rows:
            w.writerow([redactor(v) if redactor and isinstance(v, str) else v for v in row])
