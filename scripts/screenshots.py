#!/usr/bin/env python3
"""Screenshots of the desktop app with the demo data, for docs/screenshots/ and the README.

Builds a throw-away workspace (the demo calls, transcribed by the embedded model, a few of our
own labelled chats, and copies of those chats dated over the past weeks, so the trends have
points), then grabs the views. Names on the command line write only those screenshots.

  QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [app-dashboard-team ...]
  xvfb-run -a env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py   # a real window
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
#: who handles the dated chats of the past weeks (the team trend's lines)
HISTORY_AGENTS = ("Priya Shah", "Aino Ääkkönen", "Kelly Demo", "Sam Demo")


def _history(ctx, tmp: Path, version, rubric, weeks: int = 6) -> None:
    """Copies of the labelled chats, a few a week for each agent over the past ``weeks`` weeks
    (each a little different, so each is its own interaction), imported after the demo calls so
    the ids the shots below open stay the same."""
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file

    chats = sorted((ROOT / "tests" / "data" / "scoring").glob("own-*.json"))
    monday = datetime.now(timezone.utc).replace(hour=9, minute=0, second=0, microsecond=0)
    monday -= timedelta(days=monday.weekday(), weeks=weeks - 1)
    n = 0
    for week in range(weeks):
        for a, agent in enumerate(HISTORY_AGENTS):
            for _ in range(1 + (week + a) % 2):
                n += 1
                data = json.loads(chats[(n + a) % len(chats)].read_text("utf-8"))
                data["segments"][-1]["text"] += f" ({n})"
                if (7 * n + week) % 4 == 0:  # now and then a weaker call: the lines move
                    data["segments"] = data["segments"][: max(2, len(data["segments"]) // 2)]
                f = tmp / f"history-{n}.json"
                f.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
                when = min(monday + timedelta(weeks=week, days=n % 5, hours=n % 7), datetime.now(timezone.utc))
                inter = import_file(ctx.ws, ctx.engine, f, agent=agent, occurred_at=when).interaction
                score_interaction(ctx.engine, inter.id, version, rubric)


def _calibration(ctx, calls: list[int]) -> None:
    """A calibration session on ``calls``: three reviewers score them blind (starting from what
    the automatic scoring found, each seeing a few things differently); the lead, who runs it,
    has recorded the agreed verdict of one difference."""
    from sqlmodel import Session, select

    from coach_app.db.models import CriterionResult, Evaluation
    from coach_app.services.calibration import calibration_report, record_verdict, start_calibration
    from coach_app.services.people import get_or_create_person
    from coach_app.services.reviews import Change, review
    from coach_app.services.rubrics import resolve_rubric

    with Session(ctx.engine) as session:
        get_or_create_person(session, "Tara Trainer", "trainer")
        get_or_create_person(session, "Oskar Lead", "team_lead")
        session.commit()
    reviewers = ["Tiina Lead", "Tara Trainer", "Oskar Lead"]
    cs = start_calibration(ctx.engine, calls, reviewers, "Tiina Lead", "November calibration: billing calls")
    flip = {"met": "not_met", "not_met": "met", "na": "met", None: "not_met"}  # seeing it otherwise than the scoring
    differ = {"Tara Trainer": {calls[0]: {"empathy": "not_met"}, calls[1]: {"next_steps": flip}},
              "Oskar Lead": {calls[0]: {"empathy": "not_met", "hold_etiquette": "na"}, calls[2]: {"gratitude": flip}}}
    for iid in calls:
        with Session(ctx.engine) as session:
            auto = session.exec(select(Evaluation).where(Evaluation.interaction_id == iid, Evaluation.kind == "automatic")
                                .order_by(Evaluation.id.desc())).first()
            found = {r.criterion_id: r.status for r in session.exec(
                select(CriterionResult).where(CriterionResult.evaluation_id == auto.id)).all()}
        auto_ids = [c.id for c in resolve_rubric(ctx.engine, None)[1].criteria if c.scoring == "automatic"]
        for who in reviewers:
            mine = differ.get(who, {}).get(iid, {})
            review(ctx.engine, iid, who, "calibration",
                   [Change(c, status=_verdict(mine.get(c), found.get(c))) for c in auto_ids], submit=True,
                   session_id=cs.id)
    first = calibration_report(ctx.engine, cs.id)["differences"][0]
    record_verdict(ctx.engine, cs.id, first["interaction"], first["criterion"], "not_met", "Tiina Lead",
                   "No acknowledgement of the customer's frustration")


def _verdict(wanted, found: str | None) -> str:
    """A reviewer's verdict: ``wanted`` (a status, or a mapping from the automatic one), else the automatic one."""
    if isinstance(wanted, dict):
        return wanted[found]
    return wanted or found or "met"


def _settle(app, view) -> None:
    """Let a view's background reads (the calibration sessions, then the report) arrive."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (view.report.report is None or view.message.text() == view.tr("Loading…")):
        app.processEvents()
        time.sleep(0.05)
    app.processEvents()


def main() -> None:
    wanted = set(sys.argv[1:])

    def save(widget, name: str) -> None:
        if not wanted or name in wanted:
            widget.grab().save(str(OUT / f"{name}.png"))

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="coach-shots-"))
    os.environ["COACH_WORKSPACE"] = str(tmp)
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric
    from coach_app.services.transcripts import transcribe_interaction
    from coach_app.ui.app import build_context
    from coach_app.ui.main_window import MainWindow

    ctx = build_context(QThreadPool())
    ctx.user_name, ctx.user_role = "Tiina Lead", "team_lead"
    from sqlmodel import Session

    from coach_app.services.people import get_or_create_person

    with Session(ctx.engine) as session:  # the lead the shots are taken as is a person of the workspace
        get_or_create_person(session, ctx.user_name, "team_lead")
        session.commit()
    version, rubric = resolve_rubric(ctx.engine, None)
    agents = {"demo-broadband": "Kelly Demo", "demo-hold": "Mikko Demo", "demo-talkover": "Sam Demo"}
    for stem, agent in sorted(agents.items()):  # these three: the ids the shots open below
        wav = ROOT / "recordings" / "demo" / f"{stem}.wav"
        inter = import_file(ctx.ws, ctx.engine, wav, agent=agent).interaction
        transcribe_interaction(ctx.ws, ctx.engine, inter.id, ctx.transcriber())
        score_interaction(ctx.engine, inter.id, version, rubric)
    for f in sorted((ROOT / "tests" / "data" / "scoring").glob("own-*.json")):
        inter = import_file(ctx.ws, ctx.engine, f, agent="Aino Ääkkönen" if "-fi-" in f.name else "Priya Shah").interaction
        score_interaction(ctx.engine, inter.id, version, rubric)
    _history(ctx, tmp, version, rubric)
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow(ctx)
    window.resize(1280, 760)
    window.show()
    app.processEvents()
    save(window, "app-library")
    window.open_review(3)  # the talk-over call
    window.review.transcript.seek(9500)
    app.processEvents()
    save(window, "app-review")
    window.show_dashboard()
    window.dashboard.agent.setCurrentText("Priya Shah")
    app.processEvents()
    save(window, "app-dashboard")
    window.dashboard.tabs.setCurrentIndex(1)  # the team's trends
    app.processEvents()
    save(window, "app-dashboard-team")
    window.show_rubric_editor()
    editor = window.rubric_editor
    editor.criteria.setCurrentRow(1)
    editor.sample.setCurrentIndex(max(0, editor.sample.count() - 1))
    editor.try_it()
    app.processEvents()
    save(window, "app-rubric-editor")
    ctx.user_name, ctx.user_role = "Sam Demo", "agent"
    window.open_review(3)
    app.processEvents()
    save(window, "app-self-assessment")
    import screenshots_review  # disputes and the review queue (seeded here: the shots above are unchanged)

    screenshots_review.english(app, ctx, window, save)
    # seeded last, on calls no other shot opens (the lead, its owner, would see its reviews there)
    _calibration(ctx, [4, 5, 7])  # two English chats and a Finnish one
    ctx.user_name, ctx.user_role = "Tiina Lead", "team_lead"
    window.show_calibration()
    window.calibration.tabs.setCurrentWidget(window.calibration.report)
    _settle(app, window.calibration)
    save(window, "app-calibration")
    from coach_app.ui.app import install_translations

    install_translations(app, "fi")
    ctx.user_name, ctx.user_role = "Tiina Lead", "team_lead"
    finnish = MainWindow(ctx)
    finnish.resize(1280, 760)
    finnish.show()
    finnish.open_review(6)  # a Finnish call, in the Finnish UI
    app.processEvents()
    save(finnish, "app-review-fi")
    screenshots_review.finnish(app, finnish, save)
    finnish.show_dashboard()
    finnish.dashboard.tabs.setCurrentIndex(1)
    app.processEvents()
    save(finnish, "app-dashboard-team-fi")
    finnish.show_calibration()
    finnish.calibration.tabs.setCurrentWidget(finnish.calibration.report)
    _settle(app, finnish.calibration)
    save(finnish, "app-calibration-fi")
    print("wrote", ", ".join(sorted(wanted)) if wanted else "every screenshot", "in", OUT)


if __name__ == "__main__":
    main()
