"""A calibration session's report: overall agreement and kappa, a row per criterion, and the
differences between the reviewers, where the session's owner records the verdict they agree on."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from coach_app.errors import CoachError
from coach_app.ui.labels import verdict_text
from coach_app.ui.error_texts import error_text

#: the UI language's code, as its translation says ("fi" in the Finnish one)
_UI_LANGUAGE = QT_TRANSLATE_NOOP("UiLanguage", "en")
VERDICTS = ["met", "not_met", "na"]


def ui_language() -> str:
    """The language the UI is shown in: the installed translation's, English without one."""
    return QCoreApplication.translate("UiLanguage", _UI_LANGUAGE) or "en"


def _locale() -> QLocale:
    return QLocale(QLocale.Language.Finnish if ui_language() == "fi" else QLocale.Language.English)


def percent_text(fraction: float | None) -> str:
    """'62%' / '62 %' (in Finnish, with a decimal comma where there are decimals); '–' for none."""
    if fraction is None:
        return "–"
    number = _locale().toString(round(100 * fraction, 1), "f", 0 if round(100 * fraction, 1).is_integer() else 1)
    return QCoreApplication.translate("CalibrationReport", "{0}%").format(number)


def kappa_text(kappa: float | None) -> str:
    """Cohen's/Fleiss' kappa with two decimals in the UI language ('0,62'); '–' when undefined."""
    return "–" if kappa is None else _locale().toString(float(kappa), "f", 2)


def criterion_title(title: dict | None, fallback: str) -> str:
    """A rubric criterion's title in the UI language (else its first one; the id only when it has none)."""
    title = title or {}
    return title.get(ui_language()) or next(iter(title.values()), fallback)


def call_label(iid: int, row) -> str:
    """'#12 · Priya Shah · 2026-11-30' for a call (a library row, or None when it is not known)."""
    if row is None:
        return f"#{iid}"
    when = row.occurred_at.astimezone().strftime("%Y-%m-%d") if row.occurred_at else ""
    return " · ".join(p for p in (f"#{iid}", row.agent or "", when) if p)


def _item(text: str, tooltip: str = "", align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        item.setToolTip(tooltip)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ReportPanel(QWidget):
    """Shows one report (a dict from calibration_report); the owner records agreed verdicts."""

    verdict_recorded = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: dict | None = None
        self.titles: dict[str, str] = {}
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # alone, it fills the tab
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.criteria = QTableWidget(0, 4, self)
        self.criteria.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Agreement"), self.tr("Kappa"),
                                                 self.tr("Calls")])
        self.differences = QTableWidget(0, 0, self)
        for table in (self.criteria, self.differences):
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setWordWrap(False)
        self.criteria.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.criteria.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        left, right = QWidget(self), QWidget(self)
        left_layout, right_layout = QVBoxLayout(left), QVBoxLayout(right)
        for lay in (left_layout, right_layout):
            lay.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Agreement per criterion</b>"), left))
        left_layout.addWidget(self.criteria, 1)
        self.differences_label = QLabel(self.tr("<b>Where the reviewers differ</b>"), right)
        right_layout.addWidget(self.differences_label)
        right_layout.addWidget(self.differences, 1)
        agree = QHBoxLayout()
        self.agree_label = QLabel(self.tr("Agreed verdict:"), right)
        self.agreed = QComboBox(right)
        for status in VERDICTS:
            self.agreed.addItem(verdict_text(status), status)
        self.note = QLineEdit(right)
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.record_button = QPushButton(self.tr("Record agreed verdict"), right)
        self.record_button.clicked.connect(self.record)
        for w in (self.agree_label, self.agreed, self.note, self.record_button):
            agree.addWidget(w, 1 if w is self.note else 0)
        right_layout.addLayout(agree)
        self.error = QLabel(right)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b42318")
        self.error.hide()
        right_layout.addWidget(self.error)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.splitter = split
        layout.addWidget(split, 1)
        self.differences.itemSelectionChanged.connect(self._difference_selected)
        self.can_record = False
        self.show_report(None, {}, self.tr("Choose a session to see its report."))

    # showing -------------------------------------------------------------------------------
    def show_report(self, report: dict | None, calls: dict, message: str = "", can_record: bool = False) -> None:
        """``calls``: interaction id → library row (for the call's agent and date)."""
        self.report, self.calls, self.can_record = report, calls, can_record
        self.error.hide()
        self.splitter.setVisible(report is not None)
        if report is None:
            self.summary.setText(message)
            return
        self.titles = {c["id"]: criterion_title(c["title"], c["id"]) for c in report["criteria"]}
        self.summary.setText(self._summary(report))
        self.criteria.setRowCount(len(report["criteria"]))
        for row, c in enumerate(report["criteria"]):
            self.criteria.setItem(row, 0, _item(self.titles[c["id"]]))
            self.criteria.setItem(row, 1, _item(percent_text(c["agreement"]), align_right=True))
            self.criteria.setItem(row, 2, _item(kappa_text(c["kappa"]), align_right=True))
            self.criteria.setItem(row, 3, _item(str(c["pairs"]), align_right=True))
        self._fit_criteria()
        reviewers = report["reviewers"]
        diffs = report["differences"]
        self.differences.clear()
        self.differences.setColumnCount(3 + len(reviewers))
        self.differences.setHorizontalHeaderLabels([self.tr("Call"), self.tr("Criterion"), *reviewers, self.tr("Agreed")])
        self.differences.setRowCount(len(diffs))
        for row, d in enumerate(diffs):
            info = calls.get(d["interaction"])
            self.differences.setItem(row, 0, _item(call_label(d["interaction"], info),
                                                   info.original_name if info is not None else ""))
            title = self.titles.get(d["criterion"], d["criterion"])
            self.differences.setItem(row, 1, _item(title, title))  # the whole title where the column cuts it
            given = list(d["verdicts"].values())
            usual = max(VERDICTS, key=given.count)
            for col, name in enumerate(reviewers, start=2):
                status = d["verdicts"].get(name)
                cell = _item(verdict_text(status) if status else "–")
                if status and given.count(status) < given.count(usual):  # the one(s) seeing it otherwise
                    cell.setForeground(QColor("#b42318"))
                self.differences.setItem(row, col, cell)
            agreed = d.get("agreed")
            cell = _item(verdict_text(agreed) if agreed else "–")
            if agreed:
                font = cell.font()
                font.setBold(True)
                cell.setFont(font)
                if d.get("note"):  # why they agreed, where the owner wrote it down
                    cell.setToolTip(d["note"])
                    cell.setText(f"{cell.text()} — {d['note']}")
            self.differences.setItem(row, 2 + len(reviewers), cell)
        header = self.differences.horizontalHeader()
        for col in range(self.differences.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.differences_label.setText(self.tr("<b>Where the reviewers differ</b> ({0})").format(len(diffs)) if diffs
                                       else self.tr("<b>Where the reviewers differ</b>: nowhere"))
        for w in (self.agree_label, self.agreed, self.note, self.record_button):
            w.setVisible(can_record and bool(diffs))
        if diffs:
            self.differences.selectRow(0)
        self._difference_selected()

    def _fit_criteria(self) -> None:
        """The criteria table as wide as its contents, so no title is cut."""
        table, header = self.criteria, self.criteria.horizontalHeader()
        width = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(table.columnCount()))
        table.setMinimumWidth(width + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 4)

    def _summary(self, report: dict) -> str:
        title = report["title"].replace("&", "&amp;").replace("<", "&lt;")
        parts = [self.tr("owner {0}").format(report["owner"]),
                 self.tr("{0} of {1} reviews submitted").format(report["submitted"], report["expected"])]
        text = f"<h3>{title}</h3>" + " · ".join(parts)
        if report["overall_agreement"] is None:
            return text + "<br>" + self.tr("No call has been scored by two reviewers yet.")
        overall = self.tr("Agreement {0} · kappa {1}").format(percent_text(report["overall_agreement"]),
                                                              kappa_text(report["overall_kappa"]))
        text += f"<br><b style='font-size:13pt'>{overall}</b>"
        if not report["complete"]:
            text += " <span style='color:#9a6700'>" + self.tr("(so far: not every review is in)") + "</span>"
        return text

    def selected_difference(self) -> dict | None:
        rows = self.differences.selectionModel().selectedRows() if self.differences.selectionModel() else []
        if not rows or self.report is None:
            return None
        return self.report["differences"][rows[0].row()]

    def _difference_selected(self) -> None:
        d = self.selected_difference()
        self.record_button.setEnabled(d is not None and self.can_record)
        if d is None:
            return
        statuses = list(d["verdicts"].values())
        guess = d.get("agreed") or max(VERDICTS, key=statuses.count)
        self.agreed.setCurrentIndex(VERDICTS.index(guess))

    # recording -----------------------------------------------------------------------------
    def record(self) -> None:
        from coach_app.services.calibration import record_verdict

        d = self.selected_difference()
        if d is None or self.report is None:
            return
        try:
            record_verdict(self.ctx.engine, self.report["id"], d["interaction"], d["criterion"],
                           self.agreed.currentData(), self.ctx.user_name, self.note.text())
        except CoachError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.note.clear()
        self.verdict_recorded.emit()
