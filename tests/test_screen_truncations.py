"""Texts that were cut at 1366x768: the setup screen's hints, a person's history columns."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionFrame

from app.people import create_person
from tests.floor_gui_kit import ScriptedDialogs, open_unlocked
from views.floor.item_models import ContactTableModel
from views.gate import SetupScreen


@pytest.fixture
def app_style(qapp):
    """The app's own font and style sheet (11 pt), as users see it; restored afterwards."""
    from views.style import apply_style

    font, sheet = qapp.font(), qapp.styleSheet()
    apply_style(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def test_the_setup_fields_show_their_whole_hint(qtbot, french, app_style):
    screen = SetupScreen()
    qtbot.addWidget(screen)
    screen.resize(1366, 720)
    screen.show()
    QApplication.processEvents()
    for edit in (screen.site, screen.worker):
        option = QStyleOptionFrame()
        edit.initStyleOption(option)
        room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit).width() - 4
        needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert needed <= room, (edit.placeholderText(), needed, room)


def test_a_persons_history_keeps_room_for_themes_and_place(qtbot, make_vault, french, app_style):
    vault = make_vault()
    with vault.session() as s:
        person = create_person(s, "Grand Marc").id
    window = open_unlocked(qtbot, vault, ScriptedDialogs())
    window.resize(1366, 720)
    window.show_page("people")
    page = window.workspace.page("people")
    page.open_person(person)
    QApplication.processEvents()
    table = page.detail.timeline
    assert table.width() < 1100  # the history's width in a 1366-pixel window
    for col in (ContactTableModel.COL_THEMES, ContactTableModel.COL_PLACE):
        assert table.columnWidth(col) >= 160, (col, table.columnWidth(col))
    window.close()
