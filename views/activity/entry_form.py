"""What the conflict and staff-support forms share: the frame (fields, error line, Clear / Save,
Ctrl+Enter), the draft keeper's muting, and create-or-update on save (an operation run by ctx.ops)."""
from __future__ import annotations

from contextlib import nullcontext
from typing import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.validation import ValidationFailed
from views.context import AppContext
from views.floor.common import FieldError


class ActivityEntryForm(QWidget):
    """New entry, or edit one after ``load(entry_id)``. Emits ``saved(entry_id)`` once the save is done."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._name = name
        self.setObjectName(f"{name}_form")
        self.editing_id: int | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.fields = QFormLayout()
        self._layout.addLayout(self.fields)

    def _add_buttons(self) -> None:
        """Below the fields: the error line, then Clear and Save (default button; Ctrl+Enter too)."""
        self.error = FieldError(self._name)
        self._layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(QCoreApplication.translate("ActivityEntryForm", "&Clear"))
        self.clear_button.setObjectName(f"{self._name}_clear")
        self.clear_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(QCoreApplication.translate("ActivityEntryForm", "&Save (Ctrl+Enter)"))
        self.save_button.setObjectName(f"{self._name}_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        self._layout.addLayout(buttons)
        self._layout.addStretch(1)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.save)

    def keeper_muted(self):
        """Changes made by the form itself are not drafts (the keeper does not exist yet while building)."""
        keeper = getattr(self, "keeper", None)
        return nullcontext() if keeper is None else keeper.muted()

    def _submit(self, op, fields: dict, refused: Callable[[ValidationFailed], None],
                before: Callable[[], None] | None = None) -> bool:
        """Run ``op(session, editing_id, **fields)`` (create when None, else update); a refused value goes
        to ``refused``; ``before`` runs once saved, before the form is emptied. True: handed to the runner."""

        def done(entry_id: int) -> None:
            if before is not None:
                before()
            self._after_save(entry_id)

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValidationFailed):
                refused(exc)
                return True
            return False

        self.ctx.ops.run(op, self.editing_id, **fields, on_done=done, on_error=failed)
        return True

    def _after_save(self, entry_id: int) -> None:
        self.reset()
        self.keeper.discard()
        self.saved.emit(entry_id)

    def cancel(self) -> None:
        self.reset()
        self.keeper.discard()

    def reset(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def save(self) -> bool | None:  # pragma: no cover - overridden
        raise NotImplementedError
