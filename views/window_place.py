"""Where the main window sits: the place of the last close, else 1366x768 at most, and
always inside the available screen *with* its frame, so the status bar (saved message,
lock countdown, unsent count) is never below the screen's edge.

The geometry is Qt's saveGeometry(), kept in prefs.json beside the language (read
before unlock; it says nothing about the person or the work).
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.paths import DataPaths
from app.prefs import load_window_geometry, save_window_geometry

WINDOW_SIZE = (1366, 768)
MIN_SIZE = (1024, 640)
# Title bar and borders, until the window manager says what its frame really takes.
FRAME_ALLOWANCE = (16, 48)
REFIT_DELAYS_MS = (0, 250)  # the window manager reparents the window shortly after the first show


class WindowPlace:
    def __init__(self, window: QWidget, paths: DataPaths):
        self.window = window
        self.paths = paths
        self.wanted = WINDOW_SIZE
        self._shown_once = False
        self._frame_known = False

    def fit(self) -> None:
        """Before the first show: the saved place (clamped to the screen), else centred."""
        saved = load_window_geometry(self.paths.prefs)
        restored = bool(saved) and self.window.restoreGeometry(QByteArray(saved))
        self.wanted = (self.window.width(), self.window.height()) if restored else WINDOW_SIZE
        self.clamp(center=not restored)

    def shown(self) -> None:
        if self._shown_once:
            return
        self._shown_once = True
        for delay in REFIT_DELAYS_MS:
            # The window as context: a window closed and deleted before the timer never gets the call.
            QTimer.singleShot(delay, self.window, self._refit_with_frame)

    def _refit_with_frame(self) -> None:
        window = self.window
        self._frame_known = self._frame_known or window.frameGeometry() != window.geometry()
        self.clamp()

    def frame_extra(self) -> tuple[int, int]:
        """What the frame adds to the window's size: measured once shown, else an allowance."""
        window = self.window
        frame, inner = window.frameGeometry(), window.geometry()
        if window.isVisible() and self._frame_known:
            return frame.width() - inner.width(), frame.height() - inner.height()
        return FRAME_ALLOWANCE

    def clamp(self, *, center: bool = False) -> None:
        window = self.window
        if window.isMaximized() or window.isFullScreen():
            return
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        frame = window.frameGeometry()
        x, y, width, height = placed(self.wanted, self.frame_extra(), screen.availableGeometry(),
                                     None if center else (frame.x(), frame.y()))
        window.resize(width, height)
        if center or window.isVisible():
            # A top-level window's move() places its frame. Before the first show the frame is not
            # known (frameGeometry() is the inner one): a restored place stays as Qt put it.
            window.move(x, y)

    def save(self) -> None:
        if not self.paths.keyfile.exists():  # no vault yet: write nothing in the folder setup will use
            return
        try:
            save_window_geometry(self.paths.prefs, bytes(self.window.saveGeometry().data()))
        except OSError:
            pass  # a read-only folder only costs the window's place at the next start


def placed(wanted: tuple[int, int], extra: tuple[int, int], available: QRect,
           frame_at: tuple[int, int] | None) -> tuple[int, int, int, int]:
    """(x, y) of the frame and (width, height) of the window, so that the window *with its
    frame* (``extra``) fits ``available``: at ``frame_at`` moved inside, or centred (None)."""
    extra_w, extra_h = extra
    width = max(MIN_SIZE[0], min(wanted[0], available.width() - extra_w))
    height = max(MIN_SIZE[1], min(wanted[1], available.height() - extra_h))
    outer_w, outer_h = width + extra_w, height + extra_h
    if frame_at is None:
        x = available.x() + (available.width() - outer_w) // 2
        y = available.y() + (available.height() - outer_h) // 2
    else:
        x, y = frame_at
    x = max(available.x(), min(x, available.x() + available.width() - outer_w))
    y = max(available.y(), min(y, available.y() + available.height() - outer_h))
    return x, y, width, height
