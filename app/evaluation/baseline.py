"""Baseline incidents: the library's incident reports from before the pilot, imported from CSV.

Columns by header name: ``date`` (YYYY-MM-DD) and ``intensity`` (1-5) are required;
``time`` (HH:MM), ``zone``, ``parties`` (patron-patron, patron-staff, other) and
``emergency`` (yes/no: police or ambulance came) are optional. A library with its own
categories gives a map (category,intensity): the ``intensity`` column (or a ``category``
column) then holds the category. Each row's key is a hash of its own values and its
occurrence in the file, so importing the same file again adds nothing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import history
from app.evaluation import csvfile
from app.errors import InvalidInput
from app.textsearch import fold
from models.activity import INTENSITIES
from models.evaluation import BaselineIncident

ENTITY = BaselineIncident.__tablename__
REQUIRED = ("date",)
OPTIONAL = ("intensity", "category", "time", "zone", "parties", "emergency")
PARTIES = {"patron-patron": "patron_patron", "patron-staff": "patron_staff", "other": "other"}
YES = {"yes", "y", "oui", "o", "1", "true", "vrai"}
NO = {"no", "n", "non", "0", "false", "faux", ""}


@dataclass(frozen=True)
class Incident:
    """One good row, ready to be written."""

    row: int
    occurred_on: date
    occurred_time: str
    zone: str
    parties: str
    intensity: int
    emergency: bool
    key: str


def read_map(path: Path) -> dict[str, int]:
    """category,intensity lines (a header line is allowed) -> {folded category: 1..5}."""
    text = csvfile.read_text(path)
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        sep = ";" if line.count(";") > line.count(",") else ","
        category, _, level = line.rpartition(sep)
        if number == 1 and level.strip().lower() == "intensity":
            continue
        if not category.strip() or level.strip() not in {str(i) for i in INTENSITIES}:
            raise InvalidInput(f"{Path(path).name}, line {number}: expected category,intensity (1 to 5).")
        out[fold(category.strip().strip('"'))] = int(level)
    if not out:
        raise InvalidInput(f"{Path(path).name} maps no category.")
    return out


def parse(text: str, file_name: str, mapping: dict[str, int] | None = None, *, today: date | None = None):
    """(good incidents, bad rows). ``mapping``: folded category -> intensity."""
    today = today or date.today()
    good: list[Incident] = []
    errors = []
    seen: dict[str, int] = {}
    rows = list(csvfile.rows(text, file_name, REQUIRED, OPTIONAL))
    level_column = "category" if mapping and rows and "category" in rows[0][1] else "intensity"
    if rows and level_column not in rows[0][1]:
        raise InvalidInput(f"{file_name} has no column 'intensity'.")
    for number, cells in rows:
        bad = lambda name, code, why: errors.append(csvfile.error(file_name, number, name, code, why))  # noqa: E731
        before = len(errors)
        try:
            day = date.fromisoformat(cells["date"])
        except ValueError:
            day = None
            bad("date", "not_a_date", f"{cells['date']!r} is not a date (YYYY-MM-DD).")
        if day is not None and day > today:
            bad("date", "future_date", "The date is after today.")
        raw = cells.get(level_column, "")
        level = None
        if mapping:
            level = mapping.get(fold(raw))
            if level is None:
                bad(level_column, "unknown_category", f"{raw!r} is not a category of the map." if raw
                    else "The category is missing.")
        elif raw in {str(i) for i in INTENSITIES}:
            level = int(raw)
        else:
            bad("intensity", "out_of_range", f"{raw!r} is not an intensity from 1 to 5." if raw
                else "The intensity is missing.")
        when = cells.get("time", "")
        if when and not _is_time(when):
            bad("time", "not_a_time", f"{when!r} is not a time (HH:MM).")
        parties_text = cells.get("parties", "").lower().replace("_", "-")
        if parties_text and parties_text not in PARTIES:
            bad("parties", "unknown_code", f"{cells['parties']!r} is not patron-patron, patron-staff or other.")
        emergency_text = cells.get("emergency", "").lower()
        if emergency_text not in YES | NO:
            bad("emergency", "not_yes_no", f"{cells['emergency']!r} is not yes or no.")
        zone = cells.get("zone", "")
        if len(zone) > 80:
            bad("zone", "too_long", "The zone is longer than 80 characters.")
        if len(errors) > before:
            continue
        identity = "\x1f".join([cells["date"], when.zfill(5) if when else "", fold(zone), parties_text, fold(raw),
                                str(emergency_text in YES)])
        seen[identity] = seen.get(identity, 0) + 1  # two identical rows are two incidents
        key = hashlib.sha256(f"{identity}\x1e{seen[identity]}".encode("utf-8")).hexdigest()
        good.append(Incident(number, day, when.zfill(5) if when else "", zone,
                             PARTIES.get(parties_text, ""), level, emergency_text in YES, key))
    return good, errors


def _is_time(text: str) -> bool:
    hours, _, minutes = text.partition(":")
    return (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and int(hours) < 24
            and int(minutes) < 60)


def import_incidents(session: Session, good: list[Incident], source: str) -> csvfile.Outcome:
    """Write the good rows; a row already imported (same key) is updated only if its values changed."""
    out = csvfile.Outcome()
    existing = {row.import_key: row for row in session.scalars(
        select(BaselineIncident).where(BaselineIncident.import_key.in_([g.key for g in good]))
    )} if len(good) < 900 else {row.import_key: row for row in session.scalars(select(BaselineIncident))}
    for g in good:
        values = dict(occurred_on=g.occurred_on, occurred_time=g.occurred_time, zone=g.zone, parties=g.parties,
                      intensity=g.intensity, emergency=g.emergency)
        row = existing.get(g.key)
        if row is None:
            history.record_create(session, BaselineIncident(**values, source=source[:120], import_key=g.key))
            out.added += 1
        elif any(getattr(row, k) != v for k, v in values.items()) or row.deleted_at is not None:
            for k, v in values.items():
                setattr(row, k, v)
            row.deleted_at = None
            history.record_update(session, row)
            out.updated += 1
        else:
            out.unchanged += 1
    session.flush()
    return out


def import_file(
    session: Session, path: Path, *, skip_bad_rows: bool = False, mapping: dict[str, int] | None = None,
    today: date | None = None,
) -> csvfile.Outcome:
    """Import a CSV of past incidents: all of it, or nothing when a row is bad (unless skipped)."""
    name = Path(path).name
    good, errors = parse(csvfile.read_text(path), name, mapping, today=today)
    csvfile.settle(errors, skip_bad_rows)
    out = import_incidents(session, good, name)
    out.skipped = errors
    return out


def summary(session: Session) -> tuple[int, date | None, date | None]:
    """(live incidents, first day, last day): what the Conflits page says was imported."""
    live = BaselineIncident.deleted_at.is_(None)
    count, first, last = session.execute(
        select(func.count(), func.min(BaselineIncident.occurred_on), func.max(BaselineIncident.occurred_on)).where(live)
    ).one()
    return count, first, last
