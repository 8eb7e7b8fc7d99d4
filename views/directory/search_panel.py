"""Search the directory as you type: one box, filter chips, results below.

``ServiceSearch`` is the Répertoire page's left side. ``ServicePicker`` is the
same search, compact, to embed in another form (the contact form): it emits
``servicePicked(service_id, name)`` when the worker chooses a service with
Enter, a double click, or its "Choose" button.
Keyboard: type; Down moves into the results; Enter picks; Esc clears the box.
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.directory.search import (
    SearchFilters,
    ServiceHit,
    category_choices,
    directory_is_empty,
    language_choices,
    search_services,
)
from views.directory.hours_text import DirectoryHours

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
TYPING_DELAY_MS = 40  # coalesces fast typing; a search takes a few milliseconds


class ServiceResultsModel(QAbstractListModel):
    """Results as two lines: the name, then organisation · "Ferme à 17 h" · free · walk-in."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: list[ServiceHit] = []
        self.searched_at = datetime.now()
        self._words = DirectoryHours()

    def set_rows(self, hits: list[ServiceHit], searched_at: datetime | None = None) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.searched_at = searched_at or datetime.now()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.hits)

    def details(self, hit: ServiceHit) -> str:
        parts = [hit.organization] if hit.organization and hit.organization != hit.name else []
        if hit.change is not None:
            parts.append(self._words.change(hit.change, self.searched_at))
        if hit.is_free:
            parts.append(self.tr("Free"))
        if hit.walk_in:
            parts.append(self.tr("Walk-in"))
        if hit.status == "temporarily closed":
            parts.append(self.tr("Temporarily closed"))
        return " · ".join(parts)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = self.details(hit)
            return f"{hit.name}\n{details}" if details else hit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(hit.categories)
        if role == ID_ROLE:
            return hit.id
        if role == NAME_ROLE:
            return hit.name
        return None


class FilterChip(QPushButton):
    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setProperty("role", "filter_chip")
        self.setMinimumHeight(32)


class ServiceSearch(QWidget):
    serviceSelected = Signal(int)       # the highlighted result changed (0: none)
    servicePicked = Signal(int, str)    # Enter / double click / Choose: (service id, name)
    importRequested = Signal()          # the empty directory's "Import a directory…"

    def __init__(self, ctx, parent: QWidget | None = None, *, with_filters: bool = True, limit: int = 30):
        super().__init__(parent)
        self.ctx = ctx
        self.limit = limit
        self.with_filters = with_filters
        self.offer_import = with_filters  # the page's search; the picker of a form sends to the page
        self.now: Callable[[], datetime] = datetime.now  # tests pin the clock

        self.box = QLineEdit()
        self.box.setObjectName("directory_search")
        self.box.setPlaceholderText(self.tr("Search a service, an organisation, a need…"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumHeight(40)
        self.box.textChanged.connect(self._schedule)
        self.box.returnPressed.connect(self.pick_current)
        self.box.installEventFilter(self)

        self.category = QComboBox()
        self.category.setObjectName("filter_category")
        self.category.setAccessibleName(self.tr("Category"))
        self.language = QComboBox()
        self.language.setObjectName("filter_language")
        self.language.setAccessibleName(self.tr("Language"))
        self.open_now = FilterChip(self.tr("&Open now"))
        self.open_now.setObjectName("filter_open_now")
        self.free = FilterChip(self.tr("&Free"))
        self.free.setObjectName("filter_free")
        self.walk_in = FilterChip(self.tr("&Walk-in"))
        self.walk_in.setObjectName("filter_walk_in")
        for chip in (self.open_now, self.free, self.walk_in):
            chip.toggled.connect(self._schedule)
        self.category.currentIndexChanged.connect(self._schedule)
        self.language.currentIndexChanged.connect(self._schedule)

        for combo in (self.category, self.language):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setStyleSheet(
            "QPushButton[role='filter_chip'] { border: 1px solid palette(mid); border-radius: 14px;"
            " padding: 4px 14px; }"
            "QPushButton[role='filter_chip']:checked { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )

        self.model = ServiceResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("directory_results")
        self.results.setModel(self.model)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSpacing(2)
        self.results.activated.connect(lambda _i: self.pick_current())
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.count = QLabel()
        self.count.setObjectName("directory_count")
        self.count.setWordWrap(True)
        # An empty directory is not a failed search: say so, and offer the import right there
        # (no mnemonic: the page's own "Importer…" already has Alt+I).
        self.import_offer = QPushButton(self.tr("Import a directory…"))
        self.import_offer.setObjectName("directory_import_offer")
        self.import_offer.setMinimumHeight(40)
        self.import_offer.clicked.connect(self.importRequested)
        self.import_offer.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        combos = QHBoxLayout()
        combos.addWidget(self.category, 3)
        combos.addWidget(self.language, 2)
        chips = QHBoxLayout()
        chips.setSpacing(6)
        for widget in (self.open_now, self.free, self.walk_in):
            chips.addWidget(widget)
        chips.addStretch(1)
        layout.addLayout(combos)
        layout.addLayout(chips)
        if not with_filters:
            for widget in (self.category, self.free, self.walk_in, self.language):
                widget.hide()
        layout.addWidget(self.count)
        layout.addWidget(self.import_offer, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.setFocusProxy(self.box)

    # ---- data ---------------------------------------------------------------
    def reload_choices(self) -> None:
        """Categories and languages present in the directory (after an import or edit)."""
        categories = self.ctx.ops.read(category_choices)
        languages = self.ctx.ops.read(language_choices)
        for combo, items, all_text in (
            (self.category, [(cid, f"{name} ({n})") for cid, name, n in categories], self.tr("All categories")),
            (self.language, [(code, name) for code, name in languages], self.tr("All languages")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for value, text in items:
                combo.addItem(text, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def filters(self) -> SearchFilters:
        return SearchFilters(
            category_id=self.category.currentData(), open_now=self.open_now.isChecked(),
            free=self.free.isChecked(), walk_in=self.walk_in.isChecked(), language=self.language.currentData(),
        )

    def _schedule(self, *_args) -> None:
        self._timer.start()

    def run_search(self) -> None:
        self._timer.stop()
        if not self.ctx.vault.is_unlocked:
            return
        previous = self.current_service_id()
        # warm connection: this runs at typing speed
        now = self.now()
        hits = self.ctx.ops.read(search_services, self.box.text(), self.filters(), limit=self.limit, now=now,
                                 warm=True)
        self.model.set_rows(hits, now)
        empty = not hits and self.ctx.ops.read(directory_is_empty)
        self.import_offer.setVisible(empty and self.offer_import)
        self.count.setText(
            (self.tr("The directory is empty: import La Piaule's directory file or an Open Referral (HSDS) file.")
             if self.offer_import else self.tr("The directory is empty: import it in the Directory page."))
            if empty
            else self.tr("No service matches.") if not hits
            # Literal context: the picker subclass would look the plural up under its own name.
            else QCoreApplication.translate("ServiceSearch", "%n service(s)", "", len(hits)) if len(hits) < self.limit
            else self.tr("The first %1 services").replace("%1", str(self.limit))
        )
        row = next((i for i, h in enumerate(hits) if h.id == previous), 0)
        if hits:
            self.results.setCurrentIndex(self.model.index(row))
        else:
            self.serviceSelected.emit(0)

    def refresh(self) -> None:
        if self.with_filters:  # the picker hides its combos: no need to count categories and languages
            self.reload_choices()
        self.run_search()

    # ---- selection ------------------------------------------------------------
    def current_service_id(self) -> int:
        index = self.results.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else 0

    def select_service(self, service_id: int) -> bool:
        for row, hit in enumerate(self.model.hits):
            if hit.id == service_id:
                self.results.setCurrentIndex(self.model.index(row))
                return True
        return False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.serviceSelected.emit(int(current.data(ID_ROLE)) if current.isValid() else 0)

    def pick_current(self) -> None:
        if self._timer.isActive():
            self.run_search()  # Enter right after typing: pick from the up-to-date results
        index = self.results.currentIndex()
        if index.isValid():
            self.servicePicked.emit(int(index.data(ID_ROLE)), index.data(NAME_ROLE))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if (obj is self.box and event.type() == QEvent.Type.ShortcutOverride
                and event.key() == Qt.Key.Key_Escape and self.box.text()):
            # Esc clears a typed search first: a window's Esc shortcut (close the contact
            # panel, a dialog) only acts once the box is empty.
            event.accept()
            return True
        if obj is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.results.currentIndex().row()
                row = min(self.model.rowCount() - 1, row + 1) if key == Qt.Key.Key_Down else max(0, row - 1)
                self.results.setCurrentIndex(self.model.index(row))
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        return super().eventFilter(obj, event)


class ServicePicker(ServiceSearch):
    """The directory search to embed in a form: pick a service, get ``servicePicked(id, name)``.

    Compact: the box, an "Open now" chip and a short result list; the
    "Choose" button picks the highlighted service.
    """

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent, with_filters=False, limit=8)
        self.setObjectName("service_picker")
        self.box.setPlaceholderText(self.tr("Refer to: type a service or a need…"))
        # Another letter than the page's "&Open now": the contact form it sits in has "&Open contact".
        self.open_now.setText(self.tr("Open now"))
        self.results.setMinimumHeight(120)
        self.choose = QPushButton(self.tr("&Choose this service"))
        self.choose.setObjectName("picker_choose")
        self.choose.clicked.connect(self.pick_current)
        self.layout().addWidget(self.choose)
