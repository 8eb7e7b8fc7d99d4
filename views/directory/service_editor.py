"""Edit a service locally, or add one by hand (a resource the regional directory lacks).

Hours are typed as lines: the days (checkboxes), opening and closing times; a
closing time before the opening time means the next day (a night shelter).
"""
from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.directory import services
from app.errors import MilieuError
from app.ops import directory as directory_ops
from views.directory.hours_text import DirectoryHours
from views.drafts import DraftKeeper


class HoursRow(QWidget):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, period: services.HoursPeriod | None = None, parent=None):
        super().__init__(parent)
        words = DirectoryHours()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        chosen = set(period.days) if period and period.days else set(range(7)) if period else set(range(5))
        for day in range(7):
            box = QCheckBox(words.day_name(day)[:3])
            box.setToolTip(words.day_name(day))
            box.setAccessibleName(words.day_name(day))
            box.setChecked(day in chosen)
            box.toggled.connect(self.changed)
            self.days.append(box)
            layout.addWidget(box)
        self.opens = QTimeEdit(QTime.fromString(period.opens if period else "09:00", "HH:mm"))
        self.closes = QTimeEdit(QTime.fromString(period.closes if period else "17:00", "HH:mm"))
        for edit, name in ((self.opens, self.tr("Opens at")), (self.closes, self.tr("Closes at"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
            edit.timeChanged.connect(self.changed)
        layout.addWidget(self.opens)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.closes)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(remove)

    def period(self) -> services.HoursPeriod:
        days = tuple(d for d, box in enumerate(self.days) if box.isChecked())
        return services.HoursPeriod(() if len(days) == 7 else days, self.opens.time().toString("HH:mm"),
                                    self.closes.time().toString("HH:mm"))


class ServiceEditor(QDialog):
    """``service_id=None``: add a service by hand. ``saved_id`` tells which service was saved."""

    def __init__(self, ctx, service_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.service_id = service_id
        self.saved_id: int | None = None
        self.setObjectName("service_editor")
        self.setWindowTitle(self.tr("Add a service") if service_id is None else self.tr("Edit the service"))
        self.resize(900, 680)
        data = ctx.ops.read(services.service_input, service_id) if service_id else services.ServiceInput(name="")
        self._original = data

        self.name = QLineEdit(data.name)
        self.name.setObjectName("edit_name")
        self.organization = QLineEdit(data.organization)
        self.description = QPlainTextEdit(data.description)
        self.description.setFixedHeight(70)
        self.address = QLineEdit(data.address_1)
        self.city = QLineEdit(data.city or ("" if service_id else "Drummondville"))
        self.postal = QLineEdit(data.postal_code)
        self.postal.setMaximumWidth(120)
        self.phone = QLineEdit(data.phone)
        self.phone.setObjectName("edit_phone")
        self.categories = QLineEdit(", ".join(data.categories or []))
        self.categories.setPlaceholderText(self.tr("e.g. Food, Emergency shelter (commas between)"))
        self.languages = QLineEdit(", ".join(data.languages or []))
        self.languages.setPlaceholderText(self.tr("language codes, e.g. fr, en, ar"))
        self.eligibility = QLineEdit(data.eligibility_description)
        self.fees = QLineEdit(data.fees_description)
        self.process = QLineEdit(data.application_process)
        self.notes = QPlainTextEdit(data.local_notes)
        self.notes.setObjectName("edit_notes")
        self.notes.setFixedHeight(70)
        self.notes.setPlaceholderText(self.tr("e.g. accepts pets; accepts people who are intoxicated"))
        self.free = QCheckBox(self.tr("&Free"))
        self.free.setChecked(data.is_free)
        self.walk_in = QCheckBox(self.tr("&Walk-in (no appointment)"))
        self.walk_in.setChecked(data.walk_in)
        self.holidays = QCheckBox(self.tr("Closed on public &holidays"))
        self.holidays.setChecked(data.closed_on_holidays)

        self.hours_box = QVBoxLayout()
        self.hours_rows: list[HoursRow] = []
        self.hours_changed = False
        for period in data.hours or []:
            self._add_row(period, mark=False)
        add_hours = QPushButton(self.tr("+ Add opening hours"))
        add_hours.clicked.connect(lambda: self._add_row(None))

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organisation:"), self.organization)
        form.addRow(self.tr("&Description:"), self.description)
        address_row = QGridLayout()
        address_row.addWidget(self.address, 0, 0, 1, 3)
        address_row.addWidget(self.city, 1, 0)
        address_row.addWidget(self.postal, 1, 1)
        address_label = QLabel(self.tr("&Address:"))
        address_label.setBuddy(self.address)
        form.addRow(address_label, address_row)
        form.addRow(self.tr("&Phone:"), self.phone)
        hours_widget = QVBoxLayout()
        hours_widget.addLayout(self.hours_box)
        hours_widget.addWidget(add_hours)
        form.addRow(self.tr("Hours:"), hours_widget)
        flags = QHBoxLayout()
        for box in (self.free, self.walk_in, self.holidays):
            flags.addWidget(box)
        flags.addStretch(1)
        form.addRow("", flags)
        form.addRow(self.tr("&Categories:"), self.categories)
        form.addRow(self.tr("&Languages:"), self.languages)
        form.addRow(self.tr("Who can &go:"), self.eligibility)
        form.addRow(self.tr("F&ees:"), self.fees)
        form.addRow(self.tr("How to get &it:"), self.process)
        form.addRow(self.tr("Local no&tes:"), self.notes)

        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.error = QLabel()
        self.error.setObjectName("edit_error")
        self.error.setStyleSheet("color: #8a1c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

        # What is typed survives a lock or a crash: reopening the same form brings it back.
        self.keeper = DraftKeeper(ctx, f"directory_service_{service_id or 'new'}", self._draft_values,
                                  self._set_draft_values, owner=self)
        self.keeper.watch(
            self.name, self.organization, self.description, self.address, self.city, self.postal, self.phone,
            self.categories, self.languages, self.eligibility, self.fees, self.process, self.notes, self.free,
            self.walk_in, self.holidays,
        )
        self.restored = self.keeper.restore()

    def _add_row(self, period, mark: bool = True) -> None:
        row = HoursRow(period)
        row.removed.connect(self._remove_row)
        row.changed.connect(self._mark_hours)
        self.hours_rows.append(row)
        self.hours_box.addWidget(row)
        if mark:
            self._mark_hours()

    def _remove_row(self, row: HoursRow) -> None:
        self.hours_rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._mark_hours()

    def _mark_hours(self) -> None:
        self.hours_changed = True
        if hasattr(self, "keeper"):
            self.keeper.changed()

    _TEXTS = ("name", "organization", "address", "city", "postal", "phone", "categories", "languages",
              "eligibility", "fees", "process")
    _PLAIN = ("description", "notes")
    _FLAGS = ("free", "walk_in", "holidays")

    def _draft_values(self) -> dict:
        values = {name: getattr(self, name).text() for name in self._TEXTS}
        values.update({name: getattr(self, name).toPlainText() for name in self._PLAIN})
        values.update({name: getattr(self, name).isChecked() for name in self._FLAGS})
        values["hours"] = [
            [list(p.days), p.opens, p.closes] for p in (row.period() for row in self.hours_rows)
        ] if self.hours_changed else None
        return values

    def _set_draft_values(self, values: dict) -> None:
        for name in self._TEXTS:
            getattr(self, name).setText(values.get(name, ""))
        for name in self._PLAIN:
            getattr(self, name).setPlainText(values.get(name, ""))
        for name in self._FLAGS:
            getattr(self, name).setChecked(bool(values.get(name)))
        if values.get("hours") is not None:
            for row in list(self.hours_rows):
                self._remove_row(row)
            for days, opens, closes in values["hours"]:
                self._add_row(services.HoursPeriod(tuple(days), opens, closes))

    def reject(self) -> None:
        self.keeper.discard()  # Cancel: the worker chose to drop the changes
        super().reject()

    @staticmethod
    def _split(text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    def data(self) -> services.ServiceInput:
        categories = self._split(self.categories.text())
        languages = self._split(self.languages.text())
        return services.ServiceInput(
            name=self.name.text(), organization=self.organization.text(),
            description=self.description.toPlainText(), address_1=self.address.text(), city=self.city.text(),
            postal_code=self.postal.text(), phone=self.phone.text(),
            hours=[row.period() for row in self.hours_rows] if self.hours_changed or not self.service_id else None,
            categories=categories if categories != list(self._original.categories or []) or not self.service_id else None,
            languages=languages if languages != list(self._original.languages or []) or not self.service_id else None,
            eligibility_description=self.eligibility.text(), fees_description=self.fees.text(),
            application_process=self.process.text(), local_notes=self.notes.toPlainText(),
            is_free=self.free.isChecked(), walk_in=self.walk_in.isChecked(),
            closed_on_holidays=self.holidays.isChecked(),
        )

    def save(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("A service needs a name."))
            self.name.setFocus()
            return
        self.error.clear()
        self.ctx.ops.run(directory_ops.save_service, self.service_id, self.data(), on_done=self._saved,
                         on_error=self._refused)

    def _saved(self, service_id: int) -> None:
        self.saved_id = service_id
        self.keeper.discard()
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, MilieuError):
            return False  # the dialog seam says it
        self.error.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
        return True
