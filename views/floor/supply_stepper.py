"""One supply item in the contact form: its name, the stock on hand, and the quantity given
with - and + buttons (views.floor.contact_layout places one per item offered)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox, QWidget

from views.floor.common import FieldError


class SupplyStepper(QWidget):
    """One item: name, stock on hand, and a quantity given with - and + buttons."""

    def __init__(self, item_id: int, name: str, stock: int, low: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.item_id = item_id
        self.name_label = QLabel(name)
        self.stock_label = QLabel()
        self.stock_label.setObjectName("stock_label")
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
        self.stock: int | None = None
        self.low: bool | None = None
        self.set_stock(stock, low)

    def set_stock(self, stock: int, low: bool) -> None:
        """What is on the shelf now (the panel follows every stock change)."""
        # Only what changed: a style sheet set again, even the same one, re-styles the label.
        if self.stock != stock:
            self.stock = stock
            self.stock_label.setText(self.tr("%1 in stock").replace("%1", str(stock)))
        if self.low != low:
            self.low = low
            self.stock_label.setStyleSheet("color: #a05a00;" if low else "")
