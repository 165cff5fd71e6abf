"""Rubric editor for trainers: pick a template, edit its criteria (texts in en/fi, weight,
critical, N/A rule, phrase patterns per language, coaching tips) with validation as you type,
try the draft on a stored transcript, and save it as a new immutable version."""

from __future__ import annotations

import copy
import re

import yaml
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from coach_app.core.rubric import DEFAULT_RUBRIC, RubricError, parse_rubric
from coach_app.errors import CoachError
from coach_app.services.rubrics import list_rubric_versions, resolve_rubric, store_rubric
from coach_app.ui.labels import verdict_text
from coach_app.ui.workers import run_task
from coach_app.ui.error_texts import error_text

LANGS = ("en", "fi")


def _lines(widget: QPlainTextEdit) -> list[str]:
    return [x.strip() for x in widget.toPlainText().splitlines() if x.strip()]


class RubricEditor(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: dict | None = None
        self.current: dict | None = None  # the criterion being edited (a dict inside self.data)
        self._loading = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.versions = QComboBox(self)
        self.versions.currentIndexChanged.connect(self._load_version)
        new = QPushButton(self.tr("New from default"), self)
        new.clicked.connect(self.new_from_default)
        imp, exp = QPushButton(self.tr("Import YAML…"), self), QPushButton(self.tr("Export YAML…"), self)
        imp.clicked.connect(self.import_yaml)
        exp.clicked.connect(self.export_yaml)
        self.save_button = QPushButton(self.tr("Save as new version"), self)
        self.save_button.clicked.connect(self.save)
        for w in (QLabel(self.tr("Template"), self), self.versions, new, imp, exp):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.save_button)
        layout.addLayout(top)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        self.criteria = QListWidget(left)
        self.criteria.currentRowChanged.connect(self._select)
        add, remove = QPushButton(self.tr("Add criterion…"), left), QPushButton(self.tr("Remove criterion"), left)
        add.clicked.connect(self.add_criterion)
        remove.clicked.connect(self.remove_criterion)
        left_layout.addWidget(self.criteria, 1)
        left_layout.addWidget(add)
        left_layout.addWidget(remove)
        split.addWidget(left)
        split.addWidget(self._form())
        split.addWidget(self._try_panel())
        split.setSizes([220, 560, 460])
        layout.addWidget(split, 1)
        self._validate_timer = QTimer(self, singleShot=True, interval=250, timeout=self.validate)
        self.can_save = ctx.user_role in ("trainer", "admin")
        if not self.can_save:
            self.save_button.setToolTip(self.tr("Only trainers save rubric versions; you can try a draft here."))

    # widgets -------------------------------------------------------------------------------
    def _form(self) -> QWidget:
        holder = QWidget(self)
        form = QFormLayout(holder)
        self.cid = QLabel(holder)
        form.addRow(self.tr("Id"), self.cid)
        self.fields: dict[str, object] = {}
        tabs = QTabWidget(holder)
        for lang in LANGS:
            page = QWidget(tabs)
            f = QFormLayout(page)
            for key, label in (("title", self.tr("Title")), ("description", self.tr("Description")),
                               ("na_when", self.tr("Not applicable when"))):
                w = QLineEdit(page)
                w.textEdited.connect(self._changed)
                self.fields[f"{key}.{lang}"] = w
                f.addRow(label, w)
            for key, label in (("met", self.tr("Met if any of (one pattern a line)")),
                               ("not_met", self.tr("Not met if any of")),
                               ("examples_met", self.tr("Example utterances that meet it (one a line)")),
                               ("examples_not_met", self.tr("Example utterances that do not")),
                               ("tips", self.tr("Coaching tips"))):
                w = QPlainTextEdit(page)
                w.setMaximumHeight(90)
                w.textChanged.connect(self._changed)
                self.fields[f"{key}.{lang}"] = w
                f.addRow(label, w)
            tabs.addTab(page, {"en": "English", "fi": "Suomi"}[lang])
        self.weight = QDoubleSpinBox(holder)
        self.weight.setRange(-10, 100)
        self.weight.setDecimals(1)
        self.weight.valueChanged.connect(self._changed)
        self.critical = QCheckBox(self.tr("Critical: not met fails the whole evaluation"), holder)
        self.critical.toggled.connect(self._changed)
        form.addRow(self.tr("Weight"), self.weight)
        form.addRow("", self.critical)
        form.addRow(tabs)
        return holder

    def _try_panel(self) -> QWidget:
        holder = QWidget(self)
        v = QVBoxLayout(holder)
        row = QHBoxLayout()
        self.sample = QComboBox(holder)
        self.try_button = QPushButton(self.tr("Try it"), holder)
        self.try_button.clicked.connect(self.try_it)
        row.addWidget(QLabel(self.tr("Transcript"), holder))
        row.addWidget(self.sample, 1)
        row.addWidget(self.try_button)
        v.addLayout(row)
        self.results = QTableWidget(0, 3, holder)
        self.results.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Status"), self.tr("Matched utterance")])
        self.results.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.results, 1)
        return holder

    # templates -----------------------------------------------------------------------------
    def refresh(self) -> None:
        from coach_app.services.queries import library_rows

        self.versions.blockSignals(True)
        self.versions.clear()
        for row, v in list_rubric_versions(self.ctx.engine):
            self.versions.addItem(f"{row.slug} v{v.version} (#{v.id})", v.id)
        self.versions.blockSignals(False)
        self.sample.clear()
        for r in library_rows(self.ctx.engine, viewer=self.ctx.user_name or None)[:200]:
            if r.status == "transcribed":
                self.sample.addItem(f"#{r.id} {r.original_name} ({r.agent or '-'})", r.id)
        if self.versions.count():
            self.versions.setCurrentIndex(self.versions.count() - 1)
            self._load_version()
        else:
            self.new_from_default()

    def _load_version(self, *_args) -> None:
        vid = self.versions.currentData()
        if vid is None:
            return
        version, _ = resolve_rubric(self.ctx.engine, str(vid))
        self.set_text(version.content)

    def new_from_default(self) -> None:
        self.set_text(DEFAULT_RUBRIC.read_text("utf-8"))

    def set_text(self, text: str) -> None:
        self.data = yaml.safe_load(text)
        self.criteria.clear()
        for c in self._all_criteria():
            self.criteria.addItem(c["id"])
        self.criteria.setCurrentRow(0)
        self.validate()

    def _all_criteria(self) -> list[dict]:
        return [c for s in (self.data or {}).get("sections", []) for c in s.get("criteria", [])]

    # editing -------------------------------------------------------------------------------
    def _select(self, row: int) -> None:
        crits = self._all_criteria()
        if not 0 <= row < len(crits):
            return
        self.current = c = crits[row]
        det = c.get("detector") or {}
        self._loading = True
        self.cid.setText(c["id"])
        for lang in LANGS:
            for key in ("title", "description", "na_when"):
                self.fields[f"{key}.{lang}"].setText((c.get(key) or {}).get(lang, ""))
            self.fields[f"met.{lang}"].setPlainText("\n".join((det.get("met") or {}).get(lang, [])))
            self.fields[f"not_met.{lang}"].setPlainText("\n".join((det.get("not_met") or {}).get(lang, [])))
            self.fields[f"tips.{lang}"].setPlainText("\n".join((c.get("tips") or {}).get(lang, [])))
            ex = (c.get("examples") or {}).get(lang) or {}
            for key in ("met", "not_met"):
                self.fields[f"examples_{key}.{lang}"].setPlainText("\n".join(ex.get(key, [])))
        self.weight.setValue(float(c.get("weight", 1)))
        self.critical.setChecked(bool(c.get("critical", False)))
        self._loading = False

    def _changed(self, *_args) -> None:
        if self._loading or self.current is None:
            return
        c = self.current
        for lang in LANGS:
            for key in ("title", "description", "na_when"):
                c.setdefault(key, {})[lang] = self.fields[f"{key}.{lang}"].text()
            c.setdefault("tips", {})[lang] = _lines(self.fields[f"tips.{lang}"])
            ex = {key: _lines(self.fields[f"examples_{key}.{lang}"]) for key in ("met", "not_met")}
            if any(ex.values()) or (c.get("examples") or {}).get(lang):
                c.setdefault("examples", {})[lang] = {k: v for k, v in ex.items() if v}
            if c.get("detector") is not None:
                for key in ("met", "not_met"):
                    patterns = _lines(self.fields[f"{key}.{lang}"])
                    if patterns or (c["detector"].get(key) or {}).get(lang):
                        c["detector"].setdefault(key, {})[lang] = patterns
        c["weight"] = self.weight.value()
        c["critical"] = self.critical.isChecked()
        self._validate_timer.start()  # validation as you type, once typing pauses

    def draft_text(self) -> str:
        return yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True, width=120)

    def validate(self):
        try:
            rubric = parse_rubric(self.draft_text(), "draft")
        except RubricError as exc:
            self.error.setText(re.sub(r"^draft:\d+: ", "", str(exc)))
            self.error.setStyleSheet("color:#b42318")
            self.save_button.setEnabled(False)
            return None
        self.error.setText(self.tr("Valid: {0} criteria").format(len(rubric.criteria)))
        self.error.setStyleSheet("color:#1b7f4b")
        self.save_button.setEnabled(self.can_save)
        return rubric

    # actions -------------------------------------------------------------------------------
    def add_criterion(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        cid, ok = QInputDialog.getText(self, self.tr("Add criterion"), self.tr("Id (lower case, e.g. upsell_offer):"))
        if not ok or not cid.strip() or self.data is None:
            return
        row = max(0, self.criteria.currentRow())
        sections = self.data.get("sections", [])
        seen = 0
        target = sections[-1]
        for section in sections:  # the section of the selected criterion
            if row < seen + len(section.get("criteria", [])):
                target = section
                break
            seen += len(section.get("criteria", []))
        target.setdefault("criteria", []).append({
            "id": cid.strip(), "title": {lang: "" for lang in LANGS}, "description": {lang: "" for lang in LANGS},
            "weight": 1, "detector": {"kind": "phrases", "met": {lang: [] for lang in LANGS}}})
        self.set_text(self.draft_text())
        self.criteria.setCurrentRow(self._ids().index(cid.strip()))

    def remove_criterion(self) -> None:
        if self.current is None or self.data is None:
            return
        for section in self.data.get("sections", []):
            if self.current in section.get("criteria", []):
                section["criteria"].remove(self.current)
        self.current = None
        self.set_text(self.draft_text())

    def _ids(self) -> list[str]:
        return [c["id"] for c in self._all_criteria()]

    def try_it(self) -> None:
        """Score the chosen call with the draft, off the GUI thread (a trainer's new examples
        may need embedding), and show per criterion what decided it."""
        rubric = self.validate()
        iid = self.sample.currentData()
        if rubric is None or iid is None:
            return
        self.try_button.setEnabled(False)

        def done(rows):
            self.try_button.setEnabled(True)
            self.results.setRowCount(0)
            for values in rows:
                row = self.results.rowCount()
                self.results.insertRow(row)
                for col, text in enumerate(values):
                    # the verdict in words ("not met"), not its stored value
                    self.results.setItem(row, col, QTableWidgetItem(verdict_text(text) if col == 1 else text))
            self.results.resizeColumnsToContents()

        def failed(msg):
            self.try_button.setEnabled(True)
            self.error.setText(msg)

        self._try_task = run_task(self.ctx.io_pool, lambda: try_rows(self.ctx.engine, iid, rubric), done, failed)

    def save(self) -> None:
        if self.validate() is None:
            return
        data = copy.deepcopy(self.data)
        major, _, minor = str(data.get("version", "1.0")).partition(".")
        data["version"] = f"{major}.{int(minor or 0) + 1}" if (minor or "0").isdigit() else f"{data['version']}-1"
        try:
            version, rubric, created = store_rubric(self.ctx.engine, yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                                                                    width=120), "rubric editor",
                                                   by=self.ctx.user_name or None)
        except CoachError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        self.refresh()
        self.versions.setCurrentIndex(max(0, self.versions.findData(version.id)))
        QMessageBox.information(self, self.tr("Saved"), self.tr("Saved {0} v{1} as a new version.").format(rubric.id, rubric.version))

    def import_yaml(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import rubric"), "", "YAML (*.yaml *.yml)")
        if not path:
            return
        try:
            text = open(path, encoding="utf-8").read()
            parse_rubric(text, path)
        except (OSError, RubricError) as exc:
            QMessageBox.warning(self, self.tr("Not imported"), str(exc))
            return
        self.set_text(text)

    def export_yaml(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export rubric"), f"{(self.data or {}).get('id', 'rubric')}.yaml",
                                              "YAML (*.yaml)")
        if path:
            from pathlib import Path

            from coach_app.export.files import write_atomically

            write_atomically(Path(path), lambda tmp: tmp.write_text(self.draft_text(), "utf-8"), force=True)


def try_rows(engine, interaction_id: int, rubric) -> list[tuple[str, str | None, str]]:
    """(criterion id, verdict, what decided it) for the draft ``rubric`` on a stored call."""
    from coach_app.core.detectors import matching
    from coach_app.core.scoring import Conversation, score_conversation
    from coach_app.core.semantic.judge import utterance_scores
    from coach_app.services.embeddings import embedding_cache
    from coach_app.services.queries import interaction_with_transcript

    inter, _, segments = interaction_with_transcript(engine, interaction_id)
    # embeddings come from the database (stored when the call was scored): no model run for them
    conv = Conversation.prepare(segments, inter.language, inter.channel_type, int(rubric.hold_limit_s * 1000),
                                embedding_cache(engine))
    result = score_conversation(conv, rubric)
    rows = []
    for s in result.scores:
        c = s.criterion
        matched = ""
        if c.detector is not None and c.detector.kind == "phrases":  # other kinds: their evidence says it
            lang = result.language
            hits = matching(conv, c.detector, rubric, lang, c.detector.met) + \
                matching(conv, c.detector, rubric, lang, c.detector.not_met)
            matched = " | ".join(conv.segments[i].text[:80] for i in sorted(set(hits))[:3])
        if c.detector is not None and c.detector.kind == "semantic":  # per-utterance scores
            scored = utterance_scores(conv, c, rubric, result.language)
            matched = " | ".join(f"{p:.2f} “{conv.segments[i].text[:70]}”" for p, i in scored)
        matched = matched or (s.evidence[0].quote[:80] if s.evidence else "")
        rows.append((c.id, s.status, matched))
    return rows
