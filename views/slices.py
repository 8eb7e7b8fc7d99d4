"""Work that must run on the GUI thread, one short step per event-loop turn.

Qt's layout and painting hold the GIL for the whole of each call (PySide6), so moving
them to a thread would freeze the window just as much. A generator that yields between
short calls (a chart, a page) runs here instead: between two steps the window repaints,
answers the keyboard and shows progress.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

from PySide6.QtCore import QObject, QTimer

_running: set["Slices"] = set()  # kept alive until their last step


class Slices(QObject):
    def __init__(self, steps: Iterator[Any], on_done: Callable[[], None], on_error: Callable[[BaseException], None],
                 on_step: Callable[[Any], None] | None = None):
        super().__init__()
        self._steps, self._on_done, self._on_error, self._on_step = steps, on_done, on_error, on_step
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def _next(self) -> None:
        try:
            value = next(self._steps)
        except StopIteration:
            self._end()
            self._on_done()
            return
        except Exception as exc:  # noqa: BLE001 - handed to on_error, never lost
            self._end()
            self._on_error(exc)
            return
        if self._on_step is not None:
            self._on_step(value)

    def _end(self) -> None:
        self._timer.stop()
        _running.discard(self)
        self.deleteLater()


def run(steps: Iterator[Any], on_done: Callable[[], None], on_error: Callable[[BaseException], None],
        on_step: Callable[[Any], None] | None = None) -> None:
    """Run ``steps`` (a generator) from the event loop; ``on_step(value)`` after each yield,
    then ``on_done()``, or ``on_error(exc)`` if a step raises (the generator is closed)."""
    slices = Slices(steps, on_done, on_error, on_step)
    _running.add(slices)
    slices._timer.start()
