"""Calibration: the sessions the user owns or reviews in, blind scoring of their calls, and the
report (agreement, kappa, where the reviewers differ, the agreed verdicts). For team leads,
trainers and admins; an agent is told it is not for them."""

from __future__ import annotations

from collections import namedtuple

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from coach_app.ui.calibration_report import ReportPanel
from coach_app.ui.calibration_scoring import ScoringPage
from coach_app.ui.workers import run_task

#: what the page shows of a call: enough to tell the calls apart (never its scores)
CallInfo = namedtuple("CallInfo", "occurred_at agent original_name")
CALIBRATION_ROLES = ("team_lead", "trainer", "admin")


def load_sessions(engine, viewer: str) -> tuple[list[dict], dict[int, CallInfo]]:
    """The viewer's sessions and the calls in them (off the GUI thread)."""
    from coach_app.services.calibration import list_sessions
    from coach_app.services.queries import interaction_with_transcript

    sessions = list_sessions(engine, viewer)
    calls = {}
    for iid in sorted({i for s in sessions for i in s["interactions"]}):
        inter, agent, _segments = interaction_with_transcript(engine, iid)
        calls[iid] = CallInfo(inter.occurred_at, agent, inter.original_name)
    return sessions, calls


def load_report(engine, session_id: int, viewer: str) -> dict | None:
    """The session's report, or None while it is still closed to the viewer (not all their calls scored)."""
    from coach_app.services.access import AccessError
    from coach_app.services.calibration import calibration_report

    try:
        return calibration_report(engine, session_id, viewer)
    except AccessError:
        return None


def _cell(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CalibrationView(QWidget):
    #: the sessions are listed (tests wait for it)
    loaded = Signal(int)
    #: a session's report (or the reason it is closed) is shown
    report_shown = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.sessions: list[dict] = []
        self.calls: dict[int, CallInfo] = {}
        self._generation = self._report_generation = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<h2>Calibration</h2>"), self))
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New session…"), self)
        self.new_button.clicked.connect(self.new_session)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Session"), self.tr("Owner"), self.tr("Reviews submitted"),
                                              self.tr("Your calls to score")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.tabs = QTabWidget(self)
        self.scoring = ScoringPage(ctx, self)
        self.scoring.submitted.connect(self.refresh)
        self.report = ReportPanel(ctx, self)
        self.report.verdict_recorded.connect(self.load_report)
        self.tabs.addTab(self.scoring, self.tr("Score my calls"))
        self.tabs.addTab(self.report, self.tr("Report"))
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.table)
        self.split.addWidget(self.tabs)
        self.split.setSizes([110, 640])  # a few sessions; the room goes to scoring and the report
        state = QSettings().value("calibration/splitter")
        if state is not None:
            self.split.restoreState(state)
        self.split.splitterMoved.connect(lambda *_: QSettings().setValue("calibration/splitter", self.split.saveState()))
        layout.addWidget(self.split, 1)

    # sessions ------------------------------------------------------------------------------
    def allowed(self) -> bool:
        return self.ctx.user_role in CALIBRATION_ROLES

    def refresh(self) -> None:
        """Reload the sessions in the background; the newest request wins."""
        allowed = self.allowed()
        self.split.setVisible(allowed)
        self.new_button.setVisible(allowed)
        self.refresh_button.setVisible(allowed)
        if not allowed:
            self._say(self.tr("Calibration sessions are for team leads, trainers and admins."))
            return
        self._say(self.tr("Loading…"))
        self._generation += 1
        generation, user = self._generation, self.ctx.user_name
        self._task = run_task(self.ctx.io_pool, lambda: (generation, user, load_sessions(self.ctx.engine, user)),
                              self._loaded, lambda msg: self._say(self.tr("Could not read the sessions: {0}").format(msg)))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _loaded(self, result) -> None:
        generation, user, (sessions, calls) = result
        if generation != self._generation:
            return  # a newer refresh is on its way
        current = self.current_session()
        keep = current["id"] if current else None
        self.sessions, self.calls, self._user = sessions, calls, user
        self._say("" if sessions else self.tr("No calibration sessions yet. Start one with “New session…”: pick a few "
                                              "calls and the reviewers who score them blind."))
        self.table.blockSignals(True)
        self.table.setRowCount(len(sessions))
        for row, s in enumerate(sessions):
            self.table.setItem(row, 0, _cell(s["title"]))
            self.table.setItem(row, 1, _cell(s["owner"]))
            self.table.setItem(row, 2, _cell(self.tr("{0} of {1}").format(s["submitted"], s["expected"]), True))
            mine = user in s["reviewers"]
            open_ = len(s["my_open"])
            self.table.setItem(row, 3, _cell((self.tr("{0} of {1}").format(open_, len(s["interactions"])) if open_
                                              else self.tr("all done")) if mine else "–", True))
        self.table.blockSignals(False)
        ids = [s["id"] for s in sessions]
        if sessions:
            self.table.blockSignals(True)
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
            self.table.blockSignals(False)
        else:
            self.table.clearSelection()
        self._selected()  # also when the same row stays selected: its news is shown all the same
        self.loaded.emit(len(sessions))

    def current_session(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.sessions[rows[0].row()] if rows and rows[0].row() < len(self.sessions) else None

    def select_session(self, session_id: int) -> None:
        self.table.selectRow([s["id"] for s in self.sessions].index(session_id))

    def _selected(self) -> None:
        s = self.current_session()
        changed = (s["id"] if s else None) != getattr(self, "_shown_id", None)
        finished = not changed and s is not None and not s["my_open"] and getattr(self, "_open_before", 0) > 0
        self._shown_id, self._open_before = (s["id"], len(s["my_open"])) if s else (None, 0)
        self.scoring.set_session(s, self.calls)
        if changed and s is not None:  # a new session opens where there is work: scoring, else the report
            self.tabs.setCurrentWidget(self.scoring if s["my_open"] else self.report)
        elif finished:  # the reviewer's last call is in: on to the report, now open to them
            self.tabs.setCurrentWidget(self.report)
        self.load_report()

    # report --------------------------------------------------------------------------------
    def load_report(self) -> None:
        s = self.current_session()
        self._report_generation += 1
        if s is None:
            self.report.show_report(None, {}, self.tr("Choose a session to see its report."))
            self.report_shown.emit()
            return
        generation, user, sid = self._report_generation, self.ctx.user_name, s["id"]
        self._report_task = run_task(self.ctx.io_pool, lambda: (generation, load_report(self.ctx.engine, sid, user)),
                                     self._report_loaded, self._report_failed)

    def _report_failed(self, message: str) -> None:
        self.report.show_report(None, {}, self.tr("Could not read the report: {0}").format(message))
        self.report_shown.emit()

    def _report_loaded(self, result) -> None:
        generation, report = result
        if generation != self._report_generation:
            return
        if report is None:
            self.report.show_report(None, {}, self.tr("The report opens once you have submitted your scores for "
                                                      "every call of this session (until then it would unblind you)."))
        else:
            can_record = report["owner"] == self.ctx.user_name or self.ctx.user_role == "admin"
            self.report.show_report(report, self.calls, can_record=can_record)
        self.report_shown.emit()

    # new session ---------------------------------------------------------------------------
    def new_session(self) -> None:
        from coach_app.ui.calibration_dialog import NewSessionDialog

        dlg = NewSessionDialog(self.ctx, self)
        self._dialog = dlg  # tests drive the open dialog
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.session is not None:
            self._select_after_load(dlg.session.id)
        self._dialog = None

    def _select_after_load(self, session_id: int) -> None:
        def pick(_count: int) -> None:
            self.loaded.disconnect(pick)
            if session_id in [s["id"] for s in self.sessions]:
                self.select_session(session_id)

        self.loaded.connect(pick)
        self.refresh()
