"""The floor tables' cached cell delegate shows what Qt's own delegate shows, pixel for pixel."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyledItemDelegate, QTableView

from app import contacts, people
from app.contacts import ContactInput
from views.bus import DataBus
from views.context import AppContext
from views.floor.common import style_list_table
from views.floor.contacts_page import ContactTable
from views.floor.item_models import ContactTableModel
from views.floor.table_cells import CachedCellDelegate


def differing(a: QImage, b: QImage) -> int:
    """Pixels whose colour differs by more than a rounding step (anti-aliased glyph edges)."""
    a, b = (i.convertToFormat(QImage.Format.Format_RGB32) for i in (a, b))
    assert a.size() == b.size()
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    return sum(1 for i in range(0, len(pa), 4) if max(abs(pa[i + k] - pb[i + k]) for k in range(3)) > 2)


def shots(qtbot, table: QTableView) -> tuple[QImage, QImage]:
    """The table painted by Qt's delegate, then by the cached one (twice: from the cache)."""
    table.setItemDelegate(QStyledItemDelegate(table))
    qtbot.wait(10)
    qt = table.grab().toImage()
    CachedCellDelegate.install(table)
    qtbot.wait(10)
    table.grab()
    return qt, table.grab().toImage()


def sample_table(qtbot) -> QTableView:
    model = QStandardItemModel(6, 3)
    texts = ["Élodie au foulard, Grand Marc à la casquette rouge", "", "Écoute"]
    for row in range(6):
        for col in range(3):
            item = QStandardItem(texts[col] + (f" {row}" if texts[col] else ""))
            model.setItem(row, col, item)
        count = QStandardItem()
        count.setData(1234 * row, Qt.ItemDataRole.DisplayRole)  # a number, shown in the locale's digits
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model.setItem(row, 2, count) if row % 2 else None
    table = QTableView()
    table.setModel(model)
    style_list_table(table)
    table.setWordWrap(False)
    table.setColumnWidth(0, 120)  # the long text is elided
    table.resize(420, 260)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.model_ref = model
    return table


def test_cells_look_as_with_qts_delegate_elided_empty_selected_and_focused(qtbot):
    table = sample_table(qtbot)
    table.setFocus()
    table.selectRow(2)  # selected, current: the focus frame on its first cell
    qt, cached = shots(qtbot, table)
    assert differing(qt, cached) <= 20
    delegate = table.itemDelegate()
    assert isinstance(delegate, CachedCellDelegate) and delegate._images  # painted from the cache


def test_a_new_font_or_width_paints_the_new_layout(qtbot):
    table = sample_table(qtbot)
    CachedCellDelegate.install(table)
    table.grab()
    font = QFont(table.font())
    font.setPointSize(font.pointSize() + 3)
    table.setFont(font)
    table.setColumnWidth(0, 80)
    qtbot.wait(10)
    table.grab()
    cached = table.grab().toImage()
    table.setItemDelegate(QStyledItemDelegate(table))
    qtbot.wait(10)
    assert differing(table.grab().toImage(), cached) <= 20


def test_the_contacts_table_shows_its_texts_as_before(qtbot, vault):
    with vault.session() as s:
        elodie = people.create_person(s, "Élodie au foulard, une très longue description de la personne")
        start = datetime(2026, 11, 2, 9, 0)
        for n in range(4):
            contacts.create_contact(s, ContactInput(
                occurred_at=start + timedelta(hours=n), duration_min=5 + n, place_code="lib_adults",
                person_ids=[elodie.id] if n % 2 else [], types=["listening"], themes=["housing"] if n else [],
                unidentified_count=0 if n % 2 else 1,
            ))
    model = ContactTableModel(AppContext(vault=vault, bus=DataBus()).ops.read)
    model.set_filter(None)
    table = ContactTable(model, "contacts_table")
    qtbot.addWidget(table)
    table.resize(900, 260)
    table.show()
    qtbot.waitExposed(table)
    table.setFocus()
    table.selectRow(1)
    assert isinstance(table.itemDelegate(), CachedCellDelegate)
    qt, cached = shots(qtbot, table)
    assert differing(qt, cached) <= 20
