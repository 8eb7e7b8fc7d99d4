"""Long work (bundles, the directory's bulk import, publish, apply) pauses the cyclic GC and gives it back as it found it."""
from __future__ import annotations

import gc
import threading

import pytest

from app.collector import paused as no_gc_pauses


def test_the_pause_nests_across_threads_and_ends_with_the_last_one():
    assert gc.isenabled()
    inner_started, outer_may_end = threading.Event(), threading.Event()

    def other_thread():
        with no_gc_pauses():
            inner_started.set()
            outer_may_end.wait(5)
            assert not gc.isenabled()

    with no_gc_pauses():
        worker = threading.Thread(target=other_thread)
        worker.start()
        inner_started.wait(5)
    assert not gc.isenabled()  # the other thread's bulk work still runs
    outer_may_end.set()
    worker.join(5)
    assert gc.isenabled()


def test_an_error_inside_ends_the_pause_and_a_disabled_gc_stays_disabled():
    with pytest.raises(ValueError):
        with no_gc_pauses():
            raise ValueError("bad row")
    assert gc.isenabled()
    gc.disable()
    try:
        with no_gc_pauses():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
