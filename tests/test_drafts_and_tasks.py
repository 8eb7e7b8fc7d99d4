"""Drafts kept in the encrypted vault as a form is typed; slow work off the GUI thread."""
from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app import drafts
from app.errors import InvalidInput
from app.vault import Vault
from tests.conftest import PASSPHRASE
from views.bus import DataBus
from views.context import AppContext
from views.drafts import DraftKeeper, DraftRegistry
from views.tasks import TaskRunner


class NoteForm(QWidget):
    """A form like the ones other features build: two fields and a keeper."""

    def __init__(self, ctx: AppContext, debounce_ms: int = 50):
        super().__init__()
        self.alias = QLineEdit()
        self.notes = QPlainTextEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.alias)
        layout.addWidget(self.notes)
        self.keeper = DraftKeeper(ctx, "note_form", self.values, self.set_values, owner=self, debounce_ms=debounce_ms)
        self.keeper.watch(self.alias, self.notes)
        self.restored = self.keeper.restore()

    def values(self):
        return {"alias": self.alias.text(), "notes": self.notes.toPlainText()}

    def set_values(self, values):
        self.alias.setText(values["alias"])
        self.notes.setPlainText(values["notes"])


@pytest.fixture(autouse=True)
def collect_garbage_between_tests():
    """These tests leave Qt objects in reference cycles (task runners and their thread pools, keepers,
    forms). Collected whenever a later allocation starts a garbage collection, once inside a Qt
    event filter's call into Python, they crashed PySide (a segfault creating a QWidget in the idle
    watcher's test): they go here, between tests."""
    yield
    gc.collect()


@pytest.fixture
def ctx(vault):
    return AppContext(vault=vault, bus=DataBus(), extras={"drafts": DraftRegistry()})


def stored_draft(data_dir):
    """Read the draft the way a restarted app would: a fresh Vault on the same files."""
    other = Vault(data_dir)
    other.unlock(PASSPHRASE)
    try:
        with other.session() as s:
            return drafts.load(s, "note_form")
    finally:
        other.lock()


def test_typing_is_saved_in_the_vault_shortly_after(qtbot, ctx):
    form = NoteForm(ctx)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.alias, "Grand Marc, casquette rouge")
    qtbot.keyClicks(form.notes, "cherche un logement")
    assert form.keeper.dirty
    qtbot.waitUntil(lambda: not form.keeper.dirty, timeout=3000)
    ctx.ops.wait()  # drafts are written on the writer thread
    assert stored_draft(ctx.vault.paths.root) == {"alias": "Grand Marc, casquette rouge", "notes": "cherche un logement"}


def test_flush_all_saves_at_once_and_a_new_form_gets_the_draft_back(qtbot, ctx):
    form = NoteForm(ctx, debounce_ms=60_000)  # destroyed below, so not given to qtbot
    qtbot.keyClicks(form.alias, "Élodie")
    assert stored_draft(ctx.vault.paths.root) is None  # the debounce has not fired
    ctx.extras["drafts"].flush_all()
    assert stored_draft(ctx.vault.paths.root) == {"alias": "Élodie", "notes": ""}

    form.deleteLater()
    qtbot.waitUntil(lambda: ctx.extras["drafts"].keepers() == [], timeout=2000)
    again = NoteForm(ctx)
    qtbot.addWidget(again)
    assert again.restored and again.alias.text() == "Élodie"
    assert not again.keeper.dirty  # restoring is not typing


def test_discard_forgets_the_draft(qtbot, ctx):
    form = NoteForm(ctx)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.alias, "quelqu'un")
    form.keeper.flush()
    form.alias.clear()
    form.keeper.discard()
    ctx.ops.wait()
    assert stored_draft(ctx.vault.paths.root) is None
    assert not NoteForm(ctx).restored


def test_tasks_deliver_results_and_errors_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = []

    def work():
        seen.append(("work", threading.current_thread() is threading.main_thread()))
        return 42

    runner.run(work, lambda r: seen.append(("ok", r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == [("work", False), ("ok", 42, True)]

    def broken():
        raise InvalidInput("nope")

    failures = []
    runner.run(broken, lambda r: failures.append("unexpected success"), failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=3000)
    assert isinstance(failures[0], InvalidInput)
    assert not runner.busy


def test_slow_work_shows_a_busy_indication_until_done(qtbot):
    import time

    from PySide6.QtWidgets import QApplication, QProgressDialog

    runner = TaskRunner()
    done = []
    runner.run(lambda: time.sleep(1.0), done.append, busy="Exportation en cours…")

    def busy_dialogs():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]

    qtbot.waitUntil(lambda: bool(busy_dialogs()), timeout=900)
    assert busy_dialogs()[0].labelText() == "Exportation en cours…"
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert busy_dialogs() == []


def test_idle_watcher_counts_from_the_last_input(qtbot):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from views.idle import IdleWatcher

    now = [1000.0]
    watcher = IdleWatcher(300, clock=lambda: now[0])
    fired = []
    watcher.idle.connect(lambda: fired.append(True))
    seconds = []
    watcher.remaining_changed.connect(seconds.append)
    watcher.start()
    now[0] += 200  # e.g. the laptop slept: the clock kept counting
    widget = QWidget()
    qtbot.addWidget(widget)
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, press)  # input resets the count
    now[0] += 299
    watcher._check()
    assert not fired and seconds[-1] == 1
    now[0] += 1
    watcher._check()
    assert fired == [True] and not watcher.active


def test_idle_watcher_listens_again_at_each_tick(qtbot):
    """After an input the watcher stops listening until its next tick (no Python call for every
    event of a save): input after that tick counts again."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from views.idle import IdleWatcher

    now = [1000.0]
    watcher = IdleWatcher(300, clock=lambda: now[0])
    watcher.start()
    widget = QWidget()
    qtbot.addWidget(widget)

    def press():
        QApplication.sendEvent(widget, QMouseEvent(
            QEvent.Type.MouseButtonPress, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

    for _tick in range(3):
        now[0] += 100
        press()
        watcher._check()  # the timer's tick
    assert watcher.remaining() == 300  # counted from the last tick's input
    now[0] += 250
    watcher._check()
    assert watcher.active and 49 < watcher.remaining() <= 50
    watcher.stop()
