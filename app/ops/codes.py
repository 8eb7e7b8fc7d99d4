"""Operations on the editable lists (Paramètres > Listes): add, rename, retire and bring back.

Codes never change and items are never deleted, so old records keep their meaning;
a retired item only leaves the choices offered for new entries.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from app import codes
from app.ops.changes import NOTHING, Changes, Done, Entity
from app.ops.registry import operation

CODE_ITEM = Changes.of(Entity.CODE_ITEM)


@operation(Entity.CODE_ITEM)
def add_item(session: Session, list_name: str, label_fr: str, *, label_en: str = "") -> Done:
    """A new item at the end of the list; returns its id."""
    codes.check_labels(session, list_name, label_fr, label_en)
    item = codes.add_item(session, list_name, label_fr, label_en=label_en)
    session.flush()
    return Done(CODE_ITEM, item.id)


@operation(Entity.CODE_ITEM)
def rename_item(session: Session, item_id: int, *, label_fr: str, label_en: str = "") -> Done:
    """New labels for an item (its code stays); nothing changes when the labels are the same."""
    item = codes.item_row(session, item_id)
    if (item.label_fr, item.label_en) == (label_fr.strip(), label_en.strip()):
        return Done(NOTHING, item_id)
    codes.check_labels(session, item.list_name, label_fr, label_en, item_id=item_id)
    codes.rename_item(session, item_id, label_fr=label_fr, label_en=label_en)
    return Done(CODE_ITEM, item_id)


@operation(Entity.CODE_ITEM)
def retire_item(session: Session, item_id: int, retired: bool = True) -> Done:
    """Retire an item from new entries (``retired=False`` brings it back)."""
    item = codes.item_row(session, item_id)
    if item.retired == retired:
        return Done(NOTHING, item_id)
    codes.retire_item(session, item_id, retired)
    return Done(CODE_ITEM, item_id)
