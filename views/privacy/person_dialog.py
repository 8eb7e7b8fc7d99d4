"""A person's consents per purpose and their file on request, from the person's page."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
    QWidget,
)

from app.ops import Entity
from app.ops import privacy as privacy_ops
from app.privacy import consents
from views.floor.common import FieldError, day_text
from views.privacy.common import error_text, fill, register_table
from views.privacy.pdf import html_to_pdf
from views.sync.pickers import Pickers


class PersonPrivacyDialog(QDialog):
    entities = frozenset({Entity.CONSENT})

    def __init__(self, ctx, person_id: int, alias: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.pickers = Pickers(self)
        self.setObjectName("person_privacy_dialog")
        self.setWindowTitle(self.tr("Consents and file: %1").replace("%1", alias))
        self.resize(720, 480)
        self.purpose_names = {consents.PURPOSE_SUPERVISION: self.tr("Sharing with supervision at La Piaule"),
                              consents.PURPOSE_REFERRAL: self.tr("Contacting a service on the person's behalf")}
        self.table = register_table("consents_table", [self.tr("Purpose"), self.tr("Given on"),
                                                       self.tr("Withdrawn on"), self.tr("By a guardian")], 0)
        self.purpose = QComboBox()
        self.purpose.setObjectName("consent_purpose")
        for code, name in self.purpose_names.items():
            self.purpose.addItem(name, code)
        self.given_on = QDateEdit(QDate.currentDate())
        self.given_on.setDisplayFormat("d MMM yyyy")
        self.given_on.setCalendarPopup(True)
        self.under_14 = QCheckBox(self.tr("Under &14"))
        self.guardian = QCheckBox(self.tr("Given by a &guardian"))
        self.give_button = QPushButton(self.tr("Record the &consent"))
        self.give_button.setObjectName("consent_give")
        self.give_button.clicked.connect(self.give)
        self.withdraw_button = QPushButton(self.tr("&Withdraw the chosen consent"))
        self.withdraw_button.setObjectName("consent_withdraw")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button = QPushButton(self.tr("&Export the person's file..."))
        self.export_button.setObjectName("person_export")
        self.export_button.clicked.connect(self.export)
        self.error = FieldError("consent")
        give_row = QHBoxLayout()
        for widget in (self.purpose, self.given_on, self.under_14, self.guardian, self.give_button):
            give_row.addWidget(widget)
        note = QLabel(self.tr("The file holds everything Milieu keeps about this person (JSON, CSV and a PDF to "
                              "read); other people appear as « autre personne »."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.withdraw_button)
        layout.addLayout(give_row)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(self.export_button)
        layout.addWidget(buttons)
        self.rows: list = []
        ctx.bus.changed.connect(self._changed)
        self.refresh()
        self.purpose.setFocus()

    def _changed(self, changes) -> None:
        if self.isVisible() and changes & self.entities:
            self.refresh()

    def refresh(self) -> None:
        self.rows = self.ctx.ops.read(consents.consents_of, self.person_id)
        fill(self.table, [[self.purpose_names.get(c.purpose, c.purpose), day_text(c.given_on),
                           day_text(c.withdrawn_on) if c.withdrawn_on else "",
                           self.tr("yes") if c.by_guardian else ""] for c in self.rows])

    def _failed(self, exc: BaseException) -> bool:
        text = error_text(exc)
        if text:
            self.error.set_error(text)
        return text is not None

    def give(self) -> None:
        self.error.set_error("")
        self.ctx.ops.run(privacy_ops.give_consent, self.person_id, self.purpose.currentData(),
                         self.given_on.date().toPython(), under_14=self.under_14.isChecked(),
                         by_guardian=self.guardian.isChecked(), on_error=self._failed)

    def withdraw(self) -> None:
        self.error.set_error("")
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows) or self.rows[row].withdrawn_on is not None:
            self.error.set_error(self.tr("Choose a consent still in force in the list."))
            return
        self.ctx.ops.run(privacy_ops.withdraw_consent, self.person_id, self.rows[row].purpose, date.today(),
                         on_error=self._failed)

    def export(self) -> None:
        folder = self.pickers.folder(self.tr("Folder for the person's file"))
        if not folder:
            return
        status = self.ctx.extras.get("status")
        self.ctx.ops.run(privacy_ops.export_person, self.person_id, Path(folder), html_to_pdf,
                         on_done=lambda paths: status.message(self.tr("%n file(s) written", "", len(paths)))
                         if status else None, busy=self.tr("Writing the person's file..."))
