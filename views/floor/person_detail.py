"""A person's page: details (alias, first name, age bracket, gender, languages, groups, notes,
consent with its date, status), the timeline of their contacts, their referrals when the
directory offers them, and merging a duplicate record into this one.
"""
from __future__ import annotations

from functools import partial

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import lists, people
from app.floor_reads import AGE_BRACKET, CONSENT, CONTACT_TYPE, GENDER, GROUP, LANGUAGE, PLACE, THEME, person_page
from app.lists import ContactFilter
from app.ops import people as people_ops
from app.validation import ValidationFailed
from views import vocabulary
from views.context import AppContext
from views.drafts import DraftKeeper
from views.floor.common import CodeLabels, FieldError, FlowLayout, datetime_text, day_text, field_error_text, heading
from views.floor.contacts_page import ContactTable
from views.floor.history_dialog import HistoryDialog
from views.privacy.person_dialog import PersonPrivacyDialog
from views.floor.item_models import ContactTableModel, PeopleTableModel
from views.floor.merge_dialog import MergeDialog
from views.floor.today_page import open_referral
from views.quick_entry import quick_entry

__all__ = ["CheckList", "MergeDialog", "PersonDetail"]


class CheckList(QWidget):
    """A wrapping set of check boxes for a code list (languages, groups)."""

    changed = Signal()

    def __init__(self, items: list[tuple[str, str]], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        flow = FlowLayout(self, spacing=12)
        for code, label in items:
            box = QCheckBox(label)
            box.setObjectName(f"{name}_{code}")
            box.toggled.connect(lambda _c: self.changed.emit())
            self.boxes[code] = box
            flow.addWidget(box)

    def codes(self) -> list[str]:
        return [c for c, b in self.boxes.items() if b.isChecked()]

    def set_codes(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in codes)
            box.blockSignals(False)


class PersonDetail(QWidget):
    """One person; ``show_person(id)`` loads it. ``back`` returns to the list."""

    back = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_detail")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_uid: str | None = None
        self.labels = CodeLabels.read(ctx, AGE_BRACKET, GENDER, LANGUAGE, GROUP, CONSENT, CONTACT_TYPE, THEME, PLACE)

        self.back_button = QPushButton(self.tr("← &People"))
        self.back_button.setObjectName("person_back")
        self.back_button.clicked.connect(self.back)
        self.title = heading("", 5)
        self.title.setObjectName("person_title")
        self.summary = QLabel()
        self.summary.setObjectName("person_summary")
        self.new_contact = QPushButton(self.tr("New &contact with this person"))
        self.new_contact.setObjectName("person_new_contact")
        self.new_contact.clicked.connect(lambda: self._contact(repeat=False))
        self.repeat_contact = QPushButton(self.tr("&Repeat last contact"))
        self.repeat_contact.setObjectName("person_repeat")
        self.repeat_contact.clicked.connect(lambda: self._contact(repeat=True))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.summary)
        top.addLayout(titles, 1)
        top.addWidget(self.new_contact)
        top.addWidget(self.repeat_contact)

        # ---- details form ------------------------------------------------------
        self.alias = QLineEdit()
        self.alias.setObjectName("person_alias")
        self.alias.setMaxLength(120)
        self.alias_error = FieldError("alias")
        self.first_name = QLineEdit()
        self.first_name.setObjectName("person_first_name")
        self.first_name.setMaxLength(80)
        self.age = self._combo("person_age", AGE_BRACKET)
        self.gender = self._combo("person_gender", GENDER)
        self.gender_self = QLineEdit()
        self.gender_self.setObjectName("person_gender_self")
        self.gender_self.setPlaceholderText(self.tr("In their own words (optional)"))
        self.languages = CheckList(self.labels.active(LANGUAGE), "person_languages")
        self.groups = CheckList(self.labels.active(GROUP), "person_groups")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("person_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.consent = self._combo("person_consent", CONSENT, blank=False)
        self.consent_on = QDateEdit()
        self.consent_on.setObjectName("person_consent_on")
        self.consent_on.setCalendarPopup(True)
        self.consent_on.setDisplayFormat("d MMM yyyy")
        self.consent_given = QCheckBox(self.tr("given on"))
        self.consent_given.setObjectName("person_consent_given")
        self.consent_given.toggled.connect(self.consent_on.setEnabled)
        self.consent_error = FieldError("consent_on")
        self.archived = QCheckBox(self.tr("Archived (hidden from search; contacts kept)"))
        self.archived.setObjectName("person_archived")
        gender_row = QHBoxLayout()
        gender_row.addWidget(self.gender)
        gender_row.addWidget(self.gender_self, 1)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent, 1)
        consent_row.addWidget(self.consent_given)
        consent_row.addWidget(self.consent_on)

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.addRow(self.tr("&Alias:"), self.alias)
        form.addRow("", self.alias_error)
        form.addRow(self.tr("&First name:"), self.first_name)
        form.addRow(self.tr("A&ge:"), self.age)
        gender_label = QLabel(self.tr("&Gender:"))
        gender_label.setBuddy(self.gender)
        form.addRow(gender_label, gender_row)
        form.addRow(self.tr("Languages:"), self.languages)
        form.addRow(self.tr("Groups:"), self.groups)
        form.addRow(self.tr("&Notes:"), self.notes)
        consent_label = QLabel(self.tr("C&onsent to share:"))
        consent_label.setBuddy(self.consent)
        form.addRow(consent_label, consent_row)
        form.addRow("", self.consent_error)
        form.addRow(self.tr("Status:"), self.archived)

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("person_save")
        self.save_button.clicked.connect(self.save)
        self.merge_button = QPushButton(self.tr("&Merge a duplicate…"))
        self.merge_button.setObjectName("person_merge")
        self.merge_button.clicked.connect(self.merge)
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.setObjectName("person_history")
        self.history_button.clicked.connect(self.show_history)
        self.privacy_button = QPushButton(self.tr("Consents and &file…"))  # Law 25: per purpose, on request
        self.privacy_button.setObjectName("person_privacy")
        self.privacy_button.clicked.connect(self.open_privacy)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        actions.addWidget(self.history_button)
        actions.addWidget(self.privacy_button)
        actions.addWidget(self.merge_button)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(form)
        details_layout.addStretch(1)
        details_layout.addLayout(actions)

        # ---- timeline and referrals ---------------------------------------------------
        self.timeline_model = ContactTableModel(partial(ctx.ops.read, warm=True), self.labels, parent=self)
        self.timeline = ContactTable(self.timeline_model, "person_timeline")
        self.timeline.doubleClicked.connect(self._open_contact)
        self.referrals = QListWidget()
        self.referrals.setObjectName("person_referrals")
        self.referrals.setToolTip(self.tr("Enter or double click: follow up this referral"))
        self.referrals.itemActivated.connect(self._open_referral)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("person_tabs")
        self.tabs.addTab(self.timeline, self.tr("Contacts"))
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.referrals, self.tr("Referrals"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.keeper = DraftKeeper(ctx, "person_edit", self._values, self._set_values, owner=self)
        self.keeper.watch(self.alias, self.first_name, self.age, self.gender, self.gender_self, self.notes,
                          self.consent, self.consent_on, self.consent_given, self.archived)
        self.languages.changed.connect(self.keeper.changed)
        self.groups.changed.connect(self.keeper.changed)

    def _combo(self, name: str, list_name: str, blank: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        if blank:
            combo.addItem(self.tr("(not said)"), None)
        for code, label in self.labels.active(list_name):
            combo.addItem(label, code)
        return combo

    @staticmethod
    def _select(combo: QComboBox, code) -> None:
        index = combo.findData(code)
        if index < 0 and code:
            combo.addItem(code, code)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # ---- values --------------------------------------------------------------------
    def _values(self) -> dict:
        return {
            "person_id": self.person_id, "alias": self.alias.text(), "first_name": self.first_name.text(),
            "age_bracket": self.age.currentData(), "gender": self.gender.currentData(),
            "gender_self": self.gender_self.text(), "languages": self.languages.codes(),
            "groups": self.groups.codes(), "notes": self.notes.toPlainText(),
            "consent_scope": self.consent.currentData(),
            "consent_on": self.consent_on.date().toPython().isoformat() if self.consent_given.isChecked() else None,
            "archived": self.archived.isChecked(),
        }

    def _set_values(self, v: dict) -> None:
        self.alias.setText(v.get("alias", ""))
        self.first_name.setText(v.get("first_name", ""))
        self._select(self.age, v.get("age_bracket"))
        self._select(self.gender, v.get("gender"))
        self.gender_self.setText(v.get("gender_self", ""))
        self.languages.set_codes(v.get("languages", []))
        self.groups.set_codes(v.get("groups", []))
        self.notes.setPlainText(v.get("notes", ""))
        self._select(self.consent, v.get("consent_scope") or "none")
        consent_on = v.get("consent_on")
        self.consent_given.setChecked(bool(consent_on))
        self.consent_on.setEnabled(bool(consent_on))
        day = date.fromisoformat(consent_on) if consent_on else date.today()
        self.consent_on.setDate(QDate(day.year, day.month, day.day))
        self.archived.setChecked(bool(v.get("archived")))

    def show_person(self, person_id: int, changed_contacts=None) -> None:
        """Load this person; ``changed_contacts`` (ids an operation wrote, this person showing)
        puts those rows in the timeline instead of reloading it."""
        # Typed and not yet written (drafts are written on the writer thread): keep it on screen.
        typed = self._values() if self.person_id == person_id and self.keeper.dirty else None
        self.keeper.flush()
        page = self.ctx.ops.read(person_page, person_id, date.today(), self.keeper.form_id, warm=True)
        values, self.person_uid, status = page.values, page.uid, page.status
        last, count, refs = page.last_contact_at, page.contact_count, page.referrals
        self.person_id = person_id
        for error in (self.alias_error, self.consent_error):
            error.set_error("")
        with self.keeper.muted():
            self._set_values(values)
            restored = False
            draft = typed or page.draft
            if draft is not None:
                try:
                    self._set_values(draft)
                    restored = True
                except Exception:  # a damaged draft must not block the page
                    self._set_values(values)
        self.title.setText(values["alias"])
        parts = [PeopleTableModel.status_text(status), self.tr("%n contact(s)", "", count)]
        if last:
            parts.append(self.tr("seen %1").replace("%1", day_text(last.date())))
        if restored:
            parts.append(self.tr("unsaved changes brought back"))
        self.summary.setText(" · ".join(parts))
        if changed_contacts and self.timeline_model.filter == ContactFilter(person_id=person_id):
            self.put_contacts(changed_contacts)
        else:
            self.timeline_model.set_filter(ContactFilter(person_id=person_id))
        self.repeat_contact.setEnabled(count > 0)
        self.referrals.clear()
        statuses = vocabulary.labels(vocabulary.REFERRAL_STATUS)
        for r in refs:
            text = f"{datetime_text(r.contact_at)} · {r.service_name} · {statuses.get(r.status, r.status)}"
            if r.follow_up_on and not r.follow_up_done:
                text += " · " + self.tr("follow-up %1").replace("%1", day_text(r.follow_up_on))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.referrals.addItem(item)
        self.tabs.setTabText(2, self.tr("Referrals (%1)").replace("%1", str(len(refs))))
        self.tabs.setTabText(0, self.tr("Contacts (%1)").replace("%1", str(count)))

    def put_contacts(self, ids) -> None:
        """Contacts an operation wrote: re-read alone, put in (or out of) this person's timeline."""
        model = self.timeline_model
        model.put_written(self.ctx.ops.read(lists.contact_rows_matching, model.filter, ids, warm=True))

    # ---- actions --------------------------------------------------------------------
    def save(self) -> bool:
        if self.person_id is None:
            return False
        v = self._values()
        for error in (self.alias_error, self.consent_error):
            error.set_error("")
        self.keeper.forget()  # written by the save; a refused save marks it changed again
        self.ctx.ops.run(
            people_ops.update_person, self.person_id, alias=v["alias"], first_name=v["first_name"],
            age_bracket=v["age_bracket"], gender=v["gender"], gender_self=v["gender_self"],
            languages=v["languages"], groups=v["groups"], notes=v["notes"],
            consent_scope=v["consent_scope"] or "none",
            consent_on=date.fromisoformat(v["consent_on"]) if v["consent_on"] else None, archived=v["archived"],
            on_done=lambda _id: self._saved(), on_error=self._refused,
        )
        return True

    def _saved(self) -> None:
        self.keeper.discard()
        status = self.ctx.extras.get("status")
        if status is not None:
            status.message(self.tr("Person saved"))

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, ValidationFailed):
            return False
        for e in exc.errors:
            label = self.consent_error if e.field == "consent_on" else self.alias_error
            label.set_error(
                self.tr("The consent date is after today.") if e.field == "consent_on" else field_error_text(e.code)
            )
        self.tabs.setCurrentIndex(1)
        self.keeper.changed()
        return True

    def merge(self) -> None:
        if self.person_id is None:
            return
        dialog = MergeDialog(self.ctx, self.person_id, self.alias.text(), self)
        if not dialog.exec() or dialog.chosen is None:
            return
        dup_id, dup_alias = dialog.chosen
        self.merge_with(dup_id, dup_alias)

    def merge_with(self, dup_id: int, dup_alias: str) -> bool:
        """Confirm, then fold ``dup_id`` into the person shown (every contact is kept)."""
        question = self.tr(
            "Merge « %1 » into « %2 »? Every contact of « %1 » moves to « %2 »; « %1 » stays archived."
        ).replace("%1", dup_alias).replace("%2", self.alias.text())
        if not self.ctx.extras["dialogs"].confirm(self.tr("Merge two records"), question, destructive=True):
            return False
        self.ctx.ops.run(people_ops.merge_people, self.person_id, dup_id, on_done=self._merged,
                         busy=self.tr("Merging…"))
        return True

    def _merged(self, moved: int) -> None:
        status = self.ctx.extras.get("status")
        if status is not None:
            status.message(self.tr("%n contact(s) moved", "", moved))

    def open_privacy(self) -> None:
        if self.person_id is not None:
            PersonPrivacyDialog(self.ctx, self.person_id, self.alias.text(), self).open()

    def show_history(self) -> None:
        if self.person_uid:
            HistoryDialog(self.ctx, people.ENTITY, self.person_uid, self.alias.text(), self).exec()

    def _contact(self, repeat: bool) -> None:
        entry = quick_entry(self.ctx)
        if entry is not None and self.person_id is not None:
            entry.open_new((self.person_id, self.title.text()), repeat=repeat)

    def _open_referral(self, item: QListWidgetItem) -> None:
        referral_id = item.data(Qt.ItemDataRole.UserRole)
        if referral_id is not None:
            open_referral(self.ctx, referral_id, self)

    def _open_contact(self, index) -> None:
        entry = quick_entry(self.ctx)
        contact_id = index.data(ContactTableModel.IdRole) if index.isValid() else None
        if entry is not None and contact_id is not None:
            entry.open_edit(contact_id)
