"""Aujourd'hui: the landing page after unlock. A big "New contact" button, today's contacts,
follow-ups due or overdue (contacts and, when the directory offers them, referrals), low
stock and this week's counts. It also installs the quick entry (Ctrl+N) on the workspace.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.floor_reads import (
    ALL_TODAY_PARTS,
    CONTACT_TYPE,
    PART_CONTACTS,
    PART_LABELS,
    PART_REFERRALS,
    THEME,
    has_draft,
    today_parts,
    today_view,
)
from app.ops import Entity
from app.today import FollowUp, lines_to_read, merge_delta
from app.ops import floor as floor_ops
from app.ops import referrals as referral_ops
from views.context import AppContext
from views.directory.referral_widgets import ReferralDialog
from views.floor.common import CodeLabels, day_text, heading, time_text, ui_language
from views.floor.contact_panel import NEW_FORM_ID
from views.floor.list_lines import Line, LineList
from views.floor.today_layout import lay_out_today, notice_label
from views.page import Page
from views.quick_entry import install_quick_entry, quick_entry

KIND_CONTACT = "contact"
KIND_REFERRAL = "referral"
OVERDUE, EMPTY, LOW = "#800000", "#b00020", "#8a4b00"  # dark red; low stock colours readable on white


class TodayPage(Page):
    page_id = "today"
    # bundle: the reminder; code_item: the labels of types and themes; setting and audit_event:
    # the reminder's day, the privacy regime, the last retention run. Each change re-reads
    # only the parts of the page showing it (app.floor_reads.TODAY_PARTS).
    entities = frozenset({Entity.CONTACT, Entity.PERSON, Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT,
                          Entity.REFERRAL, Entity.BUNDLE, Entity.CODE_ITEM, Entity.PRIVACY_REQUEST,
                          Entity.SETTING, Entity.AUDIT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("today_page")
        self._day: date | None = None
        self._labels: CodeLabels | None = None
        self._follow_ups: list = []
        self._day_contacts: list | None = None  # the ContactRows shown, newest first (None: not read yet)
        self._rows: dict = {}  # app.today.Key -> ContactRow: the contacts shown (for the next read)
        self._texts: dict = {}  # (row, prefix) -> a follow-up's line, with the labels read last
        self._day_lines: dict = {}  # contact id -> (row, Line): a row kept by a save keeps its line
        self._referral_follow_ups: tuple = ()
        self.heading = heading(self.title())
        self.date_label = QLabel()
        self.date_label.setObjectName("today_date")

        self.new_button = QPushButton(self.tr("New contact  (Ctrl+N)"))
        self.new_button.setObjectName("new_contact_button")
        self.new_button.setMinimumHeight(64)
        self.new_button.setMinimumWidth(320)
        font = self.new_button.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.new_button.setFont(font)
        self.new_button.clicked.connect(self.open_new_contact)
        # « Reprendre le contact » follows the draft as soon as its op is done (the panel's
        # closed signal comes before the draft is written or deleted).
        ctx.bus.changed.connect(self._on_draft_changed)

        # The weekly bundle reminder (issue 5), on its weekday until a bundle is sent.
        self.bundle_reminder = QWidget()
        self.bundle_reminder.setObjectName("bundle_reminder")
        self.bundle_reminder.setStyleSheet("#bundle_reminder { background: #fff3cd; border-radius: 4px; }")
        self.bundle_reminder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        reminder_text = QLabel(self.tr("Today is the day to send the weekly bundle to La Piaule."))
        reminder_text.setWordWrap(True)
        self.bundle_button = QPushButton(self.tr("&Go to Bundles"))
        self.bundle_button.setObjectName("go_to_bundles")
        self.bundle_button.clicked.connect(self.go_to_bundles)
        reminder_row = QHBoxLayout(self.bundle_reminder)
        reminder_row.setContentsMargins(10, 6, 10, 6)
        reminder_row.addWidget(reminder_text, 1)
        reminder_row.addWidget(self.bundle_button)
        self.bundle_reminder.hide()
        # Bundles La Piaule has not confirmed (receipts come with its directory file, issue 11);
        # Law 25: requests to answer, the monthly retention run.
        self.receipt_warning, self.privacy_warning = notice_label("receipt_warning"), notice_label("privacy_warning")

        self.contacts_title = heading(self.tr("Today's contacts"), 2)
        self.contacts_list = self._list("today_contacts")
        self.contacts_list.itemActivated.connect(self._open_contact)
        self.follow_title = heading(self.tr("Follow-ups due"), 2)
        self.follow_list = self._list("today_follow_ups")
        self.follow_done = QPushButton(self.tr("Follow-up &done"))
        self.follow_done.setObjectName("follow_up_done")
        self.follow_done.clicked.connect(self._mark_done)
        self.follow_open = QPushButton(self.tr("Open &contact"))
        self.follow_open.setObjectName("follow_up_open")
        self.follow_open.clicked.connect(lambda: self._open_contact(self.follow_list.currentItem()))
        self.follow_list.itemActivated.connect(self._open_follow_up)
        self.low_title = heading(self.tr("Low stock"), 2)
        self.low_list = self._list("today_low_stock")
        self.week_title = heading(self.tr("This week"), 2)
        self.week_contacts = QLabel()
        self.week_contacts.setObjectName("week_contacts")
        self.week_people = QLabel()
        self.week_people.setObjectName("week_people")
        for label in (self.week_contacts, self.week_people):
            f = label.font()
            f.setPointSize(f.pointSize() + 3)
            label.setFont(f)

        lay_out_today(self)

        # The workspace adopts this page right after building it: then Ctrl+N can be installed there.
        QTimer.singleShot(0, self._install_quick_entry)

    def title(self) -> str:
        return self.tr("Today")

    def _list(self, name: str) -> LineList:
        widget = LineList()
        widget.setObjectName(name)
        widget.setAlternatingRowColors(True)
        widget.setWordWrap(True)
        return widget

    def _install_quick_entry(self):
        try:
            entry = install_quick_entry(self.ctx, self)
        except RuntimeError:  # destroyed before the timer fired (locked at once)
            return None
        if getattr(self, "_entry", None) is not entry:
            self._entry = entry
            # The "Resume" button follows the form (its draft is not data others show).
            # a save drops the form's draft in its operation: nothing to read
            entry.new_saved.connect(lambda _id: self._update_new_button(False))
            entry.new_closed.connect(self._update_new_button)
        return entry

    def open_new_contact(self) -> None:
        entry = quick_entry(self.ctx) or self._install_quick_entry()
        if entry is not None:
            entry.open_new()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._install_quick_entry()

    def _show_privacy(self, notices, day) -> None:
        lines = []
        late = [r for r in notices.privacy_requests_due if r.days_left(day) < 0]
        soon = len(notices.privacy_requests_due) - len(late)
        if late:
            lines.append(self.tr("%n request(s) about a person's information are overdue (see Privacy).", "",
                                 len(late)))
        if soon:
            lines.append(self.tr("%n request(s) about a person's information are due within 7 days.", "", soon))
        if notices.retention_due:
            lines.append(self.tr("The retention rules have not been applied for a month (see Privacy)."))
        self.privacy_warning.setText("\n".join(lines))
        self.privacy_warning.setVisible(bool(lines))

    # ---- content ---------------------------------------------------------------------
    def refresh_changed(self, changes) -> None:
        """After an operation: re-read only the parts showing a changed entity (one read); when
        the operation names the contacts and people it wrote, only their lines."""
        parts = today_parts(changes)
        if not self._refresh_lines(changes, parts):
            self.refresh(parts)

    def _refresh_lines(self, changes, parts: frozenset[str]) -> bool:
        contact_ids, person_ids = changes.ids(Entity.CONTACT), changes.ids(Entity.PERSON)
        day = date.today()
        if (contact_ids is None or person_ids is None or PART_LABELS in parts or self._labels is None
                or self._day_contacts is None or day != self._day):
            return False
        changed = lines_to_read(contact_ids, person_ids, self._day_contacts + [f.contact for f in self._follow_ups])
        if Entity.REFERRAL not in changes and not any(
                f.referral.person_id in person_ids for f in self._referral_follow_ups):
            parts -= {PART_REFERRALS}  # a contact's save leaves its referrals' follow-ups as they were
        view = self.ctx.ops.read(today_view, day, NEW_FORM_ID, ui_language(), parts, None, changed, warm=True)
        delta = view.delta
        if delta is None:
            return False
        merged = merge_delta(self._day_contacts, self._follow_ups, self._rows, delta, day)
        if merged is None or (delta.gone and PART_REFERRALS not in parts):
            return False  # a full list lost a line, or a deleted contact's referrals: read it all
        day_rows, self._follow_ups, self._rows = merged
        self._show_day(day_rows, delta.week)
        self._show_parts(view, day)
        return True

    def refresh(self, parts: frozenset[str] = ALL_TODAY_PARTS) -> None:
        day = date.today()
        if day != self._day:  # after midnight every part is another day's
            parts = ALL_TODAY_PARTS
        if self._labels is None:
            parts |= {PART_LABELS}
        if PART_LABELS in parts:
            parts |= {PART_CONTACTS}  # the lines show the labels
        view = self.ctx.ops.read(today_view, day, NEW_FORM_ID, ui_language(), parts, self._rows, warm=True)
        self._day = day
        if view.codes is not None:
            self._labels = CodeLabels(view.codes)
            self._texts, self._day_lines = {}, {}
        if view.notices is not None:
            self._show_notices(view.notices, day)
        self.date_label.setText(self.locale().toString(day, "dddd d MMMM yyyy"))
        if view.contacts is not None:
            self._rows = {**view.contacts.rows, **view.follow_ups.rows}  # what is shown, read again only when changed
            self._show_day([view.contacts.rows[k] for k in view.contacts.keys if k in view.contacts.rows], view.week)
            self._follow_ups = [
                FollowUp(view.follow_ups.rows[key], on, on < day)
                for key, on in zip(view.follow_ups.keys, view.follow_ups.due_on) if key in view.follow_ups.rows
            ]
        self._show_parts(view, day, view.contacts is not None)

    def _show_parts(self, view, day: date, contacts_read: bool = True) -> None:
        """What a read gave beside the day's contacts: follow-ups, low stock, the draft."""
        if view.referral_follow_ups is not None:
            self._referral_follow_ups = view.referral_follow_ups
        if contacts_read or view.referral_follow_ups is not None:
            self._show_follow_ups()
        if view.low_stock is not None:
            self._show_low_stock(view.low_stock)
        if view.draft_waiting is not None:
            self._update_new_button(view.draft_waiting)

    def _show_notices(self, notices, day) -> None:
        self.bundle_reminder.setVisible(notices.bundle_due)
        self.receipt_warning.setText(self.tr(
            "La Piaule has not confirmed receiving %n bundle(s) sent more than 14 days ago (see Envois).", "",
            len(notices.unconfirmed_bundles)))
        self.receipt_warning.setVisible(bool(notices.unconfirmed_bundles))
        self._show_privacy(notices, day)

    def _show_day(self, shown: list, week) -> None:
        """Today's contacts (rows, newest first) and the week's counts."""
        self._day_contacts = shown
        if len(self._texts) > 4 * len(self._rows) + 100:
            self._texts = {}  # lines of contacts no longer shown
        labels, cache, lines = self._labels, self._day_lines, []
        if len(cache) > 2 * len(shown) + 100:
            cache = self._day_lines = {}  # contacts no longer shown
        self.contacts_title.setText(self.tr("Today's contacts (%1)").replace("%1", str(len(shown))))
        for row in shown:  # after a save every row but the saved one is the object shown before
            known = cache.get(row.id)
            if known is None or known[0] is not row:
                known = cache[row.id] = (row, Line(self._line_text(row, labels, time_text(row.occurred_at)),
                                                   (KIND_CONTACT, row.id)))
            lines.append(known[1])
        self.contacts_list.set_lines(lines or [Line(self.tr("No contact yet today."), enabled=False)])
        self.week_contacts.setText(self.tr("%n contact(s)", "", week.contacts))
        self.week_people.setText(self.tr("%n person(s) met", "", week.people))

    def _show_follow_ups(self) -> None:
        lines = []
        for f in self._follow_ups:
            when = self.tr("Overdue since %1").replace("%1", day_text(f.due_on)) if f.overdue else self.tr("Today")
            lines.append(Line(self._contact_line(f.contact, self._labels, when), (KIND_CONTACT, f.contact.id),
                              OVERDUE if f.overdue else None))
        for f in self._referral_follow_ups:
            r = f.referral
            when = self.tr("Overdue since %1").replace("%1", day_text(f.due_on)) if f.overdue else self.tr("Today")
            text = self.tr("%1 · Referral to %2").replace("%1", when).replace("%2", r.service_name)
            if r.person_alias:
                text += f" · {r.person_alias}"
            lines.append(Line(text, (KIND_REFERRAL, r.id, r.contact_id), OVERDUE if f.overdue else None))
        self.follow_title.setText(self.tr("Follow-ups due (%1)").replace("%1", str(len(lines))))
        self.follow_list.set_lines(lines or [Line(self.tr("Nothing to follow up today."), enabled=False)])
        self.follow_done.setEnabled(bool(lines))
        self.follow_open.setEnabled(bool(lines))

    def _show_low_stock(self, low_stock) -> None:
        lines = [
            Line(self.tr("%1: %2 left (low at %3)").replace("%1", i.name).replace("%2", str(i.stock_on_hand))
                 .replace("%3", str(i.low_stock_level)), color=EMPTY if i.stock_on_hand <= 0 else LOW)
            for i in low_stock
        ]
        self.low_list.set_lines(lines or [Line(self.tr("Stock is fine."), enabled=False)])

    def _on_draft_changed(self, entities) -> None:
        if Entity.DRAFT in entities:
            self._update_new_button()

    def _update_new_button(self, draft_waiting: bool | None = None) -> None:
        if not self.ctx.vault.is_unlocked:
            return
        if draft_waiting is None:
            draft_waiting = self.ctx.ops.read(has_draft, NEW_FORM_ID, warm=True)
        entry = quick_entry(self.ctx)
        if draft_waiting or (entry is not None and entry.is_holding_input()):
            self.new_button.setText(self.tr("Resume the contact  (Ctrl+N)"))
        else:
            self.new_button.setText(self.tr("New contact  (Ctrl+N)"))

    def _contact_line(self, row, labels: CodeLabels, prefix: str) -> str:
        text = self._texts.get((row, prefix))
        if text is None:
            text = self._texts[(row, prefix)] = self._line_text(row, labels, prefix)
        return text

    def _line_text(self, row, labels: CodeLabels, prefix: str) -> str:
        who = list(row.person_aliases)
        if row.unidentified_count:
            who.append(self.tr("%n unidentified", "", row.unidentified_count))
        parts = [prefix, ", ".join(who) or self.tr("nobody named")]
        if row.type_codes:
            parts.append(labels.labels(CONTACT_TYPE, row.type_codes))
        if row.theme_codes:
            parts.append(labels.labels(THEME, row.theme_codes))
        return " · ".join(parts)

    # ---- actions -----------------------------------------------------------------------
    def _open_contact(self, item: QListWidgetItem | None) -> None:
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not data:
            return
        contact_id = data[1] if data[0] == KIND_CONTACT else data[2]
        entry = quick_entry(self.ctx) or self._install_quick_entry()
        if entry is not None:
            entry.open_edit(contact_id)

    def _open_follow_up(self, item: QListWidgetItem | None) -> None:
        """Enter or double click: a referral opens its follow-up (status, outcome); a contact, the contact."""
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if data and data[0] == KIND_REFERRAL:
            open_referral(self.ctx, data[1], self)
        else:
            self._open_contact(item)

    def go_to_bundles(self) -> None:
        shell = self.ctx.extras.get("shell")
        if shell is not None:
            shell.show_page("envois")

    def _mark_done(self) -> None:
        item = self.follow_list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not data:
            return
        if data[0] == KIND_CONTACT:
            self.ctx.ops.run(floor_ops.set_follow_up_done, data[1], True)
        else:
            self.ctx.ops.run(referral_ops.follow_up_done, data[1])


def open_referral(ctx: AppContext, referral_id: int, parent: QWidget):
    """The referral's follow-up dialog, window-modal; its save is an operation (pages refresh)."""
    dialog = ReferralDialog(ctx, referral_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
