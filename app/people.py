"""People: create, edit, archive, search as you type, merge duplicates.

Every change appends a history version (app.history). Functions run inside the
caller's Session and return the records they touched (entity name: "person").
"""
from __future__ import annotations

import heapq
import weakref
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import codes, history, lock_hooks, plain_sql
from app.textsearch import fold
from app.validation import FUTURE_DATE, NOT_FOUND, REQUIRED, TOO_LONG, UNKNOWN_CODE, Collector, fail
from models.base import utcnow
from models.codes import AGE_BRACKET, CONSENT, GENDER, GROUP, LANGUAGE
from models.people import Person, PersonGroup

ENTITY = "person"

# Editable through create_person / update_person.
FIELDS = (
    "alias", "first_name", "age_bracket", "gender", "gender_self", "languages", "groups", "notes",
    "consent_scope", "consent_on", "consent_notes",
)
# Derived columns: kept out of history so they never make a version on their own.
DERIVED = ("search_key", "last_contact_at", "contact_count", "merged_into_id", "anonymised_at")

FUZZY_MIN_LENGTH = 3  # shorter tokens match too much with a typo allowed


def person_snapshot(session: Session, person: Person) -> dict:
    """History/bundle snapshot: columns, group codes, and the uid of the record merged into."""
    merged_uid = None
    if person.merged_into_id is not None:
        merged_uid = session.scalar(select(Person.uid).where(Person.id == person.merged_into_id))
    return history.snapshot(
        person, exclude=DERIVED, extra={"groups": person.group_codes, "merged_into_uid": merged_uid}
    )


def _validate(session: Session, values: dict, today: date) -> None:
    check = Collector()
    if "alias" in values:
        alias = (values["alias"] or "").strip()
        if not alias:
            check.add("alias", REQUIRED, "An alias is required.")
        elif len(alias) > 120:
            check.add("alias", TOO_LONG, "The alias is longer than 120 characters.")
    if len((values.get("first_name") or "")) > 80:
        check.add("first_name", TOO_LONG, "The first name is longer than 80 characters.")
    for key, list_name in (("age_bracket", AGE_BRACKET), ("gender", GENDER), ("consent_scope", CONSENT)):
        value = values.get(key)
        if value and value not in codes.known_codes(session, list_name):
            check.add(key, UNKNOWN_CODE, f"Unknown {key.replace('_', ' ')} {value!r}.")
    for key, list_name in (("languages", LANGUAGE), ("groups", GROUP)):
        if key in values:
            unknown = set(values[key] or ()) - codes.known_codes(session, list_name)
            if unknown:
                check.add(key, UNKNOWN_CODE, f"Unknown {key}: {', '.join(sorted(unknown))}.")
    consent_on = values.get("consent_on")
    if consent_on is not None and consent_on > today:
        check.add("consent_on", FUTURE_DATE, "The consent date is after today.")
    check.raise_if_any()


def _apply(person: Person, values: dict) -> None:
    for key, value in values.items():
        if key == "groups":
            wanted = list(dict.fromkeys(value or ()))
            person.groups = [g for g in person.groups if g.code in wanted] + [
                PersonGroup(code=c) for c in wanted if c not in person.group_codes
            ]
        elif key == "languages":
            person.languages = " ".join(dict.fromkeys(value or ()))
        elif key in ("alias", "first_name", "gender_self"):
            setattr(person, key, (value or "").strip())
        else:
            setattr(person, key, value)
    person.search_key = fold(f"{person.alias} {person.first_name}")


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        fail("person", NOT_FOUND, "This person's record no longer exists.")
    return person


def create_person(
    session: Session, alias: str, *, first_name: str = "", age_bracket: str | None = None,
    gender: str | None = None, gender_self: str = "", languages: Iterable[str] = (),
    groups: Iterable[str] = (), notes: str = "", consent_scope: str = "none",
    consent_on: date | None = None, consent_notes: str = "", today: date | None = None,
) -> Person:
    """A new person (alias required; codes from the lists age_bracket, gender, language, group, consent).

    Raises ValidationFailed (fields: alias, first_name, age_bracket, gender, languages,
    groups, consent_scope, consent_on).
    """
    values = dict(
        alias=alias, first_name=first_name, age_bracket=age_bracket, gender=gender, gender_self=gender_self,
        languages=list(languages), groups=list(groups), notes=notes, consent_scope=consent_scope,
        consent_on=consent_on, consent_notes=consent_notes,
    )
    _validate(session, values, today or date.today())
    person = Person(alias="", first_name="", contact_count=0)
    _apply(person, values)
    session.add(person)
    session.flush()
    history.record_create(session, person, data=person_snapshot(session, person))
    return person


def update_person(session: Session, person_id: int, *, today: date | None = None, **changes) -> Person:
    """Change some fields (names as in create_person); logs a version if anything changed."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"update_person() got unexpected fields: {', '.join(sorted(unknown))}")
    person = get_person(session, person_id)
    _validate(session, changes, today or date.today())
    _apply(person, changes)
    history.record_update(session, person, data=person_snapshot(session, person))
    return person


def archive_person(session: Session, person_id: int, archived: bool = True) -> Person:
    """Archive (hidden from search and active lists, contacts kept) or bring back."""
    person = get_person(session, person_id)
    person.archived_at = utcnow() if archived else None
    history.record_update(session, person, data=person_snapshot(session, person))
    return person


# Counters: derived from live contacts, written in plain SQL (app.plain_sql); never an edit
# (updated_at stays, no history version).
_PEOPLE = plain_sql.rows(Person.__table__)
_LIVE_STATS = (
    "SELECT cp.person_id, max(c.occurred_at), count(*) FROM contact_person AS cp JOIN contact AS c"
    " ON c.id = cp.contact_id WHERE cp.person_id IN ({}) AND c.deleted_at IS NULL GROUP BY cp.person_id"
)


def refresh_stats(session: Session, person_ids: Iterable[int]) -> None:
    """Recompute last_contact_at and contact_count of these people from live contacts."""
    ids = sorted(set(person_ids))
    if not ids:
        return
    cur = plain_sql.cursor(session)
    stats = {
        pid: (_PEOPLE.result("last_contact_at", last), n)
        for pid, last, n in cur.execute(_LIVE_STATS.format(plain_sql.marks(len(ids))), ids)
    }
    for pid in ids:
        last, n = stats.get(pid, (None, 0))
        _PEOPLE.update(cur, pid, {"last_contact_at": last, "contact_count": n})
    _expire_stats(session, ids)


def _expire_stats(session: Session, ids: list[int]) -> None:
    """Loaded Person objects re-read their counters next time (they were updated in SQL)."""
    plain_sql.forget(session, Person, ids, ("contact_count", "last_contact_at"))


def count_new_contact(session: Session, person_ids: Iterable[int], occurred_at: datetime) -> None:
    """Cheaper refresh_stats for a new contact: one more contact, maybe a later last one."""
    ids = sorted(set(person_ids))
    if not ids:
        return
    cur = plain_sql.cursor(session)
    when = _PEOPLE.bind("last_contact_at", occurred_at)
    cur.execute(
        f"UPDATE {_PEOPLE.name} SET contact_count = contact_count + 1, last_contact_at = CASE"
        " WHEN last_contact_at IS NULL OR last_contact_at < ? THEN ? ELSE last_contact_at END"
        f" WHERE id IN ({plain_sql.marks(len(ids))})", [when, when, *ids],
    )
    _expire_stats(session, ids)


# ---- search as you type ------------------------------------------------------

@dataclass(frozen=True)
class PersonMatch:
    id: int
    uid: str
    alias: str
    first_name: str
    last_contact_at: datetime | None
    contact_count: int
    archived: bool
    tier: int  # 0: the alias starts with the query; 1: every word starts so; 2: one typo allowed


class _SearchIndex:
    """Folded words of every person, kept between keystrokes (one per database engine).

    Rebuilt when a person is added or edited (max id or max updated_at moved);
    recency is patched for people seen since it was built. Dropped with the
    engine when the vault locks (WeakKeyDictionary), or by forget_search_cache().
    """

    def __init__(self, stamp, rows):
        self.stamp = stamp
        self.keys: dict[int, str] = {}
        self.seen: dict[int, float] = {}
        self.hidden: set[int] = set()  # archived
        self.by_word: dict[str, list[int]] = {}
        self.max_seen: datetime | None = None
        for pid, key, last, archived in rows:
            self.keys[pid] = key
            self.seen[pid] = last.timestamp() if last else 0.0
            if last and (self.max_seen is None or last > self.max_seen):
                self.max_seen = last
            if archived is not None:
                self.hidden.add(pid)
            for word in set(key.split()):
                self.by_word.setdefault(word, []).append(pid)
        self.words = list(self.by_word)
        self._prefixes: dict[int, tuple[list[str], dict[str, list[str]]]] = {}

    def people_for(self, words: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for w in words:
            out.update(self.by_word[w])
        return out

    def prefix_matches(self, token: str) -> set[int]:
        return self.people_for(w for w in self.words if w.startswith(token))

    def fuzzy_matches(self, token: str) -> set[int]:
        """People with a word having a prefix within one edit of ``token`` (a swap counts one)."""
        n = len(token)
        if n not in self._prefixes:
            by_prefix: dict[str, list[str]] = {}
            for word in self.words:
                for length in (n - 1, n, n + 1):
                    by_prefix.setdefault(word[:length], []).append(word)
            self._prefixes[n] = (list(by_prefix), by_prefix)
        choices, by_prefix = self._prefixes[n]
        hits = process.extract(token, choices, scorer=OSA.distance, score_cutoff=1, limit=None)
        return self.people_for(w for _p, _s, i in hits for w in by_prefix[choices[i]])


_SEARCH_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@lock_hooks.on_lock
def forget_search_cache() -> None:
    """Drop every cached search index (importers that bypass these services may call it)."""
    _SEARCH_CACHE.clear()


def _search_index(session: Session) -> _SearchIndex:
    live = (Person.deleted_at.is_(None), Person.merged_into_id.is_(None))
    # Two scalar subqueries: SQLite answers a lone max() from an index, not two in one SELECT.
    stamp = tuple(
        session.execute(
            select(select(func.max(Person.id)).scalar_subquery(), select(func.max(Person.updated_at)).scalar_subquery())
        ).one()
    )
    engine = session.get_bind()
    index = _SEARCH_CACHE.get(engine)
    if index is None or index.stamp != stamp:
        rows = session.execute(
            select(Person.id, Person.search_key, Person.last_contact_at, Person.archived_at).where(*live)
        ).all()
        index = _SearchIndex(stamp, rows)
        _SEARCH_CACHE[engine] = index
    else:
        newest = session.scalar(select(func.max(Person.last_contact_at)))
        if newest is not None and (index.max_seen is None or newest > index.max_seen):
            for pid, last in session.execute(
                select(Person.id, Person.last_contact_at).where(Person.last_contact_at > (index.max_seen or datetime.min))
            ):
                if pid in index.seen:
                    index.seen[pid] = last.timestamp()
            index.max_seen = newest
    return index


def search_people(
    session: Session, query: str, *, limit: int = 10, include_archived: bool = False
) -> list[PersonMatch]:
    """People whose alias or first name match ``query``, best first.

    Accent- and case-insensitive ("elo" finds "Élodie"); every word of the query
    must start a word of the alias or first name; when that finds fewer than
    ``limit`` people, words within one typo are accepted too (words of 3
    letters or more). Ties go to the most recently seen. An empty query gives
    the most recently seen people. Merged and deleted records never appear.
    """
    q = fold(query)
    if not q:
        recent = session.execute(
            select(Person.id)
            .where(Person.deleted_at.is_(None), Person.merged_into_id.is_(None), Person.archived_at.is_(None))
            .order_by(Person.last_contact_at.desc().nulls_last(), Person.id.desc())
            .limit(limit)
        ).all()
        return _matches(session, [(r.id, 1) for r in recent])

    index = _search_index(session)
    tokens = q.split()
    exact = [index.prefix_matches(t) for t in tokens]
    found = set.intersection(*exact)
    if not include_archived:
        found -= index.hidden
    tiers = {pid: (0 if index.keys[pid].startswith(q) else 1) for pid in found}
    if len(tiers) < limit:
        loose = [
            hit | index.fuzzy_matches(t) if len(t) >= FUZZY_MIN_LENGTH else hit for t, hit in zip(tokens, exact)
        ]
        fuzzy = set.intersection(*loose) - found
        if not include_archived:
            fuzzy -= index.hidden
        tiers.update((pid, 2) for pid in fuzzy)
    ranked = heapq.nsmallest(limit, tiers, key=lambda pid: (tiers[pid], -index.seen[pid], index.keys[pid], pid))
    return _matches(session, [(pid, tiers[pid]) for pid in ranked])


def _matches(session: Session, ranked: list[tuple[int, int]]) -> list[PersonMatch]:
    if not ranked:
        return []
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_([i for i, _ in ranked])))}
    return [
        PersonMatch(
            id=p.id, uid=p.uid, alias=p.alias, first_name=p.first_name, last_contact_at=p.last_contact_at,
            contact_count=p.contact_count, archived=p.archived_at is not None, tier=tier,
        )
        for pid, tier in ranked
        if (p := people.get(pid)) is not None
    ]
