"""A list's contact rows, read in one statement: ``ContactRow`` and ``rows_by_id``.

``app.lists`` pages and re-reads contacts through it; a save re-reads one row on
the GUI thread, so it skips SQLAlchemy (~0.1 ms an execute, more to build one).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.plain_sql import fetch


@dataclass(frozen=True)
class ContactRow:
    id: int
    uid: str
    occurred_at: datetime
    duration_min: int
    place_code: str
    initiated_by: str
    person_ids: tuple[int, ...]
    person_aliases: tuple[str, ...]
    unidentified_count: int
    type_codes: tuple[str, ...]
    theme_codes: tuple[str, ...]
    supplies: tuple[tuple[str, int], ...]  # (item name, quantity)
    notes: str
    follow_up_on: date | None
    follow_up_done: bool
    share_with_supervision: bool

    @property
    def people_count(self) -> int:
        return len(self.person_ids) + self.unidentified_count


# The rows' one statement on the raw DB-API cursor (SQLAlchemy costs ~0.1 ms an execute and
# more to build five): each contact, then its people, types, themes and supplies, the part
# in the first column; the ids are one bound JSON array.
_IDS = "(SELECT value FROM json_each(?1))"
_PAD = ", NULL" * 10
_ROWS_SQL = f"""
SELECT 0, c.id, c.uid, c.occurred_at, c.duration_min, c.place_code, c.initiated_by, c.unidentified_count,
       c.notes, c.follow_up_on, c.follow_up_done, c.share_with_supervision, c.deleted_at IS NOT NULL, c.version
  FROM contact c WHERE c.id IN {_IDS}
UNION ALL SELECT 1, cp.contact_id, p.alias, p.id{_PAD}
  FROM contact_person cp JOIN person p ON p.id = cp.person_id WHERE cp.contact_id IN {_IDS}
UNION ALL SELECT 2, contact_id, code, NULL{_PAD} FROM contact_type WHERE contact_id IN {_IDS}
UNION ALL SELECT 3, contact_id, code, NULL{_PAD} FROM contact_theme WHERE contact_id IN {_IDS}
UNION ALL SELECT 4, cs.contact_id, si.name, cs.quantity, cs.id{_PAD[:-6]}
  FROM contact_supply cs JOIN supply_item si ON si.id = cs.item_id WHERE cs.contact_id IN {_IDS}
"""


def rows_by_id(session: Session, ids: list[int]) -> dict[int, tuple[ContactRow, bool, int]]:
    """id -> (row, deleted, version), the rows ``app.lists`` made with five SQLAlchemy queries:
    SQLAlchemy's conversions are done here (SQLite keeps a DateTime as 'YYYY-MM-DD HH:MM:SS.ffffff',
    a Date as 'YYYY-MM-DD', a Boolean as 0/1)."""
    parts = fetch(session, _ROWS_SQL, (json.dumps(ids),))
    contacts, persons, types, themes, given = [], {}, {}, {}, {}
    for part, cid, a, b, *rest in parts:
        if part == 0:
            contacts.append((cid, a, b, rest))
        elif part == 1:
            persons.setdefault(cid, []).append((a.casefold(), b, a))
        elif part == 2:
            types.setdefault(cid, []).append(a)
        elif part == 3:
            themes.setdefault(cid, []).append(a)
        else:
            given.setdefault(cid, []).append((rest[0], a, b))
    rows = {}
    for cid, uid, occurred, (duration, place, initiated, unidentified, notes, follow, done, share, gone, version) in contacts:
        who = sorted(persons.get(cid, ()))
        rows[cid] = ContactRow(
            id=cid, uid=uid, occurred_at=datetime.fromisoformat(occurred), duration_min=duration, place_code=place,
            initiated_by=initiated, person_ids=tuple(p for _, p, _ in who), person_aliases=tuple(a for _, _, a in who),
            unidentified_count=unidentified, type_codes=tuple(sorted(types.get(cid, ()))),
            theme_codes=tuple(sorted(themes.get(cid, ()))),
            supplies=tuple((name, qty) for _, name, qty in sorted(given.get(cid, ()))), notes=notes,
            follow_up_on=None if follow is None else date.fromisoformat(follow), follow_up_done=bool(done),
            share_with_supervision=bool(share),
        ), bool(gone), version
    return rows
