"""When a call happened: the review's "Change date…" and the date field of the import dialog.

The date decides which week and period a call counts in (trends, period reports), and the
import takes the file's modification time unless told otherwise, so a lead corrects it here.
The editor cannot go outside the dates the service accepts (1990 … now), so a bad date cannot
be typed; whatever the service still refuses is shown in one line.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout

from coach_app.errors import CoachError
from coach_app.services.interactions import EARLIEST, FUTURE_SLACK
from coach_app.ui.error_texts import error_text


def to_qt(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()))


def from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), timezone.utc).astimezone()


def date_time_edit(when: datetime, parent) -> QDateTimeEdit:
    """A date/time editor with a calendar, limited to dates a call can have."""
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    # Qt date format of the editor: ISO in English, the Finnish way in Finnish
    edit.setDisplayFormat(QCoreApplication.translate("CallDateDialog", "yyyy-MM-dd HH:mm"))
    edit.setMinimumDateTime(to_qt(EARLIEST))
    edit.setMaximumDateTime(to_qt(datetime.now(timezone.utc) + FUTURE_SLACK))
    edit.setDateTime(to_qt(when))
    return edit


class CallDateDialog(QDialog):
    def __init__(self, current: datetime | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date of the call"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("When did this call happen? Trends and period reports count it on this date."),
                                self))
        self.edit = date_time_edit(current or datetime.now(timezone.utc), self)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> datetime:
        return from_qt(self.edit.dateTime())


class ChangeDateButton(QPushButton):
    """The review header's "Change date…": asks for the date, saves it with an audit event, and
    has the review reopen so its header (and the library) show the new date. Not for agents:
    the service refuses them, so they are not offered it."""

    def __init__(self, view, interaction, parent=None):
        super().__init__(parent or view)
        self.view, self.interaction = view, interaction
        self.setText(self.tr("Change date…"))
        self.setToolTip(self.tr("Correct when this call happened (the import took the file's time)"))
        self.setFlat(True)
        self.setVisible(view.ctx.user_role != "agent")
        self.clicked.connect(self.change)

    def change(self) -> bool:
        dlg = CallDateDialog(self.interaction.occurred_at, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.save(dlg.value())

    def save(self, when: datetime) -> bool:
        from coach_app.services.interactions import set_occurred_at

        try:
            inter, before = set_occurred_at(self.view.ctx.engine, self.interaction.id, when, self.view.ctx.user_name)
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Date not changed"), error_text(exc))
            return False
        if before != inter.occurred_at:
            self.view.changed.emit()
            self.view.reopen_requested.emit(inter.id)
        return True
