"""The main window: library and call review, imports by drag and drop or File → Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QMainWindow, QMessageBox, QStackedWidget, QWidget,
)

from coach_app.services.importer import expand_inputs
from coach_app.transcription.base import ChannelMap
from coach_app.ui.library_view import LibraryView
from coach_app.ui.workers import ImportJob


def _without_location(argv: list[str]) -> list[str]:
    """The command line minus --workspace/--db: the restarted app must open the folder chosen."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--workspace", "--db"):
            skip = True
        elif not arg.startswith(("--workspace=", "--db=")):
            out.append(arg)
    return out


class ImportOptionsDialog(QDialog):
    """Agent and channel map for the files being imported."""

    def __init__(self, agents: list[str], default_agent: str, count: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import one file") if count == 1 else self.tr("Import {0} files").format(count))
        form = QFormLayout(self)
        self.agent = QComboBox(self)
        self.agent.setEditable(True)
        self.agent.addItems(sorted(set(agents) | ({default_agent} if default_agent else set())))
        self.agent.setCurrentText(default_agent)
        self.channels = QComboBox(self)
        for key, label in ((ChannelMap.AGENT_CUSTOMER, self.tr("left = agent, right = customer")),
                           (ChannelMap.CUSTOMER_AGENT, self.tr("left = customer, right = agent")),
                           (ChannelMap.MONO, self.tr("mono / one mixed channel"))):
            self.channels.addItem(label, key)
        form.addRow(self.tr("Agent"), self.agent)
        form.addRow(self.tr("Stereo channels"), self.channels)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MainWindow(QMainWindow):
    def __init__(self, ctx, transcriber_factory=None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.transcriber_factory = transcriber_factory or ctx.transcriber
        self.jobs: list[ImportJob] = []
        self.setWindowTitle(self.tr("Encounter Coach — {0}").format(ctx.ws.root))
        self.setAcceptDrops(True)
        self.stack = QStackedWidget(self)
        self.library = LibraryView(ctx, self)
        self.library.open_requested.connect(self.open_review)
        self.library.retranscribe_requested.connect(self.transcribe_again)
        self.stack.addWidget(self.library)
        self.setCentralWidget(self.stack)
        self.review = None
        self.dashboard = None
        self.rubric_editor = None
        self._menus()
        self._show_user()
        self._queue_status()
        self.resize(1280, 800)
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.fit_to_screen()  # a geometry saved on a larger screen (or once too wide) is clamped
        self.library.refresh()

    def fit_to_screen(self) -> None:
        """Never wider or taller than the screen's available area, and on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders (once shown)
        self.setMaximumSize(area.size() - frame)  # no child's size hint can push the window past the screen
        width = min(self.width(), area.width() - frame.width())
        height = min(self.height(), area.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), area.left()), area.right() + 1 - width - frame.width())
        y = min(max(self.y(), area.top()), area.bottom() + 1 - height - frame.height())
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_to_screen()
        handle = self.windowHandle()
        if handle is not None and not getattr(self, "_screen_watched", False):
            handle.screenChanged.connect(lambda _s: self.fit_to_screen())  # moved to a smaller screen
            self._screen_watched = True

    def _lead_pages(self) -> None:
        """Disputes and the review queue are for team leads and admins."""
        for action in getattr(self, "lead_actions", ()):
            action.setVisible(self.ctx.user_role in ("team_lead", "admin"))

    def _show_user(self) -> None:
        self._lead_pages()
        from coach_app.ui.identity_dialog import role_text

        self.statusBar().showMessage(self.tr("Signed in as {0} ({1})").format(self.ctx.user_name,
                                                                             role_text(self.ctx.user_role)))
        if hasattr(self, "people_action"):
            self.people_action.setVisible(self.ctx.user_role == "admin")

    def _queue_status(self) -> None:
        """On a team database the workers' queue is in the status bar (for staff)."""
        from coach_app.ui.queue_status import QueueStatus

        if QueueStatus.wanted(self.ctx) and getattr(self, "queue_status", None) is None:
            self.queue_status = QueueStatus(self.ctx, self)
            self.statusBar().addPermanentWidget(self.queue_status)

    def switch_user(self) -> None:
        """Sign in as another person of the workspace; every view then shows what they may see."""
        from coach_app.ui.app import ensure_identity

        if ensure_identity(self.ctx, self, force=True):
            self._show_user()
            self.show_library()  # the open review may be a call the new user may not see
            self.library.refresh()

    def open_people(self) -> None:
        from coach_app.ui.people_dialog import PeopleDialog

        PeopleDialog(self.ctx, self).exec()
        self.library.refresh()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        imp = QAction(self.tr("&Import…"), self, shortcut=QKeySequence.StandardKey.Open, triggered=self.import_dialog)
        quit_ = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        file_menu.addActions([imp, quit_])
        file_menu.insertAction(quit_, QAction(self.tr("Open &workspace…"), self, triggered=self.open_workspace))
        file_menu.insertAction(quit_, QAction(self.tr("&Settings…"), self, shortcut=QKeySequence("Ctrl+,"),
                                              triggered=self.open_settings))
        file_menu.insertAction(quit_, QAction(self.tr("S&witch user…"), self, triggered=self.switch_user))
        self.people_action = QAction(self.tr("&People…"), self, triggered=self.open_people)
        self.people_action.setVisible(self.ctx.user_role == "admin")
        file_menu.insertAction(quit_, self.people_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(QAction(self.tr("&Library"), self, shortcut=QKeySequence("Ctrl+L"), triggered=self.show_library))
        view_menu.addAction(QAction(self.tr("&Dashboard"), self, shortcut=QKeySequence("Ctrl+D"),
                                    triggered=self.show_dashboard))
        view_menu.addAction(QAction(self.tr("R&ubric editor"), self, shortcut=QKeySequence("Ctrl+R"),
                                    triggered=self.show_rubric_editor))
        self.calibration_action = QAction(self.tr("&Calibration"), self, shortcut=QKeySequence("Ctrl+K"),
                                          triggered=self.show_calibration)
        self.calibration_action.setVisible(self.ctx.user_role != "agent")  # leads, trainers and admins
        view_menu.addAction(self.calibration_action)
        view_menu.aboutToShow.connect(lambda: self.calibration_action.setVisible(self.ctx.user_role != "agent"))
        self.lead_actions = [QAction(self.tr("Dis&putes"), self, shortcut=QKeySequence("Ctrl+Shift+D"),
                                     triggered=self.show_disputes),
                             QAction(self.tr("My review &queue"), self, shortcut=QKeySequence("Ctrl+Shift+Q"),
                                     triggered=self.show_queue)]
        view_menu.addActions(self.lead_actions)
        view_menu.addAction(QAction(self.tr("&Refresh"), self, shortcut=QKeySequence.StandardKey.Refresh,
                                    triggered=self.library.refresh))

    # navigation ----------------------------------------------------------------------------
    def open_review(self, interaction_id: int) -> None:
        from coach_app.ui.review_view import ReviewView

        if self.review is not None:
            self.stack.removeWidget(self.review)
            self.review.deleteLater()
        self.review = ReviewView(self.ctx, interaction_id, self, transcriber_factory=self.transcriber_factory)
        self.review.back_requested.connect(self.show_library)
        self.review.reopen_requested.connect(self.open_review)
        self.review.changed.connect(self.library.refresh)
        self.stack.addWidget(self.review)
        self.stack.setCurrentWidget(self.review)

    def show_library(self) -> None:
        self.stack.setCurrentWidget(self.library)

    def _show_view(self, attr: str, factory, refresh_each_time: bool = True) -> QWidget:
        """Create a view on first use and show it; refreshed every time unless it holds unsaved
        work (the rubric editor's draft)."""
        view = getattr(self, attr)
        created = view is None
        if created:
            view = factory(self.ctx, self)
            setattr(self, attr, view)
            self.stack.addWidget(view)
        if created or refresh_each_time:
            view.refresh()
        self.stack.setCurrentWidget(view)
        return view

    def show_dashboard(self) -> None:
        from coach_app.ui.dashboard_view import DashboardView

        self._show_view("dashboard", DashboardView)

    def show_calibration(self) -> None:
        from coach_app.ui.calibration_view import CalibrationView

        if not hasattr(self, "calibration"):
            self.calibration = None
        self._show_view("calibration", CalibrationView)

    def show_rubric_editor(self) -> None:
        from coach_app.ui.rubric_editor import RubricEditor

        self._show_view("rubric_editor", RubricEditor, refresh_each_time=False)

    def show_disputes(self) -> None:
        from coach_app.ui.disputes_view import DisputesView

        self._show_lead_page("disputes", DisputesView)

    def show_queue(self) -> None:
        from coach_app.ui.queue_view import QueueView

        self._show_lead_page("queue", QueueView)

    def _show_lead_page(self, attr: str, factory) -> QWidget:
        created = getattr(self, attr, None) is None
        if created:
            setattr(self, attr, None)
        view = self._show_view(attr, factory)
        if created:
            view.open_requested.connect(self.open_review)
            if hasattr(view, "changed"):
                view.changed.connect(self.library.refresh)
        return view

    def open_workspace(self) -> None:
        """Another workspace folder: the app starts again on it (its own database and settings)."""
        import os
        import sys

        folder = QFileDialog.getExistingDirectory(self, self.tr("Open workspace"), str(self.ctx.ws.root))
        if not folder:
            return
        self.close()
        os.environ["COACH_WORKSPACE"] = folder
        os.execv(sys.executable, [sys.executable, *_without_location(sys.argv)])

    def open_settings(self) -> None:
        from coach_app.ui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.ctx.settings, str(self.ctx.ws.root), self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.result_settings is None:
            return
        old_db, old_lang = self.ctx.settings.db_url, self.ctx.settings.ui_language
        self.ctx.settings = dlg.result_settings
        self.ctx.ws.save_settings(self.ctx.settings)
        self.library.refresh()
        if self.ctx.settings.db_url != old_db or self.ctx.settings.ui_language != old_lang:
            QMessageBox.information(self, self.tr("Restart needed"),
                                    self.tr("The new database and app language are used from the next start of the app."))

    # import --------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import recordings or transcripts"), str(Path.home()),
                                                self.tr("Recordings and transcripts (*.wav *.flac *.mp3 *.m4a *.ogg *.opus "
                                                        "*.json *.txt);;All files (*)"))
        if files:
            self.import_paths(files)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str], agent: str | None = None, channels: str | None = None,
                     ask: bool = True, occurred_at=None) -> list[ImportJob]:
        files = expand_inputs(paths)
        if not files:
            QMessageBox.information(self, self.tr("Nothing to import"), self.tr("No recordings or transcripts there."))
            return []
        if ask:
            agents = [self.library.agent.itemText(i) for i in range(1, self.library.agent.count())]
            default = self.ctx.user_name if self.ctx.user_role == "agent" else ""
            dlg = ImportOptionsDialog(agents, default, len(files), self)
            from coach_app.ui.import_dialog import add_call_date

            call_date = add_call_date(dlg, files)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return []
            agent, channels = dlg.agent.currentText().strip() or None, dlg.channels.currentData()
            occurred_at = call_date.value()
        return [self._start_job(f, agent, channels, f.name, occurred_at=occurred_at) for f in files]

    def _start_job(self, path: Path, agent: str | None, channels: str | None, label: str,
                   interaction_id: int | None = None, occurred_at=None) -> ImportJob:
        job = ImportJob(self.ctx, path, agent, channels, self.transcriber_factory, interaction_id)
        job.occurred_at = occurred_at  # None: the file's own time
        # the library shows every outcome: a failed import may still have stored the call
        job.signals.finished.connect(lambda _: self.library.refresh())
        job.signals.failed.connect(lambda _: self.library.refresh())
        job.signals.cancelled.connect(self.library.refresh)
        self.library.add_job(label, job)
        self.jobs.append(job)
        self.ctx.pool.start(job)
        return job

    def resume_pending(self) -> list[ImportJob]:
        """Transcriptions a closed or crashed app left unfinished run again; ones the user
        cancelled stay cancelled (Transcribe again starts them)."""
        from coach_app.services.transcripts import mark_interrupted_jobs, pending_interaction_ids

        mark_interrupted_jobs(self.ctx.engine)
        return [self._job_for(iid) for iid in pending_interaction_ids(self.ctx.engine)]

    def _job_for(self, iid: int) -> ImportJob:
        from coach_app.services.queries import interaction_with_transcript

        inter, agent, _ = interaction_with_transcript(self.ctx.engine, iid)
        return self._start_job(self.ctx.ws.recording_path(inter.managed_path), agent, inter.channel_map, inter.original_name,
                               interaction_id=iid)

    def transcribe_again(self, interaction_id: int) -> ImportJob | None:
        """A failed or cancelled call, queued like an import (progress and cancel in the queue)."""
        from coach_app.services.transcripts import can_transcribe_again

        if not can_transcribe_again(self.ctx.engine, interaction_id):
            return None
        return self._job_for(interaction_id)

    def closeEvent(self, event) -> None:
        for job in self.jobs:
            job.cancel(on_purpose=False)  # stopped by closing, not by the user: it runs again next time
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.ctx.wait_for_work(5000)
        super().closeEvent(event)
