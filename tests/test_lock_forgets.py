"""Locking leaves nothing personal in memory that the app itself keeps between operations."""
from __future__ import annotations

import gc

from app import people


def test_lock_drops_the_people_search_index(vault):
    with vault.session() as s:
        people.create_person(s, "Zébulon Marqueur", first_name="Zoé")
    with vault.session() as s:
        assert [m.alias for m in people.search_people(s, "zeb")] == ["Zébulon Marqueur"]
    assert _cached_words() >= {"zebulon", "zoe"}  # folded aliases and first names, kept between keystrokes
    vault.lock()
    gc.collect()
    assert not _cached_words() & {"zebulon", "zoe"}


def _cached_words() -> set[str]:
    return {word for index in list(people._SEARCH_CACHE.values()) for word in index.by_word}
