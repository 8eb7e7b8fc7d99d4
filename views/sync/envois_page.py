"""The Envois page: the worker's bundle screen, or La Piaule's coordination window when
the vault is in coordination mode (same page id, so the sidebar keeps its place)."""
from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app.ops import Entity
from views.context import AppContext
from views.floor.common import heading
from views.page import Page
from views.sync.pickers import Pickers

# What a bundle carries (a change to one of them is waiting to be sent), the bundles themselves,
# the keys they are sealed and signed with, and the settings (site name, reminder day).
RECORD_ENTITIES = frozenset({
    Entity.BUNDLE, Entity.SYNC_KEY, Entity.CONTACT, Entity.PERSON, Entity.REFERRAL, Entity.SUPPLY_ITEM,
    Entity.STOCK_MOVEMENT, Entity.CODE_ITEM, Entity.CONFLICT, Entity.STAFF_SUPPORT, Entity.PRESENCE, Entity.SETTING,
})


def _coordination_mode(ctx: AppContext) -> bool:
    from app.sync import rows as sync_rows

    return ctx.ops.read(sync_rows.is_coordination)


class EnvoisPage(Page):
    page_id = "envois"
    entities = RECORD_ENTITIES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("envois_page")
        self.coordination = _coordination_mode(ctx)
        self.pickers = Pickers(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading(self.title()))
        if self.coordination:
            from views.sync.coordination_panel import CoordinationPanel

            self.panel = CoordinationPanel(ctx, self.pickers)
        else:
            from views.sync.worker_panel import WorkerPanel

            self.panel = WorkerPanel(ctx, self.pickers)
        layout.addWidget(self.panel, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.first_refresh()

    def title(self) -> str:
        return self.tr("Coordination") if self.coordination else self.tr("Bundles")

    def refresh(self) -> None:
        self.panel.refresh()
