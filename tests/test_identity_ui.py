"""Who the app's user is comes from the workspace's people, never from settings.json: the first
person is the admin, an unknown name is refused with a line, the role is the database's, and
only admins manage people (the services refuse others)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QDialog  # noqa: E402

from coach_app.config import Workspace  # noqa: E402
from coach_app.services.people import add_person, list_people  # noqa: E402


@pytest.fixture
def ws_env(tmp_path, monkeypatch):
    ws = Workspace(tmp_path / "ws", f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    monkeypatch.setenv("COACH_WORKSPACE", str(ws.root))
    return ws


def _answer(monkeypatch, names):
    """The identity dialog answered with each of ``names`` in turn; the errors it showed."""
    from coach_app.ui.identity_dialog import IdentityDialog

    shown = []

    def fake_exec(dlg):
        shown.append(dlg.error.text())
        if not names:
            return QDialog.DialogCode.Rejected
        dlg.name.setText(names.pop(0))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IdentityDialog, "exec", fake_exec)
    return shown


def test_first_user_becomes_admin_and_the_role_comes_from_the_database(qtbot, ws_env, monkeypatch):
    from coach_app.ui.app import build_context, ensure_identity

    ctx = build_context()
    _answer(monkeypatch, ["Ada Admin"])
    assert ensure_identity(ctx) and (ctx.user_name, ctx.user_role) == ("Ada Admin", "admin")
    add_person(ctx.engine, "Kelly Agent", "agent", None, "Ada Admin")
    # settings.json claims a team lead: the database says agent, and that is what counts
    ws_env.save_settings(ws_env.load_settings().model_copy(update={"user_name": "Kelly Agent", "user_role": "team_lead"}))
    ctx2 = build_context()
    assert (ctx2.user_name, ctx2.user_role) == ("Kelly Agent", "agent")
    ctx.engine.dispose()
    ctx2.engine.dispose()


def test_an_unknown_name_is_refused_with_one_line_and_asked_again(qtbot, ws_env, monkeypatch):
    from coach_app.ui.app import build_context, ensure_identity

    ctx = build_context()
    add_person(ctx.engine, "Ada Admin", "admin", None, None)
    add_person(ctx.engine, "Tiina Lead", "team_lead", None, "Ada Admin")
    shown = _answer(monkeypatch, ["Mallory", "Tiina Lead"])
    assert ensure_identity(ctx)
    assert shown[0] == "" and "Mallory is not a person of this workspace. An admin adds people" in shown[1]
    assert (ctx.user_name, ctx.user_role) == ("Tiina Lead", "team_lead")
    assert [p.name for p, _ in list_people(ctx.engine)] == ["Ada Admin", "Tiina Lead"]  # nobody made up
    ctx.engine.dispose()


def test_people_dialog_adds_people_for_admins_only(qtbot, ws_env):
    from coach_app.ui.app import build_context
    from coach_app.ui.people_dialog import PeopleDialog

    ctx = build_context()
    add_person(ctx.engine, "Ada Admin", "admin", None, None)
    ctx.user_name, ctx.user_role = "Ada Admin", "admin"
    dlg = PeopleDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.name.setText("Priya Shah")
    dlg.role.setCurrentIndex(dlg.role.findData("agent"))
    dlg.team.setText("North")
    dlg.add()
    assert dlg.error.text() == "" and dlg.table.rowCount() == 2
    assert {(p.name, p.role, t) for p, t in list_people(ctx.engine)} == {("Ada Admin", "admin", None),
                                                                        ("Priya Shah", "agent", "North")}
    assert dlg.table.item(1, 1).text() == "Agent"  # the role in words
    ctx.user_name, ctx.user_role = "Priya Shah", "admin"  # the app was told admin; the database says agent
    dlg.name.setText("Mallory")
    dlg.role.setCurrentIndex(dlg.role.findData("admin"))
    dlg.add()
    assert dlg.error.text() == "Only admins can add people (Priya Shah: agent)."
    assert len(list_people(ctx.engine)) == 2
    ctx.engine.dispose()


def test_the_services_refusals_read_in_finnish(qtbot):
    """A Finnish user meets the access rules in Finnish; an unknown message is shown as it is."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from coach_app.ui.app import I18N_DIR
    from coach_app.ui.error_texts import error_text

    assert error_text("Kelly is an agent; only admins can add people") == "Only admins can add people (Kelly: agent)."
    translator = QTranslator()
    assert translator.load("coach_fi", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        assert error_text("Kelly is an agent; only admins can add people") == \
            "Vain ylläpitäjät voivat lisätä henkilöitä (Kelly: asiakaspalvelija)."
        assert error_text("no interaction with id 7") == "Puhelua 7 ei ole."
        assert error_text("this database login is Kelly's; it cannot act as Tiina") == \
            "Tämä tietokantatunnus on käyttäjän Kelly; sillä ei voi toimia käyttäjänä Tiina."
        assert error_text("something new went wrong") == "something new went wrong"
    finally:
        QCoreApplication.removeTranslator(translator)

