"""A save refreshes the page in view only; hidden pages catch up when shown."""
from __future__ import annotations

from app.ops import Changes, Entity
from views import registry
from views.bus import DataBus
from views.context import AppContext
from views.page import Page
from views.workspace import Workspace


class CountingPage(Page):
    entities = frozenset({Entity.CONTACT})

    def __init__(self, ctx, page_id):
        self.page_id = page_id
        super().__init__(ctx)
        self.refreshes = 0

    def title(self) -> str:
        return self.page_id

    def refresh(self) -> None:
        self.refreshes += 1


def test_hidden_pages_wait_until_shown(qtbot, vault, monkeypatch):
    monkeypatch.setattr(registry, "PAGES", [])
    ctx = AppContext(vault=vault, bus=DataBus())
    workspace = Workspace(ctx)
    qtbot.addWidget(workspace)
    first, second = CountingPage(ctx, "first"), CountingPage(ctx, "second")
    workspace.add_page(first)
    workspace.add_page(second)
    workspace.show()
    workspace.show_row(0)
    before = (first.refreshes, second.refreshes)

    ctx.ops.announce(Changes.of(Entity.CONTACT))
    assert (first.refreshes, second.refreshes) == (before[0] + 1, before[1])
    ctx.ops.announce(Changes.of(Entity.DIRECTORY))  # not shown by these pages
    assert first.refreshes == before[0] + 1

    workspace.show_row(1)
    assert second.refreshes == before[1] + 1


def test_a_page_outside_the_workspace_refreshes_on_every_change(qtbot, vault):
    ctx = AppContext(vault=vault, bus=DataBus())
    page = CountingPage(ctx, "alone")
    qtbot.addWidget(page)
    ctx.ops.announce(Changes.of(Entity.CONTACT))
    assert page.refreshes == 1
