"""Contacts: every contact, newest first, filtered by period, type, theme, place and person.

The table reads through a lazy ContactTableModel (one page at a time). Enter or a
double-click opens the contact in the contact form; Delete tombstones it (after a
confirmation); "History" shows its previous versions.
"""
from __future__ import annotations

from functools import partial

from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import contacts, lists, people
from app.floor_reads import CONTACT_TYPE, PLACE, THEME
from app.lists import ContactFilter
from app.ops import Entity
from app.ops import floor as floor_ops
from views.context import AppContext
from views.floor.common import CodeLabels, heading, style_list_table
from views.floor.history_dialog import HistoryDialog
from views.floor.item_models import ContactTableModel
from views.floor.table_cells import CachedCellDelegate
from views.page import Page
from views.quick_entry import quick_entry

PERIODS = ("all", "today", "7d", "30d", "year", "12m", "range")


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    if period == "today":
        return today, today
    if period == "7d":
        return today - timedelta(days=6), today
    if period == "30d":
        return today - timedelta(days=29), today
    if period == "year":
        return date(today.year, 1, 1), today
    if period == "12m":
        return today - timedelta(days=364), today
    return None, None


class ContactTable(QTableView):
    """The contacts table with the floor's look: whole rows, no grid, readable heights."""

    def __init__(self, model: ContactTableModel, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        style_list_table(self)
        self.setWordWrap(False)
        CachedCellDelegate.install(self)  # cells drawn from their laid-out text, not laid out each paint
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # Themes and place share what the fixed columns leave: at 1366x768 (a table about 1050 px
        # wide, in a person's history too) each keeps ~170 px instead of themes shrinking to a word.
        widths = {
            ContactTableModel.COL_WHEN: 160, ContactTableModel.COL_PERSONS: 180, ContactTableModel.COL_TYPES: 180,
            ContactTableModel.COL_THEMES: 200, ContactTableModel.COL_PLACE: 200, ContactTableModel.COL_DURATION: 75,
            ContactTableModel.COL_FOLLOW_UP: 100,
        }
        for col, width in widths.items():
            self.setColumnWidth(col, width)
        for col in (ContactTableModel.COL_THEMES, ContactTableModel.COL_PLACE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(ContactTableModel.IdRole) if index.isValid() else None


class ContactsPage(Page):
    page_id = "contacts"
    entities = frozenset({Entity.CONTACT, Entity.PERSON, Entity.CODE_ITEM})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("contacts_page")
        self._person_id: int | None = None
        self._labels_loaded = False
        self.model = ContactTableModel(partial(ctx.ops.read, warm=True), parent=self)

        self.period = QComboBox()
        self.period.setObjectName("filter_period")
        for code, text in zip(PERIODS, (
            self.tr("All dates"), self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"),
            self.tr("This year"), self.tr("Last 12 months"), self.tr("From… to…"),
        )):
            self.period.addItem(text, code)
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("filter_type")
        self.theme_filter = QComboBox()
        self.theme_filter.setObjectName("filter_theme")
        self.place_filter = QComboBox()
        self.place_filter.setObjectName("filter_place")
        self.person_filter = QLineEdit()
        self.person_filter.setObjectName("filter_person")
        self.person_filter.setPlaceholderText(self.tr("Person (alias), then Enter"))
        self.person_filter.setClearButtonEnabled(True)
        self.person_filter.returnPressed.connect(self._pick_person)
        self.person_filter.textChanged.connect(self._person_text_changed)
        self.date_from = QDateEdit()
        self.date_from.setObjectName("filter_from")
        self.date_to = QDateEdit()
        self.date_to.setObjectName("filter_to")
        today = QDate.currentDate()
        for edit, day in ((self.date_from, today.addDays(-6)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDate(day)
            edit.setMinimumHeight(34)
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.range_box = QWidget()
        range_row = QHBoxLayout(self.range_box)
        range_row.setContentsMargins(0, 0, 0, 0)
        from_label = QLabel(self.tr("F&rom"))
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("t&o"))
        to_label.setBuddy(self.date_to)
        for widget in (from_label, self.date_from, to_label, self.date_to):
            range_row.addWidget(widget)
        self.range_box.hide()
        self.period.currentIndexChanged.connect(
            lambda _i: self.range_box.setVisible(self.period.currentData() == "range")
        )
        for combo in (self.period, self.type_filter, self.theme_filter, self.place_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            combo.setMinimumHeight(34)
        self.person_filter.setMinimumHeight(34)

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        for n, (text, widget) in enumerate((
            (self.tr("&Period"), self.period), (self.tr("T&ype"), self.type_filter),
            (self.tr("T&heme"), self.theme_filter), (self.tr("P&lace"), self.place_filter),
            (self.tr("Pe&rson"), self.person_filter),
        )):
            label = QLabel(text)
            label.setBuddy(widget)
            row, col = divmod(n, 3)
            filters.addWidget(label, row, col * 2)
            filters.addWidget(widget, row, col * 2 + 1)
            filters.setColumnStretch(col * 2 + 1, 1)
        filters.addWidget(self.range_box, 1, 4, 1, 2)

        self.table = ContactTable(self.model, "contacts_table")
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.count_label = QLabel()
        self.count_label.setObjectName("contacts_count")

        self.open_button = QPushButton(self.tr("&Open (Enter)"))
        self.open_button.setObjectName("open_contact")
        self.open_button.clicked.connect(self.open_current)
        self.history_button = QPushButton(self.tr("Hi&story"))
        self.history_button.setObjectName("contact_history")
        self.history_button.clicked.connect(self.show_history)
        self.delete_button = QPushButton(self.tr("&Delete (Del)"))
        self.delete_button.setObjectName("delete_contact")
        self.delete_button.clicked.connect(self.delete_current)
        self.new_button = QPushButton(self.tr("&New contact (Ctrl+N)"))
        self.new_button.setObjectName("contacts_new")
        self.new_button.clicked.connect(self._new_contact)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for b in (self.new_button, self.open_button, self.history_button, self.delete_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading(self.title()))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        for key, slot in ((Qt.Key.Key_Return, self.open_current), (Qt.Key.Key_Enter, self.open_current),
                          (Qt.Key.Key_Delete, self.delete_current)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: self.person_filter.setFocus())

    def title(self) -> str:
        return self.tr("Contacts")

    # ---- filters ---------------------------------------------------------------------
    def _load_choices(self) -> None:
        labels = CodeLabels.read(self.ctx, CONTACT_TYPE, THEME, PLACE)
        self.model.set_labels(labels)
        for combo, list_name, everything in (
            (self.type_filter, CONTACT_TYPE, self.tr("All types")),
            (self.theme_filter, THEME, self.tr("All themes")),
            (self.place_filter, PLACE, self.tr("All places")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for code, label in labels.active(list_name):
                combo.addItem(label, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._labels_loaded = True

    def current_filter(self) -> ContactFilter:
        if self.period.currentData() == "range":
            start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        else:
            start, end = period_range(self.period.currentData(), date.today())
        return ContactFilter(
            date_from=start, date_to=end, type_code=self.type_filter.currentData(),
            theme_code=self.theme_filter.currentData(), place_code=self.place_filter.currentData(),
            person_id=self._person_id,
        )

    def apply_filters(self) -> None:
        self.model.set_filter(self.current_filter())
        # Counting every match of a long list waits until the first page is on screen.
        self.count_label.setText("…")
        QTimer.singleShot(0, self._update_count)
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _update_count(self) -> None:
        if not self.ctx.vault.is_unlocked:
            return
        self.count_label.setText(self.tr("%n contact(s)", "", self.model.total()))

    def _pick_person(self) -> None:
        text = self.person_filter.text().strip()
        if not text:
            self._person_id = None
        else:
            found = self.ctx.ops.read(people.search_people, text, limit=1, include_archived=True, warm=True)
            if found:
                self._person_id = found[0].id
                self.person_filter.blockSignals(True)
                self.person_filter.setText(found[0].alias)
                self.person_filter.blockSignals(False)
            else:
                self._person_id = -1  # nobody: an empty list says so
        self.apply_filters()

    def _person_text_changed(self, text: str) -> None:
        if not text and self._person_id is not None:
            self._person_id = None
            self.apply_filters()

    def show_person(self, person_id: int, alias: str) -> None:
        """Filter on one person (from the People page)."""
        self._person_id = person_id
        self.person_filter.blockSignals(True)
        self.person_filter.setText(alias)
        self.person_filter.blockSignals(False)
        self.apply_filters()

    def refresh(self) -> None:
        current = self.table.current_id()
        self._load_choices()
        self.apply_filters()
        if current is not None:
            for row in range(self.model.rowCount()):
                if self.model.row_at(row).id == current:
                    self.table.selectRow(row)
                    break

    def refresh_changed(self, changes) -> None:
        """A save or a delete names its contacts: only their rows are read again and put in place
        (the filter, the order, the selection and the scroll stay). Anything else reloads."""
        ids = changes.ids(Entity.CONTACT)
        # The people listed with a contact are its own (their counts changed, not their aliases).
        # A period ("today", "7 days") moves with the date: a new day reloads, as before.
        if (not ids or Entity.CODE_ITEM in changes or changes.ids(Entity.PERSON) is None or not self._labels_loaded
                or self.current_filter() != self.model.filter):
            self.refresh()
            return
        self.model.put_written(self.ctx.ops.read(lists.contact_rows_matching, self.model.filter, ids, warm=True))
        total = self.model.known_total()
        if total is None:
            self.count_label.setText("…")
            QTimer.singleShot(0, self._update_count)
        else:
            self.count_label.setText(self.tr("%n contact(s)", "", total))
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    # ---- actions -------------------------------------------------------------------
    def _new_contact(self) -> None:
        entry = quick_entry(self.ctx)
        if entry is not None:
            entry.open_new()

    def open_current(self) -> None:
        contact_id = self.table.current_id()
        entry = quick_entry(self.ctx)
        if contact_id is not None and entry is not None:
            entry.open_edit(contact_id)

    def delete_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        who = self.model.persons_text(row) or self.tr("nobody named")
        question = self.tr(
            "Delete the contact of %1 with %2? It disappears from lists and counts; its history is kept."
        ).replace("%1", index.siblingAtColumn(ContactTableModel.COL_WHEN).data()).replace("%2", who)
        if not self.ctx.extras["dialogs"].confirm(self.tr("Delete a contact"), question, destructive=True):
            return
        self.ctx.ops.run(floor_ops.delete_contact, row.id, on_done=lambda _id: self._deleted())

    def _deleted(self) -> None:
        status = self.ctx.extras.get("status")
        if status is not None:
            status.message(self.tr("Contact deleted (kept in history)"))

    def show_history(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        title = self.tr("Contact of %1").replace("%1", index.siblingAtColumn(ContactTableModel.COL_WHEN).data())
        dialog = HistoryDialog(self.ctx, contacts.ENTITY, row.uid, title, self)
        dialog.exec()
