"""New calibration session: the calls (from the library the user can see), the reviewers (team
leads, trainers and admins of the workspace) and a title; any refusal is one line in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QVBoxLayout,
)

from coach_app.errors import CoachError
from coach_app.ui.workers import run_task
from coach_app.ui.error_texts import error_text

REVIEWER_ROLES = ("team_lead", "trainer", "admin")


def load_choices(engine, viewer: str):
    """The scored calls ``viewer`` may see and the people who may review (off the GUI thread)."""
    from coach_app.services.people import list_people
    from coach_app.services.queries import library_rows

    calls = [r for r in library_rows(engine, viewer=viewer) if r.rubric is not None]
    people = [(p.name, p.role) for p, _team in list_people(engine) if p.role in REVIEWER_ROLES]
    return calls, people


class NewSessionDialog(QDialog):
    #: the calls and people are listed (tests wait for it)
    loaded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = None  # the started session, once accepted
        self.setWindowTitle(self.tr("New calibration session"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. November calibration, billing calls"))
        self.title.setMaxLength(300)
        form.addRow(self.tr("Title"), self.title)
        layout.addLayout(form)
        self.calls_label = QLabel(self.tr("<b>Calls</b> (scored calls you can see; Ctrl or Shift to pick several)"),
                                  self)
        layout.addWidget(self.calls_label)
        self.calls = QListWidget(self)
        self.calls.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.calls.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout.addWidget(self.calls, 3)
        layout.addWidget(QLabel(self.tr("<b>Reviewers</b> (at least two)"), self))
        self.reviewers = QListWidget(self)
        layout.addWidget(self.reviewers, 2)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b42318")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start session"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.loading = QListWidgetItem(self.tr("Loading…"), self.calls)
        self._task = run_task(ctx.io_pool, lambda: load_choices(ctx.engine, ctx.user_name), self._loaded, self._failed)

    def _failed(self, message: str) -> None:
        self.calls.clear()
        self._show_error(self.tr("Could not read the calls: {0}").format(message))

    def _loaded(self, result) -> None:
        from coach_app.ui.identity_dialog import role_text

        calls, people = result
        self.calls.clear()
        for r in calls:
            when = r.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.occurred_at else ""
            item = QListWidgetItem(" · ".join(p for p in (when, r.agent or self.tr("no agent"), r.original_name) if p),
                                   self.calls)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(f"#{r.id} {r.original_name}")
        if not calls:
            self._show_error(self.tr("There are no scored calls you can see yet."))
        for name, role in people:
            item = QListWidgetItem(f"{name} ({role_text(role)})", self.reviewers)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name == self.ctx.user_name else Qt.CheckState.Unchecked)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.loaded.emit()

    def _show_error(self, text: str) -> None:
        self.error.setText(" ".join(text.split()))  # one line, however the service worded it
        self.error.show()

    def chosen_calls(self) -> list[int]:
        rows = sorted(self.calls.row(i) for i in self.calls.selectedItems())
        return [self.calls.item(r).data(Qt.ItemDataRole.UserRole) for r in rows]

    def chosen_reviewers(self) -> list[str]:
        return [self.reviewers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.reviewers.count())
                if self.reviewers.item(i).checkState() == Qt.CheckState.Checked]

    def start(self) -> None:
        from coach_app.services.calibration import start_calibration

        calls = self.chosen_calls()
        if not calls:
            self._show_error(self.tr("Pick at least one call."))
            return
        reviewers = self.chosen_reviewers()
        if len(reviewers) < 2:
            self._show_error(self.tr("Pick at least two reviewers."))
            return
        try:
            # a title in the UI language when none is given (the service's default is English)
            title = self.title.text().strip() or self.tr("Calibration of {0} calls").format(len(calls))
            self.session = start_calibration(self.ctx.engine, calls, reviewers, self.ctx.user_name, title)
        except CoachError as exc:
            self._show_error(error_text(exc))
            return
        self.accept()
