"""The real CLI (``python -m tests.fake_coach ARGS``) with the tests' fake transcriber, for tests
that need real processes (two transcribers, workers killed with -9). Environment:

COACH_FAKE_SLEEP=S     each transcription takes S seconds
COACH_FAKE_BLOCK=PATH  a transcription waits while PATH exists (after writing PATH.started)
COACH_FAKE_FAIL=TEXT   every transcription fails with TEXT
COACH_FAKE_LOG=PATH    one line "PID RECORDING" appended per transcription started
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from coach_app import cli
from coach_app.errors import CoachError
from tests.conftest import FakeTranscriber


class ControlledFake(FakeTranscriber):
    def transcribe(self, path, channel_map, progress=None, cancel=None):
        if log := os.environ.get("COACH_FAKE_LOG"):
            with open(log, "a") as f:  # one short write: lines of two processes never interleave
                f.write(f"{os.getpid()} {Path(path).name}\n")
        if block := os.environ.get("COACH_FAKE_BLOCK"):
            if Path(block).exists():
                Path(f"{block}.started").write_text(str(os.getpid()))
            while Path(block).exists():
                time.sleep(0.05)
        if fail := os.environ.get("COACH_FAKE_FAIL"):
            raise CoachError(fail)
        time.sleep(float(os.environ.get("COACH_FAKE_SLEEP") or 0))
        return super().transcribe(path, channel_map, progress=progress, cancel=cancel)


cli.Context.transcriber = lambda self: ControlledFake()

if __name__ == "__main__":
    sys.exit(cli.main())
