"""Qt item models of the floor lists (Vorta's pattern: column constants, custom roles,
``set_rows`` inside begin/endResetModel), fetching lazily page by page from app.lists.

A model never loads every row: ``canFetchMore``/``fetchMore`` ask the service for the
next page (keyset cursor for contacts, offset for people) when the view scrolls near
the end. A model is given ``read`` (``ctx.ops.read``): every fetch is one read of
frozen rows through the runner.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app import lists
from app.floor_reads import CONTACT_TYPE, PLACE, THEME
from views.floor.common import CodeLabels, datetime_text, day_text

_Index = QModelIndex | QPersistentModelIndex
# Roles as plain ints: comparing Qt's enum members costs more than the rest of data().
_DISPLAY, _TOOLTIP, _ALIGNMENT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_HORIZONTAL = Qt.Orientation.Horizontal


class _PagedTableModel(QAbstractTableModel):
    """Rows loaded page by page: subclasses say how to read the next page and what a row shows."""

    COLUMN_COUNT = 0

    def __init__(self, read, page_size: int, parent=None):
        super().__init__(parent)
        self._read = read  # ctx.ops.read
        self.page_size = page_size
        self._rows: list = []
        self._more = False
        self._headers: dict[int, str] | None = None  # the translated header texts

    def _next_page(self) -> list:
        """The rows after those loaded; sets ``_more``."""
        raise NotImplementedError

    def _header_texts(self) -> dict[int, str]:
        raise NotImplementedError

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._next_page()
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _place(self, old: int | None, pos: int | None, row) -> None:
        """Row ``old`` (None: not loaded) becomes ``row`` at ``pos`` (None: not shown), through the
        model's signals: persistent indexes, so the selection and the scroll, follow."""
        if old is not None and pos == old:
            self._rows[old] = row
            self.dataChanged.emit(self.index(old, 0), self.index(old, self.COLUMN_COUNT - 1))
        elif old is not None and pos is not None:
            self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), pos + 1 if pos > old else pos)
            del self._rows[old]
            self._rows.insert(pos, row)
            self.endMoveRows()
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, self.COLUMN_COUNT - 1))
        elif old is not None:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._rows[old]
            self.endRemoveRows()
        elif pos is not None:
            self.beginInsertRows(QModelIndex(), pos, pos)
            self._rows.insert(pos, row)
            self.endInsertRows()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        # The header asks each section for ~10 roles at every paint: ints compare, texts made once.
        if role != _DISPLAY or orientation != _HORIZONTAL:
            return None
        if self._headers is None:
            self._headers = self._header_texts()
        return self._headers.get(section)


class ContactTableModel(_PagedTableModel):
    COL_WHEN, COL_PERSONS, COL_TYPES, COL_THEMES, COL_PLACE, COL_DURATION, COL_FOLLOW_UP = range(7)
    COLUMN_COUNT = 7

    IdRole = Qt.ItemDataRole.UserRole + 1      # contact id (int)
    RowRole = Qt.ItemDataRole.UserRole + 2     # the app.lists.ContactRow
    SortRole = Qt.ItemDataRole.UserRole + 3    # a comparable value for the column
    _ROLES = frozenset({int(IdRole), int(RowRole), int(SortRole), _TOOLTIP, _ALIGNMENT})

    def __init__(self, read, labels: CodeLabels | None = None, *, page_size: int = lists.PAGE_SIZE, parent=None):
        super().__init__(read, page_size, parent)
        self._labels = labels
        self._rows: list[lists.ContactRow] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # contact id -> display texts, made on first paint
        self._filter = lists.ContactFilter()
        self._cursor: lists.Cursor | None = None

    # ---- loading -------------------------------------------------------------
    def set_labels(self, labels: CodeLabels) -> None:
        self._labels = labels
        self._texts = {}

    def set_rows(self, rows: list[lists.ContactRow], *, more: bool = False, cursor: lists.Cursor | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self._more = more
        self._cursor = cursor
        self.endResetModel()

    def set_filter(self, flt: lists.ContactFilter | None) -> None:
        """Show the contacts matching ``flt``, newest first: the first page now, more on scroll."""
        self._filter = flt or lists.ContactFilter()
        self.reload()

    @property
    def filter(self) -> lists.ContactFilter:
        return self._filter

    def reload(self) -> None:
        rows, cursor = self._read(lists.contact_page, self._filter, limit=self.page_size)
        self._total = len(rows) if cursor is None else None  # counted on demand by total()
        self.set_rows(rows, more=cursor is not None, cursor=cursor)

    def total(self) -> int:
        """How many contacts match the filter (all of them, not only the loaded ones)."""
        if self._total is None:
            self._total = self._read(lists.count_contacts, self._filter)
        return self._total

    def _next_page(self) -> list[lists.ContactRow]:
        rows, cursor = self._read(lists.contact_page, self._filter, after=self._cursor, limit=self.page_size)
        self._more, self._cursor = cursor is not None, cursor
        return rows

    def known_total(self) -> int | None:
        """The count if it is known without reading (None: ``total()`` would count)."""
        return self._total

    def put_written(self, written: dict[int, lists.Written]) -> None:
        """Put in place the contacts an operation wrote (``lists.contact_rows_matching``) instead of
        reloading: each edited row changes or moves (its selection follows), a new one goes to its
        place in the order, a deleted or no longer matching one leaves. Rows past the loaded ones
        wait for their page. The count follows, or becomes unknown when it cannot be told."""
        for cid, w in written.items():
            self._put(cid, w)

    def _put(self, cid: int, w: lists.Written) -> None:
        old = next((i for i, r in enumerate(self._rows) if r.id == cid), None)
        self._texts.pop(cid, None)
        # Was it counted? Loaded, yes; a new contact, no; otherwise not loaded: only if pages remain.
        was = True if old is not None else False if w.created or not self._more else None
        row = w.row
        key = None if row is None else lists.page_order(row)
        pos = None
        if key is not None:  # where it goes among the others, newest first
            pos = next((i for i, r in enumerate(self._rows) if i != old and lists.page_order(r) < key), len(self._rows))
            if old is not None and pos > old:
                pos -= 1  # an index in the list without it
            if pos == len(self._rows) - (old is not None) and self._more and not (
                self._cursor is None or key >= (self._cursor.occurred_at, self._cursor.id)
            ):
                pos = None  # past the loaded page: its page brings it
        self._place(old, pos, row)
        if self._total is not None:
            if was is None:
                self._total = None  # it may or may not have been counted: count again
            else:
                self._total += (row is not None) - was

    # ---- reading ---------------------------------------------------------------
    def _header_texts(self) -> dict[int, str]:
        return {
            self.COL_WHEN: QCoreApplication.translate("FloorModels", "When"),
            self.COL_PERSONS: QCoreApplication.translate("FloorModels", "Persons"),
            self.COL_TYPES: QCoreApplication.translate("FloorModels", "Types"),
            self.COL_THEMES: QCoreApplication.translate("FloorModels", "Themes"),
            self.COL_PLACE: QCoreApplication.translate("FloorModels", "Place"),
            self.COL_DURATION: QCoreApplication.translate("FloorModels", "Duration"),
            self.COL_FOLLOW_UP: QCoreApplication.translate("FloorModels", "Follow-up"),
        }

    def _row_texts(self, r: lists.ContactRow) -> tuple[str, ...]:
        labels = self._labels
        follow = ""
        if r.follow_up_on is not None:
            follow = day_text(r.follow_up_on)
            if r.follow_up_done:
                follow = QCoreApplication.translate("FloorModels", "%1 (done)").replace("%1", follow)
        return (
            datetime_text(r.occurred_at),
            self.persons_text(r),
            labels.labels(CONTACT_TYPE, r.type_codes) if labels else ", ".join(r.type_codes),
            labels.labels(THEME, r.theme_codes) if labels else ", ".join(r.theme_codes),
            labels.label(PLACE, r.place_code) if labels else r.place_code,
            QCoreApplication.translate("FloorModels", "%1 min").replace("%1", str(r.duration_min)),
            follow,
        )

    def persons_text(self, r: lists.ContactRow) -> str:
        names = list(r.person_aliases)
        if r.unidentified_count:
            names.append(
                QCoreApplication.translate("FloorModels", "%n unidentified", "", r.unidentified_count)
            )
        return ", ".join(names)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # A view asks each visible cell for 7 roles at every paint (~930 calls for a screenful):
        # the display text is formatted once per row, the roles shown nowhere answer first.
        if role == _DISPLAY:
            row = index.row()
            if row < 0:
                return None
            r = self._rows[row]
            texts = self._texts.get(r.id)
            if texts is None:
                texts = self._texts[r.id] = self._row_texts(r)
            return texts[index.column()]
        if role not in self._ROLES or not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == self.IdRole:
            return r.id
        if role == self.RowRole:
            return r
        if role == self.SortRole:
            return {
                self.COL_WHEN: r.occurred_at, self.COL_PERSONS: self.persons_text(r).casefold(),
                self.COL_DURATION: r.duration_min, self.COL_FOLLOW_UP: r.follow_up_on,
            }.get(col, self.data(index).casefold() if self.data(index) else "")
        if role == _TOOLTIP:
            return r.notes or None
        return _RIGHT if col == self.COL_DURATION else None  # the alignment


class PeopleTableModel(_PagedTableModel):
    COL_ALIAS, COL_FIRST_NAME, COL_LAST_CONTACT, COL_COUNT, COL_STATUS = range(5)
    COLUMN_COUNT = 5

    IdRole = Qt.ItemDataRole.UserRole + 1      # person id (int)
    RowRole = Qt.ItemDataRole.UserRole + 2     # the app.lists.PersonRow
    SortRole = Qt.ItemDataRole.UserRole + 3
    _ROLES = frozenset({int(IdRole), int(RowRole), int(SortRole), _ALIGNMENT})

    def __init__(self, read, *, page_size: int = lists.PAGE_SIZE, parent=None):
        super().__init__(read, page_size, parent)
        self._rows: list[lists.PersonRow] = []
        self._query = ""
        self._status: str | None = None
        self._order = lists.ORDER_RECENT
        self._descending = True  # the order's natural direction: last contact first, alias A to Z
        self._searched = False  # no read until the page first shows (the header's sort comes earlier)
        self._members: set[int] | None = None  # the ids of everyone matching, once counted
        self._texts: dict[int, tuple] = {}  # person id -> display values, made on first paint

    def set_rows(self, rows: list[lists.PersonRow], *, more: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self._more = more
        self.endResetModel()

    def search(self, query: str = "", status: str | None = None) -> None:
        """Show the people matching the search box (word prefixes, accents ignored) and status."""
        self._query, self._status = query, status
        self._searched = True
        self.reload()

    def reload(self) -> None:
        rows = self._read(lists.people_page, self._query, self._status, self._order, self._descending,
                          limit=self.page_size)
        self._members = None
        self.set_rows(rows, more=len(rows) == self.page_size)

    def total(self) -> int:
        # Everyone matching, by id (5,000 people: a few kB): after a save, whether a person
        # was counted is then known without counting again.
        if self._members is None:
            self._members = set(self._read(lists.people_ids, self._query, self._status))
        return len(self._members)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By alias or by last contact, in the direction the header shows; the service sorts.

        Alias ascending is A to Z; last contact descending is the most recent first.
        """
        wanted = lists.ORDER_ALIAS if column in (self.COL_ALIAS, self.COL_FIRST_NAME) else lists.ORDER_RECENT
        descending = order == Qt.SortOrder.DescendingOrder
        if (wanted, descending) != (self._order, self._descending):
            self._order, self._descending = wanted, descending
            if self._searched:
                self.reload()

    @property
    def searched(self) -> bool:
        return self._searched

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def order(self) -> str:
        return self._order

    def _next_page(self) -> list[lists.PersonRow]:
        rows = self._read(lists.people_page, self._query, self._status, self._order, self._descending,
                          offset=len(self._rows), limit=self.page_size)
        self._more = len(rows) == self.page_size
        return rows

    def put_written(self, ids) -> None:
        """Re-read these people alone and put them in place (a save changed their counts and last
        contact): a row changes or moves (its selection follows), one now matching the search
        comes in at its place, one no longer matching leaves. The count stays right (``total()``)."""
        for pid, row in self._read(lists.people_rows_matching, ids, self._query, self._status).items():
            self._put(pid, row)

    def _put(self, pid: int, row: lists.PersonRow | None) -> None:
        old = next((i for i, r in enumerate(self._rows) if r.id == pid), None)
        self._texts.pop(pid, None)
        pos = None
        if row is not None:
            key = lists.people_order_key(row, self._order, self._descending)
            pos = next((i for i, r in enumerate(self._rows)
                        if i != old and key < lists.people_order_key(r, self._order, self._descending)),
                       len(self._rows))
            if old is not None and pos > old:
                pos -= 1
            if pos == len(self._rows) - (old is not None) and self._more:
                pos = None  # past the loaded rows: the next page's offset brings it
        self._place(old, pos, row)
        if self._members is not None:
            (self._members.add if row is not None else self._members.discard)(pid)

    def _header_texts(self) -> dict[int, str]:
        return {
            self.COL_ALIAS: QCoreApplication.translate("FloorModels", "Alias"),
            self.COL_FIRST_NAME: QCoreApplication.translate("FloorModels", "First name"),
            self.COL_LAST_CONTACT: QCoreApplication.translate("FloorModels", "Last contact"),
            self.COL_COUNT: QCoreApplication.translate("FloorModels", "Contacts"),
            self.COL_STATUS: QCoreApplication.translate("FloorModels", "Status"),
        }

    @staticmethod
    def status_text(status: str) -> str:
        return {"active": QCoreApplication.translate("FloorModels", "Active"), "inactive": QCoreApplication.translate("FloorModels", "Not seen for 90 days"), "archived": QCoreApplication.translate("FloorModels", "Archived")}.get(
            status, status
        )

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:  # as the contacts' data(): a row's texts made once, other roles first out
            row = index.row()
            if row < 0:
                return None
            r = self._rows[row]
            texts = self._texts.get(r.id)
            if texts is None:
                last = r.last_contact_at
                texts = self._texts[r.id] = (
                    r.alias, r.first_name,
                    day_text(last.date()) if last else QCoreApplication.translate("FloorModels", "never"),
                    r.contact_count, self.status_text(r.status),
                )
            return texts[index.column()]
        if role not in self._ROLES or not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == self.IdRole:
            return r.id
        if role == self.RowRole:
            return r
        if role == self.SortRole:
            return {
                self.COL_ALIAS: r.alias.casefold(), self.COL_FIRST_NAME: r.first_name.casefold(),
                self.COL_LAST_CONTACT: r.last_contact_at, self.COL_COUNT: r.contact_count, self.COL_STATUS: r.status,
            }[col]
        return _RIGHT if col == self.COL_COUNT else None  # the alignment
