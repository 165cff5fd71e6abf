"""People of the workspace and their roles (admins only: the services refuse anyone else)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from coach_app.errors import CoachError
from coach_app.ui.identity_dialog import RoleCombo, role_text
from coach_app.ui.error_texts import error_text


class PeopleDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("People"))
        self.resize(620, 460)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Team")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)  # row numbers mean nothing to a reader
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._pick)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.role = RoleCombo("agent", self)
        self.team = QLineEdit(self)
        self.team.setPlaceholderText(self.tr("e.g. Helsinki evening shift (optional)"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Team"), self.team)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b42318")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.save = QPushButton(self.tr("Add or update person"), self)
        self.save.clicked.connect(self.add)
        row.addWidget(self.save)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        from coach_app.services.people import list_people

        people = list_people(self.ctx.engine)
        self.table.setRowCount(len(people))
        for i, (p, team) in enumerate(people):
            for j, text in enumerate((p.name, role_text(p.role), team or "")):
                item = QTableWidgetItem(text)
                if j == 1:
                    item.setData(256, p.role)  # Qt.UserRole: the role key behind its words
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _pick(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            r = rows[0].row()
            self.name.setText(self.table.item(r, 0).text())
            self.role.setCurrentIndex(max(0, self.role.findData(self.table.item(r, 1).data(256))))
            self.team.setText(self.table.item(r, 2).text())

    def add(self) -> None:
        from coach_app.services.people import add_person

        try:
            add_person(self.ctx.engine, self.name.text(), self.role.currentData(), self.team.text().strip() or None,
                       self.ctx.user_name)
        except CoachError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        self.name.clear()
        self.team.clear()
        self.refresh()
