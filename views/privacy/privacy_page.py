"""Confidentialité: Law 25 in one page — retention, requests, incidents, the audit trail, the notice."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.ops import Entity
from app.ops import privacy as privacy_ops
from views.context import AppContext
from views.floor.common import heading, ui_language
from views.page import Page
from views.privacy.audit_tab import AuditTab
from views.privacy.incidents_tab import IncidentsTab
from views.privacy.pdf import html_to_pdf
from views.privacy.requests_tab import RequestsTab
from views.privacy.retention_tab import RetentionTab
from views.sync.pickers import Pickers


class PrivacyPage(Page):
    page_id = "privacy"
    entities = frozenset({Entity.SETTING, Entity.PRIVACY_REQUEST, Entity.INCIDENT, Entity.AUDIT, Entity.PERSON,
                          Entity.CONTACT, Entity.CONFLICT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("privacy_page")
        self.pickers = Pickers(self)
        self.retention = RetentionTab(ctx)
        self.requests = RequestsTab(ctx)
        self.incidents = IncidentsTab(ctx)
        self.audit = AuditTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("privacy_tabs")
        self.tabs.addTab(self.retention, self.tr("&Retention"))
        self.tabs.addTab(self.requests, self.tr("Re&quests"))
        self.tabs.addTab(self.incidents, self.tr("&Incidents"))
        self.tabs.addTab(self.audit, self.tr("&Journal"))
        self.notice_button = QPushButton(self.tr("Print the notice for peop&le..."))
        self.notice_button.setObjectName("notice_button")
        self.notice_button.clicked.connect(self.print_notice)
        top = QHBoxLayout()
        top.addWidget(heading(self.title()), 1)
        top.addWidget(self.notice_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Privacy")

    def refresh(self) -> None:
        for tab in (self.retention, self.requests, self.incidents, self.audit):
            tab.refresh()

    def print_notice(self) -> None:
        path = self.pickers.save_file(self.tr("Save the notice (PDF)"), "avis-confidentialite.pdf")
        if not path:
            return
        lang = "en" if ui_language() == "en" else "fr"
        status = self.ctx.extras.get("status")
        self.ctx.ops.run(privacy_ops.write_notice, Path(path), lang, html_to_pdf,
                         on_done=lambda _p: status.message(self.tr("Notice saved")) if status else None)
