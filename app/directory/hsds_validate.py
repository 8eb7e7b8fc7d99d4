"""Check HSDS rows field by field, and their references, before anything is written.

Each problem becomes a RowError (file, row, field, why). Rows are checked in
dependency order, so a row that refers to a refused row is refused too: with
``--skip-bad-rows`` nothing half-linked is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from app.directory import local_terms
from app.directory.records import ENTITIES, Row, RowError
from models.directory import ADDRESS_TYPES, LOCATION_TYPES, SERVICE_STATUSES, WEEKDAYS

MAX_ID = 64
_BYDAY = re.compile(r"^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$")
_INT_LIST = re.compile(r"^-?\d{1,3}$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")

# entity -> {field: (kind, required)}; kinds: str, int, float, date, datetime, time,
# byday, intlist, or a tuple of allowed values.
FIELDS: dict[str, dict[str, tuple]] = {
    "organization": {
        "name": ("str", True), "alternate_name": ("str", False), "description": ("str", False),
        "email": ("str", False), "website": ("str", False),
    },
    "service": {
        "name": ("str", True), "alternate_name": ("str", False), "description": ("str", False),
        "url": ("str", False), "email": ("str", False), "status": (SERVICE_STATUSES, True),
        "interpretation_services": ("str", False), "application_process": ("str", False),
        "fees_description": ("str", False), "wait_time": ("str", False),
        "eligibility_description": ("str", False), "minimum_age": ("int", False),
        "maximum_age": ("int", False), "alert": ("str", False), "assured_date": ("date", False),
        "last_modified": ("datetime", False),
    },
    "location": {
        "location_type": (LOCATION_TYPES, True), "name": ("str", False), "alternate_name": ("str", False),
        "description": ("str", False), "transportation": ("str", False),
        "latitude": ("float", False), "longitude": ("float", False),
    },
    "address": {
        "attention": ("str", False), "address_1": ("str", True), "address_2": ("str", False),
        "city": ("str", True), "region": ("str", False), "state_province": ("str", True),
        "postal_code": ("str", True), "country": ("str", True), "address_type": (ADDRESS_TYPES, True),
    },
    "service_at_location": {"description": ("str", False)},
    "phone": {
        "number": ("str", True), "extension": ("int", False), "type": ("str", False),
        "description": ("str", False),
    },
    "schedule": {
        "valid_from": ("date", False), "valid_to": ("date", False), "dtstart": ("date", False),
        "until": ("date", False), "timezone": ("float", False), "count": ("int", False),
        "wkst": (WEEKDAYS, False), "freq": (("WEEKLY", "MONTHLY"), False), "interval": ("int", False),
        "byday": ("byday", False), "byweekno": ("intlist", False), "bymonthday": ("intlist", False),
        "byyearday": ("intlist", False), "opens_at": ("time", False), "closes_at": ("time", False),
        "description": ("str", False), "schedule_link": ("str", False), "attending_type": ("str", False),
        "notes": ("str", False),
    },
    "language": {"name": ("str", False), "code": ("str", False), "note": ("str", False)},
    "taxonomy_term": {
        "code": ("str", False), "name": ("str", True), "description": ("str", False),
        "parent_id": ("str", False), "taxonomy": ("str", False), "taxonomy_id": ("str", False),
        "language": ("str", False), "term_uri": ("str", False),
    },
    "attribute": {"link_type": ("str", False), "link_entity": ("str", False), "value": ("str", False)},
}

# entity -> {link field: (target entity, required)}
REFS: dict[str, dict[str, tuple[str, bool]]] = {
    "service": {"organization_id": ("organization", False)},
    "address": {"location_id": ("location", True)},
    "service_at_location": {"service_id": ("service", True), "location_id": ("location", True)},
    "phone": {
        "service_id": ("service", False), "location_id": ("location", False),
        "organization_id": ("organization", False), "service_at_location_id": ("service_at_location", False),
    },
    "schedule": {
        "service_id": ("service", False), "location_id": ("location", False),
        "service_at_location_id": ("service_at_location", False),
    },
    "language": {"service_id": ("service", False), "location_id": ("location", False), "phone_id": ("phone", False)},
    "attribute": {"taxonomy_term_id": ("taxonomy_term", True)},
}


REQUIRED = {entity: [f for f, (_kind, required) in spec.items() if required] for entity, spec in FIELDS.items()}
_BAD = object()  # a value that failed its check (not "missing")


class _Bad(Exception):
    def __init__(self, code: str, why: str):
        self.code, self.why = code, why


def _text(value) -> str:
    if isinstance(value, bool):
        raise _Bad("not_text", "must be text")
    return str(value).strip() if not isinstance(value, str) else value.strip()


def _int(value) -> int:
    if isinstance(value, bool):
        raise _Bad("not_an_integer", f"{value!r} is not a whole number")
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    try:
        number = float(str(value).strip())
    except ValueError:
        raise _Bad("not_an_integer", f"{value!r} is not a whole number") from None
    if not number.is_integer():
        raise _Bad("not_an_integer", f"{value!r} is not a whole number")
    return int(number)


def _float(value) -> float:
    if isinstance(value, bool):
        raise _Bad("not_a_number", f"{value!r} is not a number")
    try:
        return float(value if isinstance(value, (int, float)) else str(value).strip())
    except ValueError:
        raise _Bad("not_a_number", f"{value!r} is not a number") from None


def _date(value) -> date:
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _Bad("not_a_date", f"{value!r} is not a date (YYYY-MM-DD)") from None


def _datetime(value) -> datetime:
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _Bad("not_a_datetime", f"{value!r} is not a date and time (ISO 8601)") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def _time(value) -> str:
    match = _TIME.match(str(value).strip())
    if not match or int(match.group(1)) > 24 or int(match.group(2)) > 59:
        raise _Bad("not_a_time", f"{value!r} is not a time of day (HH:MM)")
    hours, minutes, seconds = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hours == 24 and (minutes or seconds):
        raise _Bad("not_a_time", f"{value!r} is not a time of day (HH:MM)")
    return f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def time_of_day(value) -> str:
    """A time of day as schedules store it ("9:05" gives "09:05"); ValueError if it is not one."""
    try:
        return _time(value)
    except _Bad as exc:
        raise ValueError(exc.why) from None


def _byday(value) -> str:
    items = [part.strip().upper() for part in str(value).split(",") if part.strip()]
    bad = [item for item in items if not _BYDAY.match(item)]
    if bad or not items:
        raise _Bad("not_allowed", f"{value!r} is not a list of week days (MO,TU,WE,TH,FR,SA,SU)")
    return ",".join(items)


def _intlist(value) -> str:
    items = [part.strip() for part in str(value).split(",") if part.strip()]
    if not items or any(not _INT_LIST.match(item) for item in items):
        raise _Bad("not_allowed", f"{value!r} is not a comma-separated list of numbers")
    return ",".join(items)


_CONVERT = {
    "str": _text, "int": _int, "float": _float, "date": _date, "datetime": _datetime,
    "time": _time, "byday": _byday, "intlist": _intlist,
}


def _convert(kind, value):
    if isinstance(kind, tuple):
        text = str(value).strip()
        match = next((v for v in kind if v.lower() == text.lower()), None)
        if match is None:
            raise _Bad("not_allowed", f"{value!r} is not one of: {', '.join(kind)}")
        return match
    return _CONVERT[kind](value)


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class Clean:
    """A valid row: converted values plus the HSDS ids it links to."""

    entity: str
    hsds_id: str
    values: dict
    links: dict
    source: Row


class Checked:
    """Outcome of checking a whole file."""

    def __init__(self):
        self.errors: list[RowError] = []
        self.rows: dict[str, dict[str, Clean]] = {entity: {} for entity in ENTITIES}
        # service hsds_id -> {column: value} from "milieu" attributes
        self.local_fields: dict[str, dict] = {}
        # service hsds_id -> cost option amounts (only to guess "free")
        self.cost_amounts: dict[str, list[float]] = {}


def check_rows(rows: list[Row], known: dict[str, set[str]], sal_service: dict[str, str]) -> Checked:
    """Validate ``rows`` against each other and against ids already in the directory.

    ``known``: entity -> hsds ids already stored; ``sal_service``: stored
    service_at_location hsds id -> its service's hsds id.
    """
    out = Checked()
    available = {entity: set(known.get(entity, ())) for entity in ENTITIES}
    sal_service = dict(sal_service)
    local_term_codes: dict[str, str] = {}
    by_entity: dict[str, list[Row]] = {entity: [] for entity in ENTITIES}
    for row in rows:
        if row.entity == "cost_option":
            _note_cost(out, row)
        elif row.entity in by_entity:
            by_entity[row.entity].append(row)

    for entity in ENTITIES:
        seen_top: dict[str, Row] = {}
        for row in by_entity[entity]:
            if row.data.get("__not_an_object__"):
                out.errors.append(RowError(row.file, row.row, row.path or entity, "not_an_object", "must be an object"))
                continue
            if entity == "taxonomy_term" and local_terms.is_local_term(row.data):
                if not _empty(row.data.get("id")):
                    local_term_codes[str(row.data["id"]).strip()] = row.data["code"]
                continue
            errors, clean = _check_one(entity, row, available, sal_service, local_term_codes, out)
            if clean is None:
                out.errors.extend(errors)
                continue
            # The same record met twice: natural when JSON nests it in several places;
            # an error when two top-level rows (CSV rows, JSON services) share an id.
            if not row.path and clean.hsds_id in seen_top:
                first = seen_top[clean.hsds_id]
                out.errors.append(RowError(
                    row.file, row.row, row.field_name("id"), "duplicate_id",
                    f"id {clean.hsds_id} is already used by {first.file} row {first.row}",
                ))
                continue
            if not row.path:
                seen_top[clean.hsds_id] = row
            previous = out.rows[entity].get(clean.hsds_id)
            if previous is None:
                out.rows[entity][clean.hsds_id] = clean
            else:
                _merge(previous, clean)
            available[entity].add(clean.hsds_id)
            if entity == "service_at_location":
                sal_service[clean.hsds_id] = clean.links["service_id"]
    return out


def _merge(into: Clean, other: Clean) -> None:
    for key, value in other.values.items():
        if into.values.get(key) is None and value is not None:
            into.values[key] = value
    for key, value in other.links.items():
        if into.links.get(key) is None and value is not None:
            into.links[key] = value


def _note_cost(out: Checked, row: Row) -> None:
    service_id = row.data.get("service_id")
    try:
        amount = float(row.data.get("amount"))
    except (TypeError, ValueError):
        return
    if service_id:
        out.cost_amounts.setdefault(str(service_id).strip(), []).append(amount)


def _check_one(entity, row, available, sal_service, local_term_codes, out):
    errors: list[RowError] = []

    def bad(field: str, code: str, why: str) -> None:
        errors.append(RowError(row.file, row.row, row.field_name(field), code, why))

    raw_id = row.data.get("id")
    hsds_id = "" if _empty(raw_id) else str(raw_id).strip()
    if not hsds_id:
        bad("id", "required", "is missing")
    elif len(hsds_id) > MAX_ID:
        bad("id", "too_long", f"is longer than {MAX_ID} characters")

    # Only the fields the row has are looked at (a 10,000-service file has ~400,000 of them).
    spec = FIELDS[entity]
    values = dict.fromkeys(spec)
    for field, value in row.data.items():
        rule = spec.get(field)
        if rule is None or value is None:
            continue
        if rule[0] == "str" and isinstance(value, str):
            values[field] = value.strip() or None
            continue
        if _empty(value):
            continue
        try:
            values[field] = _convert(rule[0], value)
        except _Bad as exc:
            values[field] = _BAD
            bad(field, exc.code, exc.why)
    for field in REQUIRED[entity]:
        if values[field] is None:
            bad(field, "required", "is missing")

    links = {}
    for field, (target, required) in REFS.get(entity, {}).items():
        value = row.data.get(field)
        if _empty(value):
            if required:
                bad(field, "required", "is missing")
            links[field] = None
            continue
        ref = str(value).strip()
        if entity == "attribute" and field == "taxonomy_term_id" and ref in local_term_codes:
            links[field] = ref
            continue
        if ref not in available[target]:
            bad(field, "unknown_reference",
                f"refers to {target.replace('_', ' ')} {ref}, which is neither in this file nor in the directory")
            continue
        links[field] = ref

    if entity == "schedule" and not errors:
        if (values["opens_at"] is None) != (values["closes_at"] is None):
            bad("closes_at" if values["closes_at"] is None else "opens_at", "required",
                "is missing (opening hours need both opens_at and closes_at)")
    if entity in ("phone", "schedule") and not errors and links.get("service_at_location_id"):
        links["service_id"] = links.get("service_id") or sal_service.get(links["service_at_location_id"])
    if entity == "attribute" and not errors:
        return errors, _check_attribute(row, hsds_id, values, links, available, local_term_codes, out, bad, errors)
    if entity == "taxonomy_term":
        links["taxonomy_id"] = values.pop("taxonomy_id", None)
        links["parent_id"] = values.pop("parent_id", None)
    if errors:
        return errors, None
    return errors, Clean(entity, hsds_id, values, links, row)


def _check_attribute(row, hsds_id, values, links, available, local_term_codes, out, bad, errors):
    link_id = "" if _empty(row.data.get("link_id")) else str(row.data["link_id"]).strip()
    entity = (values.get("link_entity") or "service").strip().lower()
    if entity != "service":
        return None  # attributes of records Milieu does not hold are outside its subset
    if link_id not in available["service"]:
        if not _empty(row.data.get("link_entity")):
            bad("link_id", "unknown_reference" if link_id else "required",
                f"refers to service {link_id}, which is neither in this file nor in the directory"
                if link_id else "is missing")
        return None
    code = local_term_codes.get(links["taxonomy_term_id"])
    if code is not None:
        column, kind, _name = local_terms.LOCAL_FIELDS[code]
        value = values.get("value") or ""
        if kind == "bool":
            parsed = local_terms.parse_bool(value)
            if parsed is None:
                bad("value", "not_allowed", f"{value!r} is not true or false")
                return None
            value = parsed
        out.local_fields.setdefault(link_id, {})[column] = value
        return None
    links["link_id"] = link_id
    return Clean("attribute", hsds_id, values, links, row)
