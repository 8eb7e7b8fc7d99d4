"""Idle detection: the time since the user last touched the keyboard or the mouse.

An application-wide event filter notes input events; a timer compares the elapsed
time with the timeout and emits ``idle`` once when it is reached. The filter is a
Python call for every event of every widget (each paint, layout, show: a few
milliseconds on a save), so it listens only until the first input after each
tick of the timer: the last input is then known to within a tick (a second).
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

def suspend_aware_clock() -> float:
    """Seconds that keep counting while the laptop sleeps (CLOCK_BOOTTIME on Linux):
    a lid closed for an hour must find the vault locked when it opens."""
    return time.clock_gettime(time.CLOCK_BOOTTIME)


CLOCK = suspend_aware_clock if hasattr(time, "CLOCK_BOOTTIME") else time.monotonic  # Windows' counts sleep

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    remaining_changed = Signal(int)  # whole seconds before the idle lock
    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None, clock=CLOCK):
        super().__init__(parent)
        self._clock = clock
        self.timeout_s = float(timeout_s)
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._installed = False

    def start(self) -> None:
        self._listen()
        self.touch()
        # Short (test) timeouts need a finer tick than the one-second countdown.
        self._timer.start(max(50, min(1000, int(self.timeout_s * 1000 / 10))))
        self._check()

    def stop(self) -> None:
        self._timer.stop()
        self._unlisten()

    def _listen(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True

    def _unlisten(self) -> None:
        if self._installed:
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_timeout(self, timeout_s: float) -> None:
        self.timeout_s = float(timeout_s)
        if self.active:
            self.start()

    def touch(self) -> None:
        self._last_input = self._clock()

    def remaining(self) -> float:
        return max(0.0, self.timeout_s - (self._clock() - self._last_input))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
            self._unlisten()  # known for this tick; the next one listens again
        return False

    def _check(self) -> None:
        self._listen()
        left = self.remaining()
        self.remaining_changed.emit(int(left + 0.999))
        if left <= 0:
            self.stop()
            self.idle.emit()
