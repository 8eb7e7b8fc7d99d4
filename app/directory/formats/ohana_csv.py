"""Ohana API CSV (Code for America's pre-HSDS layout): services hang off locations.

Tables: organizations, locations (organization_id, ``virtual``, comma-separated
``languages``), services (location_id, ``website``, ``eligibility``, ``fees``,
comma-separated ``languages`` and ``taxonomy_ids``), addresses and
mail_addresses (location_id), phones (``number_type``, ``department``),
regular_schedules (``weekday``) and holiday_schedules (``closed``, dates such as
"January 01, 2015" or "12/24/15"), taxonomy (``taxonomy_id``, ``parent_id``).
Each service becomes a service at its location, with the location's
organisation. The mapping is in docs/directory-hsds.md.
"""
from __future__ import annotations

import re
from datetime import datetime

from app.directory.formats import legacy_csv
from app.directory.formats.ids import generated_id
from app.directory.formats.reading import Reading

READ_PAST = {"contacts", "programs"}
_HANDLED = {
    "organizations", "locations", "services", "addresses", "mail_addresses", "phones",
    "regular_schedules", "holiday_schedules", "taxonomy",
}
_TRUE = ("true", "1", "yes", "y", "t")
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d")


def is_ohana(tables: dict[str, tuple[str, list[dict]]]) -> bool:
    """Services that name their location, and no table linking services to locations."""
    if "services" not in tables or {"services_at_location", "service_at_location"} & set(tables):
        return False
    records = tables["services"][1]
    return bool(records) and "location_id" in records[0]


def _items(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def ohana_date(text: str | None) -> str | None:
    """ "January 01, 2015", "12/24/15" or ISO as YYYY-MM-DD; the text itself when not understood."""
    if not text:
        return None
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    return text  # the import refuses it, row and field named


def convert(tables: dict[str, tuple[str, list[dict]]], reading: Reading) -> None:
    out = legacy_csv.Out(reading)
    src = reading.source
    if "taxonomy" in tables:
        file, records = tables["taxonomy"]
        for r in records:
            out.add("taxonomy_term", file, r, id=r.get("taxonomy_id") or r.get("id"), taxonomy="ohana")
    if "organizations" in tables:
        file, records = tables["organizations"]
        for r in records:
            out.add("organization", file, r)
    org_of: dict[str, str | None] = {}
    if "locations" in tables:
        file, records = tables["locations"]
        for r in records:
            org_of[r.get("id") or ""] = r.get("organization_id")
            virtual = (r.get("virtual") or "").strip().lower() in _TRUE
            out.add("location", file, r, location_type="virtual" if virtual else "physical",
                    description=r.get("description") or r.get("short_desc"))
            _languages(out, file, r, "location_id", src)
    for name, kind in (("addresses", "physical"), ("mail_addresses", "postal")):
        if name in tables:
            file, records = tables[name]
            for r in records:
                # Both tables number their rows from 1: the postal ones get their own ids.
                ident = r.get("id") if kind == "physical" or not r.get("id") else f"{name}/{r['id']}"
                out.add("address", file, r, id=ident, address_type=kind,
                        country=legacy_csv.country(r, file, reading))
    _services(tables, out, reading, org_of)
    _phones(tables, out, reading)
    if "holiday_schedules" in tables:
        _holidays(tables["holiday_schedules"], reading)
    legacy_csv.schedules(tables, out, reading)
    passed = sorted(tables[n][0] for n in tables if n in READ_PAST or n not in _HANDLED)
    if passed:
        reading.note(f"Tables outside Milieu's subset, read past: {', '.join(passed)}.")


def _languages(out: legacy_csv.Out, file: str, r: dict, column: str, source: str) -> None:
    for language in _items(r.get("languages")):
        out.add("language", file, {"__row__": r["__row__"]}, id=generated_id(source, "language", column, r.get("id"),
                language), name=language, **{column: r.get("id")})


def _services(tables, out: legacy_csv.Out, reading: Reading, org_of: dict) -> None:
    if "services" not in tables:
        return
    file, records = tables["services"]
    no_status = 0
    for r in records:
        no_status += not r.get("status")
        location = r.get("location_id")
        out.add("service", file, r, status=r.get("status") or "active", url=r.get("url") or r.get("website"),
                organization_id=org_of.get(location or ""), fees_description=r.get("fees"),
                eligibility_description=r.get("eligibility"))
        if location:
            out.add("service_at_location", file, {"__row__": r["__row__"]}, service_id=r.get("id"),
                    location_id=location, id=generated_id(reading.source, "service_at_location", r.get("id"), location))
        _languages(out, file, r, "service_id", reading.source)
        for term in _items(r.get("taxonomy_ids")):
            out.add("attribute", file, {"__row__": r["__row__"]}, link_id=r.get("id"), link_entity="service",
                    taxonomy_term_id=term, id=generated_id(reading.source, "attribute", r.get("id"), term))
    if no_status:
        reading.note(f"{file} gives no status for {no_status} services: taken as active.")


def _phones(tables, out: legacy_csv.Out, reading: Reading) -> None:
    if "phones" not in tables:
        return
    file, records = tables["phones"]
    of_contacts = 0
    for r in records:
        if not any(r.get(c) for c in ("service_id", "location_id", "organization_id")):
            of_contacts += bool(r.get("contact_id"))
            if r.get("contact_id"):
                continue
        out.add("phone", file, r, type=r.get("number_type"), description=r.get("department"))
    if of_contacts:
        reading.note(f"{file}: {of_contacts} phones of contacts read past (contacts are outside Milieu's subset).")


def _holidays(table: tuple[str, list[dict]], reading: Reading) -> None:
    """Dates as Ohana writes them; year 1 is its "every year", which a dated closure cannot say."""
    file, records = table
    yearly = []
    for r in records:
        if r.get("id"):  # numbered from 1 like regular_schedules: its own ids
            r["id"] = f"holiday_schedules/{r['id']}"
        r["start_date"], r["end_date"] = ohana_date(r.get("start_date")), ohana_date(r.get("end_date"))
        if any(re.match(r"^0001-", d or "") for d in (r["start_date"], r["end_date"])):
            yearly.append(r)
    for r in yearly:
        records.remove(r)
    if yearly:
        reading.note(f"{file}: {len(yearly)} yearly closures (dated year 1) read past: "
                     "Milieu's closures have dates; set them on the service.")

