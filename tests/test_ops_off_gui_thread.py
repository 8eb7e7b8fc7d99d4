"""Slow work runs on the writer thread, never the GUI thread: bundle export, the import of several
bundles, the report's exports (a 5-year vault froze the window). Each test holds the work until
the GUI thread has run an event: were the work on the GUI thread, that event could never run."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer, Qt

import activity_data as D
from app.ops import supplies as supply_ops
from bundle_kit import add_contact, add_person, export_to, make_coordination, pair
from gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext
from views.drafts import DraftRegistry


class Held:
    """Wraps ``module.name``: records the thread it runs on, and waits for the GUI thread to tick first."""

    def __init__(self, monkeypatch, module, name: str):
        original = getattr(module, name)
        self.threads: list[threading.Thread] = []
        self.gui_ran: list[bool] = []
        self._ticked = threading.Event()

        def held(*args, **kwargs):
            self.threads.append(threading.current_thread())
            self.gui_ran.append(self._ticked.wait(5))
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, held)
        QTimer.singleShot(20, self._ticked.set)  # fires only if the GUI event loop keeps running

    def ran_off_the_gui_thread(self) -> bool:
        return bool(self.threads) and self.threads[0] is not threading.main_thread() and all(self.gui_ran)


class Pickers:
    def __init__(self, folder=None, paths=()):
        self.folder_path, self.open_paths = folder, list(paths)

    def folder(self, title):
        return self.folder_path

    def open_files(self, title, pattern):
        return self.open_paths


def _ctx(vault):
    return AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs(), "drafts": DraftRegistry()})


@pytest.fixture
def coord(tmp_path):
    vault = make_coordination(tmp_path / "coord")
    yield vault
    vault.lock()


def test_bundle_export_runs_on_the_writer_thread_and_the_window_stays_responsive(
        qtbot, french, make_vault, coord, tmp_path, monkeypatch):
    from app.sync import export
    from views.sync.envois_page import EnvoisPage

    worker = make_vault("worker")
    pair(worker, coord)
    add_contact(worker, [add_person(worker, "Grand Marc")])
    ctx = _ctx(worker)
    page = EnvoisPage(ctx)
    qtbot.addWidget(page)
    usb = tmp_path / "usb"
    usb.mkdir()
    page.panel.pickers = Pickers(folder=str(usb))
    held = Held(monkeypatch, export, "export_bundle")
    qtbot.mouseClick(page.panel.export_button, Qt.MouseButton.LeftButton)
    assert not page.panel.export_button.isEnabled()  # no second export while the first is written
    qtbot.waitUntil(lambda: "no 1" in page.panel.result_label.text(), timeout=10000)
    assert held.ran_off_the_gui_thread()
    assert page.panel.history.rowCount() == 1 and page.panel.export_button.isEnabled()
    ctx.ops.wait()


def test_importing_several_bundles_runs_on_the_writer_thread(qtbot, french, make_vault, coord, tmp_path, monkeypatch):
    from app.sync import importer
    from views.sync.envois_page import EnvoisPage

    worker = make_vault("worker")
    pair(worker, coord)
    person = add_person(worker, "Grand Marc")
    files = []
    for _ in range(3):
        add_contact(worker, [person])
        files.append(str(export_to(worker, tmp_path / "usb").path))
    ctx = _ctx(coord)
    page = EnvoisPage(ctx)
    qtbot.addWidget(page)
    page.panel.pickers = Pickers(paths=files)
    held = Held(monkeypatch, importer, "import_bundle")
    qtbot.mouseClick(page.panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panel.result_label.text().count("importé") == 3, timeout=10000)
    assert held.ran_off_the_gui_thread() and len(held.threads) == 3
    assert page.panel.workers.item(0, 2).text() == "No 3"  # the window refreshed from the change
    ctx.ops.wait()


def test_a_long_import_reports_its_progress_on_the_gui_thread(qtbot, make_vault, coord, tmp_path):
    from app.ops import sync as sync_ops

    worker = make_vault("worker")
    pair(worker, coord)
    person = add_person(worker, "Grand Marc")
    files = []
    for _ in range(3):
        add_contact(worker, [person])
        files.append(export_to(worker, tmp_path / "usb").path)
    ctx = _ctx(coord)
    steps, results = [], []
    ctx.ops.run(sync_ops.import_bundles, files, on_done=results.append,
                on_progress=lambda done, total: steps.append((done, total, threading.current_thread())))
    ctx.ops.wait()
    assert [(d, t) for d, t, _ in steps] == [(0, 3), (1, 3), (2, 3)]
    assert all(thread is threading.main_thread() for *_, thread in steps)
    assert [o.result.sequence for o in results[0]] == [1, 2, 3]


@pytest.mark.parametrize("fmt", ["csv", "pdf"])
def test_report_export_computes_on_the_writer_thread(qtbot, vault, pilot_template, tmp_path, monkeypatch, fmt):
    from app.report import reads
    from views.activity.bilan_page import CUSTOM, BilanPage

    D.copy_into(pilot_template, vault)
    ctx = _ctx(vault)
    page = BilanPage(ctx)
    qtbot.addWidget(page)
    page.set_period(CUSTOM, first=D.PILOT_FIRST, last=D.PILOT_LAST)
    page.pick_path = lambda f, suggested: str(tmp_path / f"bilan.{f}")
    held = [Held(monkeypatch, reads, "compute")]
    if fmt == "csv":  # the operation holds its own reference to compute
        from app.ops import report as report_ops

        monkeypatch.setattr(report_ops, "compute", reads.compute)
    assert page.export(fmt)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20000)
    assert all(h.ran_off_the_gui_thread() for h in held)
    assert page.last_export == tmp_path / f"bilan.{fmt}" and page.last_export.stat().st_size > 0
    assert "bilan." in page.status.text()
    if fmt == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(page.last_export))
        import unicodedata

        text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)).split())
        assert len(reader.pages) >= 3 and "Références par statut" in text and "Page 1 de" in text
    ctx.ops.wait()


def test_the_unsent_counter_follows_a_supply_change(qtbot, make_vault):
    """Dépannage once announced "supply" while the counter listened for "supply_item": it said 2, not 3."""
    from views.sync.status_widget import UnsentStatus

    worker = make_vault("worker")
    ctx = _ctx(worker)
    status = UnsentStatus(ctx)
    qtbot.addWidget(status)
    before = status.text()
    ctx.ops.run(supply_ops.create_item, "Bas", initial_stock=3)  # an item and its first stock movement
    ctx.ops.wait()
    assert status.text() != before
    from app.sync import rows as sync_rows

    assert str(ctx.ops.read(sync_rows.unsent_status).waiting) in status.text()
