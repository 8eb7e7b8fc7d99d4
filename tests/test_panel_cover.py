"""The quick-entry panel over a page: while it shows, the page beneath is out of reach (Tab,
clicks, its Alt+letter keys) without being disabled, so showing and hiding the panel re-styles
nothing of the page; the two forms are built in idle time after unlock, or at first use."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from app import people
from tests.floor_gui_kit import focused, open_unlocked
from tests.test_keyboard_mnemonics import mnemonic
from views.quick_entry import QuickEntry

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
STYLE_EVENTS = (QEvent.Type.EnabledChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange)


@pytest.fixture
def vault(make_vault):
    vault = make_vault()
    with vault.session() as s:
        people.create_person(s, "Élodie au foulard")
    return vault


class Restyled(QObject):
    """Counts the events that re-style a widget (enabled state, style, palette)."""

    def __init__(self, *widgets):
        super().__init__()
        self.seen: list[str] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() in STYLE_EVENTS:
            self.seen.append(f"{obj.objectName()}: {event.type().name}")
        return False


def inside(panel, widget) -> bool:
    return widget is not None and panel.isAncestorOf(widget)


def save_one(qtbot, window) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(focused(), "elo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    window.ctx.ops.wait()


def test_tab_and_shift_tab_stay_in_the_panel_and_the_page_stays_as_it_was(qtbot, french, vault):
    window = open_unlocked(qtbot, vault)
    today = window.workspace.page("today")
    restyled = Restyled(today, window.workspace.stack, *today.findChildren(QLabel))
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    assert panel.isVisible() and focused() is panel.person_field.edit
    seen = set()
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        for _ in range(60):  # more than the panel has fields: every step wraps inside it
            qtbot.keyClick(focused(), key)
            assert inside(panel, focused()), f"{key.name} left the panel for {focused()!r}"
            seen.add(focused())
    assert panel.save_button in seen and panel.occurred in seen and panel.notes in seen
    assert today.isEnabled() and today.new_button.isEnabled()
    save_one(qtbot, window)
    save_one(qtbot, window)
    assert not panel.isVisible() and restyled.seen == []
    assert focused() is window.workspace.sidebar  # where the focus went before (Qt's next widget)


def test_a_click_on_the_page_beneath_does_nothing(qtbot, french, vault):
    window = open_unlocked(qtbot, vault)
    today = window.workspace.page("today")
    clicks = []
    today.new_button.clicked.connect(lambda: clicks.append(1))
    where = today.new_button.mapTo(window, today.new_button.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=where)
    assert clicks == [1]  # (the button is where the test thinks)
    window.ctx.extras["quick_entry"].new_panel.close_keeping_draft()
    clicks.clear()

    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=where)
    assert clicks == [] and panel.isVisible() and inside(panel, focused())


def test_the_page_keys_answer_only_once_the_panel_is_closed(qtbot, french, vault):
    """Alt+letter of the page under the panel does nothing; the panel's own answer alone."""
    window = open_unlocked(qtbot, vault)
    window.show_page("today")
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    window.show_page("contacts")  # another page while the form is open: covered in turn
    contacts = window.workspace.page("contacts")
    QApplication.processEvents()
    buddies = {mnemonic(label.text()): label.buddy() for label in contacts.findChildren(QLabel)
               if label.buddy() is not None and label.isVisible()}
    page_only = buddies["y"]  # « T&ype »: no letter of the panel
    shared = buddies["p"]     # « &Période » on the page, a field of the panel too
    [panel_p] = [label.buddy() for label in panel.findChildren(QLabel)
                 if label.buddy() is not None and mnemonic(label.text()) == "p"]
    assert page_only.isEnabled() and shared.isEnabled()

    qtbot.keyClick(focused(), Qt.Key.Key_Y, ALT)
    assert inside(panel, focused())
    qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)
    assert focused() is panel_p  # not ambiguous: the page's « Période » is out of reach
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not panel.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Y, ALT)
    assert focused() is page_only
    qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)
    assert focused() is shared


def test_the_forms_are_built_after_unlock_in_idle_time_or_at_the_first_ctrl_n(qtbot, french, vault, monkeypatch):
    monkeypatch.setattr(QuickEntry, "IDLE_DELAY_MS", 60_000)  # idle time that never comes
    window = open_unlocked(qtbot, vault)
    entry = window.ctx.extras["quick_entry"]
    assert entry.panels == ()  # nothing built at unlock
    assert not entry.is_holding_input()
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert entry.new_panel.isVisible() and focused() is entry.new_panel.person_field.edit
    assert entry.panels == (entry.new_panel,)
    window.lock()

    monkeypatch.setattr(QuickEntry, "IDLE_DELAY_MS", 0)
    window = open_unlocked(qtbot, vault)
    entry = window.ctx.extras["quick_entry"]
    assert QApplication.activeWindow() is window
    qtbot.waitUntil(lambda: len(entry.panels) == 2, timeout=5000)
    assert not any(panel.isVisible() for panel in entry.panels)
    # Built behind the worker's back, the forms open no window of their own (a part shown before
    # it was placed in the form used to, and took the keyboard from the main window).
    assert QApplication.activeWindow() is window and focused() is not None


def test_tab_from_the_sidebar_goes_to_the_panel_not_the_page_beneath(qtbot, french, vault):
    """With the panel open the worker may click the sidebar; Tab from there must not reach the
    hidden page (typing into a field nobody sees, its shortcuts working unseen)."""
    window = open_unlocked(qtbot, vault)
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    panel = window.ctx.extras["quick_entry"].new_panel
    stack, sidebar = window.workspace.stack, window.workspace.sidebar
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        sidebar.setFocus(Qt.FocusReason.MouseFocusReason)
        for _ in range(6):  # past the lock button, on to what follows it
            qtbot.keyClick(focused(), key)
            assert not stack.isAncestorOf(focused()), f"{key.name} from the sidebar reached {focused()!r}"
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not panel.isVisible()
