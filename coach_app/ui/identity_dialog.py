"""Who is using the app: a person of the workspace. Their role comes from the workspace's
people list (an admin sets it), never from this dialog, so nobody promotes themselves by typing."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton,
)

ROLES = [("team_lead", QT_TRANSLATE_NOOP("Roles", "Team lead")), ("agent", QT_TRANSLATE_NOOP("Roles", "Agent")),
         ("trainer", QT_TRANSLATE_NOOP("Roles", "Trainer")), ("admin", QT_TRANSLATE_NOOP("Roles", "Admin"))]


def role_label(label: str) -> str:
    return QCoreApplication.translate("Roles", label)


def role_text(role: str) -> str:
    return role_label(dict(ROLES).get(role, role))


class IdentityDialog(QDialog):
    #: the user chose "Connect to a team database…" instead (the caller connects and restarts)
    TEAM = 2

    def __init__(self, name: str = "", people: list[str] | None = None, first: bool = False, error: str = "",
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who are you?"))
        form = QFormLayout(self)
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText(self.tr("Your name as it appears on calls"))
        # wide enough for the whole placeholder in either language (the field's margins, the
        # clear-button space and the frame on top of the text)
        fm = self.name.fontMetrics()
        self.name.setMinimumWidth(fm.horizontalAdvance(self.name.placeholderText()) + 4 * fm.averageCharWidth() + 16)
        if people:
            completer = QCompleter(people, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.name.setCompleter(completer)
        form.addRow(self.tr("Name"), self.name)
        note = (self.tr("This workspace has no people yet: you will be its admin, and can then add your team.")
                if first else self.tr("Your role comes from the workspace's people list; an admin adds people "
                                      "and sets their roles."))
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        form.addRow(self.note)
        self.error = QLabel(error, self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318")
        self.error.setVisible(bool(error))
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.team_button = QPushButton(self.tr("Connect to a team database…"), self)
        self.team_button.setToolTip(self.tr("A shared PostgreSQL database: your login there is who you are."))
        self.team_button.clicked.connect(lambda: self.done(self.TEAM))
        self.buttons.addButton(self.team_button, QDialogButtonBox.ButtonRole.ActionRole)
        form.addRow(self.buttons)
        self.name.textChanged.connect(lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name.strip()))

    def value(self) -> str:
        return " ".join(self.name.text().split())


class RoleCombo(QComboBox):
    """The four roles in words (the people dialog)."""

    def __init__(self, role: str = "agent", parent=None):
        super().__init__(parent)
        for key, label in ROLES:
            self.addItem(role_label(label), key)
        self.setCurrentIndex(max(0, self.findData(role)))
