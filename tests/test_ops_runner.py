"""The operations layer: typed changes, the registry's check, and the one runner."""
from __future__ import annotations

import threading

import pytest

from app import supplies
from app.ops import Changes, Done, Entity, operation
from app.ops import supplies as supply_ops
from app.ops.registry import UndeclaredChange
from app.validation import ValidationFailed
from tests.gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext


@pytest.fixture
def ctx(qapp, vault):
    context = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})
    yield context
    context.ops.wait()


def test_changes_refuse_an_entity_nobody_listens_for():
    assert Changes.of("supply_item") == {Entity.SUPPLY_ITEM}
    with pytest.raises(ValueError):
        Changes.of("supply")  # the name Dépannage once announced: nothing listened for it


def test_an_operation_may_not_report_what_it_did_not_declare(vault):
    @operation(Entity.PERSON)
    def sneaky(session):
        return Done(Changes.of(Entity.PERSON, Entity.CONTACT))

    with vault.session() as s, pytest.raises(UndeclaredChange):
        sneaky(s)


def test_supply_operations_work_without_any_widget(vault):
    with vault.session() as s:
        done = supply_ops.create_item(s, "Bas", initial_stock=3)
        assert done.changes == {Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT}
        item_id = done.value
        assert supply_ops.count(s, item_id, 3).changes == Changes()  # nothing moved, nothing to refresh
        supply_ops.receive(s, item_id, 4)
        assert [(r.name, r.stock_on_hand) for r in supplies.item_rows(s)] == [("Bas", 7)]


def test_runner_writes_off_the_gui_thread_then_announces(ctx, qtbot):
    seen: list = []
    threads: list = []
    values: list = []
    ctx.bus.changed.connect(seen.append)

    @operation(Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)
    def add(session, name):
        threads.append(threading.current_thread())
        return supply_ops.create_item(session, name, initial_stock=2)

    ctx.ops.run(add, "Tuques", on_done=values.append)
    ctx.ops.wait()
    assert threads and threads[0] is not threading.main_thread()
    assert seen == [{Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT}] and isinstance(seen[0], Changes)
    assert ctx.ops.read(supplies.item_rows)[0].id == values[0]


def test_runner_sends_a_refusal_to_the_form_or_else_to_the_dialog_seam(ctx):
    refused: list = []
    ctx.ops.run(supply_ops.create_item, " ", on_error=lambda exc: refused.append(exc) or True)
    ctx.ops.wait()
    assert isinstance(refused[0], ValidationFailed) and ctx.extras["dialogs"].said == []
    ctx.ops.run(supply_ops.create_item, " ")
    ctx.ops.wait()
    assert [kind for kind, *_ in ctx.extras["dialogs"].said] == ["error"]
    assert ctx.ops.read(supplies.item_rows) == []  # nothing written
