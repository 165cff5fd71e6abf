"""Audio player synced with the transcript: the current utterance is highlighted and scrolled
into view, clicking an utterance (or the timeline strip, or a piece of evidence) seeks there.

Personal data (identity codes, card and phone numbers, e-mail addresses: core.redaction) is shown
redacted. A team lead or an admin may tick "Show personal data" to read it in clear in this view
only (e.g. to check a number was read back right); it is never saved, so every call opens
redacted. Agents and trainers have no such switch: coaching needs what was said, not the numbers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSlider, QTableView, QVBoxLayout,
    QWidget,
)

from coach_app.core.metrics import talk_summary
from coach_app.core.redaction import redact
from coach_app.core.transcript import AGENT, CUSTOMER, Segment, Timeline, format_clock

AGENT_COLOUR, CUSTOMER_COLOUR = QColor("#2f6fba"), QColor("#e08e2b")
SPEEDS = [0.75, 1.0, 1.25, 1.5, 2.0]
# who may see a transcript's personal data in clear (for the open view only)
UNREDACT_ROLES = ("team_lead", "admin")


def may_show_personal_data(role: str | None) -> bool:
    return role in UNREDACT_ROLES


class TranscriptModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("TranscriptModel", "Time"), QT_TRANSLATE_NOOP("TranscriptModel", "Speaker"),
               QT_TRANSLATE_NOOP("TranscriptModel", "Text"))

    def __init__(self, segments: list[Segment], parent=None):
        super().__init__(parent)
        self.segments = segments
        self.current = -1
        self.redacted = True
        self._redacted: list[str] | None = None  # worked out once, on first display

    def text(self, row: int) -> str:
        """The utterance as shown: redacted unless personal data is switched on."""
        if not self.redacted:
            return self.segments[row].text
        if self._redacted is None:
            from coach_app.ui.labels import ui_language

            lang = ui_language()  # "[card number]" / "[kortin numero]" in the viewer's language
            self._redacted = [redact(s.text, lang) for s in self.segments]
        return self._redacted[row]

    def set_redacted(self, on: bool) -> None:
        if on != self.redacted:
            self.redacted = on
            if self.segments:
                self.dataChanged.emit(self.index(0, 2), self.index(len(self.segments) - 1, 2))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self.segments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            speaker = {AGENT: self.tr("Agent"), CUSTOMER: self.tr("Customer")}.get(s.speaker, self.tr("Speaker"))
            return (format_clock(s.start_ms), speaker)[index.column()] if index.column() < 2 else self.text(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(AGENT_COLOUR if s.speaker == AGENT else CUSTOMER_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self.current:
            return QBrush(QColor("#fff1c2"))
        return None

    def set_current(self, row: int) -> None:
        if row == self.current:
            return
        old, self.current = self.current, row
        for r in (old, row):
            if r >= 0:
                self.dataChanged.emit(self.index(r, 0), self.index(r, 2))


class TimelineStrip(QWidget):
    """Who talks when: agent and customer lanes, silences over the hold limit, talk-over marks."""

    seek_requested = Signal(int)

    def __init__(self, segments: list[Segment], hold_limit_ms: int, parent=None):
        super().__init__(parent)
        self.segments, self.summary = segments, talk_summary(segments, hold_limit_ms)
        self.position_ms = 0
        self.setMinimumHeight(44)
        self.setToolTip(self.tr("Who talks when — click to listen from there"))

    def _x(self, ms: int) -> float:
        return ms / max(1, self.summary.duration_ms) * self.width()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f1f3f5"))
        h = self.height()
        for s in self.segments:
            y = 4 if s.speaker == AGENT else h / 2 + 2
            colour = AGENT_COLOUR if s.speaker == AGENT else CUSTOMER_COLOUR
            p.fillRect(QRectF(self._x(s.start_ms), y, max(1.0, self._x(s.end_ms) - self._x(s.start_ms)), h / 2 - 6), colour)
        p.setPen(QPen(QColor("#6b7280"), 1, Qt.PenStyle.DashLine))
        for a, b in self.summary.long_silences:
            p.drawRect(QRectF(self._x(a), 1, self._x(b) - self._x(a), h - 2))
        p.setPen(QPen(QColor("#b42318"), 2))
        for ms in self.summary.talk_over_ms:
            p.drawLine(int(self._x(ms)), 0, int(self._x(ms)), h)
        p.setPen(QPen(QColor("#111827"), 2))
        p.drawLine(int(self._x(self.position_ms)), 0, int(self._x(self.position_ms)), h)

    def mousePressEvent(self, event) -> None:
        self.seek_requested.emit(int(event.position().x() / max(1, self.width()) * self.summary.duration_ms))

    def set_position(self, ms: int) -> None:
        self.position_ms = ms
        self.update()


class TranscriptPanel(QWidget):
    # emitted with "Show personal data" ticked (True) or unticked: the scorecard's quotes follow
    personal_data_toggled = Signal(bool)

    def __init__(self, segments: list[Segment], audio: Path | None, hold_limit_ms: int, parent=None,
                 may_unredact: bool = False):
        super().__init__(parent)
        self.timeline = Timeline(segments)
        self.model = TranscriptModel(self.timeline.segments, self)
        self.player = None
        layout = QVBoxLayout(self)
        if audio is not None and audio.exists():
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self.player = QMediaPlayer(self)
            self.audio_out = QAudioOutput(self)
            self.player.setAudioOutput(self.audio_out)
            self.player.setSource(QUrl.fromLocalFile(str(audio)))
            self.player.positionChanged.connect(self._on_position)
            self.player.durationChanged.connect(lambda d: self.slider.setRange(0, d))
            layout.addLayout(self._controls())
            self.strip = TimelineStrip(self.timeline.segments, hold_limit_ms, self)
            self.strip.seek_requested.connect(self.seek)
            layout.addWidget(self.strip)
        self.show_personal = None
        if may_unredact:
            self.show_personal = QCheckBox(self.tr("Show personal data"), self)  # unticked at every start
            self.show_personal.setToolTip(self.tr("Identity codes, card and phone numbers and e-mail addresses are "
                                                  "hidden. Show them in this view only; nothing is saved."))
            self.show_personal.toggled.connect(self.set_show_personal_data)
            layout.addWidget(self.show_personal)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.clicked.connect(lambda idx: self.play_from(self.timeline.segments[idx.row()].start_ms))
        layout.addWidget(self.table, 1)

    def set_show_personal_data(self, on: bool) -> None:
        self.model.set_redacted(not on)
        self.table.resizeRowsToContents()
        self.personal_data_toggled.emit(on)

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.clicked.connect(self.toggle)
        back, fwd = QPushButton(self.tr("−5 s"), self), QPushButton(self.tr("+5 s"), self)
        back.clicked.connect(lambda: self.skip(-5000))
        fwd.clicked.connect(lambda: self.skip(5000))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.sliderMoved.connect(self.seek)
        self.clock = QLabel("0:00", self)
        self.speed = QComboBox(self)
        self.speed.addItems([f"{s:g}×" for s in SPEEDS])
        self.speed.setCurrentIndex(1)
        self.speed.currentIndexChanged.connect(lambda i: self.player.setPlaybackRate(SPEEDS[i]))
        for w in (self.play_button, back, fwd, self.slider, self.clock, self.speed):
            row.addWidget(w, 1 if w is self.slider else 0)
        for key, fn in ((Qt.Key.Key_Space, self.toggle), (Qt.Key.Key_Left, lambda: self.skip(-5000)),
                        (Qt.Key.Key_Right, lambda: self.skip(5000))):
            QShortcut(QKeySequence(key), self, activated=fn)
        return row

    # playback ------------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.player is None:
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
            self.play_button.setText(self.tr("Play"))
        else:
            self.player.play()
            self.play_button.setText(self.tr("Pause"))

    def skip(self, delta_ms: int) -> None:
        if self.player is not None:
            self.seek(max(0, self.player.position() + delta_ms))

    def seek(self, ms: int) -> None:
        """Jump to ``ms`` (also without audio: the transcript still follows)."""
        if self.player is not None:
            self.player.setPosition(int(ms))
        self._on_position(int(ms))

    def play_from(self, ms: int) -> None:
        """Jump to ``ms`` and listen from there (evidence ▶, a click on an utterance)."""
        self.seek(ms)
        if self.player is None:
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() != QMediaPlayer.PlaybackState.PlayingState:
            self.player.play()
            self.play_button.setText(self.tr("Pause"))

    def _on_position(self, ms: int) -> None:
        i = self.timeline.index_at(ms)
        if i is not None:
            self.model.set_current(i)
            self.table.scrollTo(self.model.index(i, 0))
        if self.player is not None:
            self.clock.setText(format_clock(ms))
            if not self.slider.isSliderDown():
                self.slider.setValue(ms)
            self.strip.set_position(ms)

    @property
    def current_row(self) -> int:
        return self.model.current
