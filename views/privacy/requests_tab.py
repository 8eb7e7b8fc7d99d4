"""Demandes: the register of access, rectification, portability and deletion requests, with deadlines."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.ops import privacy as privacy_ops
from app.privacy import requests
from views.floor.common import FieldError, day_text
from views.privacy.common import error_text, fill, register_table


class RequestsTab(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind_names = {"access": self.tr("Access"), "rectification": self.tr("Rectification"),
                           "portability": self.tr("Portability"), "deletion": self.tr("Deletion")}
        self.status_names = {"open": self.tr("Open"), "extended": self.tr("Extended"),
                             "answered": self.tr("Answered"), "refused": self.tr("Refused")}
        self.table = register_table("requests_table", [
            self.tr("No."), self.tr("Kind"), self.tr("Received"), self.tr("Due"), self.tr("Status"), self.tr("Notes")], 5)
        self.ids: list[int] = []
        self.kind = QComboBox()
        self.kind.setObjectName("request_kind")
        for code, name in self.kind_names.items():
            self.kind.addItem(name, code)
        self.received = QDateEdit(QDate.currentDate())
        self.received.setObjectName("request_received")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("d MMM yyyy")
        self.notes = QLineEdit()
        self.notes.setObjectName("request_notes")
        self.notes.setPlaceholderText(self.tr("Who asked, how to answer (no health details)"))
        self.add_button = QPushButton(self.tr("A&dd the request"))
        self.add_button.setObjectName("request_add")
        self.add_button.clicked.connect(self.add)
        self.answer_button = QPushButton(self.tr("Mark &answered"))
        self.answer_button.setObjectName("request_answer")
        self.answer_button.clicked.connect(self.answer)
        self.error = FieldError("request")
        self.regime_note = QLabel()
        self.regime_note.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.kind, self.received, self.notes, self.add_button):
            widget.setMinimumHeight(34)
            row.addWidget(widget, 1 if widget is self.notes else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.regime_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answer_button)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        rows = self.ctx.ops.read(requests.all_requests)
        days = self.ctx.ops.read(lambda s: requests.DAYS[requests.regime(s)])
        self.regime_note.setText(self.tr("Each request is answered within %1 days of its receipt.").replace("%1", str(days)))
        self.ids = [r.id for r in rows]
        today = date.today()
        fill(self.table, [[
            str(r.id), self.kind_names.get(r.kind, r.kind), day_text(r.received_on),
            day_text(r.due_on) + (self.tr(" (late)") if r.answered_on is None and r.days_left(today) < 0 else ""),
            self.status_names.get(r.status, r.status), r.notes] for r in rows])

    def add(self) -> None:
        self.error.set_error("")
        self.ctx.ops.run(privacy_ops.add_request, self.kind.currentData(), self.received.date().toPython(),
                         notes=self.notes.text(), on_done=lambda _r: self.notes.clear(), on_error=self._failed)

    def answer(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.ids):
            self.error.set_error(self.tr("Choose a request in the list."))
            return
        self.ctx.ops.run(privacy_ops.answer_request, self.ids[row], date.today(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> bool:
        text = error_text(exc)
        if text:
            self.error.set_error(text)
        return text is not None
