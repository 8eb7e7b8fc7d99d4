"""What history and bundles record of a contact.

Apart from app.contacts so that app.people (which app.contacts builds on) can
snapshot the contacts a merge moves without importing app.contacts back.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from app import history
from models.contacts import Contact

# The contact's columns in its snapshot: every one but the local ``id`` (as history.snapshot).
COLUMNS = tuple(c.key for c in Contact.__table__.columns if c.key != "id")


def snapshot_of(
    columns: Mapping[str, Any], *, person_uids: Iterable[str], types: Iterable[str], themes: Iterable[str],
    unmet_needs: Iterable[str], supplies: Iterable[tuple[str, int]],
) -> dict:
    """The snapshot from plain values: the contact's row (``columns``), its people's uids, its
    type/theme/unmet-need codes and its supply lines as (item uid, quantity)."""
    data = {key: history.jsonable(columns[key]) for key in COLUMNS}
    data.update(
        person_uids=sorted(person_uids), types=sorted(types), themes=sorted(themes), unmet_needs=sorted(unmet_needs),
        supplies=sorted([uid, quantity] for uid, quantity in supplies),
    )
    return data


def contact_snapshot(contact: Contact) -> dict:
    """History/bundle snapshot: columns plus persons (uids), type/theme/unmet-need codes, supply lines (item uids)."""
    return snapshot_of(
        {key: getattr(contact, key) for key in COLUMNS},
        person_uids=(p.uid for p in contact.persons), types=contact.type_codes, themes=contact.theme_codes,
        unmet_needs=contact.unmet_need_codes, supplies=((line.item.uid, line.quantity) for line in contact.supplies),
    )
