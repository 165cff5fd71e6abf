"""Connect to a team database: host, database, login and password; the password goes to the OS
keyring where there is one (else the app asks for it at each start), never into settings.json."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit, QSpinBox,
)
from sqlalchemy.engine import make_url

from coach_app.errors import CoachError
from coach_app.services import team_connection as tc


class TeamDatabaseDialog(QDialog):
    def __init__(self, current_url: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team database"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        try:
            u = make_url(current_url) if current_url.startswith("postgresql") else None
        except Exception:  # noqa: BLE001 - a malformed URL in settings: start from empty fields
            u = None
        self.host = QLineEdit(u.host if u and u.host else "", self)
        self.host.setPlaceholderText(self.tr("e.g. coach-db.example.fi"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(u.port if u and u.port else 5432)
        self.database = QLineEdit(u.database if u and u.database else "coach", self)
        self.login = QLineEdit(u.username if u and u.username else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.remember.setChecked(tc.keyring_available())
        self.remember.setEnabled(tc.keyring_available())
        if not tc.keyring_available():
            self.remember.setToolTip(self.tr("No system keyring here: the app asks for the password at each start."))
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.connect_)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.url: str | None = None
        self.who: str | None = None

    def connect_(self) -> None:
        """Try the connection first: only a login that works is saved."""
        try:
            url = tc.team_url(self.host.text(), self.port.value(), self.database.text(), self.login.text())
            self.who = tc.check_connection(tc.with_password(url, self.password.text() or None))
        except CoachError as exc:
            self.status.setStyleSheet("color:#b42318")
            self.status.setText(str(exc))
            return
        if self.remember.isChecked() and self.password.text():
            tc.remember_password(url, self.password.text())
        self.url = url
        self.accept()


def ask_password(parent, url: str) -> str | None:
    """The start-up prompt where the keyring has no password for the team login."""
    u = make_url(url)
    title = QCoreApplication.translate("TeamDatabaseDialog", "Team database")
    label = QCoreApplication.translate("TeamDatabaseDialog", "Password for %1 on %2:")
    text, ok = QInputDialog.getText(parent, title, label.replace("%1", u.username or "").replace(
        "%2", f"{u.host}/{u.database}"), QLineEdit.EchoMode.Password)
    return text if ok else None
