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
    print("wrote", ", ".join(sorted(wanted)) if wanted else "every screenshot", "in", OUT)


if __name__ == "__main__":
    main()
