"""Editable code lists (types, themes, places, age brackets, groups...).

The worker adds, renames, reorders and retires items; nothing is ever deleted,
so old records keep their meaning. Records store the stable ``code``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import history, plain_sql
from app.textsearch import fold
from app.validation import NOT_FOUND, REQUIRED, TOO_LONG, Collector, fail
from models.codes import LISTS, CodeItem

DUPLICATE = "duplicate"
MAX_LABEL = 120  # CodeItem.label_fr / label_en


@dataclass(frozen=True)
class CodeItemRow:
    """One item of an editable list, as the Paramètres screen shows it."""

    id: int
    list_name: str
    code: str
    label_fr: str
    label_en: str
    category: str
    retired: bool


def items(session: Session, list_name: str, *, include_retired: bool = False) -> list[CodeItem]:
    """Items of one list in display order (retired ones only on request, e.g. for editing)."""
    query = select(CodeItem).where(CodeItem.list_name == list_name, CodeItem.deleted_at.is_(None))
    if not include_retired:
        query = query.where(CodeItem.retired.is_(False))
    return list(session.scalars(query.order_by(CodeItem.sort_order, CodeItem.id)))


def _row(i: CodeItem) -> CodeItemRow:
    return CodeItemRow(i.id, i.list_name, i.code, i.label_fr, i.label_en, i.category, i.retired)


def item_rows(session: Session, list_name: str) -> list[CodeItemRow]:
    """Every item of a list in display order, retired ones included (they can be brought back)."""
    return [_row(i) for i in items(session, list_name, include_retired=True)]


def item_row(session: Session, item_id: int) -> CodeItemRow:
    return _row(_get(session, item_id))


def check_labels(session: Session, list_name: str, label_fr: str, label_en: str = "", *, item_id: int | None = None) -> None:
    """Refuse an empty or too long label, or a French label another item of the list already has."""
    check = Collector()
    if list_name not in LISTS:
        check.add("list_name", NOT_FOUND, f"Unknown list {list_name!r}.")
        check.raise_if_any()
    if not label_fr.strip():
        check.add("label_fr", REQUIRED, "The label cannot be empty.")
    for name, value in (("label_fr", label_fr), ("label_en", label_en)):
        if len(value.strip()) > MAX_LABEL:
            check.add(name, TOO_LONG, f"A label has at most {MAX_LABEL} characters.")
    wanted = fold(label_fr.strip())
    if wanted and any(fold(i.label_fr) == wanted and i.id != item_id for i in items(session, list_name, include_retired=True)):
        check.add("label_fr", DUPLICATE, f"This list already has « {label_fr.strip()} ».")
    check.raise_if_any()


def labels(session: Session, list_name: str, lang: str = "fr") -> dict[str, str]:
    """code -> label for every item, retired included (old records still show a label)."""
    return {i.code: i.label(lang) for i in items(session, list_name, include_retired=True)}


def active_codes(session: Session, list_name: str) -> set[str]:
    return {i.code for i in items(session, list_name)}


def active_codes_of(session: Session, list_names: Iterable[str]) -> dict[str, set[str]]:
    """Active codes of several lists in one query (form validation)."""
    return active_codes_in(plain_sql.cursor(session), list_names)


_ACTIVE = (f"SELECT list_name, code FROM {CodeItem.__tablename__} WHERE list_name IN ({{}})"
           " AND retired = 0 AND deleted_at IS NULL")


def active_codes_in(cur, list_names: Iterable[str]) -> dict[str, set[str]]:
    """``active_codes_of`` on a plain cursor (app.plain_sql): a contact's save validates with it."""
    names = list(list_names)
    out: dict[str, set[str]] = {n: set() for n in names}
    for list_name, code in cur.execute(_ACTIVE.format(plain_sql.marks(len(names))), names):
        out[list_name].add(code)
    return out


def known_codes(session: Session, list_name: str) -> set[str]:
    """Active and retired codes: a record may keep a code retired after it was saved."""
    return {i.code for i in items(session, list_name, include_retired=True)}


def _slug(label: str) -> str:
    return re.sub(r"\s+", "_", fold(label))[:40] or "item"


def add_item(
    session: Session, list_name: str, label_fr: str, *, label_en: str = "", code: str | None = None,
    category: str = "",
) -> CodeItem:
    """Append an item at the end of a list; the code is derived from the French label if not given."""
    check = Collector()
    if list_name not in LISTS:
        check.add("list_name", NOT_FOUND, f"Unknown list {list_name!r}.")
    if not label_fr.strip():
        check.add("label_fr", REQUIRED, "The label cannot be empty.")
    check.raise_if_any()
    taken = {i.code for i in items(session, list_name, include_retired=True)}
    base = code or _slug(label_fr)
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    last = session.scalar(select(func.max(CodeItem.sort_order)).where(CodeItem.list_name == list_name)) or 0
    item = CodeItem(
        list_name=list_name, code=code, label_fr=label_fr.strip(), label_en=label_en.strip(),
        category=category, sort_order=last + 10, retired=False,
    )
    history.record_create(session, item)
    return item


def _get(session: Session, item_id: int) -> CodeItem:
    item = session.get(CodeItem, item_id)
    if item is None:
        fail("id", NOT_FOUND, "This list item no longer exists.")
    return item


def rename_item(session: Session, item_id: int, *, label_fr: str | None = None, label_en: str | None = None) -> CodeItem:
    """Change labels only; the code (what records store) never changes."""
    item = _get(session, item_id)
    if label_fr is not None:
        if not label_fr.strip():
            fail("label_fr", REQUIRED, "The label cannot be empty.")
        item.label_fr = label_fr.strip()
    if label_en is not None:
        item.label_en = label_en.strip()
    history.record_update(session, item)
    return item


def retire_item(session: Session, item_id: int, retired: bool = True) -> CodeItem:
    """Hide an item from new entries (or bring it back); records using it keep it."""
    item = _get(session, item_id)
    item.retired = retired
    history.record_update(session, item)
    return item

