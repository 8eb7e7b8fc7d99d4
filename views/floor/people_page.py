"""Personnes: search as you type, last contact and number of contacts; a person's page."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from functools import partial

from app.ops import Entity
from app.ops import people as people_ops
from app.validation import ValidationFailed
from views.context import AppContext
from views.floor.common import heading, style_list_table
from views.floor.item_models import PeopleTableModel
from views.floor.person_detail import PersonDetail
from views.floor.table_cells import CachedCellDelegate
from views.page import Page


class PeoplePage(Page):
    page_id = "people"
    entities = frozenset({Entity.PERSON, Entity.CONTACT, Entity.REFERRAL})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("people_page")
        self.model = PeopleTableModel(partial(ctx.ops.read, warm=True), parent=self)  # as you type

        self.search = QLineEdit()
        self.search.setObjectName("people_search")
        self.search.setPlaceholderText(self.tr("Search an alias or a first name (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(40)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self.open_current)
        self.search.installEventFilter(self)
        self.status = QComboBox()
        self.status.setObjectName("people_status")
        for code, text in ((None, self.tr("Not archived")), ("active", self.tr("Seen in the last 90 days")),
                           ("inactive", self.tr("Not seen for 90 days")), ("archived", self.tr("Archived")),
                           ("all", self.tr("Everyone"))):
            self.status.addItem(text, code)
        self.status.setMinimumHeight(40)
        self.status.currentIndexChanged.connect(lambda _i: self._search(self.search.text()))

        self.table = QTableView()
        self.table.setObjectName("people_table")
        self.table.setModel(self.model)
        style_list_table(self.table)
        CachedCellDelegate.install(self.table)  # cells drawn from their laid-out text
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(PeopleTableModel.COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(PeopleTableModel.COL_ALIAS, QHeaderView.ResizeMode.Stretch)
        for col, width in ((PeopleTableModel.COL_FIRST_NAME, 160), (PeopleTableModel.COL_LAST_CONTACT, 150),
                           (PeopleTableModel.COL_COUNT, 100), (PeopleTableModel.COL_STATUS, 200)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_current)

        self.count_label = QLabel()
        self.count_label.setObjectName("people_count")
        self.add_button = QPushButton(self.tr("&Add a person…"))
        self.add_button.setObjectName("people_add")
        self.add_button.clicked.connect(self.add_person)
        self.open_button = QPushButton(self.tr("&Open (Enter)"))
        self.open_button.setObjectName("people_open")
        self.open_button.clicked.connect(self.open_current)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.open_button)

        list_view = QWidget()
        list_layout = QVBoxLayout(list_view)
        list_layout.setContentsMargins(24, 20, 24, 16)
        list_layout.addWidget(heading(self.title()))
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(bottom)

        self.detail = PersonDetail(ctx)
        self.detail.back.connect(self.show_list)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_view)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.detail)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.show_list)

    def title(self) -> str:
        return self.tr("People")

    def eventFilter(self, obj, event) -> bool:
        # Down from the search box goes to the list (keyboard only, no mouse needed).
        if obj is self.search and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.table.setFocus()
            return True
        return super().eventFilter(obj, event)

    def _focus_search(self) -> None:
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def _search(self, text: str) -> None:
        self.model.search(text, self.status.currentData())
        self.count_label.setText(self.tr("%n person(s)", "", self.model.total()))
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def refresh(self) -> None:
        self._search(self.search.text())
        if self.stack.currentWidget() is self.detail and self.detail.person_id is not None:
            try:
                self.detail.show_person(self.detail.person_id)
            except ValidationFailed:
                self.show_list()

    def refresh_changed(self, changes) -> None:
        """A contact saved or deleted names its people: only their rows are read again and put in
        place (search, status, order, selection and scroll stay); a person's page showing reloads
        (its timeline put in place) when it is theirs or a referral changed. Anything else reloads."""
        contact_ids, person_ids = changes.ids(Entity.CONTACT), changes.ids(Entity.PERSON)
        if contact_ids is None or person_ids is None or not self.model.searched:
            self.refresh()
            return
        if person_ids:
            self.model.put_written(person_ids)
            self.count_label.setText(self.tr("%n person(s)", "", self.model.total()))
        detail = self.detail
        if self.stack.currentWidget() is not detail or detail.person_id is None:
            return
        if Entity.REFERRAL in changes or detail.person_id in person_ids:
            try:
                detail.show_person(detail.person_id, contact_ids)
            except ValidationFailed:
                self.show_list()
        elif contact_ids:  # a follow-up ticked: its line in the timeline
            detail.put_contacts(contact_ids)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_person(index.data(PeopleTableModel.IdRole))

    def open_person(self, person_id: int) -> None:
        self.detail.show_person(person_id)
        self.stack.setCurrentWidget(self.detail)
        self.detail.tabs.setCurrentIndex(0)
        self.detail.timeline.setFocus()

    def show_list(self) -> None:
        self.detail.keeper.flush()
        self.stack.setCurrentIndex(0)
        self.search.setFocus()

    def add_person(self) -> None:
        """The alias is asked in a dialog that says at the field when it is empty or refused."""
        from views.floor.add_person_dialog import AddPersonDialog

        dialog = AddPersonDialog(self.ctx, self)
        if dialog.exec() and dialog.person_id is not None:
            self._added(dialog.person_id)

    def _added(self, person_id: int) -> None:
        self.open_person(person_id)
        self.detail.tabs.setCurrentIndex(1)
