"""Dépannage: supply items with stock on hand and low-stock level; receive, count, add an item."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import supplies
from app.ops import Entity
from app.ops import supplies as supply_ops
from app.validation import ValidationFailed
from views.context import AppContext
from views.drafts import DraftKeeper
from views.floor.common import FieldError, field_error_text, heading, style_list_table
from views.page import Page

COL_NAME, COL_UNIT, COL_STOCK, COL_LOW, COL_STATE = range(5)


class SuppliesPage(Page):
    page_id = "supplies"
    entities = frozenset({Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("supplies_page")
        self.item_ids: list[int] = []

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("supplies_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Unit"), self.tr("In stock"), self.tr("Low at"), self.tr("State")]
        )
        style_list_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_UNIT, 120), (COL_STOCK, 110), (COL_LOW, 110), (COL_STATE, 160)):
            self.table.setColumnWidth(col, width)
        self.table.currentCellChanged.connect(lambda *_a: self._selection_changed())

        # ---- the selected item: receive, count, low level ------------------------------
        self.selected_label = QLabel()
        self.selected_label.setObjectName("supply_selected")
        self.receive_qty = self._spin("receive_qty", 1, 9999)
        self.receive_button = QPushButton(self.tr("&Receive"))
        self.receive_button.setObjectName("receive_button")
        self.receive_button.clicked.connect(self.receive)
        self.count_qty = self._spin("count_qty", 0, 99999)
        self.count_button = QPushButton(self.tr("Set to &count"))
        self.count_button.setObjectName("count_button")
        self.count_button.setToolTip(self.tr("What is on the shelf now; the difference is recorded as an adjustment"))
        self.count_button.clicked.connect(self.adjust)
        self.low_qty = self._spin("low_qty", 0, 9999)
        self.low_button = QPushButton(self.tr("Change &low level"))
        self.low_button.setObjectName("low_button")
        self.low_button.clicked.connect(self.change_low)
        self.item_error = FieldError("supply_item")
        item_box = QGroupBox(self.tr("Selected item"))
        grid = QGridLayout(item_box)
        grid.addWidget(self.selected_label, 0, 0, 1, 3)
        for row, (text, spin, button) in enumerate((
            (self.tr("Received:"), self.receive_qty, self.receive_button),
            (self.tr("Counted on the shelf:"), self.count_qty, self.count_button),
            (self.tr("Low at:"), self.low_qty, self.low_button),
        ), start=1):
            label = QLabel(text)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(button, row, 2)
        grid.addWidget(self.item_error, 4, 0, 1, 3)
        grid.setColumnStretch(3, 1)

        # ---- a new item (a form: it keeps a draft) ------------------------------------
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_item_name")
        self.new_name.setPlaceholderText(self.tr("e.g. Socks"))
        self.new_unit = QLineEdit()
        self.new_unit.setObjectName("new_item_unit")
        self.new_unit.setPlaceholderText(self.tr("e.g. pair"))
        self.new_low = self._spin("new_item_low", 0, 9999)
        self.new_stock = self._spin("new_item_stock", 0, 99999)
        self.new_error = FieldError("new_item")
        self.add_button = QPushButton(self.tr("&Add the item"))
        self.add_button.setObjectName("add_item_button")
        self.add_button.clicked.connect(self.add_item)
        new_box = QGroupBox(self.tr("New item"))
        new_grid = QGridLayout(new_box)
        for row, (text, widget) in enumerate((
            (self.tr("&Name:"), self.new_name), (self.tr("&Unit:"), self.new_unit),
            (self.tr("Lo&w at:"), self.new_low), (self.tr("&Stock now:"), self.new_stock),
        )):
            label = QLabel(text)
            label.setBuddy(widget)
            new_grid.addWidget(label, row, 0)
            new_grid.addWidget(widget, row, 1)
        new_grid.addWidget(self.new_error, 4, 0, 1, 2)
        new_grid.addWidget(self.add_button, 5, 1)

        lower = QHBoxLayout()
        lower.addWidget(item_box, 1)
        lower.addWidget(new_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self.table, 1)
        layout.addLayout(lower)

        self.keeper = DraftKeeper(ctx, "supply_new_item", self._values, self._set_values, owner=self)
        self.keeper.watch(self.new_name, self.new_unit, self.new_low, self.new_stock)
        self.keeper.restore()

    def title(self) -> str:
        return self.tr("Supplies")

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setMinimumHeight(34)
        spin.setMinimumWidth(90)
        return spin

    def _values(self) -> dict:
        return {"name": self.new_name.text(), "unit": self.new_unit.text(), "low": self.new_low.value(),
                "stock": self.new_stock.value()}

    def _set_values(self, v: dict) -> None:
        self.new_name.setText(v.get("name", ""))
        self.new_unit.setText(v.get("unit", ""))
        self.new_low.setValue(int(v.get("low", 0)))
        self.new_stock.setValue(int(v.get("stock", 0)))

    # ---- content --------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.current_item_id()
        rows = [(i.id, i.name, i.unit, i.stock_on_hand, i.low_stock_level, i.is_low)
                for i in self.ctx.ops.read(supplies.item_rows, warm=True)]
        self.item_ids = [r[0] for r in rows]
        self.table.setRowCount(len(rows))
        for row, (_id, name, unit, stock, low, is_low) in enumerate(rows):
            state = self.tr("Out") if stock <= 0 else (self.tr("Low") if is_low else self.tr("OK"))
            for col, value in ((COL_NAME, name), (COL_UNIT, unit), (COL_STOCK, str(stock)), (COL_LOW, str(low)),
                               (COL_STATE, state)):
                cell = QTableWidgetItem(value)
                if col in (COL_STOCK, COL_LOW):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if is_low and col in (COL_STOCK, COL_STATE):
                    cell.setForeground(QColor("#b00020") if stock <= 0 else QColor("#a05a00"))
                self.table.setItem(row, col, cell)
        if rows:
            row = self.item_ids.index(current) if current in self.item_ids else 0
            self.table.selectRow(row)
        self._selection_changed()

    def current_item_id(self) -> int | None:
        row = self.table.currentRow()
        return self.item_ids[row] if 0 <= row < len(self.item_ids) else None

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        has = 0 <= row < len(self.item_ids)
        for widget in (self.receive_qty, self.receive_button, self.count_qty, self.count_button, self.low_qty,
                       self.low_button):
            widget.setEnabled(has)
        self.item_error.set_error("")
        if not has:
            self.selected_label.setText(self.tr("Choose an item in the list."))
            return
        name = self.table.item(row, COL_NAME).text()
        stock = int(self.table.item(row, COL_STOCK).text())
        self.selected_label.setText(self.tr("%1: %2 in stock").replace("%1", name).replace("%2", str(stock)))
        self.count_qty.setValue(max(0, stock))
        self.low_qty.setValue(int(self.table.item(row, COL_LOW).text()))

    # ---- actions ----------------------------------------------------------------------
    def _run(self, op, *args, message: str, error: FieldError, on_done=None, **kwargs) -> bool:
        """Run a supply operation; a refused value is said at ``error`` (returns False when nothing to do)."""
        error.set_error("")

        def done(_value) -> None:
            status = self.ctx.extras.get("status")
            if status is not None:
                status.message(message)
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValidationFailed):
                error.set_error(field_error_text(exc.errors[0].code))
                return True
            return False

        self.ctx.ops.run(op, *args, on_done=done, on_error=failed, **kwargs)
        return True

    def receive(self) -> bool:
        item_id, qty = self.current_item_id(), self.receive_qty.value()
        if item_id is None:
            return False
        return self._run(supply_ops.receive, item_id, qty, message=self.tr("Stock received"), error=self.item_error)

    def adjust(self) -> bool:
        item_id, counted = self.current_item_id(), self.count_qty.value()
        if item_id is None:
            return False
        return self._run(supply_ops.count, item_id, counted, message=self.tr("Stock counted"), error=self.item_error)

    def change_low(self) -> bool:
        item_id, low = self.current_item_id(), self.low_qty.value()
        if item_id is None:
            return False
        return self._run(supply_ops.update_item, item_id, low_stock_level=low, message=self.tr("Low level changed"),
                         error=self.item_error)

    def add_item(self) -> bool:
        self.new_error.set_error("")
        if not self.new_name.text().strip():
            self.new_error.set_error(self.tr("Give the item a name."))
            self.new_name.setFocus()
            return False
        return self._run(
            supply_ops.create_item, self.new_name.text(), unit=self.new_unit.text(),
            low_stock_level=self.new_low.value(), initial_stock=self.new_stock.value(),
            message=self.tr("Item added"), error=self.new_error, on_done=self._item_added,
        )

    def _item_added(self) -> None:
        with self.keeper.muted():
            self._set_values({})
        self.keeper.discard()
