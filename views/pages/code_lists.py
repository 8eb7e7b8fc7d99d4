"""Paramètres > Listes: the worker adds, renames, retires and brings back list items.

Types, themes, places, age brackets... are editable lists (DESIGN section 5): the
database keeps each item's stable code, which never changes, and its French and
English labels. Nothing is deleted: a retired item leaves the choices of new
entries while old records keep showing it. Writes go through app/ops/codes.py,
reads through ``ctx.ops.read`` (frozen rows); the editor refreshes on any
code_item change.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app import codes
from app.ops import Entity
from app.ops import codes as code_ops
from app.validation import ValidationFailed
from views.context import AppContext

LIST_ORDER = ("contact_type", "theme", "place", "initiator", "age_bracket", "gender", "language", "group", "consent")


class CodeListsEditor(QWidget):
    """One list at a time: pick it, pick an item (or « New »), edit its labels, save or retire it."""

    entities = frozenset({Entity.CODE_ITEM})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("code_lists_editor")
        self.rows: list[codes.CodeItemRow] = []

        self.picker = QComboBox()
        self.picker.setObjectName("code_list_picker")
        for list_name in LIST_ORDER:
            self.picker.addItem(self.list_title(list_name), list_name)
        self.items = QListWidget()
        self.items.setObjectName("code_list_items")
        self.items.setAccessibleName(self.tr("Items of the list"))
        self.items.setMinimumHeight(220)
        self.label_fr = QLineEdit()
        self.label_fr.setObjectName("code_label_fr")
        self.label_fr.setMaxLength(codes.MAX_LABEL)
        self.label_en = QLineEdit()
        self.label_en.setObjectName("code_label_en")
        self.label_en.setMaxLength(codes.MAX_LABEL)
        self.label_en.setPlaceholderText(self.tr("optional: the French label is used"))
        for edit in (self.picker, self.label_fr, self.label_en):
            edit.setMinimumHeight(36)

        self.new_button = QPushButton(self.tr("&New item"))
        self.new_button.setObjectName("code_new")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("code_save")
        self.retire_button = QPushButton(self.tr("Re&tire"))
        self.retire_button.setObjectName("code_retire")
        for button in (self.new_button, self.save_button, self.retire_button):
            button.setMinimumHeight(40)
            button.setAutoDefault(False)
        self.error = QLabel()
        self.error.setObjectName("code_list_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.message = QLabel()
        self.message.setObjectName("code_list_message")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&List:"), self.picker), self.picker)
        form.addRow(self._buddy(self.tr("&Items:"), self.items), self.items)
        self.mode = QLabel()
        self.mode.setObjectName("code_list_mode")
        form.addRow("", self.mode)
        form.addRow(self._buddy(self.tr("&French label:"), self.label_fr), self.label_fr)
        form.addRow(self._buddy(self.tr("&English label:"), self.label_en), self.label_en)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        note = QLabel(self.tr(
            "Items are never deleted: a retired item is no longer offered for new entries, "
            "and the records that use it keep showing it."
        ))
        note.setWordWrap(True)
        layout.addWidget(note)
        QWidget.setTabOrder(self.picker, self.items)
        QWidget.setTabOrder(self.items, self.label_fr)
        QWidget.setTabOrder(self.label_fr, self.label_en)
        QWidget.setTabOrder(self.label_en, self.save_button)
        QWidget.setTabOrder(self.save_button, self.new_button)
        QWidget.setTabOrder(self.new_button, self.retire_button)

        self.picker.currentIndexChanged.connect(lambda _i: self.refresh())
        self.items.currentRowChanged.connect(lambda _r: self._show_selected())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.label_fr.returnPressed.connect(self.save)
        self.label_en.returnPressed.connect(self.save)
        ctx.bus.changed.connect(self._on_changed)
        self.refresh()

    # ---- words --------------------------------------------------------------------------
    def list_title(self, list_name: str) -> str:
        return {
            "contact_type": self.tr("Contact types"), "theme": self.tr("Themes"), "place": self.tr("Places"),
            "initiator": self.tr("Initiated by"), "age_bracket": self.tr("Age brackets"),
            "gender": self.tr("Genders"), "language": self.tr("Languages"), "group": self.tr("Groups of interest"),
            "consent": self.tr("Consent to share"),
        }.get(list_name, list_name)

    def _item_text(self, row: codes.CodeItemRow) -> str:
        text = row.label_fr + (f" / {row.label_en}" if row.label_en else "")
        return text + (" " + self.tr("(retired)") if row.retired else "")

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # ---- state ----------------------------------------------------------------------------
    @property
    def list_name(self) -> str:
        return self.picker.currentData()

    def selected(self) -> codes.CodeItemRow | None:
        row = self.items.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _on_changed(self, changes) -> None:
        if self.ctx.vault.is_unlocked and Entity.CODE_ITEM in changes:
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list shown, keeping the selected item (or selecting ``select_id``)."""
        current = self.selected()
        keep = select_id if select_id is not None else (current.id if current else None)
        self.rows = self.ctx.ops.read(codes.item_rows, self.list_name)
        self.items.blockSignals(True)
        self.items.clear()
        for row in self.rows:
            item = QListWidgetItem(self._item_text(row))
            if row.retired:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(Qt.GlobalColor.darkGray)
            self.items.addItem(item)
        index = next((n for n, row in enumerate(self.rows) if row.id == keep), -1)
        self.items.setCurrentRow(index)
        self.items.blockSignals(False)
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected()
        self.error.clear()
        if row is None:
            self.mode.setText(self.tr("New item for « %1 »").replace("%1", self.list_title(self.list_name)))
            self.label_fr.clear()
            self.label_en.clear()
        else:
            self.mode.setText(self.tr("Editing « %1 »").replace("%1", row.label_fr))
            self.label_fr.setText(row.label_fr)
            self.label_en.setText(row.label_en)
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(self.tr("&Bring back") if row is not None and row.retired else self.tr("Re&tire"))

    # ---- actions --------------------------------------------------------------------------
    def start_new(self) -> None:
        self.items.setCurrentRow(-1)
        self._show_selected()
        self.message.clear()
        self.label_fr.setFocus()

    def save(self) -> None:
        """Add the new item, or rename the selected one."""
        row = self.selected()
        label_fr, label_en = self.label_fr.text().strip(), self.label_en.text().strip()
        if row is None:
            self.ctx.ops.run(
                code_ops.add_item, self.list_name, label_fr, label_en=label_en,
                on_done=lambda item_id: self._done(self.tr("« %1 » added.").replace("%1", label_fr), item_id),
                on_error=self._failed,
            )
        else:
            self.ctx.ops.run(
                code_ops.rename_item, row.id, label_fr=label_fr, label_en=label_en,
                on_done=lambda item_id: self._done(self.tr("« %1 » saved.").replace("%1", label_fr), item_id),
                on_error=self._failed,
            )

    def toggle_retired(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = (self.tr("« %1 » is offered again.") if row.retired
                else self.tr("« %1 » is retired: no longer offered for new entries.")).replace("%1", row.label_fr)
        self.ctx.ops.run(code_ops.retire_item, row.id, not row.retired,
                         on_done=lambda item_id: self._done(text, item_id), on_error=self._failed)

    def _done(self, text: str, item_id: int) -> None:
        if not isValid(self):  # closed with its window while the write ran
            return
        self.refresh(select_id=item_id)
        self.message.setText(text)
        self.items.setFocus()

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, ValidationFailed):
            return False  # the dialog seam says it
        errors = exc.by_field()
        words = {
            codes.DUPLICATE: self.tr("This list already has an item with this label."),
            "required": self.tr("Type the French label."),
            "too_long": self.tr("A label has at most %1 characters.").replace("%1", str(codes.MAX_LABEL)),
        }
        first = next(iter(errors.values()))
        self.error.setText(words.get(first.code, first.message))
        self.message.clear()
        (self.label_en if "label_en" in errors and "label_fr" not in errors else self.label_fr).setFocus()
        return True


class CodeListsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("code_lists_dialog")
        self.setWindowTitle(self.tr("Lists"))
        self.editor = CodeListsEditor(ctx, self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in close.buttons():  # Enter in a label field saves it: it must not close the dialog
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(close)
        self.resize(640, 620)


class CodeListsSection(QWidget):
    """The Paramètres section that opens the lists editor."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("code_lists_section")
        self.dialog: CodeListsDialog | None = None
        title = QLabel(self.tr("Lists"))
        font = title.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        title.setFont(font)
        note = QLabel(self.tr("Contact types, themes, places, age brackets...: add, rename, retire or bring back."))
        note.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Edit the lis&ts..."))
        self.open_button.setObjectName("code_lists_open")
        self.open_button.setMinimumHeight(44)
        self.open_button.clicked.connect(self.open_editor)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(row)

    def open_editor(self) -> CodeListsDialog:
        if self.dialog is None:
            self.dialog = CodeListsDialog(self.ctx, self)
        self.dialog.editor.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog
