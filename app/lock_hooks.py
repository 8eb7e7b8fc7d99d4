"""What must be forgotten when the vault locks, registered by the modules that keep it.

``Vault.lock()`` runs every registered function; a module that caches what it read
from the vault (the people search index) registers its reset at import. So the
vault, which every command and the lock screen load first, imports none of them.
"""
from __future__ import annotations

from typing import Callable

_FORGET: list[Callable[[], None]] = []


def on_lock(forget: Callable[[], None]) -> Callable[[], None]:
    """Register ``forget`` (usable as a decorator); registering twice runs it once."""
    if forget not in _FORGET:
        _FORGET.append(forget)
    return forget


def forget_all() -> None:
    for forget in list(_FORGET):
        forget()
