"""A contact's needs left unmet (issue 13): what was asked for and could not be obtained,
as chips from the editable list ``unmet_need``. Folded under one header until used, so a
routine contact costs nothing more. Evidence for the network, not a judgement of the person."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QToolButton, QVBoxLayout, QWidget

from views.floor.common import FlowLayout


class UnmetNeedsField(QWidget):
    changed = Signal()

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unmet_needs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QToolButton()
        self.header.setObjectName("unmet_needs_header")
        self.header.setCheckable(True)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.toggled.connect(self._unfold)
        layout.addWidget(self.header)
        self.box = QWidget()
        flow = FlowLayout(self.box)
        self.buttons: dict[str, QPushButton] = {}
        for code, label in items:
            button = QPushButton(label)
            button.setObjectName(f"unmet_need_{code}")
            button.setCheckable(True)
            button.setProperty("role", "choice")
            button.toggled.connect(lambda *_: self._update())
            self.buttons[code] = button
            flow.addWidget(button)
        layout.addWidget(self.box)
        if not items:
            # (never setVisible(True) here: on a widget not yet in the form, it opens a window)
            self.hide()
        self._unfold(False)
        self._update()

    def _unfold(self, on: bool) -> None:
        self.box.setVisible(on)
        self.header.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _update(self) -> None:
        n = len(self.codes())
        text = self.tr("Asked for, could not be obtained")
        self.header.setText(f"{text} ({n})" if n else text)
        self.changed.emit()

    def codes(self) -> list[str]:
        return [code for code, button in self.buttons.items() if button.isChecked()]

    def set_codes(self, codes: list[str]) -> None:
        if self.codes() == [c for c in self.buttons if c in codes] and self.header.isChecked() == bool(codes):
            return  # (as it is: the form resets without touching it)
        for code, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(code in codes)
            button.blockSignals(False)
        self.header.setChecked(bool(codes))
        self._update()
