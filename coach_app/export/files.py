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


#: a temporary file left this long by a write that never finished is debris (a killed export)
STALE_PART_S = 3600


def check_target(out: Path, force: bool = False) -> Path:
    """Refuse now, before any work, what ``write_atomically`` would refuse (so a command that
    writes several files, or scores before writing, changes nothing when one cannot be written)."""
    out = Path(out)
    if out.is_dir():
        raise CoachError(f"{out}: is a directory; give a file name")
    if out.exists() and not force:
        raise CoachError(f"{out}: already exists (use --force to overwrite)")
    folder = next((p for p in [out.parent, *out.parent.parents] if p.exists()), None)
    if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK) or not _can_create_in(folder):
        raise CoachError(f"{out}: cannot write there ({folder or out.parent} is not a writable folder)")
    return out


def _can_create_in(folder: Path) -> bool:
    """A file can really be made there (the mode bits do not bind root; /sys, a read-only
    mount ...): an unnamed temporary file, gone when closed, even if the process is killed."""
    try:
        tempfile.TemporaryFile(dir=folder).close()
    except OSError:
        return False
    return True


def sweep_stale_parts(folder: Path, pattern: str) -> None:
    """Remove temporary files a killed write left behind (older than STALE_PART_S)."""
    import time

    now = time.time()
    for part in folder.glob(pattern):
        try:
            if part.is_file() and not part.is_symlink() and now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
        except OSError:
            pass


def write_atomically(out: Path, write: Callable[[Path], None], force: bool = False) -> Path:
    out = check_target(out, force)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_parts(out.parent, f".{out.name}.*.part")
        # mkstemp: a new file of our own, never an existing name (a symlink planted there)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise CoachError(f"{out}: cannot write ({exc.strerror or exc})") from None
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        raise CoachError(f"{out}: cannot write ({exc.strerror or exc})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out
