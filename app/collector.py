"""The cyclic garbage collector paused while long work runs beside the window.

A full pass of Python's collector walks every live object while holding the GIL: with
the tens of thousands of rows and records of a bundle export or import in memory, one
pass takes 0.3-1.5 s, during which the GUI thread cannot run. Paused, the work's
objects are still freed as soon as they are unused (reference counting); only cycles
wait, and the first passes after the work find them among the young objects.
The directory's bulk import, publish and apply use it too (building ~130,000 rows that
stay alive, publish spent a third of its time in collector passes that freed nothing).
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_resume = False


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside (nests; explicit gc.collect() still works)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def release(*containers) -> None:
    """Empty large lists and dicts one item at a time. Freeing a structure of a million
    objects at once (when the last reference goes) is one uninterrupted C call that holds
    the GIL for a few hundred milliseconds; item by item, the GIL can pass between."""
    for container in containers:
        pop = container.popitem if isinstance(container, dict) else container.pop
        while container:
            pop()
