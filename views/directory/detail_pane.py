"""The right side of the Répertoire page: one service, as the worker reads it to the person."""
from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.directory.services import ServiceDetail
from views.directory.hours_text import DirectoryHours, long_date


class ServiceDetailPane(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("service_detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.label = QLabel()
        self.label.setObjectName("service_detail_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.label.setOpenExternalLinks(False)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(inner)
        self.detail: ServiceDetail | None = None
        self.show_empty()

    def show_empty(self) -> None:
        self.detail = None
        text = self.tr("Choose a service to see its details.")
        self.label.setText(f"<p style='color: gray;'>{html.escape(text)}</p>")

    def show_detail(self, detail: ServiceDetail, now: datetime | None = None) -> None:
        self.detail = detail
        now = now or datetime.now()
        words = DirectoryHours()
        esc = html.escape
        badges = []
        if detail.hours.known:
            change = detail.hours.next_change(now)
            color = "#1b6e20" if change.open_now else "#8a1c1c"
            said = words.now(change.open_now)
            if change.all_day or change.at is not None:  # "Ouvert maintenant · ferme à 17 h"
                said += " · " + words.change(change, now)
            badges.append(f"<span style='color: {color};'><b>{esc(said)}</b></span>")
        if detail.is_free:
            badges.append(esc(self.tr("Free")))
        if detail.walk_in:
            badges.append(esc(self.tr("Walk-in")))
        if detail.status != "active":
            badges.append(f"<b>{esc(self.status_text(detail.status))}</b>")
        change = {"new": self.tr("New in La Piaule's directory"),
                  "changed": self.tr("Changed by La Piaule"),
                  "withdrawn": self.tr("Withdrawn by La Piaule")}.get(detail.publication_change or "")
        if change:
            badges.append(f"<span style='color: #0b5394;'><b>{esc(change)}</b></span>")
        if detail.needs_verification(now.date()):
            to_verify = self.tr("To verify")
            badges.append(f"<span style='color: #9a6700;'><b>{esc(to_verify)}</b></span>")
        parts = [f"<h2>{esc(detail.name)}</h2>"]
        if detail.organization and detail.organization != detail.name:
            parts.append(f"<p style='font-size: large;'>{esc(detail.organization)}</p>")
        if badges:
            parts.append("<p>" + " · ".join(badges) + "</p>")
        if detail.alert:
            important = self.tr("Important:")
            parts.append(f"<p style='color: #8a1c1c;'><b>{esc(important)}</b> {esc(detail.alert)}</p>")
        if detail.description:
            parts.append(f"<p>{esc(detail.description)}</p>")

        def section(title: str, lines: list[str]) -> None:
            lines = [line for line in lines if line]
            if lines:
                parts.append(f"<h3>{esc(title)}</h3><p>" + "<br/>".join(esc(line) for line in lines) + "</p>")

        for address in detail.addresses:
            section(self.tr("Address"), [*address.lines, address.transportation or ""])
        section(self.tr("Phone"), [
            p.number.strip('"') + (" " + self.tr("ext. %1").replace("%1", str(p.extension)) if p.extension else "")
            + (f" — {p.description}" if p.description else "")
            for p in detail.phones
        ])
        section(self.tr("Hours"), words.lines(detail.hours, now.date()))
        section(self.tr("Who can go"), [detail.eligibility or "", self.ages(detail)])
        section(self.tr("Fees"), [detail.fees or ""])
        section(self.tr("How to get the service"), [detail.application_process or ""])
        section(self.tr("Languages"), [", ".join(detail.languages)])
        section(self.tr("Interpretation"), [detail.interpretation_services or ""])
        section(self.tr("Categories"), [", ".join(detail.categories)])
        section(self.tr("Local notes"), detail.local_notes.splitlines())
        section(self.tr("Web and email"), [detail.url or "", detail.email or ""])
        verified = (
            self.tr("Last verified on %1.").replace("%1", long_date(detail.assured_date))
            if detail.assured_date else self.tr("Never verified.")
        )
        if detail.needs_verification(now.date()):
            verified += " " + self.tr("More than 12 months ago: call to check before referring.")
        parts.append(f"<p style='color: gray;'>{esc(verified)}</p>")
        self.label.setText("".join(parts))

    def ages(self, detail: ServiceDetail) -> str:
        if detail.minimum_age and detail.maximum_age:
            return self.tr("Ages %1 to %2").replace("%1", str(detail.minimum_age)).replace("%2", str(detail.maximum_age))
        if detail.minimum_age:
            return self.tr("Ages %1 and over").replace("%1", str(detail.minimum_age))
        if detail.maximum_age:
            return self.tr("Up to age %1").replace("%1", str(detail.maximum_age))
        return ""

    def status_text(self, status: str) -> str:
        return {
            "active": self.tr("Active"), "inactive": self.tr("Inactive"), "defunct": self.tr("Closed for good"),
            "temporarily closed": self.tr("Temporarily closed"),
        }.get(status, status)

    def plain_text(self) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.label.text())
        return doc.toPlainText()


