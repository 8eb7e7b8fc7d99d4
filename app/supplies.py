"""Emergency supplies: items, receiving, counting, and what contacts draw from stock.

``SupplyItem.stock_on_hand`` is the sum of the item's live movements; every
function here keeps it so. Entities touched: "supply_item" and "stock_movement".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import history, plain_sql
from app.validation import NEGATIVE, NOT_FOUND, REQUIRED, Collector, Shortfall, StockShortage, fail
from models.base import utcnow
from models.contacts import Contact
from models.supplies import ADJUSTED, GIVEN, RECEIVED, StockMovement, SupplyItem

ENTITY = "supply_item"
MOVEMENT_ENTITY = "stock_movement"
DERIVED = ("stock_on_hand",)  # kept out of history: movements explain it


def item_snapshot(item: SupplyItem) -> dict:
    return history.snapshot(item, exclude=DERIVED)


def movement_snapshot(session: Session, movement: StockMovement) -> dict:
    item_uid = session.scalar(select(SupplyItem.uid).where(SupplyItem.id == movement.item_id))
    contact_uid = None
    if movement.contact_id is not None:
        contact_uid = session.scalar(select(Contact.uid).where(Contact.id == movement.contact_id))
    return history.snapshot(
        movement, exclude=("item_id", "contact_id"), extra={"item_uid": item_uid, "contact_uid": contact_uid}
    )


def get_item(session: Session, item_id: int) -> SupplyItem:
    item = session.get(SupplyItem, item_id)
    if item is None or item.deleted_at is not None:
        fail("item", NOT_FOUND, "This supply item no longer exists.")
    return item


def items(session: Session, *, include_retired: bool = False) -> list[SupplyItem]:
    """Items in display order (sort_order, then name)."""
    query = select(SupplyItem).where(SupplyItem.deleted_at.is_(None))
    if not include_retired:
        query = query.where(SupplyItem.retired.is_(False))
    return list(session.scalars(query.order_by(SupplyItem.sort_order, SupplyItem.name)))


@dataclass(frozen=True)
class SupplyRow:
    """What screens show of an item (a frozen row: no ORM object leaves app/)."""

    id: int
    name: str
    unit: str
    stock_on_hand: int
    low_stock_level: int
    is_low: bool
    retired: bool


def _row(item: SupplyItem) -> SupplyRow:
    return SupplyRow(item.id, item.name, item.unit, item.stock_on_hand, item.low_stock_level, item.is_low, item.retired)


def item_rows(session: Session, *, include_retired: bool = False) -> list[SupplyRow]:
    return [_row(i) for i in items(session, include_retired=include_retired)]


def low_stock(session: Session) -> list[SupplyItem]:
    """Active items at or under their low-stock level, emptiest first."""
    return [
        i for i in sorted(items(session), key=lambda i: (i.stock_on_hand - i.low_stock_level, i.name)) if i.is_low
    ]


def create_item(
    session: Session, name: str, *, unit: str = "", low_stock_level: int = 0, initial_stock: int = 0,
    when: datetime | None = None,
) -> SupplyItem:
    """A new item; ``initial_stock`` is recorded as a first "received" movement."""
    check = Collector()
    if not name.strip():
        check.add("name", REQUIRED, "A name is required.")
    if low_stock_level < 0:
        check.add("low_stock_level", NEGATIVE, "The low-stock level cannot be negative.")
    if initial_stock < 0:
        check.add("initial_stock", NEGATIVE, "The initial stock cannot be negative.")
    check.raise_if_any()
    last = session.scalar(select(func.max(SupplyItem.sort_order))) or 0
    item = SupplyItem(
        name=name.strip(), unit=unit.strip(), low_stock_level=low_stock_level, stock_on_hand=0,
        sort_order=last + 10, retired=False,
    )
    session.add(item)
    session.flush()
    history.record_create(session, item, data=item_snapshot(item))
    if initial_stock:
        receive(session, item.id, initial_stock, when=when)
    return item


def update_item(
    session: Session, item_id: int, *, name: str | None = None, unit: str | None = None,
    low_stock_level: int | None = None, retired: bool | None = None,
) -> SupplyItem:
    """Rename, change unit or low-stock level, retire (hidden from new contacts) or bring back."""
    item = get_item(session, item_id)
    check = Collector()
    if name is not None and not name.strip():
        check.add("name", REQUIRED, "A name is required.")
    if low_stock_level is not None and low_stock_level < 0:
        check.add("low_stock_level", NEGATIVE, "The low-stock level cannot be negative.")
    check.raise_if_any()
    if name is not None:
        item.name = name.strip()
    if unit is not None:
        item.unit = unit.strip()
    if low_stock_level is not None:
        item.low_stock_level = low_stock_level
    if retired is not None:
        item.retired = retired
    history.record_update(session, item, data=item_snapshot(item))
    return item


def _move(
    session: Session, item: SupplyItem, kind: str, quantity: int, *, note: str = "",
    when: datetime | None = None, contact_id: int | None = None,
) -> StockMovement:
    movement = StockMovement(
        item_id=item.id, kind=kind, quantity=quantity, occurred_at=when or datetime.now().replace(microsecond=0),
        note=note, contact_id=contact_id,
    )
    session.add(movement)
    item.stock_on_hand = (item.stock_on_hand or 0) + quantity
    session.flush()
    history.record_create(session, movement, data=movement_snapshot(session, movement))
    return movement


def receive(session: Session, item_id: int, quantity: int, *, note: str = "", when: datetime | None = None) -> StockMovement:
    """Stock received (a donation, a purchase): adds ``quantity`` (> 0)."""
    if quantity <= 0:
        fail("quantity", NEGATIVE, "The quantity received must be more than zero.")
    return _move(session, get_item(session, item_id), RECEIVED, quantity, note=note, when=when)


def adjust(session: Session, item_id: int, *, counted: int, note: str = "", when: datetime | None = None) -> StockMovement | None:
    """Set the stock to what was counted on the shelf; records the difference (None if none)."""
    if counted < 0:
        fail("counted", NEGATIVE, "A count cannot be negative.")
    item = get_item(session, item_id)
    delta = counted - item.stock_on_hand
    if delta == 0:
        return None
    return _move(session, item, ADJUSTED, delta, note=note, when=when)


def movements(session: Session, item_id: int, *, limit: int = 100) -> list[StockMovement]:
    """An item's live movements, newest first."""
    return list(
        session.scalars(
            select(StockMovement)
            .where(StockMovement.item_id == item_id, StockMovement.deleted_at.is_(None))
            .order_by(StockMovement.occurred_at.desc(), StockMovement.id.desc())
            .limit(limit)
        )
    )


def recompute_stock(session: Session) -> dict[int, int]:
    """Rebuild every item's stock_on_hand from its live movements; returns item id -> stock."""
    totals = dict(
        session.execute(
            select(StockMovement.item_id, func.sum(StockMovement.quantity))
            .where(StockMovement.deleted_at.is_(None))
            .group_by(StockMovement.item_id)
        ).all()
    )
    result = {}
    for item in session.scalars(select(SupplyItem)):
        item.stock_on_hand = int(totals.get(item.id, 0))
        result[item.id] = item.stock_on_hand
    return result


# ---- contacts draw from stock (used by app.contacts; plain SQL: app.plain_sql) ------------

_ITEMS = plain_sql.rows(SupplyItem.__table__)
_MOVES = plain_sql.rows(StockMovement.__table__)
_MOVE_COLUMNS = tuple(k for k in _MOVES.keys if k not in ("id", "item_id", "contact_id"))  # movement_snapshot's


@dataclass(frozen=True)
class Stock:
    """What a contact's save needs of a live item."""

    id: int
    uid: str
    name: str
    stock_on_hand: int


def live_stock(cur, item_ids) -> dict[int, Stock]:
    """Live (not deleted) items among ``item_ids``, by id."""
    ids = list(item_ids)
    if not ids:
        return {}
    found = _ITEMS.select(cur, f"id IN ({plain_sql.marks(len(ids))}) AND deleted_at IS NULL", ids,
                          ("id", "uid", "name", "stock_on_hand"))
    return {r["id"]: Stock(r["id"], r["uid"], r["name"], r["stock_on_hand"]) for r in found}


def given_by_contact(cur, contact_id: int) -> dict[int, int]:
    """item id -> quantity given by this contact's live movements."""
    rows = cur.execute(
        f"SELECT item_id, sum(-quantity) FROM {_MOVES.name} WHERE contact_id = ? AND kind = ? AND deleted_at IS NULL"
        " GROUP BY item_id", (contact_id, GIVEN),
    )
    return {item_id: int(q) for item_id, q in rows}


def check_shortage(items: dict[int, Stock], wanted: dict[int, int], already_given: dict[int, int]) -> None:
    """Raise StockShortage for items whose quantity grows beyond what is on hand (``items``: live_stock)."""
    shortfalls = []
    for item_id, qty in sorted(wanted.items()):
        before = already_given.get(item_id, 0)
        if qty <= before:
            continue
        item = items.get(item_id)
        if item is None:
            fail("item", NOT_FOUND, "This supply item no longer exists.")
        available = item.stock_on_hand + before
        if qty > available:
            shortfalls.append(Shortfall(item_id=item_id, name=item.name, requested=qty, available=available))
    if shortfalls:
        raise StockShortage(shortfalls)


def _restock(cur, item_id: int, quantity: int) -> None:
    # What the ORM's flush of ``item.stock_on_hand += quantity`` writes (updated_at by its onupdate).
    touch = _ITEMS.on_update()
    cur.execute(
        f"UPDATE {_ITEMS.name} SET stock_on_hand = coalesce(stock_on_hand, 0) + ?"
        f"{''.join(f', {k} = ?' for k in touch)} WHERE id = ?",
        [quantity, *(_ITEMS.bind(k, v) for k, v in touch.items()), item_id],
    )


def _movement_data(row: dict, item_uid: str, contact_uid: str | None) -> dict:
    """movement_snapshot from the movement's row."""
    data = {k: history.jsonable(row[k]) for k in _MOVE_COLUMNS}
    data.update(item_uid=item_uid, contact_uid=contact_uid)
    return data


def _forget(session: Session, item_ids, movement_ids) -> None:
    plain_sql.forget(session, SupplyItem, item_ids, ("stock_on_hand", "updated_at"))
    plain_sql.forget(session, StockMovement, movement_ids)


def take_back_for_contact(session: Session, contact_id: int) -> set[int]:
    """Tombstone the contact's "given" movements and return them to stock; returns item ids."""
    cur = plain_sql.cursor(session)
    given = _MOVES.select(cur, "contact_id = ? AND kind = ? AND deleted_at IS NULL ORDER BY id", (contact_id, GIVEN))
    if not given:
        return set()
    uids = dict(cur.execute(
        f"SELECT id, uid FROM {_ITEMS.name} WHERE id IN ({plain_sql.marks(len(given))})", [m["item_id"] for m in given]))
    contact_uid = cur.execute("SELECT uid FROM contact WHERE id = ?", (contact_id,)).fetchone()[0]
    for movement in given:
        _restock(cur, movement["item_id"], -movement["quantity"])
        now = utcnow()  # history.record_delete's tombstone
        tombstone = {"deleted_at": now, "version": (movement["version"] or 1) + 1, "updated_at": now}
        _MOVES.update(cur, movement["id"], tombstone)
        history.append_plain(cur, MOVEMENT_ENTITY, history.DELETE,
                             _movement_data({**movement, **tombstone}, uids[movement["item_id"]], contact_uid),
                             ["deleted_at"])
    _forget(session, {m["item_id"] for m in given}, {m["id"] for m in given})
    return {m["item_id"] for m in given}


def give_for_contact(
    session: Session, contact_id: int, contact_uid: str, lines: dict[int, int], when: datetime, items: dict[int, Stock],
) -> set[int]:
    """One "given" movement per line (negative quantity), linked to the contact (``items``: live_stock)."""
    cur = plain_sql.cursor(session)
    touched = set()
    for item_id, qty in sorted(lines.items()):
        if qty > 0:
            item = items.get(item_id)
            if item is None:
                fail("item", NOT_FOUND, "This supply item no longer exists.")
            row = _MOVES.with_defaults({"item_id": item_id, "kind": GIVEN, "quantity": -qty, "occurred_at": when,
                                        "note": "", "contact_id": contact_id})
            row["id"] = _MOVES.insert(cur, row)
            _restock(cur, item_id, -qty)
            data = _movement_data(row, item.uid, contact_uid)
            history.append_plain(cur, MOVEMENT_ENTITY, history.CREATE, data, history.changed_fields(None, data))
            touched.add(item_id)
    _forget(session, touched, ())
    return touched
