"""Incidents: the confidentiality-incident register, a new entry, and the export for the Commission."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ops import privacy as privacy_ops
from app.privacy import incidents
from views.floor.common import day_text
from views.privacy.common import fill, register_table
from views.privacy.incident_dialog import IncidentDialog
from views.privacy.pdf import html_to_pdf
from views.sync.pickers import Pickers


class IncidentsTab(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pickers = Pickers(self)
        self.table = register_table("incidents_table", [
            self.tr("No."), self.tr("Known on"), self.tr("People"), self.tr("Serious risk"), self.tr("Information")], 4)
        self.add_button = QPushButton(self.tr("&New incident..."))
        self.add_button.setObjectName("incident_add")
        self.add_button.clicked.connect(self.add)
        self.export_button = QPushButton(self.tr("E&xport the register..."))
        self.export_button.setObjectName("incident_export")
        self.export_button.clicked.connect(self.export)
        note = QLabel(self.tr("Kept at least 5 years: retention never erases this register."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        rows = self.ctx.ops.read(incidents.all_incidents)
        fill(self.table, [[str(i.id), day_text(i.known_on), str(i.people_count),
                           self.tr("yes") if i.serious_risk else self.tr("no"), i.information] for i in rows])

    def add(self) -> None:
        IncidentDialog(self.ctx, self).open()

    def export(self) -> None:
        path = self.pickers.save_file(self.tr("Export the incident register (PDF or CSV)"), "registre-incidents.pdf")
        if not path:
            return
        writer = html_to_pdf if path.lower().endswith(".pdf") else None
        status = self.ctx.extras.get("status")
        self.ctx.ops.run(privacy_ops.export_incidents, Path(path), writer,
                         on_done=lambda _p: status.message(self.tr("Register exported")) if status else None)
