"""Runs corpus cases through the CLI's main() in this process (what main.py runs; exit code
returned, stdout and stderr captured), and dumps a database to compare before and after."""

from __future__ import annotations

import contextlib
import io
import logging
import signal
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData, select


@dataclass
class Outcome:
    rc: int
    out: str
    err: str


@contextlib.contextmanager
def _engines_disposed():
    """Every engine a command opens is closed when it returns (a process would close it by
    exiting; here hundreds of commands would otherwise hold PostgreSQL connections)."""
    import coach_app.db.engine as engine_module

    opened = []
    real = engine_module.open_database

    def tracked(url):
        eng = real(url)
        opened.append(eng)
        return eng

    engine_module.open_database = tracked
    try:
        yield
    finally:
        engine_module.open_database = real
        for eng in opened:
            eng.dispose()


def run_main(workspace: Path, db_url: str | None, argv: list[str]) -> Outcome:
    from coach_app import cli

    full = ["--workspace", str(workspace), *(["--db", db_url] if db_url else []), *argv]
    out, err = io.StringIO(), io.StringIO()
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    sigterm = signal.getsignal(signal.SIGTERM)
    try:
        with _engines_disposed(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = cli.main(full)
            except SystemExit as exc:  # argparse: usage errors
                rc = exc.code if isinstance(exc.code, int) else 2
    finally:
        for h in root.handlers[:]:
            if h not in handlers:
                h.close()
        root.handlers[:] = handlers
        root.setLevel(level)
        signal.signal(signal.SIGTERM, sigterm)
    return Outcome(rc, out.getvalue(), err.getvalue())


_REFLECTED: dict[str, tuple] = {}


def dump(db_url: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: what 'the database did not change' is checked on.
    The schema is read once per database (a case that adds a table shows as a new key
    only if it also adds rows to a table known before — the migrations run at setup)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    if db_url not in _REFLECTED:
        eng = create_engine(db_url, poolclass=NullPool)
        meta = MetaData()
        meta.reflect(eng)
        _REFLECTED[db_url] = (eng, meta)
    eng, meta = _REFLECTED[db_url]
    with eng.connect() as conn:
        return {name: sorted((tuple(map(repr, row)) for row in conn.execute(select(table))))
                for name, table in sorted(meta.tables.items())}


def files(folder: Path) -> set[str]:
    """The workspace's files, less the log and SQLite's own (which a read may touch)."""
    skip = ("coach.log", "coach.db", "coach.db-wal", "coach.db-shm")
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name not in skip}
