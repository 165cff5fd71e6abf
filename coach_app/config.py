"""Workspace location, database URL and transcription settings.

Precedence: command-line flag > environment variable > ``settings.json`` in the workspace >
default. The desktop app edits the same ``settings.json`` (QSettings holds only UI state).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach_app.errors import CoachError

SETTINGS_FILE = "settings.json"


class TranscriptionSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: "auto" (per detected language: tiny.en for English, base for the rest), an embedded
    #: model ("tiny.en", "base"; see transcription/models.py) or a local CTranslate2 model folder.
    #: Nothing is downloaded. "embedded" in older settings files means auto.
    model: str = "auto"
    device: Literal["auto", "cpu", "cuda"] = "auto"
    #: "auto" = int8 on CPU, float16 on CUDA
    compute_type: str = "auto"
    beam_size: int = Field(5, ge=1, le=20)
    #: "auto" detects it; otherwise a Whisper language code such as "en" or "fi"
    language: str = "auto"
    vad: bool = True
    #: mono recordings: tell agent and customer apart by their voices (transcription/speakers.py)
    diarize: bool = True
    #: windows decoded together. 4 is as fast as 8 on a 2-core CPU and needs ~250 MB less
    #: (measured, bench/transcribe.py); raise it on a GPU.
    batch_size: int = Field(4, ge=1, le=64)

    @field_validator("model")
    @classmethod
    def _model(cls, v: str) -> str:
        v = v.strip()
        return "auto" if v in ("", "embedded") else v

    @field_validator("language")
    @classmethod
    def _language(cls, v: str) -> str:
        v = v.strip().lower()
        if v != "auto" and not (2 <= len(v) <= 3 and v.isalpha()):
            raise ValueError("must be 'auto' or a language code such as 'en' or 'fi'")
        return v


class QueueSettings(BaseModel):
    """Team mode's job queue (services/work_queue.py)."""

    model_config = ConfigDict(extra="forbid")

    #: runs of a job before it stays failed (its error kept)
    tries: int = Field(3, ge=1, le=20)
    #: backoff before the 2nd run; doubling after that
    retry_wait_s: float = Field(10.0, ge=0, le=3600)
    #: a worker writes its heartbeat this often ...
    heartbeat_s: float = Field(10.0, gt=0, le=600)
    #: ... and one silent for this long is dead: its job goes to another worker
    stalled_after_s: float = Field(60.0, gt=0, le=3600)


class IntakeSettings(BaseModel):
    """``coach watch``: recordings a telephony system drops into a folder."""

    model_config = ConfigDict(extra="forbid")

    #: regular expression on the file name; its named group ``agent`` (optionally
    #: ``occurred_at``, ISO) names the call's agent, e.g. ``^(?P<agent>[^_]+)_``
    agent_pattern: str = ""
    #: a file is complete once its size and modification time have not changed for this long
    settle_s: float = Field(5.0, ge=0, le=3600)

    @field_validator("agent_pattern")
    @classmethod
    def _pattern(cls, v: str) -> str:
        import re

        if v:
            try:
                compiled = re.compile(v)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression ({exc})") from None
            if "agent" not in compiled.groupindex:
                raise ValueError("needs a named group 'agent', e.g. ^(?P<agent>[^_]+)_")
        return v


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    transcription: TranscriptionSettings = TranscriptionSettings()
    #: silence (seconds) above which a gap counts as a hold / dead air
    hold_limit_s: float = 20.0
    #: who uses the desktop app on this workspace (asked on first start)
    user_name: str = ""
    user_role: str = ""
    #: a team database (e.g. postgresql+psycopg://coach@db/coach); empty = WORKSPACE/coach.db
    db_url: str = ""
    #: "auto" follows the system locale; "en" or "fi"
    ui_language: str = "auto"
    #: where recordings are stored; empty = WORKSPACE/recordings. On a team database a folder
    #: every worker machine mounts (NFS/SMB), since workers read the audio from it
    recordings_dir: str = ""
    queue: QueueSettings = QueueSettings()
    intake: IntakeSettings = IntakeSettings()


#: stored paths of recordings start with this, whichever folder holds them
RECORDINGS_PREFIX = "recordings/"


@dataclass
class Workspace:
    root: Path
    db_url: str
    #: the recordings folder when it is not WORKSPACE/recordings (settings' recordings_dir)
    recordings_root: Path | None = None

    @property
    def recordings_dir(self) -> Path:
        return self.recordings_root or self.root / "recordings"

    def recording_path(self, managed_path: str) -> Path:
        """The file of a stored path (``recordings/ab/<sha>.wav``) in this machine's folder."""
        if managed_path.startswith(RECORDINGS_PREFIX):
            return self.recordings_dir / managed_path[len(RECORDINGS_PREFIX):]
        return self.root / managed_path

    def managed_path(self, stored: Path) -> str:
        """What the database keeps for a file in the recordings folder: the same on every
        machine, wherever it mounts the folder."""
        return RECORDINGS_PREFIX + stored.relative_to(self.recordings_dir).as_posix()

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def log_path(self) -> Path:
        return self.root / "coach.log"

    def ensure_dirs(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for d in (self.recordings_dir, self.exports_dir):
            if not d.exists():  # recordings and reports are personal data: the owner's alone
                d.mkdir(parents=True, mode=0o700, exist_ok=True)

    def load_settings(self) -> Settings:
        if not self.settings_path.exists():
            return Settings()
        try:
            return Settings.model_validate(json.loads(self.settings_path.read_text("utf-8")))
        except json.JSONDecodeError as exc:
            raise CoachError(f"{self.settings_path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"])
            raise CoachError(f"{self.settings_path}: setting '{field}': {err['msg']}") from None

    def save_settings(self, settings: Settings) -> None:
        tmp = self.settings_path.with_suffix(".json.tmp")
        tmp.write_text(settings.model_dump_json(indent=2), "utf-8")
        tmp.replace(self.settings_path)


def resolve_workspace(workspace: str | None = None, db_url: str | None = None) -> Workspace:
    """Flag > environment > the workspace's settings.json > WORKSPACE/coach.db."""
    root = Path(workspace or os.environ.get("COACH_WORKSPACE") or ".").expanduser().resolve()
    url = db_url or os.environ.get("COACH_DB") or _settings_value(root, "db_url") or f"sqlite:///{root / 'coach.db'}"
    recordings = os.environ.get("COACH_RECORDINGS") or _settings_value(root, "recordings_dir")
    return Workspace(root, url, (root / Path(recordings).expanduser()).resolve() if recordings else None)


def _settings_value(root: Path, key: str) -> str:
    try:
        return str(json.loads((root / SETTINGS_FILE).read_text("utf-8")).get(key) or "")
    except (OSError, ValueError, AttributeError):
        return ""  # a broken settings.json is reported when the settings are loaded


def apply_overrides(settings: TranscriptionSettings, **overrides: object) -> TranscriptionSettings:
    """Environment variables COACH_MODEL, COACH_DEVICE, COACH_COMPUTE_TYPE, COACH_LANGUAGE,
    then explicit overrides (None = not given)."""
    env = {
        "model": os.environ.get("COACH_MODEL"),
        "device": os.environ.get("COACH_DEVICE"),
        "compute_type": os.environ.get("COACH_COMPUTE_TYPE"),
        "language": os.environ.get("COACH_LANGUAGE"),
    }
    merged = {k: v for k, v in env.items() if v}
    merged.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return settings.model_copy(update=TranscriptionSettings(**{**settings.model_dump(), **merged}).model_dump())
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CoachError(f"transcription setting '{err['loc'][0]}': {err['msg']}") from None


def private_file(path: Path) -> Path:
    """Create ``path`` (if missing) readable and writable by its owner only, for files holding
    transcripts or personal data (the SQLite database, the log)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError:
        pass  # not ours to change (a shared or read-only place): opening it reports the real problem
    return path
