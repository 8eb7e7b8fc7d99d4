"""A confidentiality incident, with the fields the regulation names (every one said at its field)."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QSpinBox,
    QVBoxLayout, QWidget,
)

from app.ops import privacy as privacy_ops
from views.floor.common import FieldError
from views.privacy.common import error_text

TEXTS = ("information", "circumstances", "risk_assessment", "measures", "public_notice_why")
DATES = ("occurred_from", "occurred_to", "known_on", "cai_notice_on", "people_notice_on", "public_notice_on")
OPTIONAL_DATES = ("occurred_to", "cai_notice_on", "people_notice_on", "public_notice_on")


class IncidentDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Confidentiality incident"))
        self.setObjectName("incident_dialog")
        self.resize(780, 640)  # fits 1366x768 with its frame; the form scrolls
        self.texts = {name: QPlainTextEdit() for name in TEXTS}
        self.dates: dict[str, QDateEdit] = {}
        self.sets: dict[str, QCheckBox] = {}
        self.errors = {name: FieldError(name) for name in (*TEXTS, *DATES, "people_count")}
        form = QFormLayout()
        labels = {
            "information": self.tr("&Information involved (or why it cannot be described):"),
            "circumstances": self.tr("&Circumstances:"),
            "occurred_from": self.tr("Date, or start of the period:"), "occurred_to": self.tr("End of the period:"),
            "known_on": self.tr("Date it became &known:"), "people_count": self.tr("&Number of people concerned:"),
            "risk_assessment": self.tr("&Risk of serious injury (sensitivity, likely misuse, consequences):"),
            "cai_notice_on": self.tr("Notice to the Commission:"), "people_notice_on": self.tr("Notice to the people:"),
            "public_notice_on": self.tr("Public notice:"), "public_notice_why": self.tr("Why a public notice:"),
            "measures": self.tr("&Measures taken:"),
        }
        self.people_count = QSpinBox()
        self.people_count.setRange(0, 1_000_000)
        self.serious = QCheckBox(self.tr("The risk of serious injury is rea&l"))
        for name in ("information", "circumstances", "occurred_from", "occurred_to", "known_on", "people_count",
                     "risk_assessment", "serious", "cai_notice_on", "people_notice_on", "public_notice_on",
                     "public_notice_why", "measures"):
            if name == "serious":
                form.addRow("", self.serious)
                continue
            if name in TEXTS:
                widget = self.texts[name]
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(54)
            elif name == "people_count":
                widget = self.people_count
            else:
                widget = self._date(name)
            widget.setObjectName(f"incident_{name}")
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.errors[name])
            label = QLabel(labels[name])
            label.setWordWrap(True)
            label.setFixedWidth(250)
            label.setBuddy(widget if name not in OPTIONAL_DATES else self.sets[name])
            form.addRow(label, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.texts["information"].setFocus()

    def _date(self, name: str) -> QWidget:
        edit = QDateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        self.dates[name] = edit
        if name not in OPTIONAL_DATES:
            return edit
        holder = QWidget()
        row = QVBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        check = QCheckBox(self.tr("Given"))
        check.setObjectName(f"incident_{name}_set")
        check.toggled.connect(edit.setEnabled)
        edit.setEnabled(False)
        self.sets[name] = check
        row.addWidget(check)
        row.addWidget(edit)
        return holder

    def values(self) -> dict:
        out = {name: widget.toPlainText() for name, widget in self.texts.items()}
        for name, edit in self.dates.items():
            given = name not in self.sets or self.sets[name].isChecked()
            out[name] = edit.date().toPython() if given else None
        out["people_count"] = self.people_count.value()
        out["serious_risk"] = self.serious.isChecked()
        return out

    def save(self) -> None:
        for label in self.errors.values():
            label.set_error("")
        self.ctx.ops.run(privacy_ops.add_incident, **self.values(), on_done=lambda _r: self.accept(),
                         on_error=self._failed)

    def _failed(self, exc: BaseException) -> bool:
        if error_text(exc) is None:
            return False
        for error in exc.errors:
            if error.field in self.errors:
                self.errors[error.field].set_error(error_text(type(exc)([error])))
        return True
