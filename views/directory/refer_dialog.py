"""« Référer » from the Répertoire: record a referral contact with this service in one step.

It saves a contact of type "referral" (now, default place and duration) with the
persons chosen, and one referral per person (or one for the unidentified
persons), with the follow-up date that will show on Today.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.contacts import ContactInput
from app.directory import referrals
from app.errors import MilieuError
from app.ops import floor as floor_ops
from views.directory.labels import ReferralWords, day_field
from views.directory.referral_widgets import FOLLOW_UP_AFTER_DAYS
from views.floor.person_field import PersonField

REFERRAL_TYPE = "referral"


class ReferDialog(QDialog):
    def __init__(self, ctx, service_id: int, service_name: str, parent=None, *, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service_id = service_id
        self.today = today or date.today()
        self.saved_referrals: list[int] = []  # ids, once saved
        self.setObjectName("refer_dialog")
        self.setWindowTitle(self.tr("Refer to %1").replace("%1", service_name))
        self.setMinimumWidth(680)

        heading = QLabel(self.tr("Refer to <b>%1</b>").replace("%1", service_name.replace("<", "&lt;")))
        heading.setWordWrap(True)
        self.persons = PersonField(ctx)
        self.status = QComboBox()
        self.status.setObjectName("refer_status")
        words = ReferralWords()
        for code in ("proposed", "accepted", "accompanied"):
            self.status.addItem(words.status(code), code)
        self.follow = QCheckBox(self.tr("&Follow up on:"))
        self.follow.setObjectName("refer_follow")
        self.follow.setChecked(True)
        self.follow_on = day_field(self.today + timedelta(days=FOLLOW_UP_AFTER_DAYS))
        self.follow_on.setObjectName("refer_follow_on")
        self.follow_on.setMinimumDate(QDate(self.today))
        self.follow.toggled.connect(self.follow_on.setEnabled)
        self.on_behalf = QCheckBox(self.tr("I &contact the service on the person's behalf (needs their consent)"))
        self.on_behalf.setObjectName("refer_on_behalf")
        self.notes = QLineEdit()
        self.notes.setObjectName("refer_notes")
        self.notes.setPlaceholderText(self.tr("e.g. accompanied there on Tuesday"))
        self.error = QLabel()
        self.error.setObjectName("refer_error")
        self.error.setStyleSheet("color: #8a1c1c;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Who:"), self.persons)
        form.addRow(self.tr("S&tatus:"), self.status)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow)
        follow_row.addWidget(self.follow_on)
        follow_row.addStretch(1)
        form.addRow("", follow_row)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow("", self.on_behalf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Save the referral"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("refer_save")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)  # Enter belongs to the person field
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        # Choosing a person (Enter in « Qui », or Enter on it empty) only chooses: the
        # status, follow-up and notes come next; saving is Ctrl+Enter or the button.
        self.persons.picked.connect(self._move_on)
        self.persons.finished.connect(self._move_on)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.persons.setFocusProxy(self.persons.edit)
        self.persons.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.persons.edit.setFocus(Qt.FocusReason.OtherFocusReason)  # the alias typed at once lands in « Qui »

    def keyPressEvent(self, event) -> None:
        # Plain Enter never saves (QDialog would press the default button): the referral is
        # saved only by an explicit Ctrl+Enter or a click on « Enregistrer la référence ».
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            event.accept()
            return
        super().keyPressEvent(event)

    def _move_on(self) -> None:
        self.status.setFocus(Qt.FocusReason.TabFocusReason)

    def save(self) -> None:
        """One operation: the referral contact, the new people, one referral per person."""
        follow_up = self.follow_on.date().toPython() if self.follow.isChecked() else None
        form = floor_ops.ContactSave(
            contact=ContactInput(
                occurred_at=datetime.now().replace(second=0, microsecond=0),
                person_ids=[pid for pid, _alias in self.persons.persons],
                unidentified_count=self.persons.unidentified.value(),
                types=[REFERRAL_TYPE], notes=self.notes.text().strip(),
            ),
            new_aliases=tuple(self.persons.new_aliases),
            referrals=(floor_ops.ReferralInput(self.service_id, follow_up, self.status.currentData(),
                                               self.notes.text(), on_behalf=self.on_behalf.isChecked()),),
        )
        self.error.setText("")
        self.save_button.setEnabled(False)
        self.ctx.ops.run(floor_ops.save_contact, form, today=self.today, on_done=self._saved, on_error=self._failed)

    def _saved(self, contact_id: int) -> None:
        self.saved_referrals = [r.id for r in self.ctx.ops.read(referrals.referrals_for_contact, contact_id)]
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.save_button.setEnabled(True)
        if not isinstance(exc, MilieuError):
            return False
        self.error.setText(self.error_text(exc))
        return True

    def error_text(self, exc: MilieuError) -> str:
        fields = {getattr(e, "field", "") for e in getattr(exc, "errors", None) or []}
        if "persons" in fields:
            return self.tr("Choose who is referred, or count the unidentified persons.")
        if "consent" in fields:
            return self.tr("The person has not consented to being referred on their behalf: record the consent on "
                           "their page (Consents and file), or refer without contacting the service for them.")
        return self.tr("The referral could not be saved: %1").replace("%1", str(exc))
