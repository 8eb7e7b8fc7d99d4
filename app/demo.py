"""Synthetic floor data for demos and benchmarks: invented aliases, never real people.

The shape follows the pilot (DESIGN section 1): about 50 interventions a month,
mostly men, a long tail of people seen once, a few seen every week, supplies
given in about one contact in seven, more warm clothes in winter. Everything
comes from one seeded ``random.Random``: the same seed and end date give the
same vault. Rows go in with bulk Core inserts (one history version each), so
five years of a busy site (150,000 contacts) take well under a minute or two.
"""
from __future__ import annotations

import random
import uuid
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app import history, settings
from app.errors import InvalidInput
from app.records.schema import snapshot_fields
from app.demo_words import (
    AGES,
    COLOURS,
    DURATIONS,
    GROUPS,
    INITIATORS,
    INVARIABLE,
    ITEMS,
    LANGS,
    MEN,
    NOTES,
    PLACES,
    QUALIFIERS,
    SUPPLIES,
    THEMES,
    TRAITS,
    TYPES,
    WOMEN,
)
from app.textsearch import fold
from models.base import utcnow
from models.contacts import Contact, ContactSupply, ContactTheme, ContactType, contact_person
from models.history import RecordVersion
from models.people import Person, PersonGroup
from models.supplies import GIVEN, RECEIVED, StockMovement, SupplyItem

PILOT_CONTACTS_PER_WEEK = 12  # ~50 a month
DEMO_AUTHOR = "demo"  # RecordVersion.changed_by of every generated row
DEMO_SETTING = "demo_data"  # set to "yes" in a vault that holds generated data


@dataclass(frozen=True)
class DemoStats:
    people: int
    contacts: int
    supply_items: int
    movements: int
    start: date
    end: date


class _Weighted:
    """Fast repeated weighted choice (random.choices recomputes the cumulative sums)."""

    def __init__(self, pairs):
        self.values = [v for v, _ in pairs]
        self.cum = list(accumulate(w for _, w in pairs))

    def pick(self, rng: random.Random):
        return self.values[bisect_right(self.cum, rng.random() * self.cum[-1])]



def _snap(entity: str, row: dict) -> dict:
    """The row's columns that the record schema puts in a snapshot (extras are added after)."""
    return {k: row[k] for k in snapshot_fields(entity) if k in row}

def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _alias(rng: random.Random, gender: str) -> tuple[str, str]:
    name = rng.choice(MEN if gender == "man" else WOMEN)
    g = "m" if gender == "man" else "f"
    shape = rng.random()
    if shape < 0.5:
        noun, noun_gender, plural = rng.choice(ITEMS)
        colour = rng.choice(COLOURS)[0 if noun_gender == "m" else 1]
        if plural and colour not in INVARIABLE:
            colour += "s"
        return f"{rng.choice(QUALIFIERS[g])} {name}, {noun} {colour}", name
    if shape < 0.85:
        return f"{name} {rng.choice(TRAITS)}", name
    return f"{rng.choice(QUALIFIERS[g])} {name} {rng.choice(TRAITS)}", name


def _opening_slots(start: date, end: date) -> list[date]:
    """Days the worker is on duty: weekdays (street work included), Saturdays now and then."""
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 or day.weekday() == 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _moment(rng: random.Random, day: date, place: str) -> datetime:
    if place == "street_downtown":
        hour = rng.choice([13, 14, 15, 16, 19, 20, 21])
    else:
        hour = rng.choice([10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
    return datetime.combine(day, time(hour, rng.randrange(0, 60, 5)))


def _next_id(session: Session, model) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def has_hand_entered_data(session: Session) -> bool:
    """True when someone recorded people or contacts by hand (not this generator)."""
    return session.scalar(
        select(func.count()).select_from(RecordVersion).where(
            RecordVersion.entity.in_(("person", "contact")), RecordVersion.changed_by != DEMO_AUTHOR
        )
    ) > 0


def generate(
    session: Session, *, weeks: int, seed: int = 1, end: date | None = None,
    contacts_per_week: int | None = None, people: int | None = None, chunk: int = 5000,
) -> DemoStats:
    """Add ``weeks`` of synthetic contacts ending ``end`` (default today) to the vault.

    ``contacts_per_week`` defaults to the pilot's rate (about 50 a month); the
    number of ``people`` defaults to the pilot's ratio of people to contacts
    (82 for 251 over 5 months), at least a dozen.
    """

    if has_hand_entered_data(session):
        raise InvalidInput(
            "This vault holds people or contacts entered by hand; demo data goes in a separate vault (--data-dir)."
        )
    settings.set_many(session, {DEMO_SETTING: "yes"})
    rng = random.Random(seed)
    end = end or date.today()
    start = end - timedelta(weeks=weeks) + timedelta(days=1)
    per_week = contacts_per_week or PILOT_CONTACTS_PER_WEEK
    total = max(1, round(per_week * weeks))
    n_people = people or max(12, round(total * 82 / 251))
    n_people = min(n_people, total)
    now = utcnow()

    days = _opening_slots(start, end)
    pick_type, pick_theme = _Weighted(TYPES), _Weighted(THEMES)
    pick_place, pick_duration = _Weighted(PLACES), _Weighted(DURATIONS)
    pick_initiator, pick_age = _Weighted(INITIATORS), _Weighted(AGES)
    pick_langs, pick_group = _Weighted(LANGS), _Weighted(GROUPS)

    # ---- supplies ----------------------------------------------------------
    # A second run on the same vault adds to it: fresh uids, the same supply items.
    item_id0 = _next_id(session, SupplyItem)
    uid_rng = random.Random(f"{seed}:{item_id0}:{_next_id(session, Person)}:{_next_id(session, Contact)}")
    existing = {i.name: i for i in session.scalars(select(SupplyItem).where(SupplyItem.deleted_at.is_(None)))}
    items, new_items, item_versions = [], [], []
    for n, (name, unit, low, _winter) in enumerate(SUPPLIES):
        if name in existing:
            old = existing[name]
            items.append(dict(id=old.id, uid=old.uid, stock_on_hand=old.stock_on_hand))
            continue
        row = dict(
            id=item_id0 + len(new_items), uid=_uid(uid_rng), version=1, created_at=now, updated_at=now,
            deleted_at=None, name=name, unit=unit, stock_on_hand=0, low_stock_level=low,
            sort_order=(n + 1) * 10, retired=False,
        )
        items.append(row)
        new_items.append(row)
        item_versions.append((row["uid"], _snap("supply_item", row)))

    # ---- people: arrival day, how often they come back ---------------------
    person_id0 = _next_id(session, Person)
    persons, groups, weights, arrival = [], [], [], []
    seen_aliases: set[str] = set()
    for n in range(n_people):
        gender = "man" if rng.random() < 0.7 else ("woman" if rng.random() < 0.93 else "non_binary")
        alias, name = _alias(rng, gender)
        tries = 0
        while alias in seen_aliases and tries < 20:
            alias, name = _alias(rng, gender)
            tries += 1
        seen_aliases.add(alias)
        first = name if rng.random() < 0.3 else ""
        kind = rng.random()
        weights.append(40.0 if kind < 0.05 else (4.0 if kind < 0.30 else 0.0))  # regular / occasional / once
        arrival.append(rng.randrange(len(days)) if n >= 3 else 0)
        langs = pick_langs.pick(rng)
        consent = rng.random()
        persons.append(dict(
            id=person_id0 + n, uid=_uid(uid_rng), version=1, deleted_at=None, alias=alias, first_name=first,
            search_key=fold(f"{alias} {first}"), age_bracket=pick_age.pick(rng),
            gender=gender if rng.random() < 0.9 else None, gender_self="", languages=" ".join(langs),
            notes="", consent_scope="alias" if consent < 0.3 else "none",
            consent_on=None, consent_notes="", archived_at=None, merged_into_id=None,
            last_contact_at=None, contact_count=0,
        ))
        if persons[-1]["consent_scope"] != "none":
            persons[-1]["consent_on"] = days[arrival[-1]]
        if rng.random() < 0.12:
            groups.append(dict(person_id=person_id0 + n, code=pick_group.pick(rng)))

    # ---- contacts: each person's first meeting, then weighted returns -------
    order = sorted(range(n_people), key=lambda i: arrival[i])
    slots = [(arrival[i], i) for i in order]
    for _ in range(total - n_people):
        slots.append((rng.randrange(len(days)), None))
    slots.sort(key=lambda s: s[0])
    # People who have arrived by a given slot, with cumulative weights for returns.
    contact_id0 = _next_id(session, Contact)
    movement_id0 = _next_id(session, StockMovement)
    line_id0 = _next_id(session, ContactSupply)
    stock = [it["stock_on_hand"] for it in items]
    arrived: list[int] = []
    arrived_cum: list[float] = []
    a_ptr = 0
    contacts, links, types, themes, lines, moves = [], [], [], [], [], []
    last_seen: dict[int, datetime] = {}
    counts = [0] * n_people
    versions: list[tuple[str, dict]] = []
    person_uid = {p["id"]: p["uid"] for p in persons}
    item_uid = {it["id"]: it["uid"] for it in items}
    month_received: set[tuple[int, int]] = set()

    def receive(day: date, k: int, qty: int) -> None:
        mid = movement_id0 + len(moves)
        when = datetime.combine(day, time(9, 0))
        moves.append(dict(
            id=mid, uid=_uid(uid_rng), version=1, created_at=when, updated_at=when, deleted_at=None,
            item_id=items[k]["id"], kind=RECEIVED, quantity=qty, occurred_at=when, note="Don", contact_id=None,
        ))
        stock[k] += qty

    for n, (day_ix, newcomer) in enumerate(slots):
        day = days[day_ix]
        if (day.year, day.month) not in month_received:
            month_received.add((day.year, day.month))
            winter = day.month in (11, 12, 1, 2, 3)
            for k, (_name, _unit, low, winter_item) in enumerate(SUPPLIES):
                scale = max(1, per_week // 12)
                if (not winter_item or winter) and stock[k] < 2 * low * scale:
                    receive(day, k, 3 * low * scale + rng.randrange(low + 1))
        while a_ptr < len(order) and arrival[order[a_ptr]] <= day_ix:
            i = order[a_ptr]
            arrived.append(i)
            arrived_cum.append((arrived_cum[-1] if arrived_cum else 0.0) + weights[i] + 0.02)
            a_ptr += 1
        if newcomer is not None:
            who = [newcomer]
        else:
            who = [arrived[bisect_right(arrived_cum, rng.random() * arrived_cum[-1])]]
            if rng.random() < 0.1:
                other = arrived[bisect_right(arrived_cum, rng.random() * arrived_cum[-1])]
                if other != who[0]:
                    who.append(other)
        unidentified = 0
        if rng.random() < 0.06:
            unidentified = rng.randint(1, 3)
        place = pick_place.pick(rng)
        at = _moment(rng, day, place)
        cid = contact_id0 + n
        ctypes = {"first_contact"} if newcomer is not None else {pick_type.pick(rng)}
        if rng.random() < 0.3:
            ctypes.add(pick_type.pick(rng))
        cthemes = {pick_theme.pick(rng)}
        if rng.random() < 0.35:
            cthemes.add(pick_theme.pick(rng))
        given: dict[int, int] = {}
        winter = day.month in (11, 12, 1, 2, 3)
        if rng.random() < 0.14:
            ctypes.add("emergency_supplies")
            for _ in range(rng.choice((1, 1, 2))):
                k = rng.randrange(len(items))
                if SUPPLIES[k][3] and not winter:
                    k = 0
                given[k] = given.get(k, 0) + rng.choice((1, 1, 2, 3))
        follow_up = None
        done = False
        if rng.random() < 0.08:
            follow_up = day + timedelta(days=rng.randint(1, 14))
            done = follow_up < end - timedelta(days=3) and rng.random() < 0.92
        if follow_up and follow_up > end + timedelta(days=14):
            follow_up = None
        created = at + timedelta(minutes=rng.randint(1, 90))
        row = dict(
            id=cid, uid=_uid(uid_rng), version=1, created_at=created, updated_at=created, deleted_at=None,
            occurred_at=at, duration_min=pick_duration.pick(rng), place_code=place,
            unidentified_count=unidentified, initiated_by="worker" if newcomer is not None and rng.random() < 0.6
            else pick_initiator.pick(rng), notes=rng.choice(NOTES), follow_up_on=follow_up,
            follow_up_done=done, share_with_supervision=rng.random() < 0.03,
        )
        contacts.append(row)
        for i in who:
            links.append(dict(contact_id=cid, person_id=person_id0 + i))
            counts[i] += 1
            if last_seen.get(i) is None or at > last_seen[i]:
                last_seen[i] = at
        types += [dict(contact_id=cid, code=c) for c in sorted(ctypes)]
        themes += [dict(contact_id=cid, code=c) for c in sorted(cthemes)]
        supply_pairs = []
        for k, qty in sorted(given.items()):
            lines.append(dict(id=line_id0 + len(lines), contact_id=cid, item_id=items[k]["id"], quantity=qty))
            moves.append(dict(
                id=movement_id0 + len(moves), uid=_uid(uid_rng), version=1, created_at=created, updated_at=created,
                deleted_at=None, item_id=items[k]["id"], kind=GIVEN, quantity=-qty, occurred_at=at, note="",
                contact_id=cid,
            ))
            stock[k] -= qty
            supply_pairs.append([item_uid[items[k]["id"]], qty])
        snap = _snap("contact", row)
        snap.update(
            person_uids=sorted(person_uid[person_id0 + i] for i in who), types=sorted(ctypes),
            themes=sorted(cthemes), supplies=sorted(supply_pairs), unmet_needs=[],
        )
        versions.append((row["uid"], snap))

    # A shelf running low makes Today's low-stock list worth a look in a demo.
    for k in (2, 3):
        if stock[k] > SUPPLIES[k][2]:
            when = datetime.combine(end, time(9, 0))
            qty = stock[k] - max(0, SUPPLIES[k][2] - 1)
            moves.append(dict(
                id=movement_id0 + len(moves), uid=_uid(uid_rng), version=1, created_at=when, updated_at=when,
                deleted_at=None, item_id=items[k]["id"], kind="adjusted", quantity=-qty, occurred_at=when,
                note="Inventaire", contact_id=None,
            ))
            stock[k] -= qty
    for k, row in enumerate(items):
        row["stock_on_hand"] = stock[k]
    for item in existing.values():
        for k, row in enumerate(items):
            if row["id"] == item.id:
                item.stock_on_hand = stock[k]
    for n, row in enumerate(persons):
        row["last_contact_at"] = last_seen.get(n)
        row["contact_count"] = counts[n]
        first_seen = datetime.combine(days[arrival[n]], time(9, 0))
        row["created_at"] = row["updated_at"] = first_seen

    person_versions = []
    group_codes: dict[int, list[str]] = {}
    for g in groups:
        group_codes.setdefault(g["person_id"], []).append(g["code"])
    for row in persons:
        snap = _snap("person", row)
        snap.update(groups=group_codes.get(row["id"], []), merged_into_uid=None)
        person_versions.append((row["uid"], snap))
    move_versions = []
    for m in moves:
        snap = _snap("stock_movement", m)
        snap.update(item_uid=item_uid[m["item_id"]], contact_uid=None)
        move_versions.append((m["uid"], snap))
    contact_uid = {c["id"]: c["uid"] for c in contacts}
    for (uid_, snap), m in zip(move_versions, moves):
        if m["contact_id"] is not None:
            snap["contact_uid"] = contact_uid[m["contact_id"]]

    def bulk(table, rows):
        for i in range(0, len(rows), chunk):
            session.execute(insert(table), rows[i:i + chunk])

    bulk(SupplyItem.__table__, new_items)
    bulk(Person.__table__, persons)
    bulk(PersonGroup.__table__, groups)
    bulk(Contact.__table__, contacts)
    bulk(contact_person, links)
    bulk(ContactType.__table__, types)
    bulk(ContactTheme.__table__, themes)
    bulk(ContactSupply.__table__, lines)
    bulk(StockMovement.__table__, moves)
    for entity, recs in (
        ("supply_item", item_versions), ("person", person_versions), ("contact", versions),
        ("stock_movement", move_versions),
    ):
        bulk(RecordVersion.__table__, history.bulk_rows(entity, recs, changed_by=DEMO_AUTHOR, at=now))
    # Other areas add their sample data after this point (the directory's
    # sample import, issue 4, hooks in from app/commands/demo.py).
    return DemoStats(
        people=len(persons), contacts=len(contacts), supply_items=len(new_items), movements=len(moves),
        start=start, end=end,
    )
