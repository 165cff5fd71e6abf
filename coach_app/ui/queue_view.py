"""My review queue: the calls assigned to the signed-in lead, opened for review from here; done
ones (a lead review submitted) behind a toggle; Sample calls… assigns unreviewed calls, spread
over each agent's period, to a reviewer."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from coach_app.ui.disputes_view import call_names
from coach_app.ui.workers import NewestRead, run_task


class SampleDialog(QDialog):
    """How many calls per agent, from which period, for whom (team leads and admins)."""

    def __init__(self, reviewers: list[str], me: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sample calls for review"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Calls nobody has reviewed yet, spread over each agent's period, are assigned to the "
                               "reviewer."), self)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.per_agent = QSpinBox(self)
        self.per_agent.setRange(1, 1000)
        self.per_agent.setValue(3)
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for d, default in ((self.date_from, QDate.currentDate().addMonths(-1)), (self.date_to, QDate.currentDate())):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setDate(default)
        self.seed = QLineEdit(self)
        self.seed.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.seed.setPlaceholderText(self.tr("optional: the same number draws the same calls"))
        self.reviewer = QComboBox(self)
        self.reviewer.addItems(reviewers or [me])
        self.reviewer.setCurrentText(me)
        form.addRow(self.tr("Calls per agent"), self.per_agent)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        """The arguments of sample_for_review: the period from the first day's start to the end of the last."""
        def day(edit: QDateEdit, plus: int = 0) -> datetime:
            q = edit.date()
            return (datetime(q.year(), q.month(), q.day()) + timedelta(days=plus)).astimezone()

        seed = self.seed.text().strip()
        return {"per_agent": self.per_agent.value(), "date_from": day(self.date_from), "date_to": day(self.date_to, 1),
                "seed": int(seed) if seed else None, "reviewer": self.reviewer.currentText()}


class QueueView(QWidget):
    open_requested = Signal(int)
    loaded = Signal(int)
    sampled = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._reads = NewestRead(ctx.io_pool, self._loaded, self._failed, self)  # the newest read wins
        self.items: list = []
        self.leads: list[str] = []  # who may be assigned reviews (read with the queue)
        self._note = ""  # what the last sampling did, shown with the reloaded queue
        self.names: dict[int, str] = {}
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("<b>My review queue</b>"), self))
        bar.addSpacing(16)
        self.show_done = QCheckBox(self.tr("Show done"), self)
        self.show_done.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.show_done)
        bar.addStretch(1)
        self.sample_button = QPushButton(self.tr("Sample calls…"), self)
        self.sample_button.clicked.connect(self.sample)
        self.open_button = QPushButton(self.tr("Open for review"), self)
        self.open_button.clicked.connect(self._open_current)
        bar.addWidget(self.sample_button)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#616e7c")
        layout.addWidget(self.message)
        headers = [self.tr("Date"), self.tr("Agent"), self.tr("Call"), self.tr("Assigned"), self.tr("State")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == 2
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(lambda: self.open_button.setEnabled(self.current() is not None))
        self.table.doubleClicked.connect(lambda _i: self._open_current())
        layout.addWidget(self.table, 1)
        self.open_button.setEnabled(False)

    def refresh(self) -> None:
        from coach_app.services.review_queue import review_queue

        engine, me, done = self.ctx.engine, self.ctx.user_name, self.show_done.isChecked()

        def work():
            from coach_app.services.people import list_people

            items = review_queue(engine, me, include_done=done)
            leads = [p.name for p, _team in list_people(engine) if p.role in ("team_lead", "admin")]
            return items, call_names(engine, {q.interaction_id for q in items}), leads

        self.message.setText(self.tr("Loading…"))
        self._reads.run(work)

    def _failed(self, message: str) -> None:
        self.message.setText(self.tr("Could not read the queue: {0}").format(message))

    def _loaded(self, result) -> None:
        self.items, self.names, self.leads = result
        self.table.setRowCount(len(self.items))
        for i, q in enumerate(self.items):
            cells = [q.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if q.occurred_at else "", q.agent or "",
                     self.names.get(q.interaction_id, f"#{q.interaction_id}"),
                     q.assigned_at.astimezone().strftime("%Y-%m-%d") if q.assigned_at else "",
                     self.tr("✓ done") if q.done else self.tr("to review")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if q.done:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(i, col, item)
        todo = sum(not q.done for q in self.items)
        text = (self.tr("Nothing assigned to you. Sample calls… assigns some.") if not self.items
                else self.tr("{0} calls to review.").format(todo))
        self.message.setText(" ".join(x for x in (self._note, text) if x))
        self._note = ""
        if self.items:
            self.table.selectRow(0)
        self.loaded.emit(len(self.items))

    def current(self):
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) and self.table.selectedItems() else None

    def _open_current(self) -> None:
        q = self.current()
        if q is not None:
            self.open_requested.emit(q.interaction_id)

    def sample(self) -> None:
        dlg = SampleDialog(self.leads, self.ctx.user_name, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self.run_sample(**dlg.values())

    def run_sample(self, **values) -> None:
        """Assign on the pool; the queue reloads and says how many calls were assigned."""
        from coach_app.services.review_queue import sample_for_review

        engine, me = self.ctx.engine, self.ctx.user_name
        self.sample_button.setEnabled(False)

        def done(items):
            self.sample_button.setEnabled(True)
            self._note = self.tr("Assigned {0} calls to {1}.").format(len(items), values.get("reviewer") or me)
            self.sampled.emit(len(items))
            self.refresh()

        def failed(msg):
            self.sample_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("Not sampled"), msg)

        self._sample_task = run_task(self.ctx.io_pool, lambda: sample_for_review(engine, by=me, **values), done, failed)
