"""Paramètres > Listes: add, rename, retire and bring back list items, by keyboard, in French."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from sqlalchemy import select

from app import codes
from app.ops import NOTHING, Entity
from app.ops import codes as code_ops
from app.validation import ValidationFailed
from models.codes import THEME
from models.history import RecordVersion
from tests.gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext


# ---- the operations, without any widget ----------------------------------------------------
def test_add_rename_retire_and_bring_back_are_operations_on_code_items(vault):
    with vault.session() as s:
        done = code_ops.add_item(s, THEME, "Ateliers d'écriture", label_en="Writing workshops")
        assert done.changes == {Entity.CODE_ITEM}
        item_id = done.value
        row = codes.item_row(s, item_id)
        assert (row.code, row.label_fr, row.retired) == ("ateliers_d_ecriture", "Ateliers d'écriture", False)
        assert code_ops.rename_item(s, item_id, label_fr="Atelier d'écriture", label_en="Writing").changes == {
            Entity.CODE_ITEM}
        assert code_ops.rename_item(s, item_id, label_fr="Atelier d'écriture", label_en="Writing").changes == NOTHING
        assert code_ops.retire_item(s, item_id).changes == {Entity.CODE_ITEM}
        assert row.code not in codes.active_codes(s, THEME) and row.code in codes.known_codes(s, THEME)
        assert code_ops.retire_item(s, item_id).changes == NOTHING
        code_ops.retire_item(s, item_id, False)
        assert row.code in codes.active_codes(s, THEME)
        assert codes.item_row(s, item_id).code == row.code  # the code never changes
        versions = s.scalars(select(RecordVersion).where(RecordVersion.entity == "code_item",
                                                          RecordVersion.uid == s.get(codes.CodeItem, item_id).uid))
        assert len(list(versions)) == 4  # created, renamed, retired, brought back: each goes in the bundle


def test_rows_are_frozen_and_list_retired_items_too(vault):
    with vault.session() as s:
        first = codes.item_rows(s, THEME)[0]
        code_ops.retire_item(s, first.id)
        rows = codes.item_rows(s, THEME)
    assert rows[0].id == first.id and rows[0].retired
    with pytest.raises(dataclasses.FrozenInstanceError):
        rows[0].label_fr = "x"  # type: ignore[misc]


def test_empty_duplicate_or_too_long_labels_are_refused(vault):
    with vault.session() as s:
        existing = codes.item_rows(s, THEME)[0]
        for label, code in (("  ", "required"), (existing.label_fr.upper(), codes.DUPLICATE), ("x" * 121, "too_long")):
            with pytest.raises(ValidationFailed) as caught:
                code_ops.add_item(s, THEME, label)
            assert caught.value.by_field()["label_fr"].code == code
        other = codes.item_rows(s, THEME)[1]
        with pytest.raises(ValidationFailed):
            code_ops.rename_item(s, other.id, label_fr=existing.label_fr)
        code_ops.rename_item(s, existing.id, label_fr=existing.label_fr, label_en="Changed")  # its own label is fine


# ---- the screen -----------------------------------------------------------------------------------
@pytest.fixture
def ctx(qapp, vault, french):
    context = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})
    yield context
    context.ops.wait()


@pytest.fixture
def editor(qtbot, ctx):
    from views.pages.settings_page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    button = page.findChild(QPushButton, "code_lists_open")
    assert button.text() == "Modifier les lis&tes…"
    button.click()
    dialog = page.findChild(QDialog, "code_lists_dialog")
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # shown and active, so its Alt+letter shortcuts work (offscreen too)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    editor = dialog.editor
    editor.picker.setCurrentIndex(editor.picker.findData(THEME))
    # yield, not return: qtbot holds widgets weakly, so the page (and the dialog, its child) lived
    # only as long as a reference cycle, until the next garbage collection deleted them mid-test
    yield editor


def _texts(editor) -> list[str]:
    return [editor.items.item(n).text() for n in range(editor.items.count())]


def _settle(qtbot, ctx):
    """Until the write is done and delivered, processing events (never blocked in the thread pool)."""
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10000)


def _alt(qtbot, widget, key):
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def _press(qtbot, ctx, widget, key):
    """Alt+letter on a button: Qt animates the click (about 100 ms), then the operation runs."""
    clicked: list = []
    button = next(b for b in widget.findChildren(QPushButton) if b.isVisible() and b.isEnabled()
                  and f"&{chr(key).lower()}" in b.text().lower())
    button.clicked.connect(lambda: clicked.append(True))
    _alt(qtbot, widget, key)
    qtbot.waitUntil(lambda: bool(clicked), timeout=2000)
    _settle(qtbot, ctx)


def test_settings_opens_the_lists_in_french(editor):
    assert editor.picker.currentText() == "Thèmes"
    assert "Santé mentale / Mental health" in _texts(editor)
    assert editor.window().windowTitle() == "Listes"
    assert editor.retire_button.text() == "Re&tirer" and not editor.retire_button.isEnabled()
    assert editor.mode.text() == "Nouvel élément de «\u00a0Thèmes\u00a0»"


def test_a_new_theme_added_by_keyboard_is_offered_to_new_contacts(qtbot, ctx, editor, vault):
    changes: list = []
    ctx.bus.changed.connect(changes.append)
    _press(qtbot, ctx, editor, Qt.Key.Key_N)
    assert editor.label_fr.hasFocus()
    editor.label_fr.setText("Ateliers d'écriture")  # accented text: setText (QTest types ASCII only)
    qtbot.keyClicks(editor.label_en, "Writing workshops")
    qtbot.keyClick(editor.label_en, Qt.Key.Key_Return)
    _settle(qtbot, ctx)
    assert changes == [{Entity.CODE_ITEM}]
    assert "Ateliers d'écriture / Writing workshops" in _texts(editor)
    assert editor.selected().label_fr == "Ateliers d'écriture"
    assert editor.message.text() == "«\u00a0Ateliers d'écriture\u00a0» ajouté."
    with vault.session() as s:
        assert "Ateliers d'écriture" in codes.labels(s, THEME).values()
        assert editor.selected().code in codes.active_codes(s, THEME)  # offered to new contacts


def test_rename_keeps_the_code_and_retire_then_bring_back(qtbot, ctx, editor, vault):
    editor.items.setFocus()
    editor.items.setCurrentRow(0)
    before = editor.selected()
    assert editor.label_fr.text() == before.label_fr and editor.mode.text().startswith("Modification de")
    _alt(qtbot, editor, Qt.Key.Key_F)
    assert editor.label_fr.hasFocus()
    editor.label_fr.setText("Santé mentale et bien-être")
    qtbot.keyClick(editor.label_fr, Qt.Key.Key_Return)
    _settle(qtbot, ctx)
    with vault.session() as s:
        after = codes.item_row(s, before.id)
    assert (after.code, after.label_fr) == (before.code, "Santé mentale et bien-être")
    assert _texts(editor)[0].startswith("Santé mentale et bien-être")

    _press(qtbot, ctx, editor, Qt.Key.Key_T)  # Re&tirer
    assert _texts(editor)[0].endswith("(retiré)") and editor.items.item(0).font().italic()
    assert editor.retire_button.text() == "&Remettre"
    with vault.session() as s:
        assert before.code not in codes.active_codes(s, THEME)
    _press(qtbot, ctx, editor, Qt.Key.Key_R)  # &Remettre
    assert not _texts(editor)[0].endswith("(retiré)")
    with vault.session() as s:
        assert before.code in codes.active_codes(s, THEME)


def test_a_duplicate_label_says_why_in_french_and_keeps_the_typing(qtbot, ctx, editor):
    editor.start_new()
    editor.label_fr.setText("santé MENTALE")
    qtbot.keyClick(editor.label_fr, Qt.Key.Key_Return)
    _settle(qtbot, ctx)
    assert editor.error.text() == "Cette liste a déjà un élément avec ce libellé."
    assert editor.label_fr.text() == "santé MENTALE" and editor.label_fr.hasFocus()
    assert ctx.extras["dialogs"].said == []  # said beside the field, not in a message box


def test_the_editor_follows_changes_made_elsewhere(qtbot, ctx, editor):
    ctx.ops.run(code_ops.add_item, THEME, "Loisirs")
    _settle(qtbot, ctx)
    assert "Loisirs" in _texts(editor)


def test_tab_goes_from_the_list_to_its_items_the_labels_then_save(qtbot, editor):
    editor.items.setCurrentRow(0)
    editor.picker.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == ["code_list_items", "code_label_fr", "code_label_en", "code_save"]
