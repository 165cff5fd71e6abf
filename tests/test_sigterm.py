"""SIGTERM ends a CLI command like Ctrl+C: its cleanup runs, so an import or an export killed
midway leaves no .part file and no row behind; exit 143 and one line on stderr.

The command runs as a real subprocess through main(). To have it reliably mid-write when the
signal comes, the child is started through a few lines that slow one step down (the import's
hashing, the export's final rename) — in the child only; the product has no test hook."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT

#: run main() with one step made to wait (up to a minute) after saying so on stdout
SLOW_IMPORT = """
import hashlib, sys, time
import coach_app.services.importer as importer
class Slow:
    def __init__(self): self.h = hashlib.sha256()
    def update(self, b):
        self.h.update(b); print("copying", flush=True); time.sleep(60)
    def hexdigest(self): return self.h.hexdigest()
importer.hashlib = type("H", (), {"sha256": staticmethod(Slow)})
from coach_app.cli import main
sys.exit(main(sys.argv[1:]))
"""

SLOW_EXPORT = """
import os, sys, time
import coach_app.export.files as files
class SlowOs:
    def __getattr__(self, name): return getattr(os, name)
    def replace(self, a, b): print("renaming", flush=True); time.sleep(60); os.replace(a, b)
files.os = SlowOs()
from coach_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _interruptible() -> None:
    # a shell's background job (`make test &`) starts with SIGINT ignored, and Python then keeps
    # it ignored; the child is given the default a user's terminal would give it
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(code: str, ws, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, "--workspace", str(ws), *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_interruptible)


def terminate_when(proc: subprocess.Popen, word: str) -> tuple[int, str]:
    line = proc.stdout.readline()  # blocks until the child is in the slow step (or has died)
    assert line.strip() == word, (line, proc.stderr.read() if proc.poll() is not None else "")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


def parts(ws) -> list[str]:
    return [str(p) for p in ws.rglob("*.part")]


def transcript(path, text="Hello, thank you for calling, how can I help?"):
    path.write_text(json.dumps({"language": "en", "channel": "phone", "segments": [
        {"speaker": "agent", "start": 0.0, "end": 3.0, "text": text}]}), "utf-8")
    return path


def test_sigterm_during_an_import_leaves_no_copy_and_no_row(tmp_path):
    ws = tmp_path / "ws"
    src = transcript(tmp_path / "call.json")
    proc = start(SLOW_IMPORT, ws, "import", src, "--agent", "Sam")
    rc, err = terminate_when(proc, "copying")
    assert rc == 143, err
    assert err.strip().splitlines() == ["terminated"], err  # one line, no traceback
    assert parts(ws) == []
    with sqlite3.connect(ws / "coach.db") as db:
        assert db.execute("select count(*) from interaction").fetchone() == (0,)
    assert [p for p in (ws / "recordings").rglob("*") if p.is_file()] == []


def test_sigterm_during_a_pdf_export_leaves_no_part_and_no_pdf(tmp_path):
    ws = tmp_path / "ws"
    src = transcript(tmp_path / "call.json")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), "score", str(src), "--save",
                        "--agent", "Sam"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "out" / "call.pdf"
    out.parent.mkdir()
    proc = start(SLOW_EXPORT, ws, "export", "1", "--pdf", out)
    rc, err = terminate_when(proc, "renaming")
    assert rc == 143 and err.strip().splitlines() == ["terminated"], err
    assert parts(tmp_path) == [] and not out.exists()


def test_sigint_still_reads_interrupted_with_130(tmp_path):
    ws = tmp_path / "ws"
    proc = start(SLOW_IMPORT, ws, "import", transcript(tmp_path / "c.json"))
    line = proc.stdout.readline()
    assert line.strip() == "copying"
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err.strip() == "interrupted", err
    assert parts(ws) == []
