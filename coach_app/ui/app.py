"""Starting the desktop app: workspace and database, who the user is, the main window."""

from __future__ import annotations

import logging
import sys
import traceback

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from coach_app.config import private_file, resolve_workspace
from coach_app.errors import CoachError

log = logging.getLogger("coach.ui")


def _excepthook(exc_type, exc, tb) -> None:
    """No traceback is ever shown: it goes to the log, the user gets one readable line."""
    log.error("unhandled error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    app = QApplication.instance()
    if app is not None:
        QMessageBox.critical(None, "Encounter Coach", f"{exc_type.__name__}: {exc}\n\nDetails are in coach.log.")


def build_context(app_pool: QThreadPool | None = None, ask_password=None):
    """The workspace, its database (a team login's password from the keyring, else from
    ``ask_password(url)``) and who is signed in: on a team database the login's person."""
    from sqlmodel import Session

    from coach_app.db.engine import open_database
    from coach_app.services import team_connection as tc
    from coach_app.services.access import login_person
    from coach_app.ui.context import AppContext

    ws = resolve_workspace()
    ws.ensure_dirs()
    logging.basicConfig(filename=private_file(ws.log_path), level=logging.INFO, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = ws.load_settings()
    url = ws.db_url
    if tc.needs_password(url):
        password = tc.stored_password(url) or (ask_password(url) if ask_password else None)
        url = tc.with_password(url, password)
    engine = open_database(url)
    pool = app_pool or QThreadPool.globalInstance()
    pool.setMaxThreadCount(1)  # one transcription at a time: the model already uses every core
    ctx = AppContext(ws, engine, settings, pool, "", "agent")
    with Session(engine) as s:
        me = login_person(s)
    if me is not None:  # a team login is its person: no name to choose
        ctx.user_name, ctx.user_role = me.name, me.role
    elif settings.user_name:
        _sign_in(ctx, settings.user_name)  # the role is the database's, whatever settings.json says
    return ctx


def _sign_in(ctx, name: str) -> str | None:
    """Sign ``name`` in; the error line when the workspace does not know them."""
    from coach_app.services.access import sign_in

    try:
        person = sign_in(ctx.engine, name)
    except CoachError as exc:
        ctx.user_name, ctx.user_role = "", "agent"
        return str(exc)
    ctx.user_name, ctx.user_role = person.name, person.role
    return None


def ensure_identity(ctx, parent=None, force: bool = False) -> bool:
    """A signed-in person of the workspace (asked for at first start, or when ``force``)."""
    from coach_app.services.access import has_admin, known_people
    from coach_app.ui.identity_dialog import IdentityDialog

    if ctx.user_name and not force:
        return True
    error = ""
    while True:
        dlg = IdentityDialog(ctx.user_name, known_people(ctx.engine), first=not has_admin(ctx.engine),
                             error=error, parent=parent)
        answer = dlg.exec()
        if answer == IdentityDialog.TEAM:
            if connect_team_database(ctx, parent):
                return False  # the app starts again on the team database
            continue
        if answer != QDialog.DialogCode.Accepted:
            return bool(ctx.user_name)
        previous = (ctx.user_name, ctx.user_role)
        error = _sign_in(ctx, dlg.value())
        if error is None:
            break
        if dlg.value() not in known_people(ctx.engine):  # the common case, in the user's language
            error = QCoreApplication.translate(
                "IdentityDialog", "%1 is not a person of this workspace. An admin adds people and their roles "
                "(File ▸ People…).").replace("%1", dlg.value())
        ctx.user_name, ctx.user_role = previous
    ctx.settings = ctx.settings.model_copy(update={"user_name": ctx.user_name, "user_role": ""})
    ctx.ws.save_settings(ctx.settings)
    return True


def connect_team_database(ctx, parent=None) -> bool:
    """Save a working team database URL (no password in it) in the workspace's settings."""
    from coach_app.ui.team_dialog import TeamDatabaseDialog

    dlg = TeamDatabaseDialog(ctx.settings.db_url, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.url:
        return False
    ctx.settings = ctx.settings.model_copy(update={"db_url": dlg.url})
    ctx.ws.save_settings(ctx.settings)
    QMessageBox.information(parent, "Encounter Coach", QCoreApplication.translate(
        "TeamDatabaseDialog", "Connected as %1. Start the app again to work on the team database.").replace("%1", dlg.who or ""))
    return True


I18N_DIR = Path(__file__).parent / "i18n"


def install_translations(app: QApplication, ui_language: str = "auto") -> str:
    """Finnish or English UI: the setting, else the system locale. Returns the language used.
    Qt's own dialogs (file dialogs, buttons) follow with Qt's shipped qtbase translations."""
    lang = ui_language if ui_language in ("en", "fi") else QLocale.system().name()[:2]
    if lang != "fi":
        return "en"
    for name, folder in (("coach_fi", str(I18N_DIR)),
                         ("qtbase_fi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
    return "fi"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("Encounter Coach")
    app.setApplicationName("Encounter Coach")
    sys.excepthook = _excepthook
    from coach_app.ui.team_dialog import ask_password

    try:
        ctx = build_context(ask_password=lambda url: ask_password(None, url))
    except CoachError as exc:
        QMessageBox.critical(None, "Encounter Coach", str(exc))
        return 1
    install_translations(app, ctx.settings.ui_language)
    if not ensure_identity(ctx):
        return 0
    from coach_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    window.resume_pending()
    return app.exec()
