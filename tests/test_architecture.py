"""Qt stays in coach_app/ui: the core, storage, transcription, export and CLI never import it."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ["coach_app/core", "coach_app/db", "coach_app/transcription", "coach_app/export",
           "coach_app/services", "coach_app/cli.py", "coach_app/config.py", "coach_app/errors.py"]


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_qt_import_outside_ui():
    offenders = []
    for entry in QT_FREE:
        p = ROOT / entry
        for f in ([p] if p.is_file() else p.rglob("*.py")):
            offenders += [f"{f.relative_to(ROOT)}: {m}" for m in _imports(f) if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    assert offenders == []


def test_cli_loads_neither_qt_nor_faster_whisper_for_listing(tmp_path):
    code = ("import sys; from coach_app.cli import main; main(['--workspace', sys.argv[1], 'list']);"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'faster_whisper', 'ctranslate2')];"
            "print('LOADED', bad)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "LOADED []" in out.stdout


def test_score_command_loads_neither_qt_nor_faster_whisper(tmp_path):
    chat = tmp_path / "c.txt"
    chat.write_text("Agent: Hello, Ash at Kettle, how can I help?\nCustomer: Thanks, all good.\n")
    code = ("import sys; from coach_app.cli import main; rc = main(['score', sys.argv[1], '--json']);"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'faster_whisper', 'ctranslate2', 'av')];"
            "print('LOADED', bad, rc)")
    out = subprocess.run([sys.executable, "-c", code, str(chat)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "LOADED [] 0" in out.stdout
