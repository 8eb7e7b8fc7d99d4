"""HSDS field values: text, numbers, dates, times of day, week days, allowed values.

Each converter returns the stored form or raises ``Bad`` with a stable code and
one English sentence.
"""
from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timezone

_BYDAY = re.compile(r"^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$")
_INT_LIST = re.compile(r"^-?\d{1,3}$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


class Bad(Exception):
    def __init__(self, code: str, why: str):
        self.code, self.why = code, why


def _text(value) -> str:
    if isinstance(value, bool):
        raise Bad("not_text", "must be text")
    return str(value).strip() if not isinstance(value, str) else value.strip()


def _int(value) -> int:
    if isinstance(value, bool):
        raise Bad("not_an_integer", f"{value!r} is not a whole number")
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    try:
        number = float(str(value).strip())
    except ValueError:
        raise Bad("not_an_integer", f"{value!r} is not a whole number") from None
    if not number.is_integer():
        raise Bad("not_an_integer", f"{value!r} is not a whole number")
    return int(number)


def _float(value) -> float:
    if isinstance(value, bool):
        raise Bad("not_a_number", f"{value!r} is not a number")
    try:
        return float(value if isinstance(value, (int, float)) else str(value).strip())
    except ValueError:
        raise Bad("not_a_number", f"{value!r} is not a number") from None


def _date(value) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise Bad("not_a_date", f"{value!r} is not a date (YYYY-MM-DD)") from None


def _datetime(value) -> datetime:
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise Bad("not_a_datetime", f"{value!r} is not a date and time (ISO 8601)") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def _time(value) -> str:
    match = _TIME.match(str(value).strip())
    if not match or int(match.group(1)) > 24 or int(match.group(2)) > 59:
        raise Bad("not_a_time", f"{value!r} is not a time of day (HH:MM)")
    hours, minutes, seconds = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hours == 24 and (minutes or seconds):
        raise Bad("not_a_time", f"{value!r} is not a time of day (HH:MM)")
    return f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def time_of_day(value) -> str:
    """A time of day as schedules store it ("9:05" gives "09:05"); ValueError if it is not one."""
    try:
        return _time(value)
    except Bad as exc:
        raise ValueError(exc.why) from None


def _byday(value) -> str:
    items = [part.strip().upper() for part in str(value).split(",") if part.strip()]
    bad = [item for item in items if not _BYDAY.match(item)]
    if bad or not items:
        raise Bad("not_allowed", f"{value!r} is not a list of week days (MO,TU,WE,TH,FR,SA,SU)")
    return ",".join(items)


def _intlist(value) -> str:
    items = [part.strip() for part in str(value).split(",") if part.strip()]
    if not items or any(not _INT_LIST.match(item) for item in items):
        raise Bad("not_allowed", f"{value!r} is not a comma-separated list of numbers")
    return ",".join(items)


_CONVERT = {
    "str": _text, "int": _int, "float": _float, "date": _date, "datetime": _datetime,
    "time": _time, "byday": _byday, "intlist": _intlist,
}


@functools.lru_cache(maxsize=64)
def _allowed(kind: tuple) -> dict[str, str]:
    """Allowed values by lower case (the first of equal ones wins)."""
    out: dict[str, str] = {}
    for v in kind:
        out.setdefault(v.lower(), v)
    return out


def convert(kind, value):
    if isinstance(kind, tuple):
        match = _allowed(kind).get(str(value).strip().lower())
        if match is None:
            raise Bad("not_allowed", f"{value!r} is not one of: {', '.join(kind)}")
        return match
    return _CONVERT[kind](value)
