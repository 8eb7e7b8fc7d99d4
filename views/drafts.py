"""Encrypted drafts for forms: what is being typed survives a lock and a crash.

Usage in any form (a QWidget built with an AppContext)::

    self.keeper = DraftKeeper(ctx, "quick_contact", self._values, self._set_values, owner=self)
    self.keeper.watch(self.alias_edit, self.notes_edit, self.duration_spin)
    self.keeper.restore()          # after building the widgets: brings back a draft, if any
    ...
    def save(self):                # on a successful save, or on cancel
        ...write through the services...
        self._clear_form()
        self.keeper.discard()      # AFTER clearing: a cleared form leaves no draft behind

``get_values()`` returns a JSON-serialisable dict; ``set_values(d)`` puts it back.
``form_id`` is stable and unique per form (one draft per form_id).

How it keeps the text:
- every change (``watch``ed widget signals, or ``keeper.changed()`` called by hand)
  restarts a short timer; when it fires the values go to ``app.drafts`` inside the
  encrypted database (crash safety: at most ``DEBOUNCE_MS`` of typing is lost), through
  the draft operations (app/ops/drafts.py) on the runner's writer thread;
- the keeper registers itself in ``ctx.extras["drafts"]`` (a ``DraftRegistry``); the
  shell calls ``flush_all()`` just before it locks and when the app quits: it returns
  once every draft is written;
- after an unlock the shell rebuilds the pages, the form calls ``restore()`` again
  and finds its draft.
The keeper unregisters itself when ``owner`` is destroyed (or on ``close()``); a form that
closes without saving (Esc keeps a draft) calls ``keeper.flush()`` first, so the last
keystrokes before the debounce are kept too.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QTimer

from app.errors import disk_full
from views.context import AppContext

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QWidget

DEBOUNCE_MS = 800
FULL_DISK_RETRY_MS = 30_000  # a draft that found the disk full is tried again this often


class DraftRegistry:
    """The open keepers of the unlocked session; the shell flushes them all before a lock."""

    def __init__(self):
        self._keepers: list["DraftKeeper"] = []

    def register(self, keeper: "DraftKeeper") -> None:
        if keeper not in self._keepers:
            self._keepers.append(keeper)

    def unregister(self, keeper: "DraftKeeper") -> None:
        if keeper in self._keepers:
            self._keepers.remove(keeper)

    def keepers(self) -> list["DraftKeeper"]:
        return list(self._keepers)

    def flush_all(self) -> None:
        """Write every pending draft and wait for the writer (the vault locks next)."""
        keepers = list(self._keepers)
        for keeper in keepers:
            keeper.flush()
        if keepers and keepers[0].ctx.vault.is_unlocked:
            keepers[0].ctx.ops.wait()


class DraftKeeper:
    def __init__(
        self,
        ctx: AppContext,
        form_id: str,
        get_values: Callable[[], dict[str, Any]],
        set_values: Callable[[dict[str, Any]], None],
        *,
        owner: QWidget | None = None,
        debounce_ms: int = DEBOUNCE_MS,
    ):
        self.ctx = ctx
        self.form_id = form_id
        self._get_values = get_values
        self._set_values = set_values
        self._dirty = False
        self._muted = 0
        self._closed = False
        self._timer = QTimer(owner)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        self._registry: DraftRegistry | None = ctx.extras.get("drafts")
        if self._registry is not None:
            self._registry.register(self)
        if owner is not None:
            owner.destroyed.connect(self._owner_destroyed)

    # ---- wiring ------------------------------------------------------------
    def watch(self, *widgets: QWidget) -> None:
        """Call ``changed()`` whenever one of these standard input widgets is edited."""
        # Imported here: the shell imports this module before the unlock window shows.
        from PySide6.QtWidgets import (
            QAbstractButton,
            QAbstractSpinBox,
            QComboBox,
            QDateTimeEdit,
            QLineEdit,
            QPlainTextEdit,
            QTextEdit,
        )

        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.changed)
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.changed)
            elif isinstance(widget, QDateTimeEdit):
                widget.dateTimeChanged.connect(self.changed)
            elif isinstance(widget, QAbstractSpinBox):
                widget.valueChanged.connect(self.changed)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self.changed)
            else:
                raise TypeError(f"DraftKeeper cannot watch {type(widget).__name__}; call changed() yourself")

    @contextmanager
    def muted(self):
        """Programmatic changes inside this block do not count as typing."""
        self._muted += 1
        try:
            yield
        finally:
            self._muted -= 1

    # ---- behaviour ---------------------------------------------------------
    @property
    def is_muted(self) -> bool:
        return bool(self._muted)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def changed(self, *_args) -> None:
        if self._muted or self._closed:
            return
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        """Save now if anything changed since the last save (no-op when locked)."""
        self._stop_timer()
        if not self._dirty or self._closed or not self.ctx.vault.is_unlocked:
            return
        from app.ops import drafts as draft_ops

        self.ctx.ops.run(draft_ops.save_draft, self.form_id, self._get_values(), on_error=self._failed)
        self._dirty = False

    def restore(self) -> bool:
        """Put a saved draft back into the form; True when there was one."""
        from app import drafts

        values = self.ctx.ops.read(drafts.load, self.form_id, warm=True)
        if values is None:
            return False
        with self.muted():
            self._set_values(values)
        return True

    def has_draft(self) -> bool:
        from app import drafts

        return self.ctx.ops.read(drafts.load, self.form_id, warm=True) is not None

    def discard(self) -> None:
        """Forget the draft (after a save or a cancel)."""
        self._stop_timer()
        self._dirty = False
        if self.ctx.vault.is_unlocked:
            from app.ops import drafts as draft_ops

            self.ctx.ops.run(draft_ops.discard_draft, self.form_id, on_error=self._failed)

    def _failed(self, exc: BaseException) -> bool:
        """A draft write that lost the race with a lock is dropped quietly; a full disk keeps
        what was typed in the form (memory) and tries again until there is room; anything else is said."""
        if disk_full(exc) is not None:
            self._dirty = True
            self._timer.start(FULL_DISK_RETRY_MS)
            return True
        return not self.ctx.vault.is_unlocked

    def forget(self) -> None:
        """The draft was dropped elsewhere (by the save operation): nothing left to write."""
        self._stop_timer()
        self._dirty = False

    def close(self) -> None:
        """Stop keeping (the draft stays in the vault)."""
        self._stop_timer()
        self._closed = True
        if self._registry is not None:
            self._registry.unregister(self)

    def _stop_timer(self) -> None:
        try:
            self._timer.stop()
        except RuntimeError:  # the owner (and so the timer) is already gone
            pass

    def _owner_destroyed(self, *_args) -> None:
        self._closed = True
        if self._registry is not None:
            self._registry.unregister(self)
