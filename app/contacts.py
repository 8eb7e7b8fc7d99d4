"""Contacts (interventions): record, edit, delete as a tombstone, repeat.

A form works with a ``ContactInput`` (plain values, JSON-able for drafts):
``contact_defaults()`` or ``repeat_last_contact()`` fill one, the form edits it,
``create_contact()`` / ``update_contact()`` validate and save it. Validation
raises ``ValidationFailed`` (every bad field at once) before anything is
written; more supplies than in stock raises ``StockShortage`` unless
``allow_negative_stock=True`` (the UI asks, then saves again with it).
Entities touched: "contact", plus "person" (last contact, counts) and "supply_item"/"stock_movement"
(stock) when relevant.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import codes, contact_write, history, people, plain_sql, supplies
from app.contact_snapshot import contact_snapshot, snapshot_of
from app.validation import FUTURE_DATE, NEGATIVE, NOT_FOUND, OUT_OF_RANGE, REQUIRED, UNKNOWN_CODE, Collector, fail
from models.base import utcnow
from models.codes import CONTACT_TYPE, INITIATOR, PLACE, THEME, UNMET_NEED
from models.contacts import Contact
from models.people import Person

ENTITY = "contact"
DEFAULT_DURATION_MIN = 10
MAX_DURATION_MIN = 24 * 60


@dataclass
class ContactInput:
    """What a contact form holds. ``None`` for when/duration/place means "use the default"."""

    occurred_at: datetime | None = None
    duration_min: int | None = None
    place_code: str | None = None
    person_ids: list[int] = field(default_factory=list)
    unidentified_count: int = 0
    initiated_by: str = "worker"
    types: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    supplies: dict[int, int] = field(default_factory=dict)  # item id -> quantity given
    notes: str = ""
    follow_up_on: date | None = None
    follow_up_done: bool = False
    share_with_supervision: bool = False
    unmet_needs: list[str] = field(default_factory=list)  # code list unmet_need (issue 13)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (for drafts): dates as ISO text, supply keys as text."""
        data = asdict(self)
        data["occurred_at"] = self.occurred_at.isoformat() if self.occurred_at else None
        data["follow_up_on"] = self.follow_up_on.isoformat() if self.follow_up_on else None
        data["supplies"] = {str(k): v for k, v in self.supplies.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ContactInput":
        data = dict(data)
        if data.get("occurred_at"):
            data["occurred_at"] = datetime.fromisoformat(data["occurred_at"])
        if data.get("follow_up_on"):
            data["follow_up_on"] = date.fromisoformat(data["follow_up_on"])
        data["supplies"] = {int(k): int(v) for k, v in (data.get("supplies") or {}).items()}
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def get_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(
        Contact, contact_id,
        options=[selectinload(Contact.persons), selectinload(Contact.types), selectinload(Contact.themes),
                 selectinload(Contact.supplies), selectinload(Contact.unmet_needs)],
    )
    if contact is None or contact.deleted_at is not None:
        fail("contact", NOT_FOUND, "This contact no longer exists.")
    return contact


def _last_entered(session: Session) -> Contact | None:
    return session.scalars(
        select(Contact).where(Contact.deleted_at.is_(None)).order_by(Contact.id.desc()).limit(1)
    ).first()


def contact_defaults(session: Session, *, now: datetime | None = None) -> ContactInput:
    """A blank form: now, and the place and duration of the last contact entered."""
    last = _last_entered(session)
    return ContactInput(
        occurred_at=now or _now(),
        duration_min=last.duration_min if last else DEFAULT_DURATION_MIN,
        place_code=last.place_code if last else "",
    )


def defaults_after_new(saved: ContactInput, *, now: datetime | None = None) -> ContactInput | None:
    """``contact_defaults`` right after ``saved`` was created: it is the last contact entered,
    so its place and duration are the next ones (None when it left them to the defaults)."""
    if saved.duration_min is None or saved.place_code is None:
        return None
    return ContactInput(occurred_at=now or _now(), duration_min=saved.duration_min, place_code=saved.place_code)


def contact_input(session: Session, contact_id: int) -> ContactInput:
    """The form values of a saved contact (to edit it)."""
    c = get_contact(session, contact_id)
    return ContactInput(
        occurred_at=c.occurred_at, duration_min=c.duration_min, place_code=c.place_code,
        person_ids=[p.id for p in c.persons], unidentified_count=c.unidentified_count,
        initiated_by=c.initiated_by, types=c.type_codes, themes=c.theme_codes,
        supplies={line.item_id: line.quantity for line in c.supplies}, notes=c.notes,
        follow_up_on=c.follow_up_on, follow_up_done=c.follow_up_done,
        share_with_supervision=c.share_with_supervision, unmet_needs=c.unmet_need_codes,
    )


def repeat_last_contact(session: Session, person_id: int, *, now: datetime | None = None) -> ContactInput | None:
    """A form pre-filled like this person's latest contact, dated now (None if they have none).

    Copies place, duration, who initiated, types and themes; not the notes,
    supplies or follow-up, which belong to one meeting.
    """
    last = session.scalars(
        select(Contact)
        .join(Contact.persons)
        .where(Person.id == person_id, Contact.deleted_at.is_(None))
        .order_by(Contact.occurred_at.desc(), Contact.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return None
    return ContactInput(
        occurred_at=now or _now(), duration_min=last.duration_min, place_code=last.place_code,
        person_ids=[person_id], initiated_by=last.initiated_by, types=last.type_codes, themes=last.theme_codes,
    )


def _validate(
    cur, data: ContactInput, today: date, current: contact_write.StoredContact | None
) -> tuple[list[tuple[int, str]], dict[int, supplies.Stock]]:
    """Every bad field at once; returns the contact's people as (id, uid) and its live supply items."""
    check = Collector()
    if data.occurred_at is not None and data.occurred_at.date() > today:
        check.add("occurred_at", FUTURE_DATE, "The contact's date is after today.")
    if data.duration_min is not None:
        if data.duration_min < 0:
            check.add("duration_min", NEGATIVE, "The duration cannot be negative.")
        elif data.duration_min > MAX_DURATION_MIN:
            check.add("duration_min", OUT_OF_RANGE, "The duration is longer than a day.")
    if data.unidentified_count < 0:
        check.add("unidentified_count", NEGATIVE, "The number of unidentified persons cannot be negative.")
    ids = list(dict.fromkeys(data.person_ids))
    found = dict(cur.execute(_LIVE_PEOPLE.format(plain_sql.marks(len(ids))), ids)) if ids else {}
    if len(found) < len(ids):
        check.add("persons", NOT_FOUND, "A person of this contact no longer exists.")
    elif not ids and data.unidentified_count <= 0:
        check.add("persons", REQUIRED, "Choose a person or count the unidentified persons.")
    if not data.types:  # every contact is counted under a type: the report's tables add up
        check.add("types", REQUIRED, "Choose at least one type of contact.")
    kept_codes = {
        PLACE: {current.columns["place_code"]} if current else set(),
        CONTACT_TYPE: set(current.links["types"]) if current else set(),
        THEME: set(current.links["themes"]) if current else set(),
        INITIATOR: {current.columns["initiated_by"]} if current else set(),
        UNMET_NEED: set(current.links["unmet_needs"]) if current else set(),
    }

    active = codes.active_codes_in(cur, (PLACE, INITIATOR, CONTACT_TYPE, THEME, UNMET_NEED))

    def allowed(list_name: str) -> set[str]:
        # Active codes, plus retired ones the record already had (editing keeps them).
        return active[list_name] | kept_codes[list_name]

    if data.place_code and data.place_code not in allowed(PLACE):
        check.add("place_code", UNKNOWN_CODE, f"Unknown place {data.place_code!r}.")
    if data.initiated_by not in allowed(INITIATOR):
        check.add("initiated_by", UNKNOWN_CODE, f"Unknown initiator {data.initiated_by!r}.")
    for name, list_name, values in (("types", CONTACT_TYPE, data.types), ("themes", THEME, data.themes),
                                    ("unmet_needs", UNMET_NEED, data.unmet_needs)):
        unknown = set(values) - allowed(list_name)
        if unknown:
            check.add(name, UNKNOWN_CODE, f"Unknown {name}: {', '.join(sorted(unknown))}.")
    items = supplies.live_stock(cur, data.supplies) if data.supplies else {}
    for item_id, qty in sorted(data.supplies.items()):
        if qty < 0:
            check.add(f"supplies[{item_id}]", NEGATIVE, "A quantity given cannot be negative.")
        elif item_id not in items:
            check.add(f"supplies[{item_id}]", NOT_FOUND, "This supply item no longer exists.")
    check.raise_if_any()
    return [(i, found[i]) for i in ids], items


def _filled(data: ContactInput) -> dict[str, Any]:
    """The columns a form always sets (when, duration and place may be left to the defaults)."""
    return {
        "unidentified_count": data.unidentified_count,
        "initiated_by": data.initiated_by,
        "notes": data.notes or "",
        "follow_up_on": data.follow_up_on,
        "follow_up_done": bool(data.follow_up_done) if data.follow_up_on else False,
        "share_with_supervision": bool(data.share_with_supervision),
    }


def _links(data: ContactInput, persons: list[tuple[int, str]]) -> dict[str, list]:
    return {
        "persons": [pid for pid, _uid in persons], "types": list(dict.fromkeys(data.types)),
        "themes": list(dict.fromkeys(data.themes)), "unmet_needs": list(dict.fromkeys(data.unmet_needs)),
    }


def _snapshot(columns: dict, persons: list[tuple[int, str]], links: dict[str, list], lines) -> dict:
    return snapshot_of(columns, person_uids=[uid for _pid, uid in persons], types=links["types"],
                       themes=links["themes"], unmet_needs=links["unmet_needs"], supplies=lines)


@dataclass(frozen=True)
class ContactChange:
    """What a save touched, for ``ctx.notify(*change.entities)``."""

    contact: Contact
    person_ids: frozenset[int]
    supply_item_ids: frozenset[int]

    @property
    def entities(self) -> set[str]:
        out = {ENTITY, people.ENTITY}
        if self.supply_item_ids:
            out |= {supplies.ENTITY, supplies.MOVEMENT_ENTITY}
        return out


# The save path writes in plain SQL (app.plain_sql, app.contact_write): the rows, history
# versions and counters are those the ORM wrote, in the same order, at a tenth of the cost.
_LIVE_PEOPLE = "SELECT id, uid FROM person WHERE id IN ({}) AND deleted_at IS NULL AND merged_into_id IS NULL"
_LAST_ENTERED = "SELECT duration_min, place_code FROM contact WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1"


def create_contact(
    session: Session, data: ContactInput, *, allow_negative_stock: bool = False, today: date | None = None
) -> ContactChange:
    """Validate and save a new contact (defaults: now, last place and duration)."""
    cur = plain_sql.cursor(session)
    persons, items = _validate(cur, data, today or date.today(), None)
    lines = {i: q for i, q in data.supplies.items() if q > 0}
    if not allow_negative_stock:
        supplies.check_shortage(items, lines, {})
    values = {"occurred_at": data.occurred_at or _now(), "duration_min": data.duration_min,
              "place_code": data.place_code, **_filled(data)}
    if data.duration_min is None or data.place_code is None:  # contact_defaults
        last = cur.execute(_LAST_ENTERED).fetchone()
        if data.duration_min is None:
            values["duration_min"] = last[0] if last else DEFAULT_DURATION_MIN
        if data.place_code is None:
            values["place_code"] = last[1] if last else ""
    links = _links(data, persons)
    row = contact_write.insert(cur, values, links)
    touched = supplies.give_for_contact(session, row["id"], row["uid"], lines, row["occurred_at"], items)
    if lines:
        contact_write.replace_lines(cur, row["id"], lines)
    snapshot = _snapshot(row, persons, links, [(items[i].uid, q) for i, q in lines.items()])
    history.append_plain(cur, ENTITY, history.CREATE, snapshot, history.changed_fields(None, snapshot))
    people.count_new_contact(session, links["persons"], row["occurred_at"])
    return ContactChange(plain_sql.attached(session, Contact, row), frozenset(links["persons"]), frozenset(touched))


def update_contact(
    session: Session, contact_id: int, data: ContactInput, *, allow_negative_stock: bool = False,
    today: date | None = None,
) -> ContactChange:
    """Validate and save changes; the previous version stays in history. ``None`` fields keep their value."""
    cur = plain_sql.cursor(session)
    stored = contact_write.load(cur, contact_id)
    if stored is None or stored.columns["deleted_at"] is not None:
        fail("contact", NOT_FOUND, "This contact no longer exists.")
    persons, items = _validate(cur, data, today or date.today(), stored)
    lines = {i: q for i, q in data.supplies.items() if q > 0}
    given_before = supplies.given_by_contact(cur, contact_id)
    if not allow_negative_stock:
        supplies.check_shortage(items, lines, given_before)
    before = stored.columns
    after = dict(before, **_filled(data))
    for key in ("occurred_at", "duration_min", "place_code"):
        if getattr(data, key) is not None:
            after[key] = getattr(data, key)
    changed = {k: v for k, v in after.items() if v != before[k]}  # what the ORM's flush would write
    links = _links(data, persons)
    for name, wanted in links.items():
        contact_write.set_links(cur, contact_id, name, stored.links[name], wanted)
    if stored.supplies == lines and lines == given_before:
        touched: set[int] = set()
        supply_lines = [(uid, q) for _item_id, q, uid in stored.lines]
    else:  # the contact's movements are replaced by new ones
        touched = supplies.take_back_for_contact(session, contact_id)
        contact_write.replace_lines(cur, contact_id, lines)
        touched |= supplies.give_for_contact(session, contact_id, before["uid"], lines, after["occurred_at"], items)
        supply_lines = [(items[i].uid, q) for i, q in lines.items()]
    snapshot = _snapshot(after, persons, links, supply_lines)
    fields = history.changed_fields(history.last_data(cur, ENTITY, before["uid"]), snapshot)
    if fields:  # history.record_update: a new version
        changed.update(version=(before["version"] or 1) + 1, updated_at=utcnow())
        snapshot.update(version=changed["version"], updated_at=history.jsonable(changed["updated_at"]))
        history.append_plain(cur, ENTITY, history.UPDATE, snapshot, fields)
    elif changed:
        changed.update(contact_write.CONTACTS.on_update())
    if changed:
        contact_write.CONTACTS.update(cur, contact_id, changed)
        after.update(changed)
    affected = set(stored.links["persons"]) | set(links["persons"])
    if set(stored.links["persons"]) == set(links["persons"]) and after["occurred_at"] == before["occurred_at"]:
        affected = set()  # the same people, the same time: their counters stay as they are (no recount)
    people.refresh_stats(session, affected)
    contact = plain_sql.attached(session, Contact, after)
    return ContactChange(contact, frozenset(affected), frozenset(touched))


def delete_contact(session: Session, contact_id: int) -> ContactChange:
    """Tombstone: hidden from lists and counts, kept in history; supplies go back to stock."""
    contact = get_contact(session, contact_id)
    touched = supplies.take_back_for_contact(session, contact.id)
    history.record_delete(session, contact, data=contact_snapshot(contact))
    ids = {p.id for p in contact.persons}
    people.refresh_stats(session, ids)
    return ContactChange(contact, frozenset(ids), frozenset(touched))


def set_follow_up_done(session: Session, contact_id: int, done: bool = True) -> ContactChange:
    """Tick (or untick) a follow-up from Today."""
    contact = get_contact(session, contact_id)
    contact.follow_up_done = done
    history.record_update(session, contact, data=contact_snapshot(contact))
    return ContactChange(contact, frozenset(), frozenset())
