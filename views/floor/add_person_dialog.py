"""« Ajouter une personne »: the alias, said at the field when it is missing or refused.

The dialog stays open on an empty alias or a refusal (nothing typed is lost); it closes
once the person is created, with ``person_id`` set.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from app.ops import people as people_ops
from app.validation import ValidationFailed
from views.floor.common import FieldError, field_error_text


class AddPersonDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        self.setObjectName("add_person_dialog")
        self.setWindowTitle(self.tr("Add a person"))
        label = QLabel(self.tr("&Alias (a nickname, never a legal name):"))
        self.alias = QLineEdit()
        self.alias.setObjectName("add_person_alias")
        label.setBuddy(self.alias)
        self.error = FieldError("add_person_alias")
        self.alias.textEdited.connect(lambda _t: self.error.set_error(""))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.alias)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.alias.setFocus()

    def save(self) -> None:
        alias = self.alias.text().strip()
        if not alias:
            self.error.set_error(self.tr("Type an alias: a nickname that lets you find this person again."))
            self.alias.setFocus()
            return
        self.ctx.ops.run(people_ops.create_person, alias, on_done=self._added, on_error=self._refused)

    def _added(self, person_id: int) -> None:
        self.person_id = person_id
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, ValidationFailed):
            return False
        codes = [e.code for e in exc.errors] or [""]
        self.error.set_error(field_error_text(codes[0]))
        self.alias.setFocus()
        return True
