"""Importing recordings and transcripts into a workspace.

Safe and idempotent: the file is copied (content-addressed by SHA-256) into the workspace's
``recordings/`` folder, validated there, and only then recorded in the database in one
transaction. The same content twice gives the same interaction. Originals are only read.
A failure at any step removes the copy and rolls back every row.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from coach_app.config import Workspace
from coach_app.core.formats import TRANSCRIPT_SUFFIXES, read_transcript_file
from coach_app.db.models import Interaction
from coach_app.errors import CoachError, InputFileError
from coach_app.export.files import sweep_stale_parts
from coach_app.services.people import audit, clean_name, get_or_create_person
from coach_app.services.transcripts import segment_rows
from coach_app.transcription.audio import inspect_audio
from coach_app.transcription.base import ChannelMap

#: the transcription_model of a transcript imported as text (nobody transcribed it here)
IMPORTED_TRANSCRIPT = "imported transcript"


@dataclass
class ImportResult:
    interaction: Interaction
    created: bool  # False when the same content was already in the workspace


def parse_occurred_at(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CoachError(f"--occurred-at {text!r} is not an ISO date/time such as 2026-11-23T14:05") from None
    return value if value.tzinfo else value.astimezone()  # naive = local time


def _copy_hashing(src: Path, dest_dir: Path) -> tuple[Path, str]:
    """Copy ``src`` into a temporary file in ``dest_dir``, returning it and the SHA-256."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(dest_dir, ".import-*.part")  # what killed imports left behind
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=".import-", suffix=".part", dir=dest_dir)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            while chunk := inp.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(tmp_name), digest.hexdigest()


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputFileError(path, "file not found")
    if path.is_dir():
        raise InputFileError(path, "is a directory, not a file (import the files inside it)")
    if not os.access(path, os.R_OK):
        raise InputFileError(path, "permission denied")
    if path.stat().st_size == 0:
        raise InputFileError(path, "file is empty")


class _Collision(Exception):
    """Another process stored the same file, or created the same person, at the same moment."""

    def __init__(self, sha: str):
        super().__init__(sha)
        self.sha = sha


def import_file(
    ws: Workspace,
    engine: Engine,
    path: str | Path,
    agent: str | None = None,
    channels: str | None = None,
    occurred_at: datetime | None = None,
) -> ImportResult:
    """Import one file (idempotent by content hash). Safe against other processes importing the
    same file at once: the loser of the race gets the winner's row, "already imported"."""
    for _ in range(3):
        try:
            return _import_once(ws, engine, path, agent, channels, occurred_at)
        except _Collision as c:
            with Session(engine, expire_on_commit=False) as session:
                existing = session.exec(select(Interaction).where(Interaction.sha256 == c.sha)).first()
            if existing is not None:
                return ImportResult(existing, created=False)
            # the collision was on the agent's name: the person exists now, so go again
    raise CoachError(f"{path}: could not be stored because other imports kept colliding with it; try again")


def _import_once(ws: Workspace, engine: Engine, path: str | Path, agent: str | None, channels: str | None,
                 occurred_at: datetime | None) -> ImportResult:
    src = Path(path).expanduser()
    if agent:
        clean_name(agent)  # refused before any copy, and also when the file is already stored
    _check_readable(src)
    channel_map = ChannelMap.parse(channels)
    is_text = src.suffix.lower() in TRANSCRIPT_SUFFIXES
    parsed = read_transcript_file(src) if is_text else None  # validates before any copy

    tmp, sha = _copy_hashing(src, ws.recordings_dir)
    final: Path | None = None
    try:
        with Session(engine, expire_on_commit=False) as session:
            existing = session.exec(select(Interaction).where(Interaction.sha256 == sha)).first()
            if existing is not None:
                return ImportResult(existing, created=False)
            audio = None if is_text else inspect_audio(tmp, label=src)
            if audio is not None and audio.channels > 2:
                raise InputFileError(src, f"has {audio.channels} channels; only mono and stereo are supported")
            final = ws.recordings_dir / sha[:2] / f"{sha}{src.suffix.lower()}"
            when = occurred_at or datetime.fromtimestamp(src.stat().st_mtime, timezone.utc)
            person = get_or_create_person(session, agent) if agent else None
            row = Interaction(
                kind="text" if is_text else "audio",
                sha256=sha,
                original_name=src.name,
                managed_path=ws.managed_path(final),
                agent_id=person.id if person else None,
                occurred_at=when,
            )
            if parsed is not None:
                row.channel_type = parsed.channel_type
                row.language = parsed.language
                row.duration_ms = parsed.duration_ms if parsed.channel_type == "phone" else None
                row.status = "transcribed"
                row.transcription_model = IMPORTED_TRANSCRIPT
            else:
                row.channel_type = "phone"
                row.duration_ms = audio.duration_ms
                row.channels = audio.channels
                row.sample_rate = audio.sample_rate
                row.channel_map = str(channel_map) if audio.channels == 2 else ChannelMap.MONO
            session.add(row)
            session.flush()
            if parsed is not None:
                session.add_all(segment_rows(row.id, parsed.segments))
            audit(session, "interaction", row.id, "import", {"file": str(src), "sha256": sha})
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
            session.commit()
            return ImportResult(row, created=True)
    except IntegrityError:
        raise _Collision(sha) from None  # `final` stays: it holds the same bytes the winner stored
    except BaseException:
        if final is not None and final.exists() and not tmp.exists():
            final.unlink(missing_ok=True)  # the row was never committed
        raise
    finally:
        tmp.unlink(missing_ok=True)


AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus", ".oga", ".aac", ".wma", ".webm", ".mp4", ".aiff", ".aif"}


def expand_inputs(paths: list[str]) -> list[Path]:
    """Files as given; folders expand to the audio and transcript files inside (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in AUDIO_SUFFIXES | TRANSCRIPT_SUFFIXES)
            if not found:  # also a folder named like a file ("call.wav/"): say so, import nothing
                raise CoachError(f"{p}: a folder with no recordings or transcripts in it "
                                 f"({', '.join(sorted(AUDIO_SUFFIXES | TRANSCRIPT_SUFFIXES))})")
            out.extend(found)
        else:
            out.append(p)
    return out

