"""The library: every interaction the user may see, with filters, and the import queue."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMenu, QProgressBar, QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from coach_app.services.queries import library_rows, search_transcripts
from coach_app.ui.elided_label import ElidedLabel
from coach_app.ui.labels import review_filter_text, status_text
from coach_app.ui.library_model import FILE_COLUMN, LibraryFilter, LibraryModel
from coach_app.ui.workers import run_task

STATUSES = ["", "imported", "transcribing", "transcribed", "needs_review", "failed"]
#: after the statuses in the status filter: the review's state (LibraryFilter.review)
REVIEW_FILTERS = ["not_reviewed", "disputed", "awaiting_self"]


class ImportRow(QWidget):
    """One file in the import queue: name, stage, progress bar, cancel."""

    def __init__(self, name: str, job, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        # elided, the whole text in the tooltip: a long name or error must not widen the window
        self.label = ElidedLabel(name, self)
        self.stage = ElidedLabel(self.tr("waiting"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(lambda: job.cancel())  # not clicked's bool: this is on purpose
        for w in (self.label, self.stage, self.bar, self.cancel):
            row.addWidget(w, 1 if w in (self.bar, self.stage, self.label) else 0)
        job.signals.stage.connect(lambda s: self.stage.setText({"import": self.tr("importing"),
                                                                "transcribe": self.tr("transcribing"),
                                                                "score": self.tr("scoring")}.get(s, s)))
        job.signals.progress.connect(lambda f: self.bar.setValue(int(f * 1000)))
        job.signals.finished.connect(lambda _: self._end(self.tr("done")))
        job.signals.cancelled.connect(lambda: self._end(self.tr("cancelled")))
        job.signals.failed.connect(lambda msg: self._end(msg, error=True))

    def _end(self, text: str, error: bool = False) -> None:
        self.stage.setText(text)
        self.stage.setStyleSheet("color:#b42318" if error else "")
        self.cancel.setEnabled(False)


class LibraryView(QWidget):
    open_requested = Signal(int)
    loaded = Signal(int)
    #: "Transcribe again" on a failed or cancelled call (the window runs it)
    retranscribe_requested = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.agent = QComboBox(self)
        self.agent.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "kaikki asiakaspalvelijat" in full
        self.status = QComboBox(self)
        self.status.addItems([self.tr("any status")] + [status_text(x) for x in STATUSES[1:]])
        # as wide as the statuses, not the longest review filter: the bar must fit a small screen (the list shows all)
        self.status.setMinimumWidth(self.status.sizeHint().width())
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status.setMinimumContentsLength(1)
        self.status.addItems([review_filter_text(x) for x in REVIEW_FILTERS])
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for d, default in ((self.date_from, QDate.currentDate().addYears(-1)), (self.date_to, QDate.currentDate())):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setDate(default)
            d.setSpecialValueText(" ")
        self.min_total, self.max_total = QDoubleSpinBox(self), QDoubleSpinBox(self)
        for spin, value in ((self.min_total, 0), (self.max_total, 100)):
            spin.setRange(0, 100)
            spin.setDecimals(0)
            spin.setValue(value)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search transcripts…"))
        self.search.setClearButtonEnabled(True)
        for label, w in ((self.tr("Agent"), self.agent), (self.tr("Status"), self.status), (self.tr("From"), self.date_from),
                         (self.tr("To"), self.date_to), (self.tr("Total"), self.min_total), ("–", self.max_total)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.loading = QLabel(self.tr("Loading…"), self)
        self.loading.setWordWrap(True)  # a long database error must not widen the window
        self.loading.hide()
        layout.addWidget(self.loading)
        self.model = LibraryModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long file name keeps its end (the number)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda idx: self.open_requested.emit(self.model.row_at(idx.row()).id))
        self.empty = QLabel(self.tr("Drop recordings or transcripts here\n(or File → Import…)"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#616e7c; font-size:16pt")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.queue = QListWidget(self)
        self.queue.setMaximumHeight(120)
        self.queue.hide()
        self.cancel_all = QPushButton(self.tr("Cancel all imports"), self)
        self.cancel_all.hide()
        self.cancel_all.clicked.connect(self._cancel_all)
        self.jobs: list = []
        layout.addWidget(self.queue)
        layout.addWidget(self.cancel_all, 0, Qt.AlignmentFlag.AlignRight)
        header = self.table.horizontalHeader()
        state = QSettings().value("library/header")
        if state is not None:
            header.restoreState(state)  # the sort column and column order the user chose
        # after restoreState, which brings back old widths and modes too: every column as wide
        # as its contents and header (Finnish headers are longer), the file name takes the rest
        for col in range(self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == FILE_COLUMN
                                        else QHeaderView.ResizeMode.ResizeToContents)
        header.sortIndicatorChanged.connect(lambda *_: QSettings().setValue("library/header", header.saveState()))
        for signal in (self.agent.currentIndexChanged, self.status.currentIndexChanged, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.min_total.valueChanged, self.max_total.valueChanged,
                       self.search.returnPressed):
            signal.connect(self.apply_filter)
        # the text search applies as you type, once typing pauses (each search reads the database)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(250)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())

    def refresh(self) -> None:
        """Reload in the background (100,000 interactions take about a second to read): the
        window stays responsive and the newest request wins."""
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation
        viewer = self.ctx.user_name or None  # what the signed-in person may see (agents: their own calls)
        self.loading.show()
        # bound methods as slots: Qt drops the delivery if this view is gone by then
        self._task = run_task(self.ctx.io_pool, lambda: (generation, library_rows(self.ctx.engine, viewer=viewer)),
                              self._loaded, self._failed)

    def _failed(self, message: str) -> None:
        self.loading.setText(self.tr("Could not read the library: {0}").format(message))

    def _loaded(self, result) -> None:
        generation, rows = result
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.loading.hide()
        current = self.agent.currentText()
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItems([self.tr("all agents")] + sorted({r.agent for r in rows if r.agent}))
        self.agent.setCurrentIndex(max(0, self.agent.findText(current)))
        self.agent.blockSignals(False)
        dates = [r.occurred_at for r in rows if r.occurred_at]
        if dates:
            for d, value in ((self.date_from, min(dates)), (self.date_to, max(dates))):
                d.blockSignals(True)
                d.setDate(QDate(value.year, value.month, value.day))
                d.blockSignals(False)
        self.model.set_rows(rows)
        self.apply_filter()
        self.loaded.emit(len(rows))

    def current_filter(self) -> LibraryFilter:
        def day(edit: QDateEdit, plus: int = 0):
            q = edit.date()
            return (datetime(q.year(), q.month(), q.day()) + timedelta(days=plus)).astimezone()

        text = self.search.text().strip()
        return LibraryFilter(
            agent=self.agent.currentText() if self.agent.currentIndex() > 0 else None,
            status=STATUSES[self.status.currentIndex()] or None if self.status.currentIndex() < len(STATUSES) else None,
            review=REVIEW_FILTERS[self.status.currentIndex() - len(STATUSES)]
            if self.status.currentIndex() >= len(STATUSES) else None,
            date_from=day(self.date_from), date_to=day(self.date_to, 1),
            min_total=self.min_total.value() if self.min_total.value() > 0 else None,
            max_total=self.max_total.value() if self.max_total.value() < 100 else None,
            ids=search_transcripts(self.ctx.engine, text) if text else None,
        )

    def apply_filter(self, *_args) -> None:
        self.search_timer.stop()  # Enter applies at once
        self.model.set_filter(self.current_filter())
        self.stack.setCurrentWidget(self.table if self.model._all else self.empty)

    def _context_menu(self, pos) -> None:
        from coach_app.services.transcripts import can_transcribe_again

        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(row.id))
        again = menu.addAction(self.tr("Transcribe again"), lambda: self.retranscribe_requested.emit(row.id))
        again.setEnabled(can_transcribe_again(self.ctx.engine, row.id))  # failed or cancelled calls
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self._menu = menu  # kept: tests and the event loop find it

    def _cancel_all(self) -> None:
        for job in self.jobs:
            job.cancel()

    def add_job(self, name: str, job) -> None:
        self.jobs.append(job)
        self.cancel_all.show()
        item = QListWidgetItem(self.queue)
        row = ImportRow(name, job, self.queue)
        item.setSizeHint(row.sizeHint())
        self.queue.setItemWidget(item, row)
        self.queue.show()
        self.queue.scrollToItem(item)
