"""A contact's rows, read and written in plain SQL (app.plain_sql): the save path of app.contacts.

A saved contact is its ``contact`` row, its link rows (people, types, themes, unmet
needs: one table each, keyed by contact and value) and its supply lines. What the ORM
would write for the same change is written here, statement by statement.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from app import plain_sql
from models.contacts import Contact, ContactSupply, ContactTheme, ContactType, ContactUnmetNeed, contact_person
from models.supplies import SupplyItem

CONTACTS = plain_sql.rows(Contact.__table__)
SUPPLY_LINES = plain_sql.rows(ContactSupply.__table__)
# link name -> (table, the column holding the value)
LINKS = {
    "persons": (contact_person.name, "person_id"),
    "types": (ContactType.__tablename__, "code"),
    "themes": (ContactTheme.__tablename__, "code"),
    "unmet_needs": (ContactUnmetNeed.__tablename__, "code"),
}
_LINES = (
    f"SELECT l.item_id, l.quantity, i.uid FROM {SUPPLY_LINES.name} AS l JOIN {SupplyItem.__tablename__} AS i"
    " ON i.id = l.item_id WHERE l.contact_id = ? ORDER BY l.id"
)


@dataclass
class StoredContact:
    columns: dict[str, Any]  # the contact row, Python values (id included)
    links: dict[str, list]  # "persons" -> person ids, "types"/"themes"/"unmet_needs" -> codes
    lines: list[tuple[int, int, str]]  # supply lines: (item id, quantity, item uid), in line order

    @property
    def supplies(self) -> dict[int, int]:
        return {item_id: quantity for item_id, quantity, _uid in self.lines}


def load(cur, contact_id: int) -> StoredContact | None:
    found = CONTACTS.select(cur, "id = ?", (contact_id,))
    if not found:
        return None
    links = {
        name: [v for (v,) in cur.execute(f"SELECT {column} FROM {table} WHERE contact_id = ?", (contact_id,))]
        for name, (table, column) in LINKS.items()
    }
    return StoredContact(found[0], links, [tuple(r) for r in cur.execute(_LINES, (contact_id,))])


def insert(cur, values: dict[str, Any], links: dict[str, list]) -> dict[str, Any]:
    """A new contact row (model defaults for what ``values`` leaves out) and its links; returns the row."""
    row = CONTACTS.with_defaults(values)
    row["id"] = CONTACTS.insert(cur, row)
    for name, wanted in links.items():
        add_links(cur, row["id"], name, wanted)
    return row


def add_links(cur, contact_id: int, name: str, values: Iterable) -> None:
    table, column = LINKS[name]
    rows = [(contact_id, v) for v in values]
    if rows:
        cur.executemany(f"INSERT INTO {table} (contact_id, {column}) VALUES (?, ?)", rows)


def set_links(cur, contact_id: int, name: str, current: list, wanted: list) -> bool:
    """Make the contact's links of ``name`` exactly ``wanted``; True if any row changed."""
    table, column = LINKS[name]
    gone = [(contact_id, v) for v in current if v not in wanted]
    if gone:
        cur.executemany(f"DELETE FROM {table} WHERE contact_id = ? AND {column} = ?", gone)
    new = [v for v in wanted if v not in current]
    add_links(cur, contact_id, name, new)
    return bool(gone or new)


def replace_lines(cur, contact_id: int, lines: dict[int, int]) -> None:
    """The contact's supply lines become ``lines`` (new rows, by item id), as the ORM's delete-orphan
    does: new rows first, then the old ones go (so no id is reused)."""
    old = [r for r in cur.execute(f"SELECT id FROM {SUPPLY_LINES.name} WHERE contact_id = ?", (contact_id,))]
    SUPPLY_LINES.insert_many(cur, ("contact_id", "item_id", "quantity"),
                             [(contact_id, i, q) for i, q in sorted(lines.items())])
    if old:
        cur.executemany(f"DELETE FROM {SUPPLY_LINES.name} WHERE id = ?", old)
