"""The lead's Disputes page: the agents' disputes of their team's reviews, open ones first, each
with the criterion, the lead's verdict and the one asked for (in words), the agent's reason and
date; Accept / Reject ask for a reply; Open call opens the call in the review view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from coach_app.errors import CoachError
from coach_app.ui import dispute_dialog
from coach_app.ui.labels import dispute_text, title_text, verdict_text
from coach_app.ui.workers import NewestRead
from coach_app.ui.error_texts import error_text

#: the Show filter's choices, in its order
SHOW = ("all", "open", "answered")


def call_names(engine, ids) -> dict[int, str]:
    """'#12 call.wav' for each interaction id (read on the pool)."""
    from sqlmodel import Session, select

    from coach_app.db.models import Interaction

    if not ids:
        return {}
    with Session(engine) as s:
        return {iid: f"#{iid} {name}" for iid, name in
                s.exec(select(Interaction.id, Interaction.original_name).where(Interaction.id.in_(list(ids)))).all()}


class DisputesView(QWidget):
    open_requested = Signal(int)
    #: a dispute was answered (the library's badges change)
    changed = Signal()
    loaded = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._reads = NewestRead(ctx.io_pool, self._loaded, self._failed, self)  # the newest read wins
        self.rows: list = []
        self.names: dict[int, str] = {}
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("<b>Disputes</b>"), self))
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Show"), self))
        self.show_filter = QComboBox(self)
        self.show_filter.addItems([self.tr("open, then answered"), self.tr("open only"), self.tr("answered only")])
        self.show_filter.currentIndexChanged.connect(lambda _i: self._fill())
        bar.addWidget(self.show_filter)
        bar.addStretch(1)
        self.accept_button = QPushButton(self.tr("Accept…"), self)
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.open_button = QPushButton(self.tr("Open call"), self)
        self.accept_button.clicked.connect(lambda: self.resolve(True))
        self.reject_button.clicked.connect(lambda: self.resolve(False))
        self.open_button.clicked.connect(self._open_current)
        for b in (self.accept_button, self.reject_button, self.open_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#616e7c")
        layout.addWidget(self.message)
        headers = [self.tr("Call"), self.tr("Agent"), self.tr("Criterion"), self.tr("Lead's verdict → asked for"),
                   self.tr("Agent's reason"), self.tr("Opened"), self.tr("Outcome")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col in (4, 6)
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._open_current())
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        from coach_app.services.disputes import list_disputes

        engine, viewer = self.ctx.engine, self.ctx.user_name or None

        def work():
            rows = list_disputes(engine, viewer=viewer)
            return rows, call_names(engine, {d.interaction_id for d in rows})

        self.message.setText(self.tr("Loading…"))
        self._reads.run(work)

    def _failed(self, message: str) -> None:
        self.message.setText(self.tr("Could not read the disputes: {0}").format(message))

    def _loaded(self, result) -> None:
        self.rows, self.names = result
        self._fill()
        self.loaded.emit(len(self.rows))

    def shown(self) -> list:
        """The disputes listed, open ones first (oldest first: answered in turn), then answered
        ones, newest first."""
        mode = SHOW[self.show_filter.currentIndex()]
        open_ = sorted((d for d in self.rows if d.status == "open"), key=lambda d: d.opened_at)
        answered = sorted((d for d in self.rows if d.status != "open"), key=lambda d: d.resolved_at or d.opened_at,
                          reverse=True)
        return {"open": open_, "answered": answered, "all": open_ + answered}[mode]

    def _fill(self) -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for i, d in enumerate(rows):
            outcome = self.tr("open") if d.status == "open" else self.tr("{0} by {1}: {2}").format(
                dispute_text(d.status), d.resolved_by or "?", d.reply or "")
            cells = [self.names.get(d.interaction_id, f"#{d.interaction_id}"), d.opened_by,
                     title_text(d.criterion_title) or d.criterion_id,
                     f"{verdict_text(d.from_status)} → {verdict_text(d.wanted_status)}", d.reason,
                     d.opened_at.astimezone().strftime("%Y-%m-%d %H:%M") if d.opened_at else "", outcome]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                if col in (4, 6):
                    item.setToolTip(text)
                if col == 6 and d.status != "open":
                    item.setForeground(QColor("#1b7f4b" if d.status == "accepted" else "#b42318"))
                elif d.status != "open":
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()
        open_count = sum(d.status == "open" for d in self.rows)
        self.message.setText(self.tr("No disputes.") if not self.rows else
                             self.tr("{0} open, {1} answered.").format(open_count, len(self.rows) - open_count))
        if rows:
            self.table.selectRow(0)
        self._update_buttons()

    def current(self):
        row = self.table.currentRow()
        rows = self.shown()
        return rows[row] if 0 <= row < len(rows) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        d = self.current()
        for b in (self.accept_button, self.reject_button):
            b.setEnabled(d is not None and d.status == "open")
        self.open_button.setEnabled(d is not None)

    # actions -------------------------------------------------------------------------------
    def _open_current(self) -> None:
        d = self.current()
        if d is not None:
            self.open_requested.emit(d.interaction_id)

    def resolve(self, accept: bool) -> None:
        from coach_app.services.disputes import resolve_dispute

        d = self.current()
        if d is None or d.status != "open":
            return
        reply = dispute_dialog.ask_reply(self, accept, title_text(d.criterion_title) or d.criterion_id, d.opened_by,
                                         d.from_status, d.wanted_status)
        if reply is None:
            return
        try:
            resolve_dispute(self.ctx.engine, d.id, self.ctx.user_name, accept, reply)
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self.changed.emit()
        self.refresh()
