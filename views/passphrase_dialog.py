"""Change the vault's passphrase from Paramètres (what ``milieu passwd`` does headless).

The dialog stays open while Argon2id works (twice: unwrap with the current passphrase,
wrap with the new one) on the shell's task thread; it closes only once the key file was
rewritten. A wrong current passphrase changes nothing and is said at that field.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.errors import InvalidInput, WrongPassphrase
from views.passphrase_fields import NewPassphraseFields

DIALOG_WIDTH = 520
ERROR_STYLE = "color: #c0392b;"


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


class ChangePassphraseDialog(QDialog):
    """Current passphrase, new passphrase twice with strength feedback, OK/Cancel."""

    def __init__(self, vault, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("change_passphrase_dialog")
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setModal(True)
        self.setMinimumWidth(DIALOG_WIDTH)
        self._vault = vault
        self._tasks = tasks
        self._busy = False

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(self.tr(
            "The notes stay as they are: only the key that opens them is protected anew. "
            "From now on, the old passphrase no longer opens the vault."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current = QLineEdit(self)
        self.current.setObjectName("current_passphrase")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_error = _error_label("current_passphrase_error")
        self.fields = NewPassphraseFields(self, "new")
        self.new_error = _error_label("new_passphrase_error")
        form.addRow(self.tr("&Current passphrase:"), self.current)
        form.addRow("", self.current_error)
        self.fields.add_rows(form, self.tr("&New passphrase:"), self.tr("&Repeat it:"))
        form.addRow("", self.new_error)
        layout.addLayout(form)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate: "working"
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.setVisible(False)
        layout.addWidget(self.busy_bar)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("change_passphrase_ok")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.ok_button, self.cancel_button):
            button.setMinimumHeight(36)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # A correction hides the message it answers.
        self.current.textChanged.connect(lambda: self._hide(self.current_error))
        self.fields.changed.connect(lambda: self._hide(self.new_error))
        self.current.setFocus()

    # ---- validation and work ---------------------------------------------------
    def accept(self) -> None:
        """OK or Enter: check the fields, then change the passphrase off the GUI thread."""
        if self._busy:
            return
        if not self.current.text():
            self._show(self.current_error, self.tr("Type your current passphrase."), self.current)
            return
        problem = self.fields.problem()
        if problem and self.fields.problem_is_mismatch():
            self.fields.reveal_problem()  # said in red under the repeat field
            self.adjustSize()
            return
        if problem:
            self._show(self.new_error, problem, self.fields.passphrase)
            return
        old, new, vault = self.current.text(), self.fields.passphrase.text(), self._vault
        self._set_busy(True)
        self._tasks.run(lambda: vault.change_passphrase(old, new), self._succeeded, self._failed)

    def reject(self) -> None:
        # Closing mid-change would hide whether it happened: wait for the result.
        if not self._busy:
            super().reject()

    def _succeeded(self, _result) -> None:
        if not isValid(self):  # the window locked meanwhile and destroyed the page
            return
        self._busy = False
        self.current.clear()
        self.fields.clear()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._show(self.current_error, self.tr(
                "This is not the current passphrase. Check Caps Lock and the keyboard layout. "
                "Nothing was changed."
            ), self.current)
        elif isinstance(exc, InvalidInput):
            self._show(self.new_error, self.tr("The new passphrase cannot be empty."), self.fields.passphrase)
        else:
            self._show(self.new_error, self.tr("The passphrase could not be changed: %1").replace("%1", str(exc)),
                       self.current)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.current.setEnabled(not busy)
        self.fields.set_enabled(not busy)
        self.buttons.setEnabled(not busy)
        self.busy_bar.setVisible(busy)

    def _show(self, label: QLabel, text: str, focus: QLineEdit) -> None:
        label.setText(text)
        label.setVisible(True)
        self.adjustSize()  # grow so the whole message shows
        focus.setFocus()
        focus.selectAll()

    def _hide(self, label: QLabel) -> None:
        if label.isVisible():
            label.setVisible(False)
            self.adjustSize()
