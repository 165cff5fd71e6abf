"""Shared fixtures. Storage tests run against SQLite *and* PostgreSQL (never skipped: a missing
server fails them). COACH_TEST_PG_URL names the server; default: the local trust-auth one."""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from coach_app.config import Workspace
from coach_app.core.transcript import AGENT, CUSTOMER, UNKNOWN, Word, merge_words_into_turns
from coach_app.db.engine import make_engine, migrate
from coach_app.transcription.base import ChannelMap, TranscriptionCancelled, TranscriptionResult

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("COACH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_admin():
    import psycopg

    url = make_url(PG_URL)
    return psycopg.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password,
        dbname="postgres", autocommit=True, connect_timeout=5,
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database of each kind for every test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'coach.db'}"
        return
    name = f"coach_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = _pg_admin()
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"PostgreSQL storage tests need a server at {PG_URL} (set COACH_TEST_PG_URL): {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with _pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def workspace(tmp_path, db_url):
    ws = Workspace(tmp_path / "ws", db_url)
    ws.ensure_dirs()
    return ws


@pytest.fixture
def engine(workspace):
    eng = make_engine(workspace.db_url)
    migrate(eng)
    yield eng
    eng.dispose()


class FakeTranscriber:
    """Fast stand-in for tests of the storage and job logic: fixed words, real interface."""

    name = "fake"

    def __init__(self, words: dict[str, list[tuple[int, int, str]]] | None = None, speech_ms: int = 5000,
                 fail: Exception | None = None, cancel_after: int | None = None, model: str | None = None):
        self.model = model  # what "Transcribe again with…" asked for
        self.words = words if words is not None else {
            AGENT: [(0, 400, " Hello,"), (400, 800, " how"), (800, 1200, " can"), (1200, 1400, " I"), (1400, 1800, " help?")],
            CUSTOMER: [(2200, 2600, " My"), (2600, 3000, " bill"), (3000, 3400, " is"), (3400, 3900, " wrong.")],
        }
        self.speech_ms = speech_ms
        self.fail = fail
        self.cancel_after = cancel_after
        self.calls = 0
        self.progress_seen: list[tuple[float, float]] = []

    def transcribe(self, path, channel_map: ChannelMap, progress=None, cancel: threading.Event | None = None):
        self.calls += 1
        if self.fail is not None:
            raise self.fail
        for step in range(4):
            if cancel is not None and cancel.is_set():
                raise TranscriptionCancelled()
            if self.cancel_after is not None and step == self.cancel_after and cancel is not None:
                cancel.set()
            if progress:
                progress(step * 1.0, 3.0)
                self.progress_seen.append((step * 1.0, 3.0))
        speakers = channel_map.speakers
        words = {
            (sp if sp in speakers else UNKNOWN): [Word(s, e, t) for s, e, t in ws] for sp, ws in self.words.items()
        }
        return TranscriptionResult(merge_words_into_turns(words), "en", 5000, self.speech_ms, self.name, str(channel_map))


@pytest.fixture
def fake_transcriber():
    return FakeTranscriber()


#: the people most UI tests start from: the workspace's admin and a signed-in team lead
DEFAULT_PEOPLE = (("Ada Admin", "admin", None), ("Tiina Lead", "team_lead", None))


@contextlib.contextmanager
def app_context(tmp_path, db_url=None, people=DEFAULT_PEOPLE, user=("Tiina Lead", "team_lead")):
    """An app context on a fresh workspace (SQLite unless ``db_url``), with ``people`` (name,
    role, team) added by the first, the admin, and ``user`` signed in; its pools drained and
    its engine closed afterwards."""
    from PySide6.QtCore import QThreadPool

    from coach_app.config import Settings
    from coach_app.db.engine import open_database
    from coach_app.services.people import add_person
    from coach_app.ui.context import AppContext

    ws = Workspace(tmp_path / "ws", db_url or f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    admin = people[0][0] if people else None
    for i, (name, role, team) in enumerate(people):
        add_person(engine, name, role, team, None if i == 0 else admin)
    ctx = AppContext(ws, engine, Settings(), QThreadPool(), *user)
    try:
        yield ctx
    finally:
        ctx.wait_for_work(30000)
        engine.dispose()


def pytest_terminal_summary(terminalreporter):
    """The hardening tests' figures (tests/figures.py), one line each, after the results."""
    from tests.figures import FIGURES

    if FIGURES:
        terminalreporter.section("hardening figures")
        for name, text in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {text}")
