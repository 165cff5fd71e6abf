"""Disputes in dialogs: the agent asks for another verdict on one criterion of the lead's review
(the status they think is right and why), and the lead accepts or rejects it with a reply. Both
refuse an empty text while open, like the reason dialog."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit

from coach_app.ui.labels import dispute_text, verdict_text

WANTABLE = ("met", "not_met", "na")


class _TextDialog(QDialog):
    """A question, optional extra fields, a required text and OK (disabled until text is given)."""

    def __init__(self, window_title: str, question: str, text_label: str, hint: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(window_title)
        self.form = QFormLayout(self)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.question.setMinimumWidth(380)
        self.form.addRow(self.question)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(90)
        self.text_label = text_label
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#b42318")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._update)

    def _finish(self) -> None:
        self.form.addRow(self.text_label, self.text_edit)
        self.form.addRow(self.hint)
        self.form.addRow(self.buttons)
        self._update()

    def _update(self, *_args) -> None:
        ok = bool(self.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.hint.setVisible(not ok)

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.text():
            self.hint.show()
            return
        super().accept()


class DisputeDialog(_TextDialog):
    """The agent's dispute of one criterion: the status they think is right, and why."""

    def __init__(self, title: str, current: str | None, parent=None):
        super().__init__(self.tr("Dispute the verdict"),
                         self.tr("The lead's review has “{0}” as {1}. Which verdict do you think is right, and why?")
                         .format(title, verdict_text(current)),
                         self.tr("Reason"), self.tr("A reason is needed: the lead reads it with your dispute."), parent)
        self.want = QComboBox(self)
        for status in WANTABLE:
            if status != current:
                self.want.addItem(verdict_text(status), status)
        self.form.addRow(self.tr("Right verdict"), self.want)
        self._finish()

    def wanted(self) -> str:
        return self.want.currentData()


class ReplyDialog(_TextDialog):
    """The lead's answer to a dispute: accepting changes the verdict, either way with a reply."""

    def __init__(self, accept: bool, title: str, agent: str, from_status: str | None, wanted: str, parent=None):
        question = (self.tr("Accept {0}'s dispute? “{1}” changes from {2} to {3}.") if accept
                    else self.tr("Reject {0}'s dispute? “{1}” stays {2} (they asked for {3})."))
        super().__init__(self.tr("Accept the dispute") if accept else self.tr("Reject the dispute"),
                         question.format(agent, title, verdict_text(from_status), verdict_text(wanted)),
                         self.tr("Reply"), self.tr("A reply is needed: the agent reads it with the outcome."), parent)
        self._finish()


def ask_dispute(parent, title: str, current: str | None) -> tuple[str, str] | None:
    """(wanted status, reason), or None when the agent cancelled."""
    dlg = DisputeDialog(title, current, parent)
    return (dlg.wanted(), dlg.text()) if dlg.exec() == QDialog.DialogCode.Accepted else None


def ask_reply(parent, accept: bool, title: str, agent: str, from_status: str | None, wanted: str) -> str | None:
    dlg = ReplyDialog(accept, title, agent, from_status, wanted, parent)
    return dlg.text() if dlg.exec() == QDialog.DialogCode.Accepted else None


_ASKED = QT_TRANSLATE_NOOP("DisputeNote", "You disputed this ({0} → {1}): {2}")
_WAITING = QT_TRANSLATE_NOOP("DisputeNote", "Waiting for the lead's answer.")
_ANSWERED = QT_TRANSLATE_NOOP("DisputeNote", "Dispute {0} by {1}: {2}")


def dispute_note(d) -> str:
    """How a dispute reads under its criterion: what was asked, its state and the lead's reply."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("DisputeNote", text)

    asked = tr(_ASKED).format(verdict_text(d.from_status), verdict_text(d.wanted_status), d.reason)
    if d.status == "open":
        return asked + " " + tr(_WAITING)
    return asked + " " + tr(_ANSWERED).format(dispute_text(d.status), d.resolved_by or "?", d.reply or "")
