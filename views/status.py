"""The status bar while unlocked: the lock countdown plus widgets other features add.

Features list a status widget in views/registry.py STATUS_WIDGETS (built as
``Class(ctx)`` at each unlock), or add one at run time with
``ctx.extras["status"].add(widget)``. Either way it lives only while unlocked:
the shell removes and destroys it at lock, with the pages.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class StatusArea:
    def __init__(self, bar: QStatusBar):
        self._bar = bar
        self._widgets: list[QWidget] = []

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        """Add a widget on the right of the status bar, left of the lock countdown."""
        self._bar.insertPermanentWidget(len(self._widgets), widget, stretch)
        widget.show()
        self._widgets.append(widget)
        return widget

    def clear(self) -> None:
        for widget in self._widgets:
            self._bar.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets.clear()

    def message(self, text: str, timeout_ms: int = 5000) -> None:
        """A transient message on the left (e.g. "Contact saved")."""
        self._bar.showMessage(text, timeout_ms)


class LockCountdown(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lock_countdown")

    def set_seconds(self, seconds: int) -> None:
        minutes, secs = divmod(max(0, seconds), 60)
        self.setText(self.tr("Locks in %1:%2").replace("%1", str(minutes)).replace("%2", f"{secs:02d}"))
