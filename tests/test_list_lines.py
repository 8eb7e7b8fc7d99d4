"""Today's lists (LineList): what a worker sees and does with them, with real widgets.

The lines are drawn from cached images of their wrapped text: these tests look at the pixels
(colours, nothing cut), at the current line across a save's insertion, at the placeholder and
at the keyboard, the mouse and the screen reader's text.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication

from views.floor.list_lines import Line
from views.floor.today_page import EMPTY, OVERDUE, TodayPage

LONG = ("09:15 · Ginette aux lunettes rouges, Kevin au sac à dos, Élodie au foulard · Premier contact, "
        "création de lien, Médiation · Difficultés financières, Immigration, Santé mentale")


@pytest.fixture
def today_list(qtbot):
    widget = TodayPage._list(None, "today_contacts")  # configured as the Today page does
    qtbot.addWidget(widget)
    widget.resize(420, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle():
    for _ in range(3):  # the delayed layout, then the repaint it asks for
        QApplication.processEvents()


def texts(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def has_colour(image, rect, colour: QColor, tolerance: int = 40) -> bool:
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right()):
            pixel = QColor(image.pixel(x, y))
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) <= tolerance:
                return True
    return False


def lines(n: int) -> list[Line]:
    return [Line(f"{10 + i}:00 · Personne {i} · Accompagnement", ("contact", i)) for i in range(n)]


def test_lines_show_in_order_and_a_save_inserts_at_the_top(today_list):
    today_list.set_lines(lines(5))
    assert texts(today_list) == [line.text for line in lines(5)]
    new = Line("16:00 · Marc au vélo · Écoute", ("contact", 99))
    today_list.set_lines([new] + lines(5))
    assert texts(today_list)[0] == new.text and texts(today_list)[1:] == [line.text for line in lines(5)]
    assert today_list.item(0).data(Qt.ItemDataRole.UserRole) == ("contact", 99)
    assert today_list.lines() == [new] + lines(5)
    today_list.set_lines(lines(5)[2:])  # lines gone from the top
    assert texts(today_list) == [line.text for line in lines(5)[2:]]


def test_a_long_line_wraps_and_is_never_cut(today_list):
    today_list.set_lines([Line("10:00 · Court"), Line(LONG), Line("11:00 · Court")])
    settle()
    short, long_ = (today_list.visualItemRect(today_list.item(i)) for i in (0, 1))
    assert long_.height() >= 2 * short.height()  # wrapped on several lines, all of them shown
    assert long_.top() == short.bottom() + 1  # lines follow without overlapping
    today_list.resize(220, 300)  # a narrower window: more lines, taller
    settle()
    narrow = today_list.visualItemRect(today_list.item(1))
    assert narrow.height() > long_.height()
    assert today_list.visualItemRect(today_list.item(2)).top() == narrow.bottom() + 1


def test_colours_of_overdue_and_empty_lines_show(today_list):
    today_list.set_lines([Line("En retard depuis le 29 nov. · Marc", None, OVERDUE),
                          Line("Bas de laine : il en reste 0 (bas à 3)", None, EMPTY),
                          Line("Aujourd'hui · Élodie")])
    settle()
    image = today_list.viewport().grab().toImage()
    rects = [today_list.visualItemRect(today_list.item(i)) for i in range(3)]
    assert has_colour(image, rects[0], QColor(OVERDUE))
    assert has_colour(image, rects[1], QColor(EMPTY))
    assert not has_colour(image, rects[2], QColor(OVERDUE)) and has_colour(image, rects[2], QColor("black"), 60)


def test_the_current_line_stays_across_a_save(today_list):
    today_list.set_lines(lines(6))
    today_list.setCurrentRow(2)
    chosen = today_list.currentItem().data(Qt.ItemDataRole.UserRole)
    today_list.set_lines([Line("17:00 · Nouveau", ("contact", 50))] + lines(6))
    assert today_list.currentItem().data(Qt.ItemDataRole.UserRole) == chosen
    assert today_list.currentRow() == 3 and today_list.currentItem().isSelected()
    changed = lines(6)
    changed[0] = Line("10:00 · Personne 0 · Écoute", ("contact", 0))
    today_list.set_lines(changed)  # the new line removed, the first one changed in place
    assert today_list.currentItem().data(Qt.ItemDataRole.UserRole) == chosen
    settle()
    image = today_list.viewport().grab().toImage()  # the current line is painted selected
    highlight = today_list.palette().color(today_list.palette().ColorRole.Highlight)
    assert has_colour(image, today_list.visualItemRect(today_list.currentItem()), highlight, 10)


def test_the_placeholder_is_greyed_and_cannot_be_chosen(qtbot, today_list):
    today_list.set_lines([Line("Aucun contact pour l'instant aujourd'hui.", enabled=False)])
    settle()
    item = today_list.item(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsSelectable and not item.flags() & Qt.ItemFlag.ItemIsEnabled
    qtbot.mouseClick(today_list.viewport(), Qt.MouseButton.LeftButton, pos=today_list.visualItemRect(item).center())
    assert not item.isSelected()
    image = today_list.viewport().grab().toImage()
    greyed = today_list.palette().color(today_list.palette().ColorGroup.Disabled, today_list.palette().ColorRole.Text)
    assert has_colour(image, today_list.visualItemRect(item), greyed, 20)
    today_list.set_lines(lines(2))  # a contact replaces the placeholder: it can be chosen again
    assert today_list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable


def test_keyboard_and_double_click_open_a_line(qtbot, today_list):
    today_list.set_lines(lines(4))
    settle()
    opened = []
    today_list.itemActivated.connect(lambda item: opened.append(item.data(Qt.ItemDataRole.UserRole)))
    today_list.setFocus()
    today_list.setCurrentRow(0)
    qtbot.keyClick(today_list, Qt.Key.Key_Down)
    qtbot.keyClick(today_list, Qt.Key.Key_Down)
    qtbot.keyClick(today_list, Qt.Key.Key_Return)
    assert opened == [("contact", 2)]
    qtbot.keyClick(today_list, Qt.Key.Key_Up)
    qtbot.keyClick(today_list, Qt.Key.Key_Enter)
    assert opened[-1] == ("contact", 1)
    centre = today_list.visualItemRect(today_list.item(3)).center()
    qtbot.mouseClick(today_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double click's first press
    qtbot.mouseDClick(today_list.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened[-1] == ("contact", 3)


def test_a_screen_reader_reads_each_line(today_list):
    today_list.set_lines([Line(LONG, ("contact", 1)), Line("10:00 · Court", ("contact", 2))])
    settle()
    accessible = QAccessible.queryAccessibleInterface(today_list)
    names = [accessible.child(i).text(QAccessible.Text.Name) for i in range(accessible.childCount())]
    assert LONG in names and "10:00 · Court" in names



def test_the_scroll_bar_looks_as_qt_draws_it(qtbot, today_list):
    """Its groove is drawn once and kept: the bar must still look exactly as QScrollBar draws it."""
    from PySide6.QtWidgets import QScrollBar

    today_list.set_lines([Line(LONG, ("contact", i)) for i in range(40)])
    settle()
    ours = today_list.verticalScrollBar()
    plain = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(plain)
    plain.resize(ours.size())
    plain.setRange(ours.minimum(), ours.maximum())
    plain.setPageStep(ours.pageStep())
    for value in (0, ours.maximum() // 2, ours.maximum()):
        ours.setValue(value)
        plain.setValue(value)
        ours.grab()  # once to keep the groove, then from it
        assert largest_difference(ours.grab().toImage(), plain.grab().toImage()) <= 2  # of 255: rounding


def largest_difference(one, other) -> int:
    from PySide6.QtGui import QImage

    one, other = (image.convertToFormat(QImage.Format.Format_RGB32) for image in (one, other))
    assert one.size() == other.size()
    worst = 0
    for y in range(one.height()):
        for x in range(one.width()):
            a, b = one.pixel(x, y), other.pixel(x, y)
            if a != b:
                worst = max(worst, *(abs((a >> shift & 255) - (b >> shift & 255)) for shift in (0, 8, 16)))
    return worst
