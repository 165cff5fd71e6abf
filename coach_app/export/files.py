"""Writing export files safely: atomic (temporary file, then rename), no overwrite without
force, and file names derived from people's names made safe."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Callable

from coach_app.errors import CoachError


def safe_name(text: str, fallback: str = "export") -> str:
    """'Ääkkönen / ../etc' -> 'Aakkonen-etc': letters, digits, dot, dash and underscore only."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_).strip(".-_")
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    return cleaned[:80] or fallback


def write_atomically(out: Path, write: Callable[[Path], None], force: bool = False) -> Path:
    out = Path(out)
    if out.is_dir():
        raise CoachError(f"{out}: is a directory; give a file name")
    if out.exists() and not force:
        raise CoachError(f"{out}: already exists (use --force to overwrite)")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out
