"""Open Referral UK 1.0 JSON (HSDS 1.1/2.0 based): services with everything nested.

Each ORUK service is rewritten as the HSDS 3 service form, then read like one:
organization ``url`` is the website, ``contacts[].phones`` are the service's
phones, ``regular_schedules``/``holiday_schedules`` are schedules,
``eligibilitys`` the eligibility text, ``service_taxonomys`` the categories,
``physical_addresses`` the addresses. ``pc_`` extensions are read past.
"""
from __future__ import annotations

from app.directory.formats import hsds3_json, legacy_times
from app.directory.formats.ids import generated_id
from app.directory.formats.reading import Reading

ORUK_KEYS = {
    "regular_schedules", "holiday_schedules", "service_taxonomys", "eligibilitys", "contacts", "fees",
    "accreditations", "deliverable_type", "attending_type", "attending_access", "reviews", "fundings",
}
HSDS3_KEYS = {"schedules", "fees_description", "eligibility_description", "phones", "attributes", "cost_options"}


def looks_like_oruk(services: list) -> bool:
    oruk = hsds3 = 0
    for svc in services[:50]:
        if isinstance(svc, dict):
            keys = set(svc)
            oruk += len(keys & ORUK_KEYS) + any(k.startswith("pc_") for k in keys)
            hsds3 += len(keys & HSDS3_KEYS)
            org = svc.get("organization")
            if isinstance(org, dict):
                oruk += "url" in org and "website" not in org
                hsds3 += "website" in org
    return oruk > hsds3


def read_services(services: list, file: str, reading: Reading) -> None:
    converted, extensions, no_status = [], False, 0
    for number, svc in enumerate(services, start=1):
        if not isinstance(svc, dict):
            converted.append(svc)
            continue
        extensions = extensions or any(k.startswith("pc_") for k in svc)
        if not svc.get("status"):
            no_status += 1
        converted.append(_Service(reading.source, svc).hsds3())
    if extensions:
        reading.note("Open Referral UK extension fields (pc_...) read past.")
    if no_status:
        reading.note(f"{file} gives no status for {no_status} services: taken as active.")
    hsds3_json.read_services(converted, file, reading)


def _list(obj: dict, key: str) -> list:
    value = obj.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _pick(obj: dict, *keys) -> dict:
    return {k: obj[k] for k in keys if obj.get(k) not in (None, "")}


class _Service:
    def __init__(self, source: str, svc: dict):
        self.source, self.svc = source, svc
        self.sid = svc.get("id")

    def _id(self, obj: dict, kind: str, index: int):
        return obj.get("id") or generated_id(self.source, kind, self.sid, index)

    def hsds3(self) -> dict:
        svc = self.svc
        out = _pick(svc, "id", "name", "alternate_name", "description", "url", "email", "interpretation_services",
                    "application_process", "wait_time", "assured_date", "alert")
        out["status"] = svc.get("status") or "active"
        if svc.get("fees"):
            out["fees_description"] = svc["fees"]
        org = svc.get("organization")
        if isinstance(org, dict):
            out["organization"] = dict(_pick(org, "id", "name", "alternate_name", "description", "email"),
                                       website=org.get("website") or org.get("url") or None)
            out["organization_id"] = org.get("id")
        eligibility = _list(svc, "eligibilitys")
        texts = [e["eligibility"] for e in eligibility if e.get("eligibility")]
        if texts:
            out["eligibility_description"] = "\n".join(texts)
        for field in ("minimum_age", "maximum_age"):
            ages = [e[field] for e in eligibility if e.get(field) not in (None, "")]
            if ages:
                out[field] = ages[0]
        out["phones"] = [
            dict(_pick(p, "number", "extension", "type", "description"), id=self._id(p, "phone", f"{i}.{j}"))
            for i, contact in enumerate(_list(svc, "contacts")) for j, p in enumerate(_list(contact, "phones"))
        ]
        out["schedules"] = self.schedules(svc, "")
        out["languages"] = [
            {"id": self._id(lang, "language", i), "name": lang.get("language") or lang.get("name")}
            for i, lang in enumerate(_list(svc, "languages"))
        ]
        out["cost_options"] = [_pick(c, "id", "amount", "service_id") for c in _list(svc, "cost_options")]
        out["service_at_locations"] = [self.at_location(sal, i) for i, sal in enumerate(_list(svc, "service_at_locations"))]
        out["attributes"] = [self.category(st, i) for i, st in enumerate(_list(svc, "service_taxonomys"))]
        return out

    def schedules(self, owner: dict, prefix: str) -> list[dict]:
        out = []
        for i, s in enumerate(_list(owner, "regular_schedules")):
            item = _pick(s, "valid_from", "valid_to", "dtstart", "until", "freq", "interval", "bymonthday",
                         "description", "opens_at", "closes_at")
            day = s.get("byday") or s.get("weekday")
            if day:
                days = [legacy_times.byday(d) or d.strip() for d in str(day).split(",")]
                item["byday"] = ",".join(days)
                item.setdefault("freq", "WEEKLY")
            out.append(dict(item, id=self._id(s, "schedule", f"{prefix}r{i}")))
        for i, s in enumerate(_list(owner, "holiday_schedules")):
            item = {"valid_from": s.get("start_date"), "valid_to": s.get("end_date")}
            if not s.get("closed") and s.get("opens_at") and s.get("closes_at"):
                item.update(opens_at=s["opens_at"], closes_at=s["closes_at"])
            out.append(dict(item, id=self._id(s, "schedule", f"{prefix}h{i}")))
        return out

    def at_location(self, sal: dict, index: int) -> dict:
        loc = sal.get("location") if isinstance(sal.get("location"), dict) else {}
        lid = loc.get("id") or generated_id(self.source, "location", self.sid, index)
        location = dict(_pick(loc, "name", "alternate_name", "description", "transportation", "latitude", "longitude"),
                        id=lid, location_type="physical")
        location["addresses"] = [
            dict(_pick(a, "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
                       "country"), id=a.get("id") or generated_id(self.source, "address", lid, i),
                 address_type="physical")
            for i, a in enumerate(_list(loc, "physical_addresses"))
        ] + [
            dict(_pick(a, "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
                       "country"), id=a.get("id") or generated_id(self.source, "postal", lid, i),
                 address_type="postal")
            for i, a in enumerate(_list(loc, "postal_addresses"))
        ]
        return {"id": self._id(sal, "service_at_location", index), "location": location,
                "schedules": self.schedules(sal, f"l{index}")}

    def category(self, link: dict, index: int) -> dict:
        term = link.get("taxonomy") if isinstance(link.get("taxonomy"), dict) else {}
        tid = term.get("id") or generated_id(self.source, "taxonomy_term", term.get("name"))
        parent = term.get("parent")
        return {
            "id": self._id(link, "attribute", index), "taxonomy_term_id": tid,
            "taxonomy_term": dict(_pick(term, "name", "description"), id=tid, taxonomy=term.get("vocabulary"),
                                  parent_id=parent.get("id") if isinstance(parent, dict) else parent),
        }
