"""The import dialog's call date: each file's own time, as before, or one date for them all.

The import dialog itself (agent, stereo channels) lives in main_window; ``add_call_date`` puts
this field into its form, so the date travels with the same OK.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QFormLayout, QRadioButton, QVBoxLayout, QWidget

from coach_app.ui.date_dialog import date_time_edit, from_qt


def newest_file_time(files: list[Path]) -> datetime:
    times = [f.stat().st_mtime for f in files if f.exists()]
    return datetime.fromtimestamp(max(times), timezone.utc) if times else datetime.now(timezone.utc)


class CallDateField(QWidget):
    """When the calls happened: the files' own modification times (the default, what the
    import did before), or the date and time given here for every file."""

    def __init__(self, files: list[Path], parent=None):
        super().__init__(parent)
        self.label = self.tr("Call date")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.own = QRadioButton(self.tr("The file's own time (when it was last modified)") if len(files) == 1 else
                                self.tr("Each file's own time (when it was last modified)"), self)
        self.fixed = QRadioButton(self.tr("This date and time:"), self)
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.fixed)
        self.own.setChecked(True)
        self.when = date_time_edit(newest_file_time(files), self)
        self.when.dateTimeChanged.connect(lambda _v: self.fixed.setChecked(True))  # editing it means "this date"
        for w in (self.own, self.fixed, self.when):
            layout.addWidget(w)

    def value(self) -> datetime | None:
        """None: each file's own time."""
        return from_qt(self.when.dateTime()) if self.fixed.isChecked() else None


def add_call_date(dialog, files: list[Path]) -> CallDateField:
    """Add the call date row to an import dialog's form, above its OK/Cancel row."""
    form: QFormLayout = dialog.layout()
    field = CallDateField(files, dialog)
    form.insertRow(max(0, form.rowCount() - 1), field.label, field)
    return field
