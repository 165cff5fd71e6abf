"""Asking why a person changes an automatic verdict. The reason is stored with the change and
shown instead of the automatic rationale, so an empty one is refused here, in the open dialog,
with a message, rather than silently dropping the change."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from coach_app.ui.labels import verdict_text


class ReasonDialog(QDialog):
    def __init__(self, title: str, old: str | None, new: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason for the change"))
        layout = QVBoxLayout(self)
        self.question = QLabel(self.tr("You are changing “{0}” from {1} to {2}. Why?")
                               .format(title, verdict_text(old), verdict_text(new)), self)
        self.question.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMinimumWidth(360)
        self.hint = QLabel(self.tr("A reason is needed: it is shown with the changed verdict."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#b42318")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for w in (self.question, self.reason, self.hint, self.buttons):
            layout.addWidget(w)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self, *_args) -> None:
        ok = bool(self.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setVisible(not ok)

    def text(self) -> str:
        return " ".join(self.reason.text().split())

    def accept(self) -> None:
        if not self.text():  # Enter in the empty field: stay open, the hint says why
            self.hint.show()
            return
        super().accept()


def ask_reason(parent, title: str, old: str | None, new: str) -> str | None:
    """The reason typed, or None when the person cancelled (the change is then not made)."""
    dlg = ReasonDialog(title, old, new, parent)
    return dlg.text() if dlg.exec() == QDialog.DialogCode.Accepted else None
