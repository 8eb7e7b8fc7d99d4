"""Record a conflict of use in a few seconds: intensity keys Alt+1..Alt+5, Ctrl+Enter saves."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QCompleter, QDateTimeEdit, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from app.validation import ValidationFailed
from views.activity import common
from views.activity.entry_form import ActivityEntryForm
from views.context import AppContext
from views.drafts import DraftKeeper
from views.floor.common import FieldError, datetime_text, field_error_text, ui_language

FORM_ID = "activity.conflict"


class ConflictForm(ActivityEntryForm):
    """New conflict, or edit one with ``load(conflict_id)``. Emits ``saved(conflict_id)``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "conflict", parent)
        self._last_place = ""
        self._person_ids: dict[str, int] = {}  # alias -> id (completion)
        form = self.fields
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.when = QDateTimeEdit()
        self.when.setObjectName("conflict_when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        form.addRow(self.tr("&When"), self.when)
        self.place = QComboBox()
        self.place.setObjectName("conflict_place")
        form.addRow(self.tr("W&here"), self.place)

        parties_row = QGridLayout()
        self.parties = QButtonGroup(self)
        for n, (code, text) in enumerate(common.party_labels().items()):
            button = QRadioButton(text)
            button.setObjectName(f"parties_{code}")
            self.parties.addButton(button)
            button.setProperty("code", code)
            parties_row.addWidget(button, n // 2, n % 2)
        form.addRow(self.tr("Parties"), parties_row)

        intensity_box = QVBoxLayout()
        keys = QHBoxLayout()
        self.intensity = QButtonGroup(self)
        self.intensity.setExclusive(True)
        levels = common.intensity_levels()
        for level, (name, _) in levels.items():
            button = QPushButton(f"{level}")
            button.setObjectName(f"intensity_{level}")
            button.setCheckable(True)
            button.setMinimumSize(44, 36)
            button.setToolTip(f"{common.level_text(level, name)} (Alt+{level})")
            self.intensity.addButton(button, level)
            keys.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Alt+{level}"), self)
            shortcut.activated.connect(lambda lvl=level: self.intensity.button(lvl).setChecked(True))
        keys.addStretch(1)
        intensity_box.addLayout(keys)
        scale = QGridLayout()
        scale.setHorizontalSpacing(8)
        scale.setVerticalSpacing(0)
        self.scale_labels = {}
        for row, (level, (name, looks_like)) in enumerate(levels.items()):
            label = QLabel(f"<b>{level}</b> {name} : {looks_like}")
            label.setObjectName(f"intensity_text_{level}")
            label.setWordWrap(True)
            self.scale_labels[level] = label
            scale.addWidget(label, row, 0)
        intensity_box.addLayout(scale)
        self.intensity.idToggled.connect(self._show_level)
        form.addRow(self._buddy(self.tr("&Intensity"), self.intensity.button(1)), intensity_box)
        self.intensity_error = FieldError("intensity")
        form.addRow("", self.intensity_error)

        self.action = QPlainTextEdit()
        self.action.setObjectName("conflict_action")
        self.action.setPlaceholderText(self.tr("e.g. talked apart with each person, offered a coffee"))
        self.action.setTabChangesFocus(True)
        self.action.setFixedHeight(56)
        form.addRow(self.tr("What was &done"), self.action)

        by_row = QGridLayout()
        self.by: dict[str, QCheckBox] = {}
        for n, (code, text) in enumerate(common.responder_labels().items()):
            box = QCheckBox(text)
            box.setObjectName(f"by_{code}")
            self.by[code] = box
            by_row.addWidget(box, n // 2, n % 2)
        form.addRow(self.tr("By whom"), by_row)

        self.outcome = QComboBox()
        self.outcome.setObjectName("conflict_outcome")
        for code, text in common.outcome_labels().items():
            self.outcome.addItem(text, code)
        form.addRow(self.tr("&Outcome"), self.outcome)

        people_box = QVBoxLayout()
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("conflict_person")
        self.person_edit.setPlaceholderText(self.tr("Optional: type an alias, then Enter"))
        self.person_edit.returnPressed.connect(self._add_typed_person)
        people_box.addWidget(self.person_edit)
        self.persons = QListWidget()
        self.persons.setObjectName("conflict_persons")
        self.persons.setFlow(QListWidget.Flow.LeftToRight)
        self.persons.setWrapping(True)
        self.persons.setFixedHeight(34)
        self.persons.setToolTip(self.tr("Delete removes the selected person"))
        people_box.addWidget(self.persons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.persons,
                  activated=self._remove_person, context=Qt.ShortcutContext.WidgetShortcut)
        form.addRow(self._buddy(self.tr("&People involved"), self.person_edit), people_box)

        self.contact = QComboBox()
        self.contact.setObjectName("conflict_contact")
        for combo in (self.place, self.outcome, self.contact):  # long items must not widen the form
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        self.contact.setToolTip(self.tr("Optional: the contact during which it happened"))
        form.addRow(self.tr("Lin&ked contact"), self.contact)

        self._add_buttons()

        self.keeper = DraftKeeper(ctx, FORM_ID, self.values, self.set_values, owner=self)
        watched = (self.place, self.action, self.outcome, self.contact, *self.by.values(),
                   *self.parties.buttons(), *self.intensity.buttons())
        self.keeper.watch(self.when, *watched)
        # « Quand » is the time the form is started (shown fresh, or first edited), unless set by hand.
        self._when_by_hand = self._started = False
        self.when.dateTimeChanged.connect(self._when_edited)
        for widget in watched:
            signal = {QLineEdit: "textEdited", QPlainTextEdit: "textChanged", QComboBox: "currentIndexChanged"}
            name = next((n for t, n in signal.items() if isinstance(widget, t)), "toggled")
            getattr(widget, name).connect(self._form_started)
        self.reload_choices()
        self.reset()
        self.keeper.restore()

    def _when_edited(self, *_args) -> None:
        if not self.keeper.is_muted:
            self._when_by_hand = True

    def _fresh(self) -> bool:
        return self.editing_id is None and not self._when_by_hand and not self._started

    def _form_started(self, *_args) -> None:
        if not self.keeper.is_muted and self._fresh():
            self._now_when()
            self._started = True

    def _now_when(self) -> None:
        with self.keeper.muted():
            self.when.setDateTime(QDateTime(datetime.now().replace(second=0, microsecond=0)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fresh():  # not the time the page was built
            self._now_when()

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # ---- choices from the vault -----------------------------------------------------
    def reload_choices(self) -> None:
        from app.activity import rows

        choices = self.ctx.ops.read(rows.conflict_choices, ui_language())
        places, aliases, contacts = choices.places, choices.aliases, choices.contacts
        with self.keeper_muted():
            current = self.place.currentData()
            self.place.clear()
            for code, text in places:
                self.place.addItem(text, code)
            if current:
                self.place.setCurrentIndex(max(0, self.place.findData(current)))
            self._person_ids = {alias: pid for pid, alias in aliases}
            completer = QCompleter(list(self._person_ids))
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.person_edit.setCompleter(completer)
            chosen = self.contact.currentData()
            self.contact.clear()
            self.contact.addItem(self.tr("None (optional)"), None)
            for cid, when, who in contacts:
                self.contact.addItem(f"{datetime_text(when)} – {who or self.tr('unidentified')}", cid)
            if chosen is not None:
                self.contact.setCurrentIndex(max(0, self.contact.findData(chosen)))

    # ---- values -----------------------------------------------------------------------
    def values(self) -> dict:
        checked = self.parties.checkedButton()
        return {
            "editing_id": self.editing_id,
            "occurred_at": self.when.dateTime().toPython().replace(second=0, microsecond=0).isoformat(),
            "place_code": self.place.currentData() or "",
            "parties": checked.property("code") if checked else "patron_patron",
            "intensity": self.intensity.checkedId() if self.intensity.checkedId() > 0 else None,
            "action_taken": self.action.toPlainText(),
            "handled_by": [code for code, box in self.by.items() if box.isChecked()],
            "outcome": self.outcome.currentData(),
            "persons": [[self.persons.item(i).text(), self.persons.item(i).data(Qt.ItemDataRole.UserRole)]
                        for i in range(self.persons.count())],
            "contact_id": self.contact.currentData(),
        }

    def set_values(self, v: dict) -> None:
        self.editing_id = v.get("editing_id")
        if v.get("occurred_at"):
            self.when.setDateTime(QDateTime(datetime.fromisoformat(v["occurred_at"])))
            self._when_by_hand = True  # a draft's or a saved conflict's time is kept (reset clears this)
        index = self.place.findData(v.get("place_code"))
        if index >= 0:
            self.place.setCurrentIndex(index)
        for button in self.parties.buttons():
            button.setChecked(button.property("code") == v.get("parties", "patron_patron"))
        self.intensity.setExclusive(False)
        for button in self.intensity.buttons():
            button.setChecked(False)
        self.intensity.setExclusive(True)
        if v.get("intensity"):
            self.intensity.button(int(v["intensity"])).setChecked(True)
        self._show_level()
        self.action.setPlainText(v.get("action_taken", ""))
        for code, box in self.by.items():
            box.setChecked(code in v.get("handled_by", []))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(v.get("outcome", "resolved"))))
        self.persons.clear()
        for alias, pid in v.get("persons", []):
            self._add_person(alias, pid)
        self.contact.setCurrentIndex(max(0, self.contact.findData(v.get("contact_id"))))

    def reset(self) -> None:
        """An empty form: now, the first library zone, the worker handled it."""
        with self.keeper_muted():
            self.set_values({
                "editing_id": None, "occurred_at": datetime.now().replace(second=0, microsecond=0).isoformat(),
                "place_code": self._last_place or (self.place.itemData(0) if self.place.count() else ""),
                "parties": "patron_patron", "intensity": None, "action_taken": "", "handled_by": ["worker"],
                "outcome": "resolved", "persons": [], "contact_id": None,
            })
            self.error.set_error("")
            self.intensity_error.set_error("")
        self._when_by_hand = self._started = False

    def load(self, conflict_id: int) -> None:
        from app.activity import rows

        values = self.ctx.ops.read(rows.conflict_values, conflict_id)
        with self.keeper.muted():
            self.set_values(values)
        self.keeper.changed()

    # ---- people chips -----------------------------------------------------------------
    def _add_person(self, alias: str, pid: int) -> None:
        for i in range(self.persons.count()):
            if self.persons.item(i).data(Qt.ItemDataRole.UserRole) == pid:
                return
        item = QListWidgetItem(alias)
        item.setData(Qt.ItemDataRole.UserRole, pid)
        self.persons.addItem(item)

    def _add_typed_person(self) -> None:
        text = self.person_edit.text().strip()
        pid = self._person_ids.get(text)
        if pid is None:
            matches = [a for a in self._person_ids if text.lower() in a.lower()]
            pid = self._person_ids[matches[0]] if len(matches) == 1 else None
            text = matches[0] if len(matches) == 1 else text
        if pid is None:
            self.error.set_error(self.tr("No person with this alias. Record them in Personnes first."))
            return
        self._add_person(text, pid)
        self.person_edit.clear()
        self.error.set_error("")
        self.keeper.changed()

    def _remove_person(self) -> None:
        for item in self.persons.selectedItems():
            self.persons.takeItem(self.persons.row(item))
        self.keeper.changed()

    def _show_level(self, *_args) -> None:
        chosen = self.intensity.checkedId()
        for level, label in self.scale_labels.items():
            label.setStyleSheet("color: palette(text); background: #fff3cd;" if level == chosen else "color: #555;")

    # ---- actions ----------------------------------------------------------------------
    def save(self) -> bool | None:
        """Hand the conflict to the runner (True), or None without an intensity (said at once)."""
        from app.ops import activity as activity_ops

        v = self.values()
        if v["intensity"] is None:
            self.intensity_error.set_error(self.tr("Choose an intensity from 1 to 5 (Alt+1 to Alt+5)."))
            self.intensity.button(1).setFocus()
            return None
        fields = dict(
            occurred_at=datetime.fromisoformat(v["occurred_at"]), place_code=v["place_code"], parties=v["parties"],
            intensity=v["intensity"], action_taken=v["action_taken"], handled_by=v["handled_by"],
            outcome=v["outcome"], person_ids=[pid for _alias, pid in v["persons"]], contact_id=v["contact_id"],
        )

        def saved() -> None:
            self._last_place = v["place_code"]  # the next conflict is often in the same zone

        return self._submit(activity_ops.save_conflict, fields, self._refused, before=saved)

    def _refused(self, exc: ValidationFailed) -> None:
        self.error.set_error("\n".join(
            f"{self._field_name(e.field)} : {field_error_text(e.code)}" for e in exc.errors
        ))

    def _field_name(self, name: str) -> str:
        return {
            "occurred_at": self.tr("When"), "place_code": self.tr("Where"), "intensity": self.tr("Intensity"),
            "parties": self.tr("Parties"), "outcome": self.tr("Outcome"), "handled_by": self.tr("By whom"),
            "persons": self.tr("People involved"), "contact_id": self.tr("Linked contact"),
        }.get(name, name)

