"""Record support given to library staff (axis 2): kind keys Alt+1..Alt+5, Ctrl+Enter saves."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from app.validation import ValidationFailed
from views.activity import common
from views.activity.entry_form import ActivityEntryForm
from views.context import AppContext
from views.drafts import DraftKeeper
from views.floor.common import field_error_text

FORM_ID = "activity.staff_support"


class StaffSupportForm(ActivityEntryForm):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "staff", parent)
        form = self.fields

        self.day = QDateEdit()
        self.day.setObjectName("staff_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        form.addRow(self.tr("&Day"), self.day)

        kinds = QVBoxLayout()
        self.kind = QButtonGroup(self)
        for n, (code, text) in enumerate(common.support_kind_labels().items(), start=1):
            button = QRadioButton(f"{text}  (Alt+{n})")
            button.setObjectName(f"kind_{code}")
            button.setProperty("code", code)
            self.kind.addButton(button, n)
            kinds.addWidget(button)
            QShortcut(QKeySequence(f"Alt+{n}"), self, activated=button.click)
        kind_label = QLabel(self.tr("&Kind"))
        kind_label.setBuddy(self.kind.button(1))
        form.addRow(kind_label, kinds)

        self.topic = QLineEdit()
        self.topic.setObjectName("staff_topic")
        self.topic.setPlaceholderText(self.tr("e.g. how to approach a person who sleeps in the reading room"))
        form.addRow(self.tr("&Topic"), self.topic)
        self.staff_count = QSpinBox()
        self.staff_count.setObjectName("staff_count")
        self.staff_count.setRange(1, 500)
        form.addRow(self.tr("&Number of staff"), self.staff_count)
        self.duration = QSpinBox()
        self.duration.setObjectName("staff_duration")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        form.addRow(self.tr("D&uration"), self.duration)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("staff_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        form.addRow(self.tr("N&otes"), self.notes)

        self._add_buttons()

        self.keeper = DraftKeeper(ctx, FORM_ID, self.values, self.set_values, owner=self)
        self.keeper.watch(self.day, self.topic, self.staff_count, self.duration, self.notes, *self.kind.buttons())
        self.reset()
        self.keeper.restore()

    def values(self) -> dict:
        checked = self.kind.checkedButton()
        return {
            "editing_id": self.editing_id,
            "occurred_on": self.day.date().toPython().isoformat(),
            "kind": checked.property("code") if checked else None,
            "topic": self.topic.text(),
            "staff_count": self.staff_count.value(),
            "duration_min": self.duration.value(),
            "notes": self.notes.toPlainText(),
        }

    def set_values(self, v: dict) -> None:
        self.editing_id = v.get("editing_id")
        self.day.setDate(QDate(date.fromisoformat(v.get("occurred_on") or date.today().isoformat())))
        self.kind.setExclusive(False)
        for button in self.kind.buttons():
            button.setChecked(button.property("code") == v.get("kind"))
        self.kind.setExclusive(True)
        self.topic.setText(v.get("topic", ""))
        self.staff_count.setValue(int(v.get("staff_count") or 1))
        self.duration.setValue(int(v.get("duration_min") or 0))
        self.notes.setPlainText(v.get("notes", ""))

    def reset(self) -> None:
        with self.keeper_muted():
            self.set_values({"occurred_on": date.today().isoformat(), "kind": "information", "staff_count": 1,
                             "duration_min": 15})
            self.error.set_error("")

    def load(self, support_id: int) -> None:
        from app.activity import rows

        values = self.ctx.ops.read(rows.staff_support_values, support_id)
        with self.keeper.muted():
            self.set_values(values)
        self.keeper.changed()

    def save(self) -> bool | None:
        """Hand the entry to the runner (True); a refused value is said under the fields."""
        from app.ops import activity as activity_ops

        v = self.values()
        fields = dict(occurred_on=date.fromisoformat(v["occurred_on"]), kind=v["kind"] or "", topic=v["topic"],
                      staff_count=v["staff_count"], duration_min=v["duration_min"], notes=v["notes"])
        return self._submit(activity_ops.save_staff_support, fields, self._refused)

    def _refused(self, exc: ValidationFailed) -> None:
        names = {"occurred_on": self.tr("Day"), "kind": self.tr("Kind"), "topic": self.tr("Topic"),
                 "staff_count": self.tr("Number of staff"), "duration_min": self.tr("Duration")}
        self.error.set_error("\n".join(f"{names.get(e.field, e.field)} : {field_error_text(e.code)}"
                                       for e in exc.errors))
        if "topic" in exc.by_field():
            self.topic.setFocus()
