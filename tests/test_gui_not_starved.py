"""The window keeps running while a bundle is written and imported, and while the report's PDF
is drawn: a timer on the GUI thread keeps ticking. (A whole bundle encoded or decoded in one
C call, or a full pass of the garbage collector over its objects, holds the GIL for seconds;
the PDF's charts and pages drawn in one go froze the window for the whole export.)

The figures are relative to the work's own duration, so a loaded machine slows both alike;
benchmarks/bench_ops_gui.py prints the milliseconds."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

import activity_data as D
from app import demo
from app.ops import sync as sync_ops
from app.vault import Vault
from bundle_kit import FAST_KDF, PASSPHRASE, make_coordination, pair
from gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext

TICK_MS = 20


class Ticks:
    """A timer on the GUI thread: the longest gap between its ticks, and how many there were."""

    def __init__(self):
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def __enter__(self):
        self.started = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()
        self.ended = time.perf_counter()

    @property
    def duration(self) -> float:
        return self.ended - self.started

    @property
    def longest_gap(self) -> float:
        moments = [self.started, *self.times, self.ended]
        return max(b - a for a, b in zip(moments, moments[1:]))

    def assert_never_starved(self, at_least: float) -> None:
        assert self.duration > at_least, "the work was too quick to tell"
        # Frozen for a whole step (a C call on the whole bundle, a collector pass over it), the
        # gap would be most of the work; responsive, it is a few ticks.
        assert self.longest_gap < self.duration / 4, (self.longest_gap, self.duration)
        assert len(self.times) > self.duration / (TICK_MS / 1000) / 4, (len(self.times), self.duration)


def _ctx(vault):
    return AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})


def _run(qtbot, ctx, op, *args, **kwargs):
    results = []
    ctx.ops.run(op, *args, on_done=results.append, **kwargs)
    qtbot.waitUntil(lambda: bool(results), timeout=300_000)
    ctx.ops.wait()
    return results[0]


@pytest.fixture(scope="module")
def busy_worker(tmp_path_factory):
    """Two years of a busy worker: about 6,000 contacts, a bundle of about 10,000 records."""
    vault = Vault(tmp_path_factory.mktemp("busy") / "worker")
    vault.create(PASSPHRASE, site_name="Bibliothèque de test", worker_name="Intervenant test", kdf_params=FAST_KDF)
    with vault.session() as s:
        demo.generate(s, weeks=104, seed=3, contacts_per_week=60)
    yield vault
    vault.lock()


def test_the_window_keeps_running_while_a_big_bundle_is_written_and_imported(qtbot, busy_worker, tmp_path):
    coord = make_coordination(tmp_path / "coord")
    try:
        pair(busy_worker, coord)
        steps = []
        with Ticks() as export_ticks:
            exported = _run(qtbot, _ctx(busy_worker), sync_ops.export_bundle, tmp_path, full=True,
                            on_progress=lambda done, total: steps.append((done, total)))
        assert exported.record_count > 8000
        assert steps == [(0, 3), (1, 3), (2, 3)]  # the worker panel shows them
        steps = []
        with Ticks() as import_ticks:
            outcome = _run(qtbot, _ctx(coord), sync_ops.import_bundles, [exported.path, exported.path],
                           on_progress=lambda done, total: steps.append((done, total)))
        assert [o.result.status for o in outcome] == ["imported", "already_imported"]
        assert steps == [(0, 2), (1, 2)]
    finally:
        coord.lock()
    export_ticks.assert_never_starved(at_least=0.5)
    import_ticks.assert_never_starved(at_least=0.5)


def test_the_window_keeps_running_while_the_report_pdf_is_drawn(qtbot, vault, pilot_template, tmp_path):
    from app.report import period as periods
    from app.report import reads
    from views.activity.bilan_page import BilanPage

    D.copy_into(pilot_template, vault)
    page = BilanPage(_ctx(vault))
    qtbot.addWidget(page)
    with vault.session() as s:
        report = reads.compute(s, False, periods.custom(D.PILOT_FIRST, D.PILOT_LAST), None, lang="fr")
    shown = []
    ticks = Ticks()
    ticks.timer.timeout.connect(lambda: shown.append(page.status.text()))
    with ticks:  # what the page does once the figures are computed on the writer thread
        page._write_pdf(report, tmp_path / "bilan.pdf", True)
        qtbot.waitUntil(lambda: page.last_export is not None, timeout=60_000)
    assert page.last_export.stat().st_size > 0
    assert any(text.endswith(" %") for text in shown)  # the progress, as the pages are drawn
    # Drawn in one go, the timer could not tick from the first chart to the last page.
    assert len(ticks.times) >= 5 and ticks.longest_gap < ticks.duration / 2, (ticks.longest_gap, ticks.duration)
