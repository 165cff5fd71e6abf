"""Blind scoring in a calibration session: the reviewer's calls, the transcript of the one
chosen, and a blank scorecard (met / not met / n/a per automatic criterion) to submit. Neither
the automatic verdicts nor the other reviewers' are ever shown here."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter, QVBoxLayout,
    QWidget,
)

from coach_app.errors import CoachError
from coach_app.ui.calibration_report import call_label, criterion_title
from coach_app.ui.labels import verdict_text
from coach_app.ui.workers import run_task
from coach_app.ui.error_texts import error_text

CHOICES = [None, "met", "not_met", "na"]


def load_call(engine, interaction_id: int, session_id: int | None = None, user: str | None = None):
    """The call's transcript, the rubric it is scored on, and the choices ``user`` already saved
    for it in the session (read off the GUI thread)."""
    from coach_app.services.evaluations import evaluations_of
    from coach_app.services.queries import interaction_with_transcript
    from coach_app.services.rubrics import resolve_rubric

    inter, agent, segments = interaction_with_transcript(engine, interaction_id)
    auto = [e for e in evaluations_of(engine, interaction_id) if e.kind == "automatic"]
    if not auto:
        raise CoachError(f"interaction {interaction_id} has not been scored yet")
    _, rubric = resolve_rubric(engine, str(auto[-1].rubric_version_id))
    return inter, agent, segments, rubric, saved_choices(engine, interaction_id, session_id, user)


def saved_choices(engine, interaction_id: int, session_id: int | None, user: str | None) -> dict:
    """The verdicts ``user`` has chosen so far in their open calibration review of the call."""
    from sqlmodel import Session, select

    from coach_app.db.models import CriterionResult, Evaluation, Person

    if session_id is None or not user:
        return {}
    with Session(engine) as s:
        ev = s.exec(select(Evaluation).join(Person, Person.id == Evaluation.author_id).where(
            Evaluation.interaction_id == interaction_id, Evaluation.kind == "calibration",
            Evaluation.calibration_session_id == session_id, Person.name == user,
            Evaluation.submitted_at.is_(None))).first()
        if ev is None:
            return {}
        return {r.criterion_id: r.status for r in s.exec(select(CriterionResult).where(
            CriterionResult.evaluation_id == ev.id)).all() if r.status}


class BlindScorecard(QWidget):
    """A blank scorecard for one call: every automatic criterion with a choice, then Submit."""

    submitted = Signal(int)

    def __init__(self, ctx, session_id: int, interaction_id: int, rubric, drafts: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.session_id, self.interaction_id = ctx, session_id, interaction_id
        #: choices made so far, kept by the page while the reviewer looks at other calls
        self.draft = drafts.setdefault((session_id, interaction_id), {})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("Score the call yourself: the automatic verdicts and the other reviewers' "
                                   "stay hidden until you have submitted."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#616e7c")
        layout.addWidget(self.hint)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        self.combos: dict[str, QComboBox] = {}
        self.criteria = [c for c in rubric.criteria if c.scoring == "automatic"]
        for row, c in enumerate(self.criteria):
            title = QLabel(f"<b>{criterion_title(c.title, c.id)}</b>", body)
            title.setWordWrap(True)
            description = criterion_title(c.description, "")
            title.setToolTip(description)
            combo = QComboBox(body)
            combo.addItem(self.tr("choose…"), None)
            for status in CHOICES[1:]:
                combo.addItem(verdict_text(status), status)
            combo.setCurrentIndex(CHOICES.index(self.draft.get(c.id)))
            combo.setProperty("criterion", c.id)
            combo.currentIndexChanged.connect(lambda _i, cid=c.id, w=combo: self._chosen(cid, w.currentData()))
            self.combos[c.id] = combo
            grid.addWidget(title, row, 0)
            grid.addWidget(combo, row, 1)
        grid.setRowStretch(len(self.criteria), 1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b42318")
        self.error.hide()
        layout.addWidget(self.error)
        self.submit_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        layout.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignRight)
        self._update_button()

    def _chosen(self, cid: str, status: str | None) -> None:
        """Saved at once in the reviewer's open calibration review (hidden from everyone else
        until submitted), so closing the app loses nothing."""
        from coach_app.services.reviews import Change, review

        self.draft[cid] = status
        if status is not None:
            try:
                review(self.ctx.engine, self.interaction_id, self.ctx.user_name, "calibration",
                       changes=[Change(cid, status=status)], session_id=self.session_id)
            except CoachError as exc:
                self.error.setText(error_text(exc))
                self.error.show()
        self._update_button()

    def open_count(self) -> int:
        return sum(1 for c in self.criteria if self.draft.get(c.id) is None)

    def _update_button(self) -> None:
        left = self.open_count()
        self.submit_button.setText(self.tr("Submit my scores") if not left
                                   else self.tr("Submit my scores ({0} still open)").format(left))
        self.submit_button.setEnabled(left == 0)

    def choose(self, cid: str, status: str) -> None:
        """Pick a verdict as the reviewer would (tests, keyboard-free use)."""
        combo = self.combos[cid]
        combo.setCurrentIndex(combo.findData(status))

    def submit(self) -> None:
        from coach_app.services.reviews import Change, review

        try:
            review(self.ctx.engine, self.interaction_id, self.ctx.user_name, "calibration",
                   changes=[Change(c.id, status=self.draft[c.id]) for c in self.criteria], submit=True,
                   session_id=self.session_id)
        except (CoachError, KeyError) as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.submitted.emit(self.interaction_id)


class ScoringPage(QWidget):
    """The reviewer's calls in one session; the chosen one's transcript beside its blank scorecard."""

    submitted = Signal()
    #: a call's transcript and scorecard are shown (tests wait for it)
    call_shown = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session: dict | None = None
        self.drafts: dict = {}
        self.scorecard: BlindScorecard | None = None
        self.transcript = None
        self._generation = 0
        self._advance = False  # after a submit: on to the next call still to score
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.calls = QListWidget(self)
        self.calls.currentItemChanged.connect(lambda item, _old: self._open(item))
        self.split.addWidget(self.calls)
        self.transcript_holder = QWidget(self)
        QVBoxLayout(self.transcript_holder).setContentsMargins(0, 0, 0, 0)
        self.card_holder = QWidget(self)
        QVBoxLayout(self.card_holder).setContentsMargins(0, 0, 0, 0)
        self.split.addWidget(self.transcript_holder)
        self.split.addWidget(self.card_holder)
        self.split.setSizes([220, 560, 460])
        state = QSettings().value("calibration/scoring_splitter")
        if state is not None:
            self.split.restoreState(state)
        self.split.splitterMoved.connect(
            lambda *_: QSettings().setValue("calibration/scoring_splitter", self.split.saveState()))
        layout.addWidget(self.split, 1)
        self.set_session(None, {})

    def set_session(self, session: dict | None, calls: dict) -> None:
        """``session``: a row of list_sessions; ``calls``: interaction id → library row."""
        current = self.calls.currentItem().data(Qt.ItemDataRole.UserRole) if self.calls.currentItem() else None
        same = session is not None and self.session is not None and session["id"] == self.session["id"]
        self.session, self.call_rows = session, calls
        self.calls.blockSignals(True)
        self.calls.clear()
        mine = session is not None and self.ctx.user_name in session["reviewers"]
        self.split.setVisible(mine)
        if session is None:
            self.message.setText(self.tr("Choose a session to score its calls."))
        elif not mine:
            self.message.setText(self.tr("You are not one of this session's reviewers."))
        else:
            left = len(session["my_open"])
            self.message.setText(self.tr("Your calls to score: {0} of {1}").format(left, len(session["interactions"]))
                                 if left else self.tr("You have scored every call of this session. Thank you!"))
            for iid in session["interactions"]:
                done = iid not in session["my_open"]
                text = call_label(iid, calls.get(iid)) + "\n" + (self.tr("✓ submitted") if done else self.tr("to score"))
                item = QListWidgetItem(text, self.calls)
                item.setData(Qt.ItemDataRole.UserRole, iid)
                if not done:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        self.calls.blockSignals(False)
        if not mine:
            self._clear()
            return
        ids = [self.calls.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.calls.count())]
        keep = current if same and current in ids and not self._advance else None
        self._advance = False
        first_open = next((i for i in ids if i in session["my_open"]), ids[0] if ids else None)
        target = keep if keep is not None else first_open
        if target is not None:
            self.calls.setCurrentRow(ids.index(target))  # opens it

    def _clear(self) -> None:
        for holder in (self.transcript_holder, self.card_holder):
            while holder.layout().count():
                w = holder.layout().takeAt(0).widget()
                if w is not None:
                    w.deleteLater()
        self.scorecard = self.transcript = None

    def _open(self, item) -> None:
        if item is None or self.session is None:
            return
        iid = item.data(Qt.ItemDataRole.UserRole)
        self._generation += 1
        generation, session_id = self._generation, self.session["id"]
        done = iid not in self.session["my_open"]
        user = self.ctx.user_name
        self._task = run_task(self.ctx.io_pool, lambda: (generation, session_id, iid, done,
                                                         load_call(self.ctx.engine, iid, session_id, user)),
                              self._loaded, self._failed)

    def _failed(self, message: str) -> None:
        self._clear()
        self.message.setText(self.tr("Could not open the call: {0}").format(message))

    def _loaded(self, result) -> None:
        generation, session_id, iid, done, (inter, _agent, segments, rubric, saved) = result
        if generation != self._generation or self.session is None or self.session["id"] != session_id:
            return  # another call was chosen meanwhile
        from coach_app.ui.transcript_panel import TranscriptPanel, may_show_personal_data

        self._clear()
        audio = self.ctx.ws.recording_path(inter.managed_path) if inter.kind == "audio" and inter.managed_path else None
        self.transcript = TranscriptPanel(segments, audio, int(self.ctx.settings.hold_limit_s * 1000), self,
                                          may_unredact=may_show_personal_data(self.ctx.user_role))
        self.transcript_holder.layout().addWidget(self.transcript)
        table = self.transcript.table  # utterances wrap to the width the splitter gives them
        table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
        if done:
            label = QLabel(self.tr("You have submitted your scores for this call. The report shows how they compare."),
                           self)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.card_holder.layout().addWidget(label)
        else:
            for cid, status in saved.items():  # what an earlier sitting saved, unless changed since
                self.drafts.setdefault((session_id, iid), {}).setdefault(cid, status)
            self.scorecard = BlindScorecard(self.ctx, session_id, iid, rubric, self.drafts, self)
            self.scorecard.submitted.connect(self._submitted)
            self.card_holder.layout().addWidget(self.scorecard)
        self.call_shown.emit(iid)

    def _submitted(self, iid: int) -> None:
        self.drafts.pop((self.session["id"], iid), None)
        self._advance = True
        self.submitted.emit()
