"""Who is working on an interaction right now: a lease that dies with its holder.

A transcription job's 'running' row says someone started it, not that they are still alive.
Without a claimed-by/heartbeat column in the schema, liveness comes from a lock the operating
system or the database server releases the moment the holder's process dies:

- PostgreSQL: a session-level advisory lock on a connection the holder keeps checked out for
  the whole job (the server drops it when that connection goes, kill -9 included);
- SQLite: ``flock`` on a per-interaction file beside the database (the kernel drops it when
  the process exits).

So "the job is running but nobody holds its lease" proves the job was interrupted, and a live
job of another process is never declared dead. Leases are re-entrant within one thread (a
worker task holding the lease calls ``transcribe_interaction``, which takes it again).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Iterator

from sqlalchemy import text
from sqlalchemy.engine import Engine

#: advisory-lock namespace for interaction leases ("coac" in ASCII; fits a signed int4)
_PG_LEASE_CLASS = 0x636F6163

_held = threading.local()
_memory_lock = threading.Lock()
_memory_leases: set[tuple[str, int]] = set()  # :memory: databases live in one process only


def _held_keys() -> set[tuple[str, int]]:
    if not hasattr(_held, "keys"):
        _held.keys = set()
    return _held.keys


def _key(engine: Engine, interaction_id: int) -> tuple[str, int]:
    return (engine.url.render_as_string(hide_password=True), int(interaction_id))


@contextlib.contextmanager
def interaction_lease(engine: Engine, interaction_id: int) -> Iterator[bool]:
    """Try to take the lease (never waits). Yields True while held, False when another live
    process or thread holds it."""
    key = _key(engine, interaction_id)
    if key in _held_keys():
        yield True
        return
    release = _acquire(engine, int(interaction_id))
    if release is None:
        yield False
        return
    _held_keys().add(key)
    try:
        yield True
    finally:
        _held_keys().discard(key)
        release()


def _acquire(engine: Engine, interaction_id: int):
    if engine.dialect.name == "postgresql":
        return _acquire_pg(engine, interaction_id)
    db = engine.url.database
    if engine.dialect.name == "sqlite" and db and db != ":memory:":
        try:
            import fcntl  # noqa: F401
        except ImportError:  # not POSIX: the in-process lease is all there is
            return _acquire_memory(engine, interaction_id)
        return _acquire_file(Path(f"{db}.leases") / f"{interaction_id}.lock")
    return _acquire_memory(engine, interaction_id)


def _acquire_pg(engine: Engine, interaction_id: int):
    # AUTOCOMMIT: the lock is held by the session, and the connection must not sit "idle in
    # transaction" for the minutes a transcription takes
    conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        got = conn.execute(text("SELECT pg_try_advisory_lock(:c, :o)"),
                           {"c": _PG_LEASE_CLASS, "o": interaction_id}).scalar()
    except BaseException:
        conn.close()
        raise
    if not got:
        conn.close()
        return None

    def release() -> None:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:c, :o)"), {"c": _PG_LEASE_CLASS, "o": interaction_id})
        except Exception:  # noqa: BLE001 - a pooled connection must never keep the lock: drop it
            conn.invalidate()
        finally:
            conn.close()

    return release


def _acquire_file(path: Path):
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(10):
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        # The previous holder unlinks the file as it releases: if that happened between our
        # open and our lock, we hold a lock on a file nobody else will ever open. Go again.
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            def release(fd: int = fd) -> None:
                with contextlib.suppress(OSError):
                    path.unlink()  # while still locked, so no one can lock the old inode after us
                os.close(fd)
            return release
        os.close(fd)
    return None


def _acquire_memory(engine: Engine, interaction_id: int):
    key = _key(engine, interaction_id)
    with _memory_lock:
        if key in _memory_leases:
            return None
        _memory_leases.add(key)

    def release() -> None:
        with _memory_lock:
            _memory_leases.discard(key)

    return release
