"""The contact form, shown as a panel over the current page: quick entry (Ctrl+N) and edit.

Focus flow for a routine contact (5 actions): Ctrl+N opens the panel with the focus in
the person field; 3 letters of the alias; Enter adds the first match and moves the
focus to the types row; a digit (1..8) toggles a type; a letter (shown on each theme
chip) toggles a theme; Ctrl+Enter saves and closes. While the focus is on any type or
theme button, digits toggle types and letters toggle themes.

Esc closes and keeps a draft (views.drafts.DraftKeeper), which also survives a lock
and a crash. Bad input is reported at its field and nothing typed is lost: services
validate before writing, and the form keeps its values.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import contacts, people, supplies
from app.contacts import ContactInput
from app.textsearch import fold
from app.validation import StockShortage, ValidationFailed
from models.codes import CONTACT_TYPE, INITIATOR, PLACE, THEME
from views.context import AppContext
from views.drafts import DraftKeeper
from views.floor.common import CodeLabels, FieldError, FlowLayout, field_error_text, heading
from views.directory.referral_widgets import FOLLOW_UP_AFTER_DAYS, ContactReferrals
from views.floor.person_field import PersonField

NEW_FORM_ID = "quick_contact"
EDIT_FORM_ID = "contact_edit"
MAX_TYPE_KEYS = 9
# A chosen type or theme must read as chosen at a glance, from a step away.
PANEL_STYLE = """
QPushButton[role="choice"] { padding: 6px 12px; border: 1px solid palette(mid); border-radius: 6px; background: palette(button); }
QPushButton[role="choice"]:checked { background: #1d5f9e; color: white; border: 1px solid #0d3a66; }
QPushButton[role="choice"]:focus { border: 2px solid #e08a00; }
QPushButton[role="choice"]:checked:focus { border: 2px solid #e08a00; }
QPushButton[role="person_chip"] { background: #e3eefa; border: 1px solid #1d5f9e; border-radius: 14px; padding: 4px 12px; }
"""


def theme_keys(labels: list[str]) -> list[str]:
    """One letter per theme, taken from its label (word initials first), never reused."""
    taken: set[str] = set()
    keys = []
    for label in labels:
        folded = fold(label)
        initials = [w[0] for w in folded.split() if w and w[0].isalpha()]
        letters = [c for c in folded if c.isalpha()]
        key = next((c for c in initials + letters if c not in taken), "")
        if not key:
            key = next((c for c in "abcdefghijklmnopqrstuvwxyz" if c not in taken), "")
        taken.add(key)
        keys.append(key)
    return keys


class SupplyStepper(QWidget):
    """One item: name, stock on hand, and a quantity given with - and + buttons."""

    def __init__(self, item_id: int, name: str, stock: int, low: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.item_id = item_id
        self.stock = stock
        self.name_label = QLabel(name)
        self.stock_label = QLabel(self.tr("%1 in stock").replace("%1", str(stock)))
        self.stock_label.setObjectName("stock_label")
        if low:
            self.stock_label.setStyleSheet("color: #a05a00;")
        self.minus = QPushButton("−")
        self.minus.setObjectName(f"supply_minus_{item_id}")
        self.minus.setAccessibleName(self.tr("One less %1").replace("%1", name))
        self.plus = QPushButton("+")
        self.plus.setObjectName(f"supply_plus_{item_id}")
        self.plus.setAccessibleName(self.tr("One more %1").replace("%1", name))
        # Negative values can be typed (and are reported at the field); the buttons stop at 0.
        self.quantity = QSpinBox()
        self.quantity.setObjectName(f"supply_qty_{item_id}")
        self.quantity.setRange(-999, 999)
        self.quantity.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity.setFixedWidth(56)
        self.quantity.setAccessibleName(name)
        for button in (self.minus, self.plus):
            button.setFixedSize(40, 36)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the spin box takes the keyboard (Up/Down)
        self.minus.clicked.connect(lambda: self.quantity.setValue(max(0, self.quantity.value() - 1)))
        self.plus.clicked.connect(lambda: self.quantity.setValue(max(0, self.quantity.value()) + 1))
        self.error = FieldError(f"supply_{item_id}")
        row = QGridLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name_label, 0, 0)
        row.addWidget(self.stock_label, 0, 1)
        row.addWidget(self.minus, 0, 2)
        row.addWidget(self.quantity, 0, 3)
        row.addWidget(self.plus, 0, 4)
        row.addWidget(self.error, 1, 0, 1, 5)
        row.setColumnStretch(0, 1)


class ContactPanel(QFrame):
    """The contact form over the page. ``open_new()`` for Ctrl+N, ``open_edit(id)`` to edit."""

    saved = Signal(int)   # contact id
    closed = Signal()

    def __init__(self, ctx: AppContext, form_id: str = NEW_FORM_ID, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form_id = form_id
        self.setObjectName("contact_panel" if form_id == NEW_FORM_ID else "contact_edit_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(PANEL_STYLE)
        self.editing_id: int | None = None
        self._loaded = False
        self.type_buttons: dict[str, QPushButton] = {}
        self.theme_buttons: dict[str, QPushButton] = {}
        self.theme_key: dict[str, str] = {}  # letter -> theme code
        self.steppers: dict[int, SupplyStepper] = {}

        with ctx.vault.session() as s:
            self.labels = CodeLabels(s, CONTACT_TYPE, THEME, PLACE, INITIATOR)
            items = [(i.id, i.name, i.stock_on_hand, i.is_low) for i in supplies.items(s)]

        # ---- header --------------------------------------------------------------
        self.title_label = heading(self.tr("New contact"), 4)
        self.title_label.setObjectName("contact_panel_title")
        self.draft_note = QLabel()
        self.draft_note.setObjectName("draft_note")
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setObjectName("close_contact")
        self.close_button.setToolTip(self.tr("Close; what was typed is kept for next time"))
        self.close_button.clicked.connect(self.close_keeping_draft)
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.draft_note, 1)
        header.addWidget(self.close_button)

        # ---- left: who and what ---------------------------------------------------
        self.person_field = PersonField(ctx.vault)
        self.person_field.picked.connect(self.focus_types)
        self.person_field.finished.connect(self.focus_types)
        self.person_field.changed.connect(self._persons_changed)
        self.persons_error = FieldError("persons")

        self.types_box = QWidget()
        self.types_box.setObjectName("types_row")
        types_flow = FlowLayout(self.types_box)
        for n, (code, label) in enumerate(self.labels.active(CONTACT_TYPE)):
            text = f"{n + 1}  {label}" if n < MAX_TYPE_KEYS else label
            button = self._choice_button(text, f"type_{code}")
            button.setToolTip(label)
            self.type_buttons[code] = button
            types_flow.addWidget(button)
        self.types_error = FieldError("types")

        self.themes_box = QWidget()
        self.themes_box.setObjectName("themes_row")
        themes_flow = FlowLayout(self.themes_box)
        theme_items = self.labels.active(THEME)
        for (code, label), key in zip(theme_items, theme_keys([lbl for _c, lbl in theme_items])):
            button = self._choice_button(f"{key.upper()}  {label}" if key else label, f"theme_{code}")
            if key:
                self.theme_key[key] = code
            self.theme_buttons[code] = button
            themes_flow.addWidget(button)
        self.themes_error = FieldError("themes")

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self._section(self.tr("&Who"), self.person_field))
        left.addWidget(self.person_field)
        left.addWidget(self.persons_error)
        left.addWidget(self._section(self.tr("Type of contact (keys 1 to %1)").replace(
            "%1", str(min(MAX_TYPE_KEYS, len(self.type_buttons))))))
        left.addWidget(self.types_box)
        left.addWidget(self.types_error)
        left.addWidget(self._section(self.tr("Themes (key shown on each)")))
        left.addWidget(self.themes_box)
        left.addWidget(self.themes_error)
        left.addSpacing(6)

        # ---- right: when, where, given, notes --------------------------------------
        self.occurred = QDateTimeEdit()
        self.occurred.setObjectName("occurred_at")
        self.occurred.setCalendarPopup(True)
        self.occurred.setDisplayFormat("d MMM yyyy  HH:mm")
        self.occurred_error = FieldError("occurred_at")
        self.duration = QSpinBox()
        self.duration.setObjectName("duration_min")
        self.duration.setRange(-999, contacts.MAX_DURATION_MIN * 2)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration_error = FieldError("duration_min")
        self.place = QComboBox()
        self.place.setObjectName("place_code")
        self.place.addItem(self.tr("(not said)"), "")
        for code, label in self.labels.active(PLACE):
            self.place.addItem(label, code)
        self.place_error = FieldError("place_code")
        self.initiated = QComboBox()
        self.initiated.setObjectName("initiated_by")
        for code, label in self.labels.active(INITIATOR):
            self.initiated.addItem(label, code)
        self.initiated_error = FieldError("initiated_by")

        when_grid = QGridLayout()
        when_grid.setHorizontalSpacing(10)
        for row, (text, widget, error) in enumerate((
            (self.tr("Wh&en"), self.occurred, self.occurred_error),
            (self.tr("&Duration"), self.duration, self.duration_error),
            (self.tr("&Place"), self.place, self.place_error),
            (self.tr("&Initiated by"), self.initiated, self.initiated_error),
        )):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setMinimumHeight(36)
            when_grid.addWidget(label, row * 2, 0)
            when_grid.addWidget(widget, row * 2, 1)
            when_grid.addWidget(error, row * 2 + 1, 1)
        when_grid.setColumnStretch(1, 1)

        supplies_box = QWidget()
        supplies_layout = QVBoxLayout(supplies_box)
        supplies_layout.setContentsMargins(0, 0, 0, 0)
        supplies_layout.setSpacing(2)
        for item_id, name, stock, low in items:
            stepper = SupplyStepper(item_id, name, stock, low)
            self.steppers[item_id] = stepper
            supplies_layout.addWidget(stepper)
        if not items:
            supplies_layout.addWidget(QLabel(self.tr("No supply items yet (see Supplies).")))

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What matters for next time (no legal names)"))
        self.notes.setFixedHeight(70)
        self.follow_up = QCheckBox(self.tr("&Follow up on"))
        self.follow_up.setObjectName("follow_up")
        self.follow_up_on = QDateEdit()
        self.follow_up_on.setObjectName("follow_up_on")
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat("d MMM yyyy")
        self.follow_up_on.setEnabled(False)
        self.follow_up_done = QCheckBox(self.tr("do&ne"))
        self.follow_up_done.setObjectName("follow_up_done")
        self.follow_up_done.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        self.follow_up.toggled.connect(self.follow_up_done.setEnabled)
        self.share = QCheckBox(self.tr("&Share with supervision"))
        self.share.setObjectName("share_with_supervision")
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.follow_up_on)
        follow_row.addWidget(self.follow_up_done)
        follow_row.addSpacing(24)
        follow_row.addWidget(self.share)
        follow_row.addStretch(1)

        right = QVBoxLayout()
        right.addLayout(when_grid)
        supplies_title = self._section(self.tr("Supplies given"))
        right.addWidget(supplies_title)
        right.addWidget(supplies_box)
        right.addStretch(1)
        left.addWidget(self._section(self.tr("&Notes"), self.notes))
        left.addWidget(self.notes)
        left.addLayout(follow_row)
        # Referrals: the directory search inline, after the notes; nothing in the routine passes through it.
        self.referrals = ContactReferrals(ctx)
        if self.referrals is not None:
            left.addSpacing(6)
            left.addWidget(self._section(self.tr("Refer &to a service"), self.referrals.picker.box))
            left.addWidget(self.referrals)
            self.referrals.follow_on.setDisplayFormat("d MMM yyyy")
            # Own mnemonics: the box's defaults clash with this form's (Alt+R repeats, Alt+C starts over).
            self.referrals.picker.choose.setText(self.tr("C&hoose this service"))
            self.referrals.remove.setText(self.tr("Remo&ve"))
            self.referrals.follow.setText(self.tr("Fo&llow up on:"))
        left.addStretch(1)

        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(24)
        right_box = QWidget()
        right_box.setLayout(right)
        right_box.setMinimumWidth(400)
        right.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 5)
        columns.addWidget(right_box, 4)
        scroll = QScrollArea()
        scroll.setObjectName("contact_panel_scroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        # ---- footer ---------------------------------------------------------------
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("save_contact")
        self.save_button.setMinimumHeight(44)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.repeat_button = QPushButton(self.tr("&Repeat last contact"))
        self.repeat_button.setObjectName("repeat_last")
        self.repeat_button.setToolTip(self.tr("Same types, themes, place and duration as this person's last contact"))
        self.repeat_button.clicked.connect(self.repeat_last)
        self.repeat_button.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Start &over"))
        self.clear_button.setObjectName("clear_contact")
        self.clear_button.clicked.connect(self.start_over)
        footer = QHBoxLayout()
        footer.addWidget(self.repeat_button)
        footer.addWidget(self.clear_button)
        footer.addStretch(1)
        footer.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_keeping_draft)

        self.keeper = DraftKeeper(ctx, form_id, self._values, self._set_values, owner=self)
        self.keeper.watch(
            self.person_field.edit, self.person_field.unidentified, self.occurred, self.duration, self.place,
            self.initiated, self.notes, self.follow_up, self.follow_up_on, self.follow_up_done, self.share,
            *self.type_buttons.values(), *self.theme_buttons.values(),
            *(s.quantity for s in self.steppers.values()),
        )
        self.person_field.changed.connect(self.keeper.changed)
        if self.referrals is not None:
            self.keeper.watch(self.referrals.follow, self.referrals.follow_on)
            self.referrals.changed.connect(self.keeper.changed)
        self._set_tab_order()
        self.hide()

    def _set_tab_order(self) -> None:
        """Tab follows the screen: who, types, themes, notes, follow-up and referrals, then when/where, supplies, buttons."""
        chain = [
            self.person_field.edit, self.person_field.unidentified, *self.type_buttons.values(),
            *self.theme_buttons.values(), self.notes, self.follow_up, self.follow_up_on, self.follow_up_done,
            self.share, *self._referral_tab_chain(),
            self.occurred, self.duration, self.place, self.initiated,
            *(stepper.quantity for stepper in self.steppers.values()),
            self.save_button, self.repeat_button, self.clear_button, self.close_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._tab_ends = (chain[0], chain[-1])

    def _referral_tab_chain(self) -> list[QWidget]:
        box = self.referrals
        if box is None:
            return []
        picker = box.picker
        return [picker.box, picker.open_now, picker.results, picker.choose, box.follow, box.follow_on, box.remove,
                box.list]

    def focusNextPrevChild(self, next_: bool) -> bool:
        # Tab wraps inside the panel: the page below is not reachable while it is open.
        first, last = self._tab_ends
        current = QApplication.focusWidget()
        if next_ and current is last:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if not next_ and current is first:
            last.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next_)

    # ---- building helpers --------------------------------------------------------
    def _choice_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setProperty("role", "choice")
        button.setMinimumHeight(36)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.installEventFilter(self)
        return button

    def _section(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = heading(text, 1)
        if buddy is not None:
            label.setBuddy(buddy.edit if isinstance(buddy, PersonField) else buddy)
        return label

    # ---- keys on the type and theme buttons ------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(obj, QAbstractButton):
            if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                return super().eventFilter(obj, event)
            text = event.text().lower()
            if text.isdigit() and text != "0":
                buttons = list(self.type_buttons.values())
                index = int(text) - 1
                if index < len(buttons):
                    buttons[index].toggle()
                    return True
            elif text and text in self.theme_key:
                self.theme_buttons[self.theme_key[text]].toggle()
                return True
        return super().eventFilter(obj, event)

    def focus_types(self) -> None:
        buttons = list(self.type_buttons.values())
        if buttons:
            buttons[0].setFocus(Qt.FocusReason.TabFocusReason)

    # ---- values (drafts) ---------------------------------------------------------
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
        )

    def _values(self) -> dict:
        return {
            "editing_id": self.editing_id,
            "contact": self._input().to_dict(),
            "who": self.person_field.values(),
            "referrals": self._referral_values(),
        }

    def _referral_values(self) -> dict:
        box = self.referrals
        if box is None:
            return {}
        return {
            "pending": [[service_id, name] for service_id, name in box.pending_services()],
            "follow": box.follow.isChecked(),
            "follow_on": box.follow_on.date().toPython().isoformat(),
        }

    def _set_referral_values(self, values: dict) -> None:
        """The contact's saved referrals, then the services picked but not saved yet."""
        box = self.referrals
        if box is None:
            return
        with self.keeper.muted():
            box.set_contact(self.editing_id)
            for service_id, name in values.get("pending") or []:
                box.add_service(int(service_id), str(name))
            box.follow.setChecked(bool(values.get("follow", True)))
            if values.get("follow_on"):
                day = date.fromisoformat(values["follow_on"])
                box.follow_on.setDate(QDate(day.year, day.month, day.day))
            else:
                box.follow_on.setDate(QDate(box.today + timedelta(days=FOLLOW_UP_AFTER_DAYS)))

    def _pending_referrals(self) -> bool:
        return self.referrals is not None and bool(self.referrals.pending_services())

    def _set_values(self, values: dict) -> None:
        self.editing_id = values.get("editing_id")
        self._fill(ContactInput.from_dict(values.get("contact") or {}))
        self.person_field.set_values(values.get("who") or {})
        self._set_referral_values(values.get("referrals") or {})
        self._update_title()

    def _fill(self, data: ContactInput, *, persons: list[tuple[int, str]] | None = None) -> None:
        with self.keeper.muted():
            when = data.occurred_at or datetime.now().replace(second=0, microsecond=0)
            self.occurred.setDateTime(QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute)))
            if data.duration_min is not None:
                self.duration.setValue(data.duration_min)
            self._select(self.place, data.place_code or "")
            self._select(self.initiated, data.initiated_by or "worker")
            for code, button in self.type_buttons.items():
                button.setChecked(code in data.types)
            for code, button in self.theme_buttons.items():
                button.setChecked(code in data.themes)
            for item_id, stepper in self.steppers.items():
                stepper.quantity.setValue(data.supplies.get(item_id, 0))
            self.notes.setPlainText(data.notes)
            self.follow_up.setChecked(data.follow_up_on is not None)
            self.follow_up_done.setChecked(bool(data.follow_up_done))
            day = data.follow_up_on or date.today()
            self.follow_up_on.setDate(QDate(day.year, day.month, day.day))
            self.share.setChecked(data.share_with_supervision)
            if persons is not None:
                self.person_field.set_values({"persons": persons, "unidentified": data.unidentified_count})
        self._persons_changed()

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        if index < 0 and code:
            combo.addItem(code, code)  # a retired code the record keeps
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _persons_changed(self) -> None:
        self.repeat_button.setEnabled(self.person_field.single_known_person() is not None)

    def has_content(self) -> bool:
        data = self._input()
        return bool(
            data.person_ids or self.person_field.new_aliases or data.unidentified_count or data.types
            or data.themes or data.supplies or data.notes.strip() or data.follow_up_on
            or self.person_field.edit.text().strip() or self._pending_referrals()
        )

    def is_holding_input(self) -> bool:
        """Something typed waits in the (hidden) form."""
        return self._loaded and self.has_content()

    def _update_title(self) -> None:
        self.title_label.setText(self.tr("Edit contact") if self.editing_id else self.tr("New contact"))
        self.repeat_button.setVisible(not self.editing_id)  # repeating belongs to a new contact

    # ---- opening and closing -------------------------------------------------------
    def open_new(self, person: tuple[int, str] | None = None, *, repeat: bool = False) -> None:
        """Show the form: the draft if one was left, else a blank form (last place and duration)."""
        if not self._loaded:
            restored = self.keeper.restore()
            if not restored:
                self._load_defaults()
            self.draft_note.setText(self.tr("Draft brought back") if restored else "")
            self._loaded = True
        if person is not None:
            self.person_field.add_person(*person)
            if repeat:
                self.repeat_last()
        self._show()
        if person is not None:
            self.focus_types()
        else:
            self.person_field.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_edit(self, contact_id: int) -> bool:
        """Show a saved contact in the form; a draft of the same contact comes back first."""
        if self._loaded and self.editing_id != contact_id and self.has_content() and self.keeper.dirty:
            if not self._dialogs().confirm(
                self.tr("Unsaved changes"),
                self.tr("Changes to another contact were not saved. Drop them and open this one?"),
                destructive=True,
            ):
                self._show()
                return False
        restored = False
        if not self._loaded or self.editing_id != contact_id:
            restored = self.keeper.restore() and self.editing_id == contact_id
            if not restored:
                with self.ctx.vault.session() as s:
                    data = contacts.contact_input(s, contact_id)
                    aliases = {p.id: p.alias for p in contacts.get_contact(s, contact_id).persons}
                self.editing_id = contact_id
                self._clear_errors()
                self._fill(data, persons=[(pid, aliases[pid]) for pid in data.person_ids])
                self._set_referral_values({})
                self.keeper.discard()
            self._loaded = True
        self.draft_note.setText(self.tr("Unsaved changes brought back") if restored else "")
        self._update_title()
        self._show()
        self.person_field.edit.setFocus()
        return True

    def _load_defaults(self) -> None:
        with self.ctx.vault.session() as s:
            data = contacts.contact_defaults(s)
        self.editing_id = None
        self._clear_errors()
        self._fill(data, persons=[])
        self._set_referral_values({})
        with self.keeper.muted():
            self.person_field.clear()
        self._update_title()

    def _show(self) -> None:
        host = self.parentWidget()
        if host is not None:
            self.setGeometry(cover_rect(host))
            under = getattr(host, "stack", None)
            if under is not None:
                under.setEnabled(False)  # Tab stays in the panel; clicks do not reach the page
        self.show()
        self.raise_()

    def _hide(self) -> None:
        host = self.parentWidget()
        under = getattr(host, "stack", None) if host is not None else None
        if under is not None:
            under.setEnabled(True)
        self.hide()
        self.closed.emit()

    def close_keeping_draft(self) -> None:
        """Esc: hide the panel; what was typed stays (and is saved as a draft now)."""
        if self.has_content() or self.editing_id:
            self.keeper.changed()
            self.keeper.flush()
        else:
            self.keeper.discard()
            self._loaded = False
        self._hide()

    def start_over(self) -> None:
        """Forget what was typed (after a confirmation when there is something)."""
        if self.has_content() and not self._dialogs().confirm(
            self.tr("Start over"), self.tr("Clear this form? What was typed will be lost."), destructive=True
        ):
            return
        self._load_defaults()
        self.keeper.discard()
        self.draft_note.setText("")
        self.person_field.edit.setFocus()

    def _dialogs(self):
        return self.ctx.extras["dialogs"]

    # ---- repeat last contact -----------------------------------------------------
    def repeat_last(self) -> None:
        person_id = self.person_field.single_known_person()
        if person_id is None:
            return
        with self.ctx.vault.session() as s:
            data = contacts.repeat_last_contact(s, person_id)
        if data is None:
            self.draft_note.setText(self.tr("No earlier contact with this person."))
            return
        current = self._input()
        data.notes, data.supplies, data.follow_up_on = current.notes, current.supplies, current.follow_up_on
        data.share_with_supervision = current.share_with_supervision
        data.occurred_at = current.occurred_at
        data.unidentified_count = current.unidentified_count
        self._fill(data)
        self.keeper.changed()
        self.draft_note.setText(self.tr("Filled in like the last contact"))
        self.focus_types()

    # ---- saving --------------------------------------------------------------------
    def save(self) -> bool:
        """Validate and save; errors go to their fields, a stock shortage asks first."""
        if not self.isVisible():
            return False
        data = self._input()
        new_aliases = list(self.person_field.new_aliases)
        pending = self.person_field.edit.text().strip()
        self._clear_errors()
        if pending and not data.person_ids and not new_aliases and not data.unidentified_count:
            # Typed a name but did not pick: do not guess, say so at the field.
            self.persons_error.set_error(self.tr("Press Enter to choose the person, or pick one in the list."))
            self.person_field.edit.setFocus()
            return False
        try:
            try:
                saved = self._write(data, new_aliases, allow_shortage=False)
            except StockShortage as shortage:
                if not self._dialogs().confirm(self.tr("Not enough in stock"), self._shortage_text(shortage)):
                    return False
                saved = self._write(data, new_aliases, allow_shortage=True)
        except ValidationFailed as failed:
            self._show_errors(failed)
            return False
        contact_id, entities = saved
        said = self.tr("Contact updated") if self.editing_id else self.tr("Contact saved")
        self._load_defaults()
        self.keeper.discard()
        self._loaded = False
        self.draft_note.setText("")
        self._hide()
        # After the reset: pages that refresh now (Today's "Resume" button) see an empty form.
        self.ctx.notify(*entities)
        status = self.ctx.extras.get("status")
        if status is not None:
            status.message(said)
        self.saved.emit(contact_id)
        return True

    def _write(self, data: ContactInput, new_aliases: list[str], *, allow_shortage: bool) -> tuple[int, set[str]]:
        with self.ctx.vault.session() as s:
            for alias in new_aliases:
                data.person_ids.append(people.create_person(s, alias).id)
            if self.editing_id:
                change = contacts.update_contact(s, self.editing_id, data, allow_negative_stock=allow_shortage)
            else:
                change = contacts.create_contact(s, data, allow_negative_stock=allow_shortage)
            entities = set(change.entities)
            # Same session: the contact and its referrals are saved together or not at all.
            if self._pending_referrals() and self.referrals.save(s, change.contact.id, list(data.person_ids)):
                entities.add("referral")
            return change.contact.id, entities

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

    def _error_labels(self) -> dict[str, FieldError]:
        return {
            "persons": self.persons_error, "alias": self.persons_error, "unidentified_count": self.persons_error,
            "types": self.types_error, "themes": self.themes_error, "occurred_at": self.occurred_error,
            "duration_min": self.duration_error, "place_code": self.place_error, "initiated_by": self.initiated_error,
        }

    def _clear_errors(self) -> None:
        for label in self._error_labels().values():
            label.set_error("")
        for stepper in self.steppers.values():
            stepper.error.set_error("")

    def _show_errors(self, failed: ValidationFailed) -> None:
        focus: QWidget | None = None
        for error in failed.errors:
            if error.field == "persons" and error.code == "required":
                text = self.tr("Choose a person, or count the unidentified persons.")
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
                "initiated_by": self.initiated,
            }.get(error.field, self.person_field.edit)
        if focus is not None:
            focus.setFocus()


def cover_rect(host: QWidget):
    """Where the panel goes: over the page area of the workspace (or the whole host)."""
    under = getattr(host, "stack", None)
    return under.geometry() if under is not None else host.rect()


class QuickEntry(QObject):
    """Owns the Ctrl+N shortcut and the two panels (new, edit) of one unlocked workspace.

    Installed once per unlock by the Today page; other pages find it in
    ``ctx.extras["quick_entry"]`` to open a contact or start one for a person.
    """

    def __init__(self, ctx: AppContext, host: QWidget):
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.new_panel = ContactPanel(ctx, NEW_FORM_ID, host)
        self.edit_panel = ContactPanel(ctx, EDIT_FORM_ID, host)
        self.shortcut = QShortcut(QKeySequence("Ctrl+N"), host)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.open_new)
        host.installEventFilter(self)
        ctx.extras["quick_entry"] = self

    def open_new(self, person: tuple[int, str] | None = None, *, repeat: bool = False) -> None:
        if self.edit_panel.isVisible():
            self.edit_panel.close_keeping_draft()
        self.new_panel.open_new(person, repeat=repeat)

    def open_edit(self, contact_id: int) -> bool:
        if self.new_panel.isVisible():
            self.new_panel.close_keeping_draft()
        return self.edit_panel.open_edit(contact_id)

    def has_new_draft(self) -> bool:
        return self.new_panel.is_holding_input() or self.new_panel.keeper.has_draft()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.host and event.type() == QEvent.Type.Resize:
            for panel in (self.new_panel, self.edit_panel):
                if panel.isVisible():
                    panel.setGeometry(cover_rect(self.host))
        return super().eventFilter(obj, event)


def quick_entry(ctx: AppContext) -> QuickEntry | None:
    entry = ctx.extras.get("quick_entry")
    try:
        if entry is not None:
            entry.objectName()  # raises when the C++ object died with a previous workspace
    except RuntimeError:
        return None
    return entry


def install_quick_entry(ctx: AppContext, widget: QWidget) -> QuickEntry:
    """Install the quick entry on the workspace holding ``widget`` (or on its window)."""
    host = widget
    while host.parentWidget() is not None and host.objectName() != "workspace":
        host = host.parentWidget()
    existing = quick_entry(ctx)
    if existing is not None and existing.host is host:
        return existing
    return QuickEntry(ctx, host)
