"""The contact form's values: widgets <-> ``ContactInput`` (and the draft's dict, and the
referrals picked in the sub-form), mixed into views.floor.contact_panel.ContactPanel.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox

from app.contacts import ContactInput
from app.ops.floor import ContactSave, ReferralInput
from views.directory.referral_widgets import FOLLOW_UP_AFTER_DAYS


class ContactMapping:
    def _input(self) -> ContactInput:
        follow = self.follow_up_on.date().toPython() if self.follow_up.isChecked() else None
        return ContactInput(
            occurred_at=self.occurred.dateTime().toPython().replace(second=0, microsecond=0),
            duration_min=self.duration.value(),
            place_code=self.place.currentData() or "",
            person_ids=[pid for pid, _ in self.person_field.persons],
            unidentified_count=self.person_field.unidentified.value(),
            initiated_by=self.initiated.currentData() or "worker",
            types=[c for c, b in self.type_buttons.items() if b.isChecked()],
            themes=[c for c, b in self.theme_buttons.items() if b.isChecked()],
            supplies={i: s.quantity.value() for i, s in self.steppers.items() if s.quantity.value() != 0},
            notes=self.notes.toPlainText(),
            follow_up_on=follow,
            follow_up_done=follow is not None and self.follow_up_done.isChecked(),
            share_with_supervision=self.share.isChecked(),
            unmet_needs=self.unmet_needs.codes(),
        )

    def _save_input(self, *, allow_shortage: bool = False) -> ContactSave:
        """What the save operation gets: the contact, the people to create, the referrals, the draft."""
        follow_up = self.referrals.follow_up_date()
        return ContactSave(
            contact=self._input(), contact_id=self.editing_id, new_aliases=tuple(self.person_field.new_aliases),
            referrals=tuple(ReferralInput(service_id, follow_up) for service_id, _n in self.referrals.pending_services()),
            allow_shortage=allow_shortage, draft_form_id=self.form_id,
        )

    def has_content(self) -> bool:
        data = self._input()
        return bool(
            data.person_ids or self.person_field.new_aliases or data.unidentified_count or data.types
            or data.themes or data.supplies or data.notes.strip() or data.follow_up_on
            or self.person_field.edit.text().strip() or self.referrals.pending_services()
        )

    # ---- drafts ---------------------------------------------------------------------
    def _values(self) -> dict:
        return {
            "editing_id": self.editing_id,
            "contact": self._input().to_dict(),
            "who": self.person_field.values(),
            "referrals": self._referral_values(),
        }

    def _set_values(self, values: dict) -> None:
        self.editing_id = values.get("editing_id")
        self._fill(ContactInput.from_dict(values.get("contact") or {}))
        self.person_field.set_values(values.get("who") or {})
        self._set_referral_values(values.get("referrals") or {})
        self._update_title()

    def _referral_values(self) -> dict:
        box = self.referrals
        return {
            "pending": [[service_id, name] for service_id, name in box.pending_services()],
            "follow": box.follow.isChecked(),
            "follow_on": box.follow_on.date().toPython().isoformat(),
        }

    def _set_referral_values(self, values: dict) -> None:
        """The contact's saved referrals, then the services picked but not saved yet."""
        box = self.referrals
        with self.keeper.muted():
            box.set_contact(self.editing_id)
            for service_id, name in values.get("pending") or []:
                box.add_service(int(service_id), str(name))
            box.follow.setChecked(bool(values.get("follow", True)))
            if values.get("follow_on"):
                day = date.fromisoformat(values["follow_on"])
            else:
                day = box.today + timedelta(days=FOLLOW_UP_AFTER_DAYS)
            if box.follow_on.date().toPython() != day:
                box.follow_on.setDate(QDate(day.year, day.month, day.day))

    # ---- widgets from values ------------------------------------------------------------
    def _fill(self, data: ContactInput, *, persons: list[tuple[int, str]] | None = None, dated: bool = True) -> None:
        """The widgets show ``data`` (``dated=False``: the time is left for the next open to set)."""
        # (a value set again costs: a spin box re-writes and repaints its text, a text edit re-lays out)
        with self.keeper.muted():
            if dated:
                self._set_when(data.occurred_at or datetime.now())
            if data.duration_min is not None and self.duration.value() != data.duration_min:
                self.duration.setValue(data.duration_min)
            self._select(self.place, data.place_code or "")
            self._select(self.initiated, data.initiated_by or "worker")
            for code, button in self.type_buttons.items():
                button.setChecked(code in data.types)
            for code, button in self.theme_buttons.items():
                button.setChecked(code in data.themes)
            for item_id, stepper in self.steppers.items():
                quantity = data.supplies.get(item_id, 0)
                if stepper.quantity.value() != quantity:
                    stepper.quantity.setValue(quantity)
            if self.notes.toPlainText() != data.notes:
                self.notes.setPlainText(data.notes)
            self.follow_up.setChecked(data.follow_up_on is not None)
            self.follow_up_done.setChecked(bool(data.follow_up_done))
            day = data.follow_up_on or date.today()
            if self.follow_up_on.date().toPython() != day:
                self.follow_up_on.setDate(QDate(day.year, day.month, day.day))
            self.share.setChecked(data.share_with_supervision)
            self.unmet_needs.set_codes(data.unmet_needs)
            if persons is not None:
                self.person_field.set_values({"persons": persons, "unidentified": data.unidentified_count})
        self._persons_changed()

    def _set_when(self, when: datetime) -> None:
        """The contact's date and time, to the minute (the keeper muted: not a change typed)."""
        with self.keeper.muted():
            self.occurred.setDateTime(QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute)))

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        if index < 0 and code:
            combo.addItem(code, code)  # a retired code the record keeps
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
