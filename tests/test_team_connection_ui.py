"""Connecting the app to a team database: only a login that works is saved, the URL carries no
password, and on a team database the app's user is the login's person (no name to choose)."""

from __future__ import annotations

import os
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from coach_app.config import Workspace  # noqa: E402
from coach_app.services import team_connection as tc  # noqa: E402
from tests.conftest import PG_URL, _pg_admin  # noqa: E402


@pytest.fixture
def team(tmp_path):
    from coach_app.db.engine import open_database
    from coach_app.db.team_mode import setup_team
    from coach_app.services.people import add_person

    name, login = f"coach_conn_{uuid.uuid4().hex[:8]}", f"tiina_{uuid.uuid4().hex[:6]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    owner = open_database(url)
    try:
        setup_team(owner)
        add_person(owner, "Ada Admin", "admin", None, None)
        add_person(owner, "Tiina Lead", "team_lead", None, "Ada Admin", login, "pw")
        yield make_url(url), login
    finally:
        owner.dispose()
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_the_dialog_saves_only_a_login_that_works_and_no_password(qtbot, team):
    from coach_app.ui.team_dialog import TeamDatabaseDialog

    url, login = team
    dlg = TeamDatabaseDialog()
    qtbot.addWidget(dlg)
    dlg.host.setText(url.host)
    dlg.port.setValue(url.port or 5432)
    dlg.database.setText("no_such_database_here")
    dlg.login.setText(login)
    dlg.password.setText("pw")
    dlg.connect_()
    assert dlg.url is None and "cannot connect to" in dlg.status.text() and "pw" not in dlg.status.text()
    dlg.database.setText(url.database)
    dlg.connect_()
    assert dlg.who == "Tiina Lead" and make_url(dlg.url).password is None and make_url(dlg.url).username == login


def test_on_a_team_database_the_user_is_the_logins_person(qtbot, team, tmp_path, monkeypatch):
    from coach_app.ui.app import build_context, ensure_identity

    url, login = team
    ws = Workspace(tmp_path / "ws", "")
    ws.ensure_dirs()
    team_url = tc.team_url(url.host, url.port or 5432, url.database, login)
    ws.save_settings(ws.load_settings().model_copy(update={"db_url": team_url, "user_name": "Ada Admin"}))
    monkeypatch.setenv("COACH_WORKSPACE", str(ws.root))
    asked = []
    ctx = build_context(ask_password=lambda u: asked.append(u) or "pw")  # no keyring here: asked once
    assert asked == [team_url] and (ctx.user_name, ctx.user_role) == ("Tiina Lead", "team_lead")
    assert ensure_identity(ctx)  # no dialog: the login decided (settings.json said Ada Admin)
    ctx.engine.dispose()


def test_the_status_bar_shows_the_team_queue(qtbot, team, tmp_path):
    from PySide6.QtCore import QThreadPool

    from coach_app.config import Settings
    from coach_app.db.engine import open_database
    from coach_app.ui.context import AppContext
    from coach_app.ui.queue_status import QueueStatus

    url, _ = team
    engine = open_database(url.render_as_string(hide_password=False))
    ctx = AppContext(Workspace(tmp_path / "ws", str(url)), engine, Settings(), QThreadPool(), "Ada Admin", "admin")
    assert QueueStatus.wanted(ctx)
    label = QueueStatus(ctx)
    qtbot.addWidget(label)
    qtbot.waitUntil(lambda: label.counts is not None, timeout=10000)
    assert label.counts == {"todo": 0, "doing": 0, "succeeded": 0, "failed": 0}
    assert "0 waiting" in label.text()
    ctx.user_role = "agent"
    assert not QueueStatus.wanted(ctx)
    engine.dispose()


def test_the_review_plays_recordings_from_the_shared_recordings_folder(qtbot, tmp_path):
    """A team's recordings folder (settings recordings_dir) is where the review finds the audio."""
    from coach_app.services.importer import import_file
    from coach_app.ui.review_view import ReviewView
    from tests.conftest import ROOT, app_context

    shared = tmp_path / "mnt" / "recordings"
    with app_context(tmp_path) as ctx:
        ctx.ws = Workspace(ctx.ws.root, ctx.ws.db_url, recordings_root=shared)
        iid = import_file(ctx.ws, ctx.engine, ROOT / "recordings" / "demo" / "demo-hold.wav", agent="Mikko").interaction.id
        assert not (ctx.ws.root / "recordings").exists() or not any((ctx.ws.root / "recordings").rglob("*.wav"))
        view = ReviewView(ctx, iid)
        qtbot.addWidget(view)
        assert view.transcript.player is not None  # found in the shared folder, so the player is there
        source = view.transcript.player.source().toLocalFile()
        assert source.startswith(str(shared)) and source.endswith(".wav")
