"""The person field of the contact form: completion by alias as you type, several persons,
"+ new person" when nothing matches, and a count of unidentified persons (groups).

Keyboard: type a few letters, Up/Down to choose, Enter to add the highlighted match
(the first one by default). Enter on an empty field means "done" (``finished``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import people
from views.floor.common import FlowLayout, day_text

MAX_MATCHES = 6


class PersonChip(QPushButton):
    """A chosen person; clicking (or Space/Delete on it) removes it."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setProperty("role", "person_chip")
        self.setMinimumHeight(34)


class PersonField(QWidget):
    changed = Signal()     # the chosen persons or the count changed (drafts, repeat button)
    picked = Signal()      # a person was added with Enter: the form moves on
    finished = Signal()    # Enter on an empty field: the form moves on

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self._read = ctx.ops.read
        self.persons: list[tuple[int, str]] = []   # (id, alias) of known people
        self.new_aliases: list[str] = []           # people to create when the contact is saved

        self.edit = QLineEdit()
        self.edit.setObjectName("person_search")
        self.edit.setPlaceholderText(self.tr("Type a few letters of the alias…"))
        self.edit.setMinimumHeight(40)
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self._search)
        self.edit.returnPressed.connect(self._enter)
        self.edit.installEventFilter(self)

        self.matches = QListWidget()
        self.matches.setObjectName("person_matches")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus; arrows move here
        self.matches.itemClicked.connect(self._pick_item)
        self.matches.hide()

        self.unidentified = QSpinBox()
        self.unidentified.setObjectName("unidentified_count")
        self.unidentified.setRange(0, 99)
        self.unidentified.setMinimumHeight(36)
        self.unidentified.setMinimumWidth(80)
        self.unidentified.valueChanged.connect(lambda _v: self.changed.emit())
        unidentified_label = QLabel(self.tr("+ &unidentified:"))
        unidentified_label.setBuddy(self.unidentified)

        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        self._chips_shown: tuple | None = None  # the persons the chips show

        top_row = QHBoxLayout()
        top_row.addWidget(self.edit, 1)
        top_row.addSpacing(12)
        top_row.addWidget(unidentified_label)
        top_row.addWidget(self.unidentified)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top_row)
        layout.addWidget(self.matches)
        layout.addWidget(self.chips_box)
        self._render_chips()

    # ---- values ------------------------------------------------------------------
    def values(self) -> dict:
        return {
            "persons": [list(p) for p in self.persons],
            "new_aliases": list(self.new_aliases),
            "text": self.edit.text(),
            "unidentified": self.unidentified.value(),
        }

    def set_values(self, values: dict) -> None:
        self.persons = [(int(pid), alias) for pid, alias in values.get("persons", [])]
        self.new_aliases = list(values.get("new_aliases", []))
        self.edit.setText(values.get("text", ""))
        unidentified = int(values.get("unidentified", 0))
        if self.unidentified.value() != unidentified:  # (set again, a spin box repaints its text)
            self.unidentified.blockSignals(True)
            self.unidentified.setValue(unidentified)
            self.unidentified.blockSignals(False)
        if self.matches.count():
            self.matches.clear()
            self.matches.hide()
        self._render_chips()

    def clear(self) -> None:
        self.set_values({})

    def single_known_person(self) -> int | None:
        if len(self.persons) == 1 and not self.new_aliases:
            return self.persons[0][0]
        return None

    def add_person(self, person_id: int, alias: str) -> None:
        if all(pid != person_id for pid, _ in self.persons):
            self.persons.append((person_id, alias))
            self._render_chips()
            self.changed.emit()

    # ---- search as you type ------------------------------------------------------
    def _search(self, text: str) -> None:
        self.matches.clear()
        query = text.strip()
        if not query:
            self.matches.hide()
            return
        chosen = {pid for pid, _ in self.persons}
        # The warm connection: this runs at typing speed.
        found = [m for m in self._read(people.search_people, query, limit=MAX_MATCHES + len(chosen), warm=True)
                 if m.id not in chosen]
        for match in found[:MAX_MATCHES]:
            text_ = match.alias
            if match.first_name:
                text_ += f" ({match.first_name})"
            if match.last_contact_at:
                text_ += "  —  " + self.tr("seen %1").replace("%1", day_text(match.last_contact_at.date()))
            item = QListWidgetItem(text_)
            item.setData(Qt.ItemDataRole.UserRole, ("person", match.id, match.alias))
            self.matches.addItem(item)
        new = QListWidgetItem(self.tr("+ new person « %1 »").replace("%1", query))
        new.setData(Qt.ItemDataRole.UserRole, ("new", 0, query))
        self.matches.addItem(new)
        nameless = QListWidgetItem(self.tr("+ 1 unidentified person"))
        nameless.setData(Qt.ItemDataRole.UserRole, ("unidentified", 0, ""))
        self.matches.addItem(nameless)
        self.matches.setCurrentRow(0)
        row_height = max(self.matches.sizeHintForRow(0), 24)
        self.matches.setFixedHeight(self.matches.count() * row_height + 6)
        self.matches.show()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (obj is self.edit and event.type() == QEvent.Type.ShortcutOverride and self.matches.isVisible()
                and event.key() == Qt.Key.Key_Escape):
            event.accept()  # the key comes here as a key press instead of closing the form
            return True
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and self.matches.isVisible():
            key = event.key()
            if key == Qt.Key.Key_Escape:  # first Esc closes the list, the next one the form
                self.matches.hide()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
        return super().eventFilter(obj, event)

    def _enter(self) -> None:
        item = self.matches.currentItem() if self.matches.isVisible() else None
        if item is None:
            self.finished.emit()
            return
        self._pick_item(item)

    def _pick_item(self, item: QListWidgetItem) -> None:
        kind, person_id, alias = item.data(Qt.ItemDataRole.UserRole)
        if kind == "person":
            if all(pid != person_id for pid, _ in self.persons):
                self.persons.append((person_id, alias))
        elif kind == "unidentified":
            self.unidentified.setValue(self.unidentified.value() + 1)
        elif alias not in self.new_aliases:
            self.new_aliases.append(alias)
        self.edit.clear()
        self.matches.clear()
        self.matches.hide()
        self._render_chips()
        self.changed.emit()
        self.picked.emit()

    # ---- chips -------------------------------------------------------------------
    def _render_chips(self) -> None:
        shown = (tuple(self.persons), tuple(self.new_aliases))
        if shown == self._chips_shown:
            return  # (rebuilt, the chips would re-lay out the whole form)
        self._chips_shown = shown
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for pid, alias in self.persons:
            chip = PersonChip(self.tr("%1  ✕").replace("%1", alias), self.chips_box)
            chip.setObjectName(f"person_chip_{pid}")
            chip.setToolTip(self.tr("Remove %1 from this contact").replace("%1", alias))
            chip.clicked.connect(lambda _c=False, p=pid: self._remove_person(p))
            self.chips.addWidget(chip)
        for alias in self.new_aliases:
            chip = PersonChip(self.tr("%1 (new)  ✕").replace("%1", alias), self.chips_box)
            chip.setToolTip(self.tr("Created when the contact is saved; click to remove"))
            chip.clicked.connect(lambda _c=False, a=alias: self._remove_new(a))
            self.chips.addWidget(chip)
        self.chips_box.setVisible(bool(self.persons or self.new_aliases))
        self.chips_box.updateGeometry()

    def _remove_person(self, person_id: int) -> None:
        self.persons = [p for p in self.persons if p[0] != person_id]
        self._render_chips()
        self.changed.emit()
        self.edit.setFocus()

    def _remove_new(self, alias: str) -> None:
        self.new_aliases = [a for a in self.new_aliases if a != alias]
        self._render_chips()
        self.changed.emit()
        self.edit.setFocus()
