"""Days and times as HSDS 1.x/2.0 files write them ("Monday", "9:00am", "830am")."""
from __future__ import annotations

import re

_DAYS = {
    "mo": "MO", "mon": "MO", "monday": "MO", "lundi": "MO",
    "tu": "TU", "tue": "TU", "tues": "TU", "tuesday": "TU", "mardi": "TU",
    "we": "WE", "wed": "WE", "wednesday": "WE", "mercredi": "WE",
    "th": "TH", "thu": "TH", "thur": "TH", "thurs": "TH", "thursday": "TH", "jeudi": "TH",
    "fr": "FR", "fri": "FR", "friday": "FR", "vendredi": "FR",
    "sa": "SA", "sat": "SA", "saturday": "SA", "samedi": "SA",
    "su": "SU", "sun": "SU", "sunday": "SU", "dimanche": "SU",
}
# HSDS 1.x documents weekday as a number, 1 = Monday (ISO 8601) ... 7 = Sunday.
_NUMBERS = {str(i + 1): day for i, day in enumerate(("MO", "TU", "WE", "TH", "FR", "SA", "SU"))}
_TWELVE = re.compile(r"^(\d{1,2})(?::?(\d{2}))?\s*([ap])\.?\s*(m\.?)?(?![a-z])", re.I)
_TWENTY_FOUR = re.compile(r"^(\d{1,2})[:h.](\d{2})(?::\d{2})?(?!\d)", re.I)


def byday(weekday: str | None) -> str | None:
    """"Monday", "mon", "1" or "MO" as an RFC 5545 BYDAY value; None when not understood."""
    if weekday is None:
        return None
    text = weekday.strip().lower().rstrip(".")
    return _DAYS.get(text) or _NUMBERS.get(text) or (text.upper() if text.upper() in _NUMBERS.values() else None)


def time_of_day(value: str | None) -> str | None:
    """"9:00am", "9 am", "830am", "17:30" as HH:MM; None when not understood."""
    if value is None:
        return None
    text = value.strip()
    match = _TWELVE.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hours <= 12 or minutes > 59:
            return None
        hours = hours % 12 + (12 if match.group(3).lower() == "p" else 0)
        return f"{hours:02d}:{minutes:02d}"
    match = _TWENTY_FOUR.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours > 24 or minutes > 59 or (hours == 24 and minutes):
            return None
        return f"{hours:02d}:{minutes:02d}"
    return None
