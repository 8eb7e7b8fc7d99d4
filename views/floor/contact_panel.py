"""The contact form, shown as a panel over the current page: quick entry (Ctrl+N) and edit.

Focus flow for a routine contact (5 actions): Ctrl+N opens the panel with the focus in
the person field; 3 letters of the alias; Enter adds the first match and moves the
focus to the types row; a digit (1..8) toggles a type; a letter (shown on each theme
chip) toggles a theme; Ctrl+Enter saves and closes. While the focus is on any type or
theme button, digits toggle types and letters toggle themes.

Esc closes and keeps a draft (views.drafts.DraftKeeper), which also survives a lock
and a crash. Saving is one operation (app.ops.floor.save_contact: new people, the
contact, its supplies and referrals, the draft dropped) run by ``ctx.ops``; bad input
is reported at its field and nothing typed is lost. The panel listens on the bus like
a page: the stock it shows follows every change (Dépannage, another contact).

The layout is views/floor/contact_layout.py, the values views/floor/contact_mapping.py,
the errors views/floor/contact_errors.py; the shortcut and the two panels, views/quick_entry.py.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QWidget

from app import contacts
from app.contacts import ContactInput
from app.errors import disk_full
from app.floor_reads import contact_form_start, saved_contact, supply_rows
from app.ops import Changes, Entity
from app.ops import floor as floor_ops
from app.validation import StockShortage, ValidationFailed
from views.context import AppContext
from views.drafts import DraftKeeper
from views.floor.common import CodeLabels, ui_language
from views.floor.contact_errors import ContactErrors
from views.floor.contact_layout import PANEL_STYLE, ContactLayout
from views.floor.contact_mapping import ContactMapping

NEW_FORM_ID = "quick_contact"
EDIT_FORM_ID = "contact_edit"


class ContactPanel(ContactLayout, ContactMapping, ContactErrors, QFrame):
    """The contact form over the page. ``open_new()`` for Ctrl+N, ``open_edit(id)`` to edit."""

    saved = Signal(int)   # contact id
    closed = Signal()     # hidden without a save (Esc, or Ctrl+N for the other form); a save says ``saved``
    entities = frozenset({Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT})  # what it shows that others change

    def __init__(self, ctx: AppContext, form_id: str = NEW_FORM_ID, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.SubWindow)  # a focus scope: see _cover()
        self.ctx = ctx
        self.form_id = form_id
        self.setObjectName("contact_panel" if form_id == NEW_FORM_ID else "contact_edit_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(PANEL_STYLE)
        self.editing_id: int | None = None
        self._loaded = False  # the form holds a draft, a contact or defaults (else read at open)
        self._blank_on: date | None = None  # the day it was reset blank after a save, unseen since
        self._saving = False
        self._stale = False
        self._covered_stack: QWidget | None = None  # see _cover()
        self._covered_flags = Qt.WindowType.Widget
        self._sent: floor_ops.ContactSave | None = None  # the form of the save under way
        self.refresh_count = 0  # how many times it reloaded what it shows (benchmarks)

        start = ctx.ops.read(contact_form_start, ui_language(), warm=True)
        self._build_layout(ctx, CodeLabels(start.codes), start.items)
        self.close_button.clicked.connect(self.close_keeping_draft)
        self.person_field.picked.connect(self.focus_types)
        self.person_field.finished.connect(self.focus_types)
        self.person_field.changed.connect(self._persons_changed)
        self.save_button.clicked.connect(self.save)
        self.repeat_button.clicked.connect(self.repeat_last)
        self.clear_button.clicked.connect(self.start_over)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_keeping_draft)

        self.keeper = DraftKeeper(ctx, form_id, self._values, self._set_values, owner=self)
        self.keeper.watch(
            self.person_field.edit, self.person_field.unidentified, self.occurred, self.duration, self.place,
            self.initiated, self.notes, self.follow_up, self.follow_up_on, self.follow_up_done, self.share,
            *self.type_buttons.values(), *self.theme_buttons.values(),
            *(s.quantity for s in self.steppers.values()),
        )
        self.person_field.changed.connect(self.keeper.changed)
        self.unmet_needs.changed.connect(self.keeper.changed)
        self.keeper.watch(self.referrals.follow, self.referrals.follow_on)
        self.referrals.changed.connect(self.keeper.changed)
        self._set_tab_order()
        ctx.bus.changed.connect(self._on_changed)
        self.hide()

    # ---- listening -------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(self.entities) or not self.ctx.vault.is_unlocked:
            return
        if self.isVisible() and not self._saving:
            self.refresh()
        else:
            self._stale = True  # reloaded when it shows

    def refresh(self) -> None:
        """The stock on hand of every item, and items added or retired since."""
        self._stale = False
        self.refresh_count += 1
        added = self._place_steppers(self.ctx.ops.read(supply_rows, warm=True))
        if added:
            self.keeper.watch(*(s.quantity for s in added))
            self._set_tab_order()

    def _persons_changed(self) -> None:
        self.repeat_button.setEnabled(self.person_field.single_known_person() is not None)

    def is_holding_input(self) -> bool:
        """Something typed waits in the (hidden) form."""
        return self._loaded and self.has_content()

    def _update_title(self) -> None:
        self.title_label.setText(self.tr("Edit contact") if self.editing_id else self.tr("New contact"))
        self.repeat_button.setVisible(not self.editing_id)  # repeating belongs to a new contact

    # ---- opening and closing -------------------------------------------------------
    def open_new(self, person: tuple[int, str] | None = None, *, repeat: bool = False) -> None:
        """Show the form: the draft if one was left, else a blank form (last place and duration)."""
        if self._loaded and self._blank_on is not None and self._blank_on != date.today():
            self._loaded = False  # reset before midnight: the follow-up dates start from today
        if not self._loaded:
            restored = self.keeper.restore()
            if not restored:
                self._load_defaults()
            self.draft_note.setText(self.tr("Draft brought back") if restored else "")
            self._loaded = True
        elif self._blank_on is not None:
            self._set_when(datetime.now())  # reset at the last save: only the time is new
        if person is not None:
            self.person_field.add_person(*person)
            if repeat:
                self.repeat_last()
        self._show()
        if person is not None:
            self.focus_types()
        else:
            self.person_field.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_edit(self, contact_id: int) -> bool:
        """Show a saved contact in the form; a draft of the same contact comes back first."""
        if self._loaded and self.editing_id != contact_id and self.has_content() and self.keeper.dirty:
            if not self._dialogs().confirm(
                self.tr("Unsaved changes"),
                self.tr("Changes to another contact were not saved. Drop them and open this one?"),
                destructive=True,
            ):
                self._show()
                return False
        restored = False
        if not self._loaded or self.editing_id != contact_id:
            restored = self.keeper.restore() and self.editing_id == contact_id
            if not restored:
                saved = self.ctx.ops.read(saved_contact, contact_id, warm=True)
                self.editing_id = contact_id
                self._clear_errors()
                self._fill(saved.data, persons=list(saved.persons))
                self._set_referral_values({})
                self.keeper.discard()
            self._loaded = True
        self.draft_note.setText(self.tr("Unsaved changes brought back") if restored else "")
        self._update_title()
        self._show()
        self.person_field.edit.setFocus()
        return True

    def _load_defaults(self, data: ContactInput | None = None, *, dated: bool = True) -> None:
        if data is None:
            data = self.ctx.ops.read(contacts.contact_defaults, warm=True)
        self.editing_id = None
        self._clear_errors()
        self._fill(data, persons=[], dated=dated)
        self._set_referral_values({})
        with self.keeper.muted():
            self.person_field.clear()
        self._update_title()

    def _show(self) -> None:
        self._blank_on = None
        if self._stale:
            self.refresh()
        host = self.parentWidget()
        if host is not None:
            under = getattr(host, "stack", None)
            self.setGeometry(under.geometry() if under is not None else host.rect())
            if under is not None:
                self._cover(under)
        self.show()
        self.raise_()

    def _hide(self, *, saved: bool = False) -> None:
        """Hidden; ``closed`` says so unless it was a save (``saved`` follows and says more)."""
        self._uncover()
        self._give_focus_back()
        self.hide()
        if not saved:
            self.closed.emit()

    # While the panel shows, the page area under it is out of reach without disabling it (which
    # re-styled every widget of the page at each save): the panel covers it, so clicks land on the
    # panel; the panel is a focus scope (a Qt.SubWindow: Tab and Shift+Tab walk its own widgets);
    # and the pages' stack is marked a sub-window too while covered, so the pages' mnemonics and
    # window shortcuts answer only while the focus is in it, which it is not (Qt's shortcut
    # matching). Marking costs nothing: overrideWindowFlags tells neither the widgets nor the
    # window system, and it keeps covering whichever page the worker goes to.
    # The focus can still come in from outside (Tab from the sidebar): it is sent to the panel.
    def _cover(self, stack: QWidget) -> None:
        self._uncover()
        self._covered_stack, self._covered_flags = stack, stack.windowFlags()
        stack.overrideWindowFlags((self._covered_flags & ~Qt.WindowType.WindowType_Mask) | Qt.WindowType.SubWindow)
        QApplication.instance().focusChanged.connect(self._keep_focus_out)

    def _keep_focus_out(self, _old, new) -> None:
        stack = self._covered_stack
        if new is not None and stack is not None and stack.isAncestorOf(new):
            self.person_field.edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _uncover(self) -> None:
        stack, self._covered_stack = self._covered_stack, None
        if stack is not None:
            try:
                QApplication.instance().focusChanged.disconnect(self._keep_focus_out)
            except (RuntimeError, TypeError):
                pass
            try:
                stack.overrideWindowFlags(self._covered_flags)
            except RuntimeError:  # the stack died with its workspace (locked)
                pass

    def _give_focus_back(self) -> None:
        """Before hiding, the focus goes where Qt would put it (the sidebar), without Qt's walk of
        every widget of the window looking for the next one."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return
        sidebar = getattr(self.parentWidget(), "sidebar", None)
        if sidebar is not None and sidebar.isVisible() and sidebar.isEnabled():
            sidebar.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusNextPrevChild(self, next_: bool) -> bool:
        if not self.isVisible():  # hiding with the focus inside: the focus leaves the panel
            host = self.parentWidget()
            return host.focusNextPrevChild(next_) if host is not None else False
        return super().focusNextPrevChild(next_)

    def close_keeping_draft(self) -> None:
        """Esc: hide the panel; what was typed stays (and is saved as a draft now)."""
        if self.has_content() or self.editing_id:
            self.keeper.changed()
            self.keeper.flush()
        else:
            self.keeper.discard()
            self._loaded = False
        self._hide()

    def start_over(self) -> None:
        """Forget what was typed (after a confirmation when there is something)."""
        if self.has_content() and not self._dialogs().confirm(
            self.tr("Start over"), self.tr("Clear this form? What was typed will be lost."), destructive=True
        ):
            return
        self._load_defaults()
        self.keeper.discard()
        self.draft_note.setText("")
        self.person_field.edit.setFocus()

    def _dialogs(self):
        return self.ctx.extras["dialogs"]

    # ---- repeat last contact -----------------------------------------------------
    def repeat_last(self) -> None:
        person_id = self.person_field.single_known_person()
        if person_id is None:
            return
        data = self.ctx.ops.read(contacts.repeat_last_contact, person_id, warm=True)
        if data is None:
            self.draft_note.setText(self.tr("No earlier contact with this person."))
            return
        current = self._input()
        data.notes, data.supplies, data.follow_up_on = current.notes, current.supplies, current.follow_up_on
        data.share_with_supervision = current.share_with_supervision
        data.unmet_needs = current.unmet_needs  # one meeting's, like the notes
        data.occurred_at = current.occurred_at
        data.unidentified_count = current.unidentified_count
        self._fill(data)
        self.keeper.changed()
        self.draft_note.setText(self.tr("Filled in like the last contact"))
        self.focus_types()

    # ---- saving --------------------------------------------------------------------
    def save(self) -> bool:
        """Validate and save (one operation); errors go to their fields, a stock shortage asks first.

        Returns False when nothing was sent (hidden, a name typed but not picked, a save under way).
        """
        if not self.isVisible() or self._saving:
            return False
        pending = self.person_field.edit.text().strip()
        self._clear_errors()
        if pending and not self.person_field.persons and not self.person_field.new_aliases \
                and not self.person_field.unidentified.value():
            # Typed a name but did not pick: do not guess, say so at the field.
            self.persons_error.set_error(self.tr("Press Enter to choose the person, or pick one in the list."))
            self.person_field.edit.setFocus()
            return False
        self._run_save(self._save_input())
        return True

    def _run_save(self, form: floor_ops.ContactSave) -> None:
        self._saving = True
        self._sent = form
        self.save_button.setEnabled(False)
        self.keeper.forget()  # the save drops the draft; a refused save marks the form changed again
        self.ctx.ops.run(floor_ops.save_contact, form, on_done=self._saved, on_error=lambda exc: self._failed(exc, form))

    def _failed(self, exc: BaseException, form: floor_ops.ContactSave) -> bool:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, StockShortage) and not form.allow_shortage:
            if self._dialogs().confirm(self.tr("Not enough in stock"), self._shortage_text(exc)):
                self._run_save(self._save_input(allow_shortage=True))
            else:
                self.keeper.changed()
            return True
        self.keeper.changed()  # the draft keeps what the refused save held
        if isinstance(exc, ValidationFailed):
            self._show_errors(exc)
            return True
        if disk_full(exc) is not None:
            # Nothing was saved; the form stays open with everything typed, and its draft
            # is saved as soon as the disk has room again (views.drafts).
            self._dialogs().error(self.tr("Disk full"), self.tr(
                "The disk is full: the contact was not saved. What you typed stays here; free some space, then save again."))
            return True
        return False

    def _saved(self, contact_id: int) -> None:
        # (the stock it gave is on the bus: _on_changed marked the stock stale, read at the next open)
        self._saving = False
        said = self.tr("Contact updated") if self.editing_id else self.tr("Contact saved")
        sent = self._sent
        self.draft_note.setText("")
        self._hide(saved=True)  # first: the form is reset hidden, without repainting each field
        self.save_button.setEnabled(True)
        # A new contact is the last one entered: the next defaults are known without a read,
        # and the next Ctrl+N shows this blank form as it is (its time made current).
        defaults = contacts.defaults_after_new(sent.contact) if sent and sent.contact_id is None else None
        if defaults is not None:
            self._load_defaults(defaults, dated=False)  # (open_new sets the time)
            self._loaded, self._blank_on = True, date.today()
        else:
            self._loaded = False  # an edit saved: the next open fills the form anew
        self.keeper.forget()
        status = self.ctx.extras.get("status")
        if status is not None:
            status.message(said)
        self.saved.emit(contact_id)
