"""Check HSDS rows field by field, and their references, before anything is written.

Each problem becomes a RowError (file, row, field, why). Rows are checked in
dependency order, so a row that refers to a refused row is refused too: with
``--skip-bad-rows`` nothing half-linked is written.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from app.directory import local_terms
from app.directory.formats.ids import stable_id
from app.directory.hsds_values import Bad, convert, time_of_day  # noqa: F401 (time_of_day: used by services)
from app.directory.records import ENTITIES, Row, RowError
from models.directory import ADDRESS_TYPES, LOCATION_TYPES, SERVICE_STATUSES, WEEKDAYS

MAX_SOURCE_ID = 200  # stored ids are UUIDs; a longer source id is kept beside it

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


_KINDS = {entity: {f: kind for f, (kind, _required) in spec.items()} for entity, spec in FIELDS.items()}
_REF_ITEMS = {entity: list(REFS.get(entity, {}).items()) for entity in FIELDS}
REQUIRED = {entity: [f for f, (_kind, required) in spec.items() if required] for entity, spec in FIELDS.items()}
_BAD = object()  # a value that failed its check (not "missing")


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
        self.warnings: list[RowError] = []  # kept rows with something dropped (said, not refused)
        self.rows: dict[str, dict[str, Clean]] = {entity: {} for entity in ENTITIES}
        # service hsds_id -> {column: value} from "milieu" attributes
        self.local_fields: dict[str, dict] = {}
        # service hsds_id -> cost option amounts (only to guess "free")
        self.cost_amounts: dict[str, list[float]] = {}
        # (entity, hsds_id) -> the source's own id, when it was not a UUID
        self.source_ids: dict[tuple[str, str], str] = {}
        self.left_out: dict[str, int] = {}  # new organizations/locations no service uses


class _Context:
    def __init__(self, known, sal_service, source: str, out: Checked):
        self.available = {entity: set(known.get(entity, ())) for entity in ENTITIES}
        self.sal_service = dict(sal_service)
        self.local_term_codes: dict[str, str] = {}
        self.refused: dict[str, dict[str, Row]] = {entity: {} for entity in ENTITIES}
        self.source, self.out = source, out
        self.id = functools.partial(stable_id, source)  # (entity, raw) -> stored id; cached


def check_rows(rows: list[Row], known: dict[str, set[str]], sal_service: dict[str, str], source: str = "") -> Checked:
    """Validate ``rows`` against each other and against ids already in the directory.

    ``known``: entity -> hsds ids already stored; ``sal_service``: stored
    service_at_location hsds id -> its service's hsds id. Ids that are not UUIDs
    become this ``source``'s stable UUIDs (app.directory.formats.ids).
    """
    out = Checked()
    ctx = _Context(known, sal_service, source, out)
    by_entity: dict[str, list[Row]] = {entity: [] for entity in ENTITIES}
    for row in rows:
        if row.entity == "cost_option":
            _note_cost(ctx, row)
        elif row.entity in by_entity:
            by_entity[row.entity].append(row)

    for entity in ENTITIES:
        seen_top: dict[str, Row] = {}
        # Nested records accepted, by source id: an organisation or a category repeated under
        # each of its services is checked once (the same data gives the same outcome).
        accepted_nested: dict[str, dict] = {}
        for row in by_entity[entity]:
            nested_id = row.data.get("id") if row.path else None
            if type(nested_id) is str and accepted_nested.get(nested_id) == row.data:
                continue
            if row.data.get("__not_an_object__"):
                out.errors.append(RowError(row.file, row.row, row.path or entity, "not_an_object", "must be an object"))
                continue
            if entity == "taxonomy_term" and local_terms.is_local_term(row.data):
                if not _empty(row.data.get("id")):
                    ctx.local_term_codes[str(row.data["id"]).strip()] = row.data["code"]
                continue
            errors, clean = _check_one(entity, row, ctx)
            if clean is None:
                out.errors.extend(errors)
                raw = row.data.get("id")
                if errors and not _empty(raw):
                    ctx.refused[entity].setdefault(ctx.id(entity, str(raw).strip()), row)
                continue
            # The same record met twice: natural when JSON nests it in several places;
            # an error when two top-level rows (CSV rows, JSON services) share an id.
            if not row.path and clean.hsds_id in seen_top:
                first = seen_top[clean.hsds_id]
                out.errors.append(RowError(
                    row.file, row.row, row.field_name("id"), "duplicate_id",
                    f"id {str(row.data['id']).strip()} is already used by {first.file} row {first.row}",
                ))
                continue
            if not row.path:
                seen_top[clean.hsds_id] = row
            previous = out.rows[entity].get(clean.hsds_id)
            if previous is None:
                out.rows[entity][clean.hsds_id] = clean
            else:
                _merge(previous, clean)
            ctx.available[entity].add(clean.hsds_id)
            if type(nested_id) is str:
                accepted_nested[nested_id] = row.data
            if entity == "service_at_location":
                ctx.sal_service[clean.hsds_id] = clean.links["service_id"]
    _leave_out_unused(out, known)
    return out


def _leave_out_unused(out: Checked, known) -> None:
    """New organizations and locations that no service of the file or the directory uses are not written."""
    used_orgs = {c.links.get("organization_id") for c in out.rows["service"].values()}
    used_locs = {c.links.get("location_id") for c in out.rows["service_at_location"].values()}
    for entity, used in (("organization", used_orgs), ("location", used_locs)):
        stored = set(known.get(entity, ()))
        unused = [h for h in out.rows[entity] if h not in used and h not in stored]
        for hsds_id in unused:
            del out.rows[entity][hsds_id]
        if unused:
            out.left_out[entity] = len(unused)
    gone = set(out.rows["location"]) | set(known.get("location", ()))
    for hsds_id in [h for h, c in out.rows["address"].items() if c.links.get("location_id") not in gone]:
        del out.rows["address"][hsds_id]


def _merge(into: Clean, other: Clean) -> None:
    for key, value in other.values.items():
        if into.values.get(key) is None and value is not None:
            into.values[key] = value
    for key, value in other.links.items():
        if into.links.get(key) is None and value is not None:
            into.links[key] = value


def _note_cost(ctx: _Context, row: Row) -> None:
    service_id = row.data.get("service_id")
    try:
        amount = float(row.data.get("amount"))
    except (TypeError, ValueError):
        return
    if service_id:
        ctx.out.cost_amounts.setdefault(ctx.id("service", str(service_id).strip()), []).append(amount)


def _refusal(ctx: _Context, target: str, ref: str, mapped: str) -> tuple[str, str]:
    parent = ctx.refused[target].get(mapped)
    noun = target.replace("_", " ")
    if parent is not None:
        return "parent_refused", f"its {noun}, row {parent.row} of {parent.file}, was refused"
    return "unknown_reference", f"refers to {noun} {ref}, which is neither in this file nor in the directory"


def _check_one(entity: str, row: Row, ctx: _Context):
    errors: list[RowError] = []

    def bad(field: str, code: str, why: str) -> None:
        errors.append(RowError(row.file, row.row, row.field_name(field), code, why))

    data = row.data
    raw_id = data.get("id")
    raw = "" if raw_id is None else str(raw_id).strip()
    hsds_id = ctx.id(entity, raw) if raw else ""
    if not raw:
        bad("id", "required", "is missing")
    elif len(raw) > MAX_SOURCE_ID:
        bad("id", "too_long", f"is longer than {MAX_SOURCE_ID} characters")

    # Only the fields the row has are looked at (a 10,000-service file has ~400,000 of them).
    kinds = _KINDS[entity]
    values = dict.fromkeys(kinds)
    for field, value in data.items():
        kind = kinds.get(field)
        if kind is None or value is None:
            continue
        if type(value) is str:
            value = value.strip()
            if kind == "str" or not value:
                values[field] = value or None
                continue
        try:
            values[field] = convert(kind, value)
        except Bad as exc:
            values[field] = _BAD
            bad(field, exc.code, exc.why)
    for field in REQUIRED[entity]:
        if values[field] is None:
            bad(field, "required", "is missing")

    links = {}
    available = ctx.available
    for field, (target, required) in _REF_ITEMS[entity]:
        value = data.get(field)
        ref = "" if value is None else str(value).strip()
        if not ref:
            if required:
                bad(field, "required", "is missing")
            links[field] = None
            continue
        if entity == "attribute" and field == "taxonomy_term_id" and ref in ctx.local_term_codes:
            links[field] = ref
            continue
        mapped = ctx.id(target, ref)
        if mapped not in available[target]:
            code, why = _refusal(ctx, target, ref, mapped)
            if entity == "service" and code == "unknown_reference":
                # A service is worth having without its organisation: said, not refused.
                ctx.out.warnings.append(RowError(row.file, row.row, row.field_name(field), "organization_dropped",
                                                 f"{why}: imported without organization"))
                links[field] = None
                continue
            bad(field, code, why)
            continue
        links[field] = mapped

    if entity == "schedule" and not errors:
        if (values["opens_at"] is None) != (values["closes_at"] is None):
            bad("closes_at" if values["closes_at"] is None else "opens_at", "required",
                "is missing (opening hours need both opens_at and closes_at)")
    if entity in ("phone", "schedule") and not errors and links.get("service_at_location_id"):
        links["service_id"] = links.get("service_id") or ctx.sal_service.get(links["service_at_location_id"])
    if entity == "attribute" and not errors:
        return errors, _check_attribute(row, hsds_id, values, links, ctx, bad)
    if entity == "taxonomy_term":
        taxonomy, parent = values.pop("taxonomy_id", None), values.pop("parent_id", None)
        links["taxonomy_id"] = ctx.id("taxonomy", taxonomy) if taxonomy else None
        links["parent_id"] = ctx.id("taxonomy_term", parent) if parent else None
    if errors:
        return errors, None
    if hsds_id != raw:
        ctx.out.source_ids[(entity, hsds_id)] = raw
    return errors, Clean(entity, hsds_id, values, links, row)


def _check_attribute(row, hsds_id, values, links, ctx: _Context, bad):
    raw_link = "" if _empty(row.data.get("link_id")) else str(row.data["link_id"]).strip()
    link_id = ctx.id("service", raw_link) if raw_link else ""
    entity = (values.get("link_entity") or "service").strip().lower()
    if entity != "service":
        return None  # attributes of records Milieu does not hold are outside its subset
    if link_id not in ctx.available["service"]:
        if not _empty(row.data.get("link_entity")):
            if raw_link:
                bad("link_id", *_refusal(ctx, "service", raw_link, link_id))
            else:
                bad("link_id", "required", "is missing")
        return None
    code = ctx.local_term_codes.get(links["taxonomy_term_id"])
    if code is not None:
        column, kind, _name = local_terms.LOCAL_FIELDS[code]
        value = values.get("value") or ""
        if kind == "bool":
            parsed = local_terms.parse_bool(value)
            if parsed is None:
                bad("value", "not_allowed", f"{value!r} is not true or false")
                return None
            value = parsed
        ctx.out.local_fields.setdefault(link_id, {})[column] = value
        return None
    links["link_id"] = link_id
    if hsds_id != str(row.data.get("id")).strip():
        ctx.out.source_ids[("attribute", hsds_id)] = str(row.data.get("id")).strip()
    return Clean("attribute", hsds_id, values, links, row)
