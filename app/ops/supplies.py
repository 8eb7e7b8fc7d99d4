"""Supply operations (Dépannage): items and the stock movements that explain their stock."""
from __future__ import annotations

from sqlalchemy.orm import Session

from app import supplies
from app.ops.changes import Changes, Done, Entity
from app.ops.registry import operation

ITEM_AND_STOCK = Changes.of(Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)


@operation(Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)
def create_item(session: Session, name: str, *, unit: str = "", low_stock_level: int = 0, initial_stock: int = 0) -> Done:
    item = supplies.create_item(session, name, unit=unit, low_stock_level=low_stock_level, initial_stock=initial_stock)
    return Done(ITEM_AND_STOCK if initial_stock else Changes.of(Entity.SUPPLY_ITEM), item.id)


@operation(Entity.SUPPLY_ITEM)
def update_item(session: Session, item_id: int, **changes) -> Done:
    supplies.update_item(session, item_id, **changes)
    return Done(Changes.of(Entity.SUPPLY_ITEM), item_id)


@operation(Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)
def receive(session: Session, item_id: int, quantity: int, *, note: str = "") -> Done:
    supplies.receive(session, item_id, quantity, note=note)
    return Done(ITEM_AND_STOCK, item_id)


@operation(Entity.SUPPLY_ITEM, Entity.STOCK_MOVEMENT)
def count(session: Session, item_id: int, counted: int, *, note: str = "") -> Done:
    """The stock as counted; no movement (and no change) when it already matches."""
    movement = supplies.adjust(session, item_id, counted=counted, note=note)
    return Done(ITEM_AND_STOCK if movement is not None else Changes(), item_id)
