"""Look and feel: readable type and large targets for a worker on their feet."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11

STYLE_SHEET = """
QPushButton { padding: 6px 16px; min-height: 32px; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QTimeEdit { min-height: 30px; }
QFrame#gate_card { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; padding: 16px; }
QLabel#site_label { qproperty-alignment: AlignCenter; }
QLabel#lock_countdown { padding: 0 12px; }
QListWidget#sidebar { background: palette(window); border: none; border-right: 1px solid palette(mid); padding: 6px; }
QListWidget#sidebar::item { padding-left: 8px; border-radius: 6px; }
QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""


def apply_style(app: QApplication) -> None:
    font = app.font()
    if font.pointSize() < BASE_POINT_SIZE:
        font.setPointSize(BASE_POINT_SIZE)
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
