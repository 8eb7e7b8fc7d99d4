"""The highlights the worker writes for council, and the check that they name nobody.

The text is the worker's; the check warns (never blocks) when an alias or first name of
a person of the vault appears in it, accent- and case-insensitively, as whole words.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.textsearch import fold
from models.people import Person

KEY = "report_highlights"
MAX_CHARS = 4000
MIN_NAME = 3  # shorter names ("Jo") would match ordinary words too often


def get(session: Session) -> str:
    return settings.get(session, KEY, "") or ""


def set_text(session: Session, text: str) -> None:
    settings.set_many(session, {KEY: (text or "").strip()[:MAX_CHARS]})


def _names(alias: str, first_name: str) -> set[str]:
    """The alias whole, its part before a comma ("Grand Marc, casquette rouge"), the first name."""
    out = {fold(alias), fold(alias.split(",")[0]), fold(first_name)}
    return {n for n in out if len(n) >= MIN_NAME}


def names_in(session: Session, text: str) -> list[str]:
    """Aliases (as the vault spells them) of persons named in ``text``; [] when none."""
    haystack = f" {fold(text)} "
    if not haystack.strip():
        return []
    found = []
    for alias, first in session.execute(select(Person.alias, Person.first_name).where(Person.deleted_at.is_(None))):
        if any(f" {name} " in haystack for name in _names(alias, first or "")):
            found.append(alias)
    return sorted(set(found))
