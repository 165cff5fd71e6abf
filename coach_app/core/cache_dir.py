"""Where Encounter Coach keeps what it builds on this machine from installed packages: the joined
Whisper base model, the compiled embedding engine. Nothing there is downloaded."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    env = os.environ.get("COACH_MODEL_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "encounter-coach" / "models"
