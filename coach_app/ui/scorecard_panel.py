"""The scorecard beside the transcript: each criterion with its status, rationale and evidence
(click to listen), a status control (a change from the automatic verdict asks for a reason), a
comment, and the total updating live. Every change is saved at once, with an audit event.

Who edits what: a team lead edits their own review (created from the automatic scores on the
first change); the call's agent fills in a blank self-assessment and sees the lead's view only
after submitting it; anyone else sees the newest evaluation read-only. Rationales and evidence
quote the transcript, so they are redacted like the transcript view, and follow its "Show
personal data" switch (set_show_personal_data)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)
from sqlmodel import Session, select

from coach_app.core.redaction import redact
from coach_app.core.rubric import parse_rubric
from coach_app.core.scoring import LOW_CONFIDENCE
from coach_app.core.transcript import format_clock
from coach_app.db.models import CriterionResult, Evaluation, RubricVersion
from coach_app.errors import CoachError
from coach_app.services.disputes import list_disputes, open_dispute
from coach_app.services.reviews import Change, review, start_review, submit_review, visible_evaluations
from coach_app.ui import dispute_dialog, reason_dialog
from coach_app.ui.dispute_dialog import dispute_note
from coach_app.ui.labels import ui_language, verdict_text
from coach_app.ui.error_texts import error_text

STATUSES = [None, "met", "not_met", "na"]


class ScorecardPanel(QWidget):
    seek_requested = Signal(int)
    changed = Signal()

    def __init__(self, ctx, interaction, parent=None):
        super().__init__(parent)
        self.ctx, self.interaction = ctx, interaction
        self.user, self.role = ctx.user_name, ctx.user_role
        self.rubric, self.lang = None, "en"
        self.show_personal_data = False  # the transcript view's switch; never saved
        self.is_agent_of_call = self._agent_name() == self.user
        self.review_kind = "self" if self.is_agent_of_call else "lead" if self.role in ("team_lead", "admin") else None
        outer = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.header)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self._pending_scroll: int | None = None
        self.scroll.verticalScrollBar().rangeChanged.connect(self._on_scroll_range)
        # the user scrolling meanwhile wins over a position still to restore
        self.scroll.verticalScrollBar().actionTriggered.connect(lambda _a: setattr(self, "_pending_scroll", None))
        outer.addWidget(self.scroll, 1)
        buttons = QHBoxLayout()
        self.submit_button = QPushButton(self.tr("Submit self-assessment") if self.review_kind == "self"
                                         else self.tr("Mark review as done"), self)
        self.submit_button.clicked.connect(self.submit)
        self.submit_button.setVisible(self.review_kind is not None)
        # the agent may skip self-assessing: the lead's review opens to them at once
        self.skip_button = QPushButton(self.tr("Skip self-assessment"), self)
        self.skip_button.clicked.connect(self.skip)
        self.skip_button.setVisible(self.review_kind == "self")
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.submit_button)
        outer.addLayout(buttons)
        self.reload()

    # data ----------------------------------------------------------------------------------
    def _agent_name(self) -> str | None:
        from coach_app.db.models import Person

        with Session(self.ctx.engine) as s:
            p = s.get(Person, self.interaction.agent_id) if self.interaction.agent_id else None
            return p.name if p else None

    def _load(self):
        evs = visible_evaluations(self.ctx.engine, self.interaction.id, self.user)
        mine = next((e for e in reversed(evs) if e.kind == self.review_kind and self._is_mine(e)), None)
        shown = mine or next((e for kind in ("lead", "calibration", "automatic") for e in reversed(evs) if e.kind == kind), None)
        if self.review_kind == "self" and mine is None:
            shown = None  # a self-assessment starts blank, without the automatic verdicts
        lead = None
        if self.review_kind == "self" and mine is not None and mine.submitted_at:
            lead = next((e for kind in ("lead", "automatic") for e in reversed(evs) if e.kind == kind), None)
            if mine.skipped:  # nothing of their own to compare: the agent reads the lead's review
                shown, lead = lead, None
        self.self_done = self.review_kind == "self" and mine is not None and mine.submitted_at is not None
        self.lead_review = next((e for e in reversed(evs) if e.kind == "lead" and e.submitted_at), None)
        self.disputes = list_disputes(self.ctx.engine, viewer=self.user, interaction_id=self.interaction.id) \
            if self.self_done and self.lead_review is not None else []
        with Session(self.ctx.engine) as s:
            # the rubric comes from the automatic scoring even when its verdicts are hidden
            any_ev = shown or next(iter(evs), None) or s.exec(
                select(Evaluation).where(Evaluation.interaction_id == self.interaction.id, Evaluation.kind == "automatic")
                .order_by(Evaluation.id.desc())).first()
            if any_ev is None:
                self.lead_results = {}
                return None, None, {}, {}
            version = s.get(RubricVersion, any_ev.rubric_version_id)
            rubric = parse_rubric(version.content, f"rubric version {version.id}")

            def results(ev):
                if ev is None:
                    return {}
                return {r.criterion_id: r for r in s.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev.id))}

            self.lead_results = results(self.lead_review) if self.self_done else {}
            return rubric, shown, results(shown), results(lead)

    def _author(self, ev: Evaluation | None) -> str | None:
        from coach_app.db.models import Person

        if ev is None or not ev.author_id:
            return None
        with Session(self.ctx.engine) as s:
            p = s.get(Person, ev.author_id)
            return p.name if p else None

    def _is_mine(self, ev: Evaluation) -> bool:
        return self._author(ev) == self.user

    def _shown(self, text: str) -> str:
        """Transcript text as this view shows it: redacted unless personal data is switched on."""
        return text if self.show_personal_data else redact(text, ui_language())

    def set_show_personal_data(self, on: bool) -> None:
        if on != self.show_personal_data:
            self.show_personal_data = on
            self.reload()

    def criterion_title(self, cid: str) -> str:
        """What a person reads for a criterion: its title in the call's language (never its id,
        unless the rubric gives it no title at all)."""
        c = next((c for c in self.rubric.criteria if c.id == cid), None) if self.rubric else None
        if c is None:
            return cid
        return c.title.get(self.lang) or next(iter(c.title.values()), cid)

    def _why(self, r, lead_r) -> tuple[str, bool]:
        """The text under a criterion and whether it differs from the lead's verdict. A verdict a
        person changed shows who changed it and why: the automatic rationale would contradict it."""
        why = (r.rationale or "") if r else ""
        if r and r.overridden_from:
            why = self.tr("Changed by {0} from {1}: {2}").format(
                self._author(self.evaluation) or self.tr("a reviewer"), verdict_text(r.overridden_from),
                r.override_reason or "")
        differs = False
        if lead_r is not None:
            lead_status = lead_r.status
            if lead_status is None:
                why = self.tr("The lead has not scored this. ") + why
            else:
                differs = lead_status != (r.status if r else None)
                lead = (self.tr("Lead: {0} (differs from yours). ") if differs else self.tr("Lead: {0}. "))
                why = lead.format(verdict_text(lead_status)) + why
        return why, differs

    # view ----------------------------------------------------------------------------------
    def reload(self) -> None:
        rubric, ev, res, lead_res = self._load()
        self.rubric, self.evaluation, self.results = rubric, ev, res
        scrolled = self.scroll.verticalScrollBar().value()  # a change must not jump back to the top
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(0, 1)
        if rubric is None:
            grid.addWidget(QLabel(self.tr("Not scored yet. Scoring runs after transcription.")), 0, 0)
            self.scroll.setWidget(body)
            self.header.setText("")
            return
        lang = self.interaction.language if self.interaction.language in rubric.languages else rubric.languages[0]
        self.lang = lang
        editable = self.review_kind is not None and not (ev is not None and ev.submitted_at)
        self.submit_button.setVisible(self.review_kind is not None and not (self.review_kind == "self" and self.self_done))
        self.skip_button.setVisible(self.review_kind == "self" and not self.self_done)
        self.dispute_buttons: dict[str, QPushButton] = {}
        self.combos: dict[str, QComboBox] = {}
        for row, c in enumerate(rubric.criteria):
            r = res.get(c.id)
            title = QLabel(f"<b>{c.title.get(lang, c.id)}</b>" + (" ⚑" if c.critical else ""), body)
            title.setToolTip(c.description.get(lang, "") + (
                "\n" + self.tr("Automatic verdict probability: {0} %").format(round(100 * r.confidence))
                if r is not None and r.confidence is not None else ""))
            combo = QComboBox(body)
            combo.addItems([self.tr("not scored"), self.tr("met"), self.tr("not met"), self.tr("n/a")])
            combo.setCurrentIndex(STATUSES.index(r.status if r else None))
            combo.setEnabled(editable)
            combo.setProperty("criterion", c.id)
            combo.currentIndexChanged.connect(lambda i, cid=c.id: self.on_status(cid, STATUSES[i]))
            self.combos[c.id] = combo
            why, differs = self._why(r, lead_res.get(c.id))
            why = self._shown(why)  # an automatic rationale quotes the utterance
            low = r is not None and r.confidence is not None and r.confidence < LOW_CONFIDENCE
            if low:  # the judge was unsure: a lead looks at these first
                why = self.tr("Uncertain ({0} %) — please check. ").format(round(100 * r.confidence)) + why
            text = QLabel(why, body)
            text.setWordWrap(True)
            text.setStyleSheet("color:#3e4c59; background:#fff1c2" if differs else "color:#3e4c59")
            base = row * 4
            grid.addWidget(title, base, 0)
            grid.addWidget(combo, base, 1)
            for e in (r.evidence or [])[:1] if r else []:
                b = QPushButton(f"▶ {format_clock(e['start_ms'])}", body)
                b.setToolTip(self.tr("Listen from here: {0}").format(self._shown(e.get("quote", ""))))
                b.clicked.connect(lambda _=False, ms=e["start_ms"]: self.seek_requested.emit(ms))
                grid.addWidget(b, base, 2)
            if why:
                grid.addWidget(text, base + 1, 0, 1, 3)
            comment = QLineEdit(body)
            comment.setPlaceholderText(self.tr("Comment"))
            comment.setText((r.reviewer_comment or "") if r else "")
            comment.setEnabled(editable)
            comment.editingFinished.connect(lambda cid=c.id, w=comment: self.on_comment(cid, w.text()))
            grid.addWidget(comment, base + 2, 0, 1, 3)
            self._add_dispute(grid, body, base, c.id)
        self.scroll.setWidget(body)
        self._restore_scroll(scrolled)
        self._update_header(ev)

    def _add_dispute(self, grid, body, base: int, cid: str) -> None:
        """The agent's Dispute… button (once self-assessed, on the lead's submitted review) and the
        latest dispute of the criterion with its outcome."""
        if not self.self_done or self.lead_review is None:
            return
        mine = [d for d in self.disputes if d.criterion_id == cid]
        if mine:
            d = mine[-1]
            note = QLabel(dispute_note(d), body)
            note.setWordWrap(True)
            note.setProperty("dispute", d.status)
            note.setStyleSheet({"open": "color:#9a6700", "accepted": "color:#1b7f4b"}.get(d.status, "color:#b42318"))
            grid.addWidget(note, base + 3, 0, 1, 3)
        if not any(d.status == "open" for d in mine):
            b = QPushButton(self.tr("Dispute…"), body)
            b.setToolTip(self.tr("Ask the lead for another verdict on this criterion"))
            b.clicked.connect(lambda _=False, x=cid: self.dispute(x))
            grid.addWidget(b, base + 2, 3)
            self.dispute_buttons[cid] = b

    def dispute(self, cid: str) -> None:
        r = self.lead_results.get(cid)
        asked = dispute_dialog.ask_dispute(self, self.criterion_title(cid), r.status if r else None)
        if asked is None:
            return
        try:
            open_dispute(self.ctx.engine, self.interaction.id, self.user, cid, asked[0], asked[1])
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self._reload_soon()
        self.changed.emit()

    def skip(self) -> None:
        answer = QMessageBox.question(self, self.tr("Skip self-assessment"),
                                      self.tr("Skip your self-assessment of this call? The lead's review opens to you "
                                              "now, and you cannot self-assess the call afterwards."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            review(self.ctx.engine, self.interaction.id, self.user, "self", skip=True)
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self.reload()
        self.changed.emit()

    def _restore_scroll(self, value: int) -> None:
        # The new body's height is known only once its layout ran, so the position is set again
        # when the scroll range has grown back to it (_on_scroll_range).
        self._pending_scroll = value if value > 0 else None
        self.scroll.verticalScrollBar().setValue(value)
        self._on_scroll_range(0, self.scroll.verticalScrollBar().maximum())

    def _on_scroll_range(self, _minimum: int, maximum: int) -> None:
        if self._pending_scroll is not None and maximum >= self._pending_scroll:
            self.scroll.verticalScrollBar().setValue(self._pending_scroll)
            self._pending_scroll = None

    def _update_header(self, ev: Evaluation | None) -> None:
        if ev is None or ev.total is None:
            self.header.setText(self.tr("<h2>Total: –</h2>"))
            return
        verdict = self.tr("passed") if ev.passed else self.tr("not passed")
        colour = "#1b7f4b" if ev.passed else "#b42318"
        kind = {"automatic": self.tr("automatic"), "lead": self.tr("lead review"), "self": self.tr("self-assessment"),
                "calibration": self.tr("calibration")}[ev.kind]
        total_label = self.tr("Total")  # outside the f-string, so lupdate sees it
        self.header.setText(f"<h2>{total_label}: {ev.total:.0f} <span style='color:{colour}'>{verdict}</span></h2>"
                            f"<span style='color:#616e7c'>{kind}</span>")

    # edits ---------------------------------------------------------------------------------
    def _my_review(self) -> Evaluation:
        if self.evaluation is None or self.evaluation.kind != self.review_kind or not self._is_mine(self.evaluation):
            self.evaluation = start_review(self.ctx.engine, self.interaction.id, self.user, self.review_kind)
        return self.evaluation

    def on_status(self, cid: str, status: str | None) -> None:
        """One change, all or nothing (services.reviews.review): a change refused for want of a
        reason, or whose reason is cancelled, leaves no open review behind."""
        if status is None:
            return
        try:
            try:
                self.evaluation = review(self.ctx.engine, self.interaction.id, self.user, self.review_kind,
                                         [Change(cid, status=status)])
            except CoachError as exc:
                if "needs a reason" not in str(exc):
                    raise
                old = self.results[cid].status if cid in self.results else None
                reason = reason_dialog.ask_reason(self, self.criterion_title(cid), old, status)
                if reason is None:
                    self._reload_soon()  # cancelled: the control goes back to the stored verdict
                    return
                self.evaluation = review(self.ctx.engine, self.interaction.id, self.user, self.review_kind,
                                         [Change(cid, status=status)], reason=reason)
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
        self._reload_soon()
        self.changed.emit()

    def _reload_soon(self) -> None:
        # The control that emitted the change is rebuilt by reload(): never delete a sender
        # inside its own signal, rebuild once control has returned to the event loop.
        QTimer.singleShot(0, self, self.reload)  # with self as context: dropped if the panel is gone by then

    def on_comment(self, cid: str, text: str) -> None:
        r = self.results.get(cid)
        if (r.reviewer_comment or "") == text.strip() if r else not text.strip():
            return
        try:
            self.evaluation = review(self.ctx.engine, self.interaction.id, self.user, self.review_kind,
                                     [Change(cid, comment=text)])
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
        self._reload_soon()

    def submit(self) -> None:
        try:
            submit_review(self.ctx.engine, self._my_review().id, self.user)
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not submitted"), error_text(exc))
            return
        self.reload()
        self.changed.emit()
