"""Settings kept in the workspace's settings.json (shared with the CLI): database, transcription
model and device, language, hold limit, who you are, UI language. QSettings keeps only layout."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QWidget,
)
from pydantic import ValidationError

from coach_app.config import Settings, TranscriptionSettings
from coach_app.transcription import models


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, workspace: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        t = settings.transcription
        form = QFormLayout(self)
        form.addRow(self.tr("Workspace"), QLabel(workspace, self))
        self.db_url = QLineEdit(settings.db_url, self)
        self.db_url.setPlaceholderText(self.tr("empty = coach.db in the workspace; or postgresql+psycopg://user@host/db"))
        team = QPushButton(self.tr("Connect to a team database…"), self)
        team.clicked.connect(self._team)
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_url, 1)
        db_row.addWidget(team)
        db_holder = QWidget(self)
        db_holder.setLayout(db_row)
        form.addRow(self.tr("Database URL"), db_holder)
        self.model = QComboBox(self)
        self.model.addItem(self.tr("Automatic: tiny.en for English, base for other languages"), models.AUTO)
        self.model.addItem(self.tr("tiny.en — English only, fastest"), models.TINY_EN)
        self.model.addItem(self.tr("base — multilingual (Finnish, English, …)"), models.BASE)
        self._select_model(t.model)
        self.model.setToolTip(self.tr("Models ship with the app; nothing is downloaded. A local CTranslate2 model "
                                      "folder can be chosen with Folder…"))
        browse = QPushButton(self.tr("Folder…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.model, 1)
        row.addWidget(browse)
        holder = QWidget(self)
        holder.setLayout(row)
        form.addRow(self.tr("Transcription model"), holder)
        self.device = QComboBox(self)
        self.device.addItems(["auto", "cpu", "cuda"])
        self.device.setCurrentText(t.device)
        form.addRow(self.tr("Device"), self.device)
        self.compute = QComboBox(self)
        self.compute.setEditable(True)
        self.compute.addItems(["auto", "int8", "int8_float16", "float16", "float32"])
        self.compute.setCurrentText(t.compute_type)
        form.addRow(self.tr("Compute type"), self.compute)
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(["auto", "en", "fi", "sv"])
        self.language.setCurrentText(t.language)
        form.addRow(self.tr("Speech language"), self.language)
        self.beam = QSpinBox(self)
        self.beam.setRange(1, 20)
        self.beam.setValue(t.beam_size)
        form.addRow(self.tr("Beam size"), self.beam)
        self.hold = QDoubleSpinBox(self)
        self.hold.setRange(1, 600)
        self.hold.setSuffix(" s")
        self.hold.setValue(settings.hold_limit_s)
        form.addRow(self.tr("Hold / dead-air limit"), self.hold)
        self.ui_language = QComboBox(self)
        for key, label in (("auto", self.tr("System default")), ("en", "English"), ("fi", "Suomi")):
            self.ui_language.addItem(label, key)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(settings.ui_language)))
        form.addRow(self.tr("App language"), self.ui_language)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#b42318")
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.result_settings: Settings | None = None
        self._base = settings

    def _select_model(self, name: str) -> None:
        name = models.canonical(name)
        i = self.model.findData(name)
        if i < 0:  # a local folder: shown by its path
            self.model.addItem(name, name)
            i = self.model.count() - 1
        self.model.setCurrentIndex(i)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Model folder (CTranslate2 format)"))
        if folder:
            self._select_model(folder)

    def _model_problem(self, model: str, language: str) -> str | None:
        """What the models module would refuse later, said now, next to the field."""
        if model not in (models.AUTO, *models.EMBEDDED) and not models.is_folder(model):
            return self.tr("Transcription model: the folder %1 does not exist").replace("%1", model)
        if language not in ("auto", "en") and models.is_english_only(model):
            return self.tr("Transcription model: tiny.en only understands English; choose base or Automatic "
                           "for the speech language %1").replace("%1", language)
        return None

    def _team(self) -> None:
        from coach_app.ui.team_dialog import TeamDatabaseDialog

        dlg = TeamDatabaseDialog(self.db_url.text(), self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.url:
            self.db_url.setText(dlg.url)  # no password in it: that is in the keyring, or asked at start
            self.error.setStyleSheet("color:#1b7f4b")
            self.error.setText(self.tr("Connected as %1. Save, then restart the app to use the team database.")
                               .replace("%1", dlg.who or ""))

    def values(self) -> Settings:
        t = TranscriptionSettings(model=self.model.currentData() or models.AUTO, device=self.device.currentText(),
                                  compute_type=self.compute.currentText().strip() or "auto",
                                  language=self.language.currentText().strip() or "auto", beam_size=self.beam.value(),
                                  vad=self._base.transcription.vad, batch_size=self._base.transcription.batch_size)
        return self._base.model_copy(update={
            "transcription": t, "hold_limit_s": self.hold.value(), "db_url": self.db_url.text().strip(),
            "ui_language": self.ui_language.currentData()})

    def _accept(self) -> None:
        try:
            values = self.values()
        except ValidationError as exc:
            err = exc.errors()[0]
            self.error.setText(f"{err['loc'][0]}: {err['msg']}")  # shown inline, nothing saved
            return
        problem = self._model_problem(values.transcription.model, values.transcription.language)
        if problem:
            self.error.setText(problem)
            return
        self.result_settings = values
        self.accept()
