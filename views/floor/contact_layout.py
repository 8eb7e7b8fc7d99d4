"""The contact form's layout: who and what on the left, when, where and supplies on the right.

``ContactLayout`` builds the widgets of ``views.floor.contact_panel.ContactPanel`` (a
mixin: the panel keeps them as attributes, so tests and drafts reach them by name),
owns the Tab order and the number and letter keys on the type and theme buttons.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
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

from app import contacts
from app.floor_reads import CONTACT_TYPE, INITIATOR, PLACE, THEME, UNMET_NEED
from app.textsearch import fold
from views.directory.referral_widgets import ContactReferrals
from views.floor.common import FieldError, FlowLayout, heading
from views.floor.person_field import PersonField
from views.floor.supply_stepper import SupplyStepper

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


class ContactLayout:
    """Builds the panel's widgets (mixed into ContactPanel, a QFrame)."""

    def _build_layout(self, ctx, labels, items) -> None:
        self.labels = labels
        self.type_buttons: dict[str, QPushButton] = {}
        self.theme_buttons: dict[str, QPushButton] = {}
        self.theme_key: dict[str, str] = {}  # letter -> theme code
        self.steppers: dict[int, SupplyStepper] = {}

        # ---- header --------------------------------------------------------------
        self.title_label = heading(self.tr("New contact"), 4)
        self.title_label.setObjectName("contact_panel_title")
        self.draft_note = QLabel()
        self.draft_note.setObjectName("draft_note")
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setObjectName("close_contact")
        self.close_button.setToolTip(self.tr("Close; what was typed is kept for next time"))
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.draft_note, 1)
        header.addWidget(self.close_button)

        # ---- left: who and what ---------------------------------------------------
        self.person_field = PersonField(ctx)
        self.persons_error = FieldError("persons")
        self.types_box = QWidget()
        self.types_box.setObjectName("types_row")
        types_flow = FlowLayout(self.types_box)
        for n, (code, label) in enumerate(labels.active(CONTACT_TYPE)):
            text = f"{n + 1}  {label}" if n < MAX_TYPE_KEYS else label
            button = self._choice_button(text, f"type_{code}")
            button.setToolTip(label)
            self.type_buttons[code] = button
            types_flow.addWidget(button)
        self.types_error = FieldError("types")
        self.themes_box = QWidget()
        self.themes_box.setObjectName("themes_row")
        themes_flow = FlowLayout(self.themes_box)
        theme_items = labels.active(THEME)
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
        from views.floor.unmet_needs_field import UnmetNeedsField  # issue 13

        self.unmet_needs = UnmetNeedsField(labels.active(UNMET_NEED))
        left.addWidget(self.unmet_needs)
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
        for code, label in labels.active(PLACE):
            self.place.addItem(label, code)
        self.place_error = FieldError("place_code")
        self.initiated = QComboBox()
        self.initiated.setObjectName("initiated_by")
        for code, label in labels.active(INITIATOR):
            self.initiated.addItem(label, code)
        self.initiated_error = FieldError("initiated_by")

        when_grid = QGridLayout()
        when_grid.setHorizontalSpacing(10)
        for row, (text, widget, error) in enumerate((
            (self.tr("Wh&en"), self.occurred, self.occurred_error),
            (self.tr("Durat&ion"), self.duration, self.duration_error),
            (self.tr("&Place"), self.place, self.place_error),
            (self.tr("Initiated &by"), self.initiated, self.initiated_error),
        )):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setMinimumHeight(36)
            when_grid.addWidget(label, row * 2, 0)
            when_grid.addWidget(widget, row * 2, 1)
            when_grid.addWidget(error, row * 2 + 1, 1)
        when_grid.setColumnStretch(1, 1)

        supplies_box = QWidget()
        self.supplies_layout = QVBoxLayout(supplies_box)
        self.supplies_layout.setContentsMargins(0, 0, 0, 0)
        self.supplies_layout.setSpacing(2)
        self.no_supplies = QLabel(self.tr("No supply items yet (see Supplies)."))
        self.supplies_layout.addWidget(self.no_supplies)
        self._place_steppers(items)

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
        for widget in (self.follow_up, self.follow_up_on, self.follow_up_done):
            follow_row.addWidget(widget)
        follow_row.addSpacing(24)
        follow_row.addWidget(self.share)
        follow_row.addStretch(1)

        right = QVBoxLayout()
        right.addLayout(when_grid)
        right.addWidget(self._section(self.tr("Supplies given")))
        right.addWidget(supplies_box)
        right.addStretch(1)
        left.addWidget(self._section(self.tr("N&otes"), self.notes))
        left.addWidget(self.notes)
        left.addLayout(follow_row)
        # Referrals: the directory search inline, after the notes; nothing in the routine passes through it.
        self.referrals = ContactReferrals(ctx)
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
        self.repeat_button = QPushButton(self.tr("&Repeat last contact"))
        self.repeat_button.setObjectName("repeat_last")
        self.repeat_button.setToolTip(self.tr("Same types, themes, place and duration as this person's last contact"))
        self.repeat_button.setEnabled(False)
        self.clear_button = QPushButton(self.tr("St&art over"))
        self.clear_button.setObjectName("clear_contact")
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

    # ---- supplies: built at start, then kept in step with the stock --------------------
    def _place_steppers(self, items) -> list[SupplyStepper]:
        """Show ``items`` (app.supplies.SupplyRow): update the stock of known ones, add new ones.

        Returns the steppers added. An item no longer offered goes, unless a quantity is typed for it.
        """
        added = []
        wanted = {row.id for row in items}
        for item_id in [i for i in self.steppers if i not in wanted]:
            stepper = self.steppers[item_id]
            if stepper.quantity.value() == 0:
                del self.steppers[item_id]
                stepper.deleteLater()
        for row in items:
            stepper = self.steppers.get(row.id)
            if stepper is None:
                stepper = self.steppers[row.id] = SupplyStepper(row.id, row.name, row.stock_on_hand, row.is_low)
                self.supplies_layout.addWidget(stepper)
                added.append(stepper)
            else:
                stepper.set_stock(row.stock_on_hand, row.is_low)
        self.no_supplies.setVisible(not self.steppers)
        return added

    # ---- building helpers --------------------------------------------------------
    def _choice_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setProperty("role", "choice")
        button.setMinimumHeight(36)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _section(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = heading(text, 1)
        if buddy is not None:
            label.setBuddy(buddy.edit if isinstance(buddy, PersonField) else buddy)
        return label

    def _set_tab_order(self) -> None:
        """Tab follows the screen: who, types, themes, notes, follow-up and referrals, then when/where, supplies, buttons."""
        box, picker = self.referrals, self.referrals.picker
        chain = [
            self.person_field.edit, self.person_field.unidentified, *self.type_buttons.values(),
            *self.theme_buttons.values(), self.notes, self.follow_up, self.follow_up_on, self.follow_up_done,
            self.share, picker.box, picker.open_now, picker.results, picker.choose, box.follow, box.follow_on,
            box.remove, box.list, self.occurred, self.duration, self.place, self.initiated,
            *(stepper.quantity for stepper in self.steppers.values()),
            self.save_button, self.repeat_button, self.clear_button, self.close_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._tab_ends = (chain[0], chain[-1])

    def focusNextPrevChild(self, next_: bool) -> bool:
        # The panel is a focus scope (a Qt.SubWindow: Qt walks only its widgets); at the ends
        # Tab wraps in the screen's order rather than the order the widgets were made in.
        first, last = self._tab_ends
        current = QApplication.focusWidget()
        if next_ and current is last:
            first.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if not next_ and current is first:
            last.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next_)

    # ---- keys on the type and theme buttons ------------------------------------------
    # A button leaves digits and letters to its parents, so they come up to the panel (a key
    # handler here, not an event filter on each button, which saw every event of every button).
    def keyPressEvent(self, event) -> None:
        focus = QApplication.focusWidget()
        if (isinstance(focus, QAbstractButton) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                and (focus in self.type_buttons.values() or focus in self.theme_buttons.values())):
            text = event.text().lower()
            if text.isdigit() and text != "0":
                buttons = list(self.type_buttons.values())
                index = int(text) - 1
                if index < len(buttons):
                    buttons[index].toggle()
                    event.accept()
                    return
            elif text and text in self.theme_key:
                self.theme_buttons[self.theme_key[text]].toggle()
                event.accept()
                return
        super().keyPressEvent(event)

    def focus_types(self) -> None:
        buttons = list(self.type_buttons.values())
        if buttons:
            buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
