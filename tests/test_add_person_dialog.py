"""« Ajouter une personne »: an empty alias is said at the field, the dialog stays open."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app import people
from views.bus import DataBus
from views.context import AppContext
from views.floor.add_person_dialog import AddPersonDialog


def test_an_empty_alias_is_said_at_the_field_then_the_person_is_added(qtbot, vault, french):
    ctx = AppContext(vault, DataBus())
    dialog = AddPersonDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.alias.setText("   ")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    ctx.ops.wait()
    assert dialog.isVisible() and dialog.person_id is None  # no silent close
    assert dialog.error.isVisible() and dialog.error.text().startswith("Tapez un pseudonyme")
    qtbot.keyClicks(dialog.alias, "Zoe du parc")
    assert not dialog.error.isVisible()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    ctx.ops.wait()
    assert dialog.result() == dialog.DialogCode.Accepted
    with vault.session() as s:
        assert [m.alias for m in people.search_people(s, "zoe")] == ["Zoe du parc"]
