"""Editable code lists (types, themes, places, age brackets, groups...).

The worker adds, renames, reorders and retires items; nothing is ever deleted,
so old records keep their meaning. Records store the stable ``code``.
"""
from __future__ import annotations

import re
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import history
from app.textsearch import fold
from app.validation import NOT_FOUND, REQUIRED, Collector, fail
from models.codes import LISTS, CodeItem


def items(session: Session, list_name: str, *, include_retired: bool = False) -> list[CodeItem]:
    """Items of one list in display order (retired ones only on request, e.g. for editing)."""
    query = select(CodeItem).where(CodeItem.list_name == list_name, CodeItem.deleted_at.is_(None))
    if not include_retired:
        query = query.where(CodeItem.retired.is_(False))
    return list(session.scalars(query.order_by(CodeItem.sort_order, CodeItem.id)))


def labels(session: Session, list_name: str, lang: str = "fr") -> dict[str, str]:
    """code -> label for every item, retired included (old records still show a label)."""
    return {i.code: i.label(lang) for i in items(session, list_name, include_retired=True)}


def active_codes(session: Session, list_name: str) -> set[str]:
    return {i.code for i in items(session, list_name)}


def active_codes_of(session: Session, list_names: Iterable[str]) -> dict[str, set[str]]:
    """Active codes of several lists in one query (form validation)."""
    names = list(list_names)
    out: dict[str, set[str]] = {n: set() for n in names}
    for list_name, code in session.execute(
        select(CodeItem.list_name, CodeItem.code).where(
            CodeItem.list_name.in_(names), CodeItem.retired.is_(False), CodeItem.deleted_at.is_(None)
        )
    ):
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

