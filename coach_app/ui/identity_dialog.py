"""First start: who is using the app (name and role). Changeable later from the menu."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

ROLES = [("team_lead", QT_TRANSLATE_NOOP("Roles", "Team lead")), ("agent", QT_TRANSLATE_NOOP("Roles", "Agent")),
         ("trainer", QT_TRANSLATE_NOOP("Roles", "Trainer"))]


def role_label(label: str) -> str:
    return QCoreApplication.translate("Roles", label)


class IdentityDialog(QDialog):
    def __init__(self, name: str = "", role: str = "team_lead", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who are you?"))
        form = QFormLayout(self)
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText(self.tr("Your name as it appears on calls"))
        # wide enough for the whole placeholder in either language (the field's margins, the
        # clear-button space and the frame on top of the text)
        fm = self.name.fontMetrics()
        self.name.setMinimumWidth(fm.horizontalAdvance(self.name.placeholderText()) + 4 * fm.averageCharWidth() + 16)
        self.role = QComboBox(self)
        for key, label in ROLES:
            self.role.addItem(role_label(label), key)
        self.role.setCurrentIndex(max(0, [k for k, _ in ROLES].index(role) if role in dict(ROLES) else 0))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name.textChanged.connect(lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name.strip()))

    def values(self) -> tuple[str, str]:
        return " ".join(self.name.text().split()), self.role.currentData()
