"""Bulk intake: recordings a telephony system drops into a folder, picked up as they complete.

A file is taken only once it is complete: its size and modification time unchanged over
``settle_s`` seconds of observation (a writer still appending changes both), and never while it
is named ``*.part`` / ``*.tmp`` or hidden (``.name``), the usual write-then-rename conventions.
The agent (and optionally the call time) comes from a sidecar JSON beside the recording
(``call.wav`` + ``call.json``: ``{"agent": ..., "occurred_at": ...}``), else from the named
groups of the filename pattern in settings (``intake.agent_pattern``), else the default.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from coach_app.core.formats import TRANSCRIPT_SUFFIXES
from coach_app.services.importer import AUDIO_SUFFIXES

_IN_PROGRESS = (".part", ".tmp", ".partial", ".crdownload")


@dataclass
class Arrival:
    path: Path
    agent: str | None
    occurred_at: datetime | None


def _parse_when(text: object, where: str) -> datetime | None:
    if text in (None, ""):
        return None
    try:
        value = datetime.fromisoformat(str(text))
    except ValueError:
        raise ValueError(f"{where}: occurred_at {text!r} is not an ISO date/time such as 2026-11-23T14:05") from None
    return value if value.tzinfo else value.astimezone()


class FolderWatcher:
    """Call ``poll()`` repeatedly; it returns the recordings that have become complete since
    the last call (each once, again only if it changes) and one line per unusable one."""

    def __init__(self, folder: Path, settle_s: float = 5.0, agent_pattern: str = "",
                 default_agent: str | None = None, clock: Callable[[], float] = time.monotonic):
        self.folder, self.settle_s, self.default_agent, self.clock = Path(folder), settle_s, default_agent, clock
        self.pattern = re.compile(agent_pattern) if agent_pattern else None
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}  # path -> (size, mtime), since when
        self._taken: dict[Path, tuple] = {}  # path -> the signature it had when taken

    def _candidates(self) -> list[Path]:
        files = [f for f in self.folder.rglob("*") if f.is_file() and not f.name.startswith(".")
                 and not f.name.lower().endswith(_IN_PROGRESS)]
        audio_stems = {(f.parent, f.stem) for f in files if f.suffix.lower() in AUDIO_SUFFIXES}
        return sorted(f for f in files
                      if f.suffix.lower() in AUDIO_SUFFIXES
                      or (f.suffix.lower() in TRANSCRIPT_SUFFIXES and (f.parent, f.stem) not in audio_stems))

    def _stable(self, path: Path, now: float) -> tuple | None:
        """The file's signature once it has held still for settle_s; None until then."""
        try:
            st = path.stat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return None
        sig = (st.st_size, st.st_mtime_ns)
        prev = self._seen.get(path)
        if prev is None or prev[0] != sig:
            self._seen[path] = (sig, now)
            return None
        return sig if now - prev[1] >= self.settle_s and st.st_size > 0 else None

    def poll(self) -> tuple[list[Arrival], list[str]]:
        now = self.clock()
        arrivals, problems = [], []
        for path in self._candidates():
            sidecar = path.with_suffix(".json") if path.suffix.lower() in AUDIO_SUFFIXES else None
            has_sidecar = sidecar is not None and sidecar.exists()
            side_sig = self._stable(sidecar, now) if has_sidecar else None  # watched from first sight too
            sig = self._stable(path, now)
            if sig is None or (has_sidecar and side_sig is None):
                continue  # still being written (the recording or its sidecar): wait for both
            key = (sig, side_sig)
            if self._taken.get(path) == key:
                continue
            self._taken[path] = key
            try:
                arrivals.append(self._arrival(path, sidecar if side_sig else None))
            except ValueError as exc:
                problems.append(str(exc))
        return arrivals, problems

    def _arrival(self, path: Path, sidecar: Path | None) -> Arrival:
        agent, when = self.default_agent, None
        if self.pattern is not None and (m := self.pattern.search(path.name)):
            groups = m.groupdict()
            agent = groups.get("agent") or agent
            when = _parse_when(groups.get("occurred_at"), str(path))
        if sidecar is not None:
            try:
                meta = json.loads(sidecar.read_text("utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ValueError(f"{sidecar}: not a readable JSON sidecar ({exc}); {path.name} was not imported") from None
            if not isinstance(meta, dict) or not isinstance(meta.get("agent", ""), str):
                raise ValueError(f"{sidecar}: expected {{\"agent\": NAME, \"occurred_at\": ISO}}; "
                                 f"{path.name} was not imported")
            agent = meta.get("agent") or agent
            when = _parse_when(meta.get("occurred_at"), str(sidecar)) or when
        return Arrival(path, agent.strip() if agent else None, when)
