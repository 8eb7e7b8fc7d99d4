"""HSDS 1.x and 2.0 tabular files, mapped table by table onto the HSDS 3 rows Milieu checks.

The mapping is written down in docs/directory-hsds.md. What an older version
lacks gets a default, said once per import; what the source does not say stays
unknown. Rows the source gives no id, or an id it reuses (1.x languages.csv),
get an id made from what they say, so a re-import finds them again.
"""
from __future__ import annotations

from app.directory.formats import legacy_times
from app.directory.formats.ids import generated_id
from app.directory.formats.reading import Reading
from app.directory.records import Row, RowError

MARKERS = {
    "physical_addresses", "postal_addresses", "regular_schedules", "holiday_schedules", "services_at_location",
    "services_taxonomy", "taxonomy", "eligibility", "accessibility_for_disabilities", "service_attributes",
}
READ_PAST = {
    "accessibility_for_disabilities", "contacts", "funding", "programs", "service_area", "service_areas",
    "required_documents", "payment_accepted", "metadata", "meta_table_description", "attributes",
}
US_STATES = set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
    "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP".split()
)
CA_PROVINCES = set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())


def is_legacy(tables: dict) -> bool:
    return bool(MARKERS & set(tables))


def version(tables: dict) -> str:
    if {"service_attributes", "taxonomy_terms"} & set(tables) and "services_taxonomy" not in tables:
        return "HSDS 2.0 tabular CSV"
    return "HSDS 1.x tabular CSV"


def convert(tables: dict[str, tuple[str, list[dict]]], reading: Reading) -> None:
    """``tables``: table name -> (file name, records with ``__row__``)."""
    out = Out(reading)
    get = lambda *names: next(((tables[n][0], tables[n][1]) for n in names if n in tables), (None, []))  # noqa: E731
    for name in ("taxonomy", "taxonomy_terms"):
        if name in tables:
            file, records = tables[name]
            for r in records:
                out.add("taxonomy_term", file, r, name=r.get("name") or r.get("term"),
                        taxonomy=r.get("taxonomy") or r.get("vocabulary"))
    file, records = get("organizations")
    for r in records:
        out.add("organization", file, r, website=r.get("website") or r.get("url"))
    file, records = get("locations")
    untyped = 0
    for r in records:
        if not r.get("location_type"):
            untyped += 1
        out.add("location", file, r, location_type=r.get("location_type") or "physical")
    if untyped:
        reading.note(f"{file} gives no location type (HSDS 1.x/2.0 lack it): {untyped} locations taken as physical.")
    physical_ids: set[str] = set()
    for name, kind in (("physical_addresses", "physical"), ("postal_addresses", "postal")):
        if name in tables:
            file, records = tables[name]
            for r in records:
                ident = r.get("id") or ""
                if kind == "physical":
                    physical_ids.add(ident)
                elif ident in physical_ids:  # both tables numbered from 1: a postal address of its own
                    ident = f"{name}/{ident}"
                out.add("address", file, r, id=ident, address_type=kind, country=country(r, file, reading))
    _services(tables, out, reading)
    for name in ("services_at_location", "service_at_location"):
        if name in tables:
            file, records = tables[name]
            for r in records:
                out.add("service_at_location", file, r)
    file, records = get("phones")
    for r in records:
        r.pop("language", None)  # a free-text language, not HSDS 3's language records
        out.add("phone", file, r)
    schedules(tables, out, reading)
    file, records = get("languages")
    seen: dict[tuple, int] = {}
    for r in records:
        key = (r.get("service_id"), r.get("location_id"), r.get("phone_id"), r.get("language") or r.get("name"))
        seen[key] = seen.get(key, 0) + 1
        out.add("language", file, r, id=generated_id(reading.source, "language", *key, seen[key]),
                name=r.get("language") or r.get("name"))
    for name in ("services_taxonomy", "service_attributes"):
        if name in tables:
            file, records = tables[name]
            for r in records:
                out.add("attribute", file, r, link_id=r.get("service_id"), link_entity="service",
                        taxonomy_term_id=r.get("taxonomy_id") or r.get("taxonomy_term_id"))
    passed = sorted(tables[n][0] for n in tables if n in READ_PAST or n not in _HANDLED)
    if passed:
        reading.note(f"Tables outside Milieu's subset, read past: {', '.join(passed)}.")


_HANDLED = MARKERS - {"accessibility_for_disabilities"} | {
    "organizations", "locations", "services", "service_at_location", "phones", "languages", "taxonomy_terms",
}


class Out:
    def __init__(self, reading: Reading):
        self.reading = reading

    def add(self, entity: str, file: str, record: dict, **mapped) -> None:
        number = record["__row__"]
        data = {k: v for k, v in record.items() if k != "__row__"}
        data.update(mapped)
        self.reading.rows.append(Row(entity, file, number, data))

    def problem(self, file: str, record: dict, field: str, code: str, why: str) -> None:
        self.reading.problems.append(RowError(file, record["__row__"], field, code, why))


def country(r: dict, file: str, reading: Reading) -> str | None:
    if r.get("country"):
        return r["country"]
    state = (r.get("state_province") or "").upper()
    country = "US" if state in US_STATES else "CA" if state in CA_PROVINCES else None
    if country:
        reading.note(f"{file} gives no country: taken from the state or province (US or CA).")
    return country


def _services(tables, out: Out, reading: Reading) -> None:
    eligibility: dict[str, list[str]] = {}
    if "eligibility" in tables:
        file, records = tables["eligibility"]
        for r in records:
            if not r.get("service_id"):
                out.problem(file, r, "service_id", "required", "is missing (an eligibility must name its service)")
            elif r.get("eligibility"):
                eligibility.setdefault(r["service_id"], []).append(r["eligibility"])
    if "services" not in tables:
        return
    file, records = tables["services"]
    no_status = 0
    for r in records:
        if not r.get("status"):
            no_status += 1
        texts = eligibility.get(r.get("id") or "", [])
        out.add("service", file, r, status=r.get("status") or "active",
                fees_description=r.get("fees_description") or r.get("fees"),
                eligibility_description=r.get("eligibility_description") or ("\n".join(texts) or None))
    if no_status:
        reading.note(f"{file} gives no status for {no_status} services: taken as active.")


def schedules(tables, out: Out, reading: Reading) -> None:
    regular_ids: set[str] = set()
    if "regular_schedules" in tables:
        file, records = tables["regular_schedules"]
        unread = 0
        for r in records:
            opens, closes = legacy_times.time_of_day(r.get("opens_at")), legacy_times.time_of_day(r.get("closes_at"))
            day = legacy_times.byday(r.get("weekday")) or r.get("byday")
            if opens is None or closes is None:
                unread += bool(r.get("opens_at") or r.get("closes_at"))
                opens = closes = None
            data = dict(freq=r.get("freq") or "WEEKLY", byday=day, opens_at=opens, closes_at=closes,
                        description=r.get("description") or r.get("original_text"))
            data.pop("weekday", None)
            if not r.get("id"):
                data["id"] = generated_id(reading.source, "schedule", "regular", file, r["__row__"])
            regular_ids.add(data.get("id") or r["id"])
            r.pop("weekday", None)
            r.pop("original_text", None)
            out.add("schedule", file, r, **data)
        if unread:
            reading.note(f"{file}: {unread} opening hours not understood as times of day: "
                         "kept as the schedule's text, without hours.")
    if "holiday_schedules" in tables:
        file, records = tables["holiday_schedules"]
        for r in records:
            closed = (r.pop("closed", None) or "").strip().lower() in ("true", "1", "yes", "y")
            opens, closes = legacy_times.time_of_day(r.get("opens_at")), legacy_times.time_of_day(r.get("closes_at"))
            if closed or opens is None or closes is None:
                opens = closes = None
            data = dict(valid_from=r.pop("start_date", None), valid_to=r.pop("end_date", None),
                        opens_at=opens, closes_at=closes)
            if not r.get("id"):
                data["id"] = generated_id(reading.source, "schedule", "holiday", file, r["__row__"])
            elif r["id"] in regular_ids:  # both tables numbered from 1: a schedule of its own
                data["id"] = f"holiday_schedules/{r['id']}"
            out.add("schedule", file, r, **data)
