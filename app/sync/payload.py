"""The payload document (docs/bundle-format.md, section 5): build it on the worker's
side, check it strictly on La Piaule's side."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.sync import canonical
from app.sync.errors import PayloadInvalid, TooLarge

FORMAT = "milieu-payload/1"
ENTITY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
UID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
WEEK_RE = re.compile(r"^[0-9]{4}-W[0-9]{2}$")
STAMP_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

TOP_KEYS = {
    "format", "sequence", "full", "previous_sha256", "created_at", "period_start", "period_end", "weeks",
    "signer_key_id", "recipient_key_id", "site", "worker", "counts", "withheld", "records",
}
RECORD_KEYS = {"entity", "uid", "version", "deleted", "changed_at", "data"}

# Limits (docs/bundle-format.md, section 13): a bundle within them is decoded in bounded
# memory. A full refresh of the 5-year demo vault is 6,012 records and 2.9 MiB of canonical JSON.
MAX_RECORDS = 100_000
MAX_CONTAINERS = 1_000_000  # objects and arrays in the whole document, counted before parsing


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_days(week: str) -> tuple[date, date] | None:
    """Monday and Sunday of an ISO week "2026-W49"; None when the text is not one."""
    match = re.fullmatch(r"(\d{4})-W(\d{2})", week.strip())
    if not match:
        return None
    try:
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def weeks_between(start: date, end: date) -> list[str]:
    """Every ISO week that intersects [start, end], in order."""
    weeks, day = [], start - timedelta(days=start.weekday())
    while day <= end:
        weeks.append(iso_week(day))
        day += timedelta(days=7)
    return weeks


def stamp(moment: datetime) -> str:
    """Naive UTC datetime -> "YYYY-MM-DDTHH:MM:SSZ"."""
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: str) -> datetime:
    """"YYYY-MM-DDTHH:MM:SSZ" (already matched by STAMP_RE) -> naive UTC datetime."""
    return datetime.fromisoformat(text[:-1])


@dataclass
class Payload:
    doc: dict

    @property
    def sequence(self) -> int:
        return self.doc["sequence"]

    @property
    def records(self) -> list[dict]:
        return self.doc["records"]


def _fail(why: str):
    raise PayloadInvalid(f"The bundle's payload is invalid: {why}.")


def _is_stamp(value) -> bool:
    if not isinstance(value, str) or not STAMP_RE.match(value):
        return False
    try:
        parse_stamp(value)
    except ValueError:
        return False
    return True


def _is_int(value, minimum: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def check(doc) -> Payload:
    """Strict structural check of a decoded payload document."""
    if not isinstance(doc, dict) or set(doc) != TOP_KEYS:
        _fail("its top-level fields are not the specified ones")
    if doc["format"] != FORMAT:
        _fail(f"its format is not {FORMAT}")
    if not _is_int(doc["sequence"], 1) or not isinstance(doc["full"], bool):
        _fail("sequence or full flag has the wrong type")
    prev = doc["previous_sha256"]
    if not (prev is None or (isinstance(prev, str) and HEX64_RE.match(prev))):
        _fail("previous_sha256 is neither null nor 64 hex digits")
    if (prev is None) != (doc["sequence"] == 1):
        _fail("only the first bundle may have no previous_sha256")
    for name in ("signer_key_id", "recipient_key_id"):
        if not isinstance(doc[name], str) or not HEX64_RE.match(doc[name]):
            _fail(f"{name} is not 64 hex digits")
    if not _is_stamp(doc["created_at"]):
        _fail("created_at is not a UTC timestamp")
    try:
        start = date.fromisoformat(doc["period_start"]) if DATE_RE.match(str(doc["period_start"])) else None
        end = date.fromisoformat(doc["period_end"]) if DATE_RE.match(str(doc["period_end"])) else None
    except (TypeError, ValueError):
        start = end = None
    if start is None or end is None or start > end:
        _fail("the period is not two ordered dates")
    if doc["weeks"] != weeks_between(start, end):
        _fail("weeks do not match the period")
    for name in ("site", "worker"):
        if not isinstance(doc[name], str) or len(doc[name]) > 200:
            _fail(f"{name} is not a short text")
    records = doc["records"]
    if not isinstance(records, list):
        _fail("records is not a list")
    if len(records) > MAX_RECORDS:
        raise TooLarge(f"The bundle holds {len(records)} records, more than the limit of {MAX_RECORDS}.")
    counts: dict[str, dict[str, int]] = {}
    previous_key = None
    for rec in records:
        if not isinstance(rec, dict) or set(rec) != RECORD_KEYS:
            _fail("a record does not have the specified fields")
        entity, uid = rec["entity"], rec["uid"]
        if not isinstance(entity, str) or not ENTITY_RE.match(entity):
            _fail("a record has an invalid entity name")
        if not isinstance(uid, str) or not UID_RE.match(uid):
            _fail("a record has an invalid uid")
        if not _is_int(rec["version"], 1) or not isinstance(rec["deleted"], bool):
            _fail("a record has an invalid version or deleted flag")
        if not _is_stamp(rec["changed_at"]):
            _fail("a record has an invalid changed_at")
        if rec["deleted"] != (rec["data"] is None) or not (rec["data"] is None or isinstance(rec["data"], dict)):
            _fail("a record's data does not match its deleted flag")
        key = (entity, uid)
        if previous_key is not None and key <= previous_key:
            _fail("records are not sorted by entity and uid, or repeat")
        previous_key = key
        bucket = counts.setdefault(entity, {"changed": 0, "deleted": 0})
        bucket["deleted" if rec["deleted"] else "changed"] += 1
    if doc["counts"] != counts:
        _fail("counts do not match the records")
    withheld = doc["withheld"]
    if not isinstance(withheld, dict) or not all(_is_int(v, 1) for v in withheld.values()):
        _fail("withheld is not a map of positive counts")
    return Payload(doc)


def parse(data: bytes) -> Payload:
    # Each JSON object or array costs ~60 bytes of memory once parsed, a few bytes of text:
    # counting the brackets (in C, strings included, so never fewer) bounds that first.
    step = 1 << 20  # a MiB at a time: the GIL passes between (see canonical.PIECE)
    if sum(data.count(b"{", at, at + step) + data.count(b"[", at, at + step)
           for at in range(0, len(data), step)) > MAX_CONTAINERS:
        raise TooLarge(f"The bundle's payload holds more than {MAX_CONTAINERS} objects and arrays (the limit).")
    try:
        doc = canonical.decode(data)
    except canonical.NotCanonical as exc:
        _fail(str(exc))
    return check(doc)


def build(**fields) -> bytes:
    """Canonical bytes of a payload document; checked with the reader's own rules."""
    doc = dict(fields, format=FORMAT)
    check(doc)
    return canonical.encode(doc)
