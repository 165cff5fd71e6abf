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


@dataclass
class Workspace:
    root: Path
    db_url: str

    @property
    def recordings_dir(self) -> Path:
        return self.root / "recordings"

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
    url = db_url or os.environ.get("COACH_DB") or _settings_db_url(root) or f"sqlite:///{root / 'coach.db'}"
    return Workspace(root, url)


def _settings_db_url(root: Path) -> str:
    try:
        return str(json.loads((root / SETTINGS_FILE).read_text("utf-8")).get("db_url") or "")
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
