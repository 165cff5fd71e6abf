#!/usr/bin/env python3
"""Screenshots of the desktop app with the demo data, for docs/screenshots/ and the README.

Builds a throw-away workspace (the demo calls, transcribed by the embedded model, and a few
of our own labelled chats), then grabs the library and the review views offscreen.

  QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
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
    version, rubric = resolve_rubric(ctx.engine, None)
    agents = {"demo-broadband": "Kelly Demo", "demo-hold": "Mikko Demo", "demo-talkover": "Sam Demo"}
    for wav in sorted((ROOT / "recordings" / "demo").glob("*.wav")):
        inter = import_file(ctx.ws, ctx.engine, wav, agent=agents[wav.stem]).interaction
        transcribe_interaction(ctx.ws, ctx.engine, inter.id, ctx.transcriber())
        score_interaction(ctx.engine, inter.id, version, rubric)
    for f in sorted((ROOT / "tests" / "data" / "scoring").glob("own-*.json")):
        inter = import_file(ctx.ws, ctx.engine, f, agent="Aino Ääkkönen" if "-fi-" in f.name else "Priya Shah").interaction
        score_interaction(ctx.engine, inter.id, version, rubric)
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow(ctx)
    window.resize(1280, 760)
    window.show()
    app.processEvents()
    window.grab().save(str(OUT / "app-library.png"))
    window.open_review(3)  # the talk-over call
    window.review.transcript.seek(9500)
    app.processEvents()
    window.grab().save(str(OUT / "app-review.png"))
    window.show_dashboard()
    window.dashboard.agent.setCurrentText("Priya Shah")
    app.processEvents()
    window.grab().save(str(OUT / "app-dashboard.png"))
    window.show_rubric_editor()
    editor = window.rubric_editor
    editor.criteria.setCurrentRow(1)
    editor.sample.setCurrentIndex(max(0, editor.sample.count() - 1))
    editor.try_it()
    app.processEvents()
    window.grab().save(str(OUT / "app-rubric-editor.png"))
    ctx.user_name, ctx.user_role = "Sam Demo", "agent"
    window.open_review(3)
    app.processEvents()
    window.grab().save(str(OUT / "app-self-assessment.png"))
    from coach_app.ui.app import install_translations

    install_translations(app, "fi")
    ctx.user_name, ctx.user_role = "Tiina Lead", "team_lead"
    finnish = MainWindow(ctx)
    finnish.resize(1280, 760)
    finnish.show()
    finnish.open_review(6)  # a Finnish call, in the Finnish UI
    app.processEvents()
    finnish.grab().save(str(OUT / "app-review-fi.png"))
    print("wrote", ", ".join(p.name for p in sorted(OUT.glob("app-*.png"))))


if __name__ == "__main__":
    main()
