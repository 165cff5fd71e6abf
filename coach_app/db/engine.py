"""Engine from a URL and schema migration. A new database is created by migrating."""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from coach_app.config import private_file
from coach_app.errors import CoachError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the importer
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise CoachError(f"database URL {url!r} is not a valid SQLAlchemy URL") from None
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # transcripts live here: owner-only (SQLite gives its -wal/-shm files the same mode)
            private_file(Path(parsed.database))
        # hide_parameters: a failed statement's message never carries transcript text or names
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.drivername == "postgresql":  # plain URL: use psycopg 3, the driver we ship
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


#: the advisory-lock key that serialises schema migrations on PostgreSQL ("coachmig" in ASCII)
_MIGRATION_LOCK = 0x636F6163686D6967


@contextlib.contextmanager
def _sqlite_file_lock(engine: Engine):
    """Processes opening a new SQLite workspace at once migrate one after the other (an OS
    lock on a file beside the database; SQLite's own locking does not cover Alembic's checks)."""
    db = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not db or db == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking is all there is
        yield
        return
    with open(f"{db}.migrate-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (creating every table on a new database)."""
    from alembic import command

    try:
        with _sqlite_file_lock(engine), engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # clients starting at once on a new team database: one migrates, the others
                # wait for it (a transaction-level lock, released at commit) and find it done
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            command.upgrade(_alembic_config(conn), revision)
    except OperationalError as exc:
        raise CoachError(f"cannot open database {engine.url.render_as_string(hide_password=True)}: "
                         f"{str(exc.orig).strip().splitlines()[0]}") from None
    except SQLAlchemyError as exc:
        raise CoachError(f"database migration failed: {str(exc).splitlines()[0]}") from None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_database(url: str) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine


def session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)
