"""The contact form's errors: each refused field said at its place, a stock shortage as a question
(mixed into views.floor.contact_panel.ContactPanel)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.validation import StockShortage, ValidationFailed
from views.floor.common import FieldError, field_error_text


class ContactErrors:
    def _error_labels(self) -> dict[str, FieldError]:
        return {
            "persons": self.persons_error, "alias": self.persons_error, "unidentified_count": self.persons_error,
            "types": self.types_error, "themes": self.themes_error, "occurred_at": self.occurred_error,
            "duration_min": self.duration_error, "place_code": self.place_error, "initiated_by": self.initiated_error,
        }

    def _clear_errors(self) -> None:
        for label in (*self._error_labels().values(), *(s.error for s in self.steppers.values())):
            if label.text() or not label.isHidden():
                label.set_error("")

    def _show_errors(self, failed: ValidationFailed) -> None:
        focus: QWidget | None = None
        for error in failed.errors:
            if error.field == "persons" and error.code == "required":
                text = self.tr("Choose a person, or count the unidentified persons.")
            elif error.field == "types" and error.code == "required":
                text = self.tr("Choose the type of contact: press its number.")
            elif error.field == "occurred_at" and error.code == "future_date":
                text = self.tr("This date is after today. A contact is recorded once it happened.")
            elif error.field.startswith("supplies[") and error.code == "negative":
                text = self.tr("A quantity given cannot be less than zero.")
            else:
                text = field_error_text(error.code)
            if error.field.startswith("supplies["):
                item_id = int(error.field[len("supplies["):-1])
                stepper = self.steppers.get(item_id)
                if stepper is not None:
                    stepper.error.set_error(text)
                    focus = focus or stepper.quantity
                continue
            label = self._error_labels().get(error.field, self.persons_error)
            label.set_error(text)
            focus = focus or {
                "occurred_at": self.occurred, "duration_min": self.duration, "place_code": self.place,
                "initiated_by": self.initiated, "types": next(iter(self.type_buttons.values()), None),
            }.get(error.field, self.person_field.edit)
        if focus is not None:
            focus.setFocus()

    def _shortage_text(self, shortage: StockShortage) -> str:
        lines = [
            self.tr("%1: %2 given, %3 in stock").replace("%1", s.name).replace("%2", str(s.requested))
            .replace("%3", str(s.available))
            for s in shortage.shortfalls
        ]
        return (
            self.tr("There is less in stock than what you are giving:") + "\n" + "\n".join(lines) + "\n\n"
            + self.tr("Save anyway? (The stock will show below zero until it is counted again.)")
        )
