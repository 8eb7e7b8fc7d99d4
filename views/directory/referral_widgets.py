"""Referrals inside other screens: the contact form's referral box, and one referral's follow-up.

``ContactReferrals`` embeds in a contact form::

    box = ContactReferrals(ctx)
    box.set_contact(contact_id)          # None for a new contact
    box.changed.connect(form.mark_dirty)
    ...
    # the form's save operation (app.ops.floor.save_contact) makes the referrals:
    ReferralInput(service_id, box.follow_up_date()) for service_id, _n in box.pending_services()

``ReferralDialog(ctx, referral_id)`` changes one referral: status, outcome,
follow-up date or done, notes (from Today or a person's page).
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from app.directory import referrals
from app.ops import Entity
from app.ops import referrals as referral_ops
from views.directory.labels import ReferralWords, day_field
from views.directory.search_panel import ServicePicker

FOLLOW_UP_AFTER_DAYS = 1  # tomorrow: a need is often for tonight; the worker changes the date
PENDING = "pending"
SAVED = "saved"


class ContactReferrals(QWidget):
    changed = Signal()   # a service was added to or removed from the pending referrals

    def __init__(self, ctx, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.contact_id: int | None = None
        self.setObjectName("contact_referrals")
        self.words = ReferralWords()

        self.picker = ServicePicker(ctx)
        self._picker_stale = True  # its results are read when first shown, then after directory edits
        ctx.bus.changed.connect(self._on_changed)
        self.picker.servicePicked.connect(self.add_service)
        self.follow = QCheckBox(self.tr("Follow up on:"))
        self.follow.setObjectName("referrals_follow")
        self.follow.setChecked(True)
        self.follow_on = day_field(self.today + timedelta(days=FOLLOW_UP_AFTER_DAYS))
        self.follow_on.setObjectName("referrals_follow_on")
        self.follow.toggled.connect(self.follow_on.setEnabled)
        self.list = QListWidget()
        self.list.setObjectName("referrals_list")
        self.list.setMaximumHeight(120)
        self.list.itemActivated.connect(self._open)
        self.remove = QPushButton(self.tr("&Remove"))
        self.remove.setObjectName("referrals_remove")
        self.remove.clicked.connect(self.remove_current)

        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow)
        follow_row.addWidget(self.follow_on)
        follow_row.addStretch(1)
        follow_row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addLayout(follow_row)
        layout.addWidget(QLabel(self.tr("Referrals of this contact:")))
        layout.addWidget(self.list)

    # ---- state ------------------------------------------------------------------
    def set_contact(self, contact_id: int | None) -> None:
        """Show the contact's saved referrals (none for a new contact); drops pending ones."""
        self.contact_id = contact_id
        self.list.clear()
        if contact_id is not None:
            for row in self.ctx.ops.read(referrals.referrals_for_contact, contact_id, warm=True):
                text = f"{row.service_name} · {self.words.status(row.status)}"
                if row.person_alias:
                    text += f" · {row.person_alias}"
                self._append(text, (SAVED, row.id))
        if self._picker_stale or self.picker.box.text():
            self._picker_stale = False
            self.picker.refresh()

    def _on_changed(self, changes) -> None:
        if Entity.DIRECTORY in changes:
            self._picker_stale = True

    def _append(self, text: str, data) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.list.addItem(item)

    def add_service(self, service_id: int, name: str) -> None:
        if service_id in [sid for sid, _n in self.pending_services()]:
            return
        self._append(self.tr("%1 · to save").replace("%1", name), (PENDING, service_id, name))
        self.picker.box.clear()
        self.changed.emit()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole)[0] == PENDING:
            self.list.takeItem(self.list.row(item))
            self.changed.emit()

    def pending_services(self) -> list[tuple[int, str]]:
        out = []
        for i in range(self.list.count()):
            data = self.list.item(i).data(Qt.ItemDataRole.UserRole)
            if data[0] == PENDING:
                out.append((data[1], data[2]))
        return out

    def follow_up_date(self) -> date | None:
        return self.follow_on.date().toPython() if self.follow.isChecked() else None

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data[0] == SAVED and ReferralDialog(self.ctx, data[1], self).exec():
            self.set_contact(self.contact_id)


class ReferralDialog(QDialog):
    """Follow up one referral: where it stands, what came of it, when to check again."""

    def __init__(self, ctx, referral_id: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.referral_id = referral_id
        self.setObjectName("referral_dialog")
        words = ReferralWords()
        ref = ctx.ops.read(referrals.referral_row, referral_id)
        name, status, outcome = ref.service_name, ref.status, ref.outcome
        follow_on, done, notes = ref.follow_up_on, ref.follow_up_done, ref.notes
        self.setWindowTitle(self.tr("Referral to %1").replace("%1", name))
        self.status = QComboBox()
        self.status.setObjectName("referral_status")
        for code, label in words.statuses():
            self.status.addItem(label, code)
        self.status.setCurrentIndex(self.status.findData(status))
        self.outcome = QComboBox()
        self.outcome.setObjectName("referral_outcome")
        for code, label in words.outcomes():
            self.outcome.addItem(label, code)
        self.outcome.setCurrentIndex(self.outcome.findData(outcome))
        self.follow = QCheckBox(self.tr("Follow up on:"))
        self.follow.setChecked(follow_on is not None)
        self.follow_on = day_field(follow_on or date.today() + timedelta(days=FOLLOW_UP_AFTER_DAYS))
        self.follow_on.setObjectName("referral_follow_on")
        self.follow_on.setEnabled(follow_on is not None)
        self.follow.toggled.connect(self.follow_on.setEnabled)
        self.done_box = QCheckBox(self.tr("Follow-up &done"))
        self.done_box.setObjectName("referral_done")
        self.done_box.setChecked(done)
        self.notes = QLineEdit(notes)
        form = QFormLayout()
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        row = QHBoxLayout()
        row.addWidget(self.follow)
        row.addWidget(self.follow_on)
        row.addWidget(self.done_box)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow(self.tr("&Notes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{name.replace('<', '&lt;')}</b>"))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        """One operation; the dialog closes once it is saved (an error keeps it open)."""
        self.ctx.ops.run(
            referral_ops.update_referral, self.referral_id, status=self.status.currentData(),
            outcome=self.outcome.currentData(),
            follow_up_on=self.follow_on.date().toPython() if self.follow.isChecked() else None,
            follow_up_done=self.done_box.isChecked(), notes=self.notes.text(),
            on_done=lambda _id: self.accept(),
        )
