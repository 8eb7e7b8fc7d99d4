"""HSDS 3 JSON: one service, a list of them, or a paged list (``{"contents": [...]}``).

Nested objects become rows with link ids, as in the tabular form, so the same
phone met under the service, its location and its organisation is one row.
"""
from __future__ import annotations

from app.directory.formats.reading import Reading
from app.directory.records import Row


def read_services(services: list, file: str, reading: Reading) -> None:
    flat = _JsonFlattener(file)
    for number, service in enumerate(services, start=1):
        flat.service(service, number)
    reading.rows.extend(flat.rows)


def _scalars(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if not isinstance(v, (dict, list))}


class _JsonFlattener:
    def __init__(self, file: str):
        self.file = file
        self.rows: list[Row] = []

    def _add(self, entity: str, obj, number: int, path: str, **links) -> dict | None:
        if not isinstance(obj, dict):
            self.rows.append(Row(entity, self.file, number, {"__not_an_object__": True}, path))
            return None
        data = _scalars(obj)
        for key, value in links.items():
            if value is not None and not data.get(key):
                data[key] = value
        self.rows.append(Row(entity, self.file, number, data, path))
        return obj

    @staticmethod
    def _items(obj: dict, key: str) -> list:
        value = obj.get(key)
        return value if isinstance(value, list) else []

    def service(self, svc, number: int) -> None:
        if not isinstance(svc, dict):
            self.rows.append(Row("service", self.file, number, {"__not_an_object__": True}, ""))
            return
        sid = svc.get("id")
        org = svc.get("organization")
        org_id = org.get("id") if isinstance(org, dict) else None
        data = _scalars(svc)
        if org_id and not data.get("organization_id"):
            data["organization_id"] = org_id
        if isinstance(org, dict):
            self.organization(org, number, "organization")
        self.rows.append(Row("service", self.file, number, data, ""))
        for i, phone in enumerate(self._items(svc, "phones")):
            self.phone(phone, number, f"phones[{i}]", service_id=sid)
        for i, sched in enumerate(self._items(svc, "schedules")):
            self._add("schedule", sched, number, f"schedules[{i}]", service_id=sid)
        for i, lang in enumerate(self._items(svc, "languages")):
            self._add("language", lang, number, f"languages[{i}]", service_id=sid)
        for i, cost in enumerate(self._items(svc, "cost_options")):
            self._add("cost_option", cost, number, f"cost_options[{i}]", service_id=sid)
        for i, sal in enumerate(self._items(svc, "service_at_locations")):
            self.service_at_location(sal, number, f"service_at_locations[{i}]", sid)
        for i, attr in enumerate(self._items(svc, "attributes")):
            path = f"attributes[{i}]"
            if isinstance(attr, dict) and isinstance(attr.get("taxonomy_term"), dict):
                term = attr["taxonomy_term"]
                self.taxonomy_term(term, number, f"{path}.taxonomy_term")
                attr = dict(attr, taxonomy_term_id=attr.get("taxonomy_term_id") or term.get("id"))
            if self._add("attribute", attr, number, path) is not None:
                # Nested under a service: it describes that service, whatever it says.
                self.rows[-1].data.update(link_id=sid, link_entity="service")

    def organization(self, org: dict, number: int, path: str) -> None:
        oid = org.get("id")
        self._add("organization", org, number, path)
        for i, phone in enumerate(self._items(org, "phones")):
            self.phone(phone, number, f"{path}.phones[{i}]", organization_id=oid)
        for i, loc in enumerate(self._items(org, "locations")):
            self.location(loc, number, f"{path}.locations[{i}]")

    def service_at_location(self, sal, number: int, path: str, service_id) -> None:
        if not isinstance(sal, dict):
            self._add("service_at_location", sal, number, path)
            return
        loc = sal.get("location")
        loc_id = loc.get("id") if isinstance(loc, dict) else None
        if isinstance(loc, dict):
            self.location(loc, number, f"{path}.location")
        self._add("service_at_location", sal, number, path, service_id=service_id, location_id=loc_id)
        sal_id = sal.get("id")
        for i, phone in enumerate(self._items(sal, "phones")):
            self.phone(phone, number, f"{path}.phones[{i}]", service_at_location_id=sal_id)
        for i, sched in enumerate(self._items(sal, "schedules")):
            self._add("schedule", sched, number, f"{path}.schedules[{i}]", service_at_location_id=sal_id)

    def location(self, loc: dict, number: int, path: str) -> None:
        lid = loc.get("id")
        self._add("location", loc, number, path)
        for i, addr in enumerate(self._items(loc, "addresses")):
            self._add("address", addr, number, f"{path}.addresses[{i}]", location_id=lid)
        for i, phone in enumerate(self._items(loc, "phones")):
            self.phone(phone, number, f"{path}.phones[{i}]", location_id=lid)
        for i, sched in enumerate(self._items(loc, "schedules")):
            self._add("schedule", sched, number, f"{path}.schedules[{i}]", location_id=lid)
        for i, lang in enumerate(self._items(loc, "languages")):
            self._add("language", lang, number, f"{path}.languages[{i}]", location_id=lid)

    def phone(self, phone, number: int, path: str, **links) -> None:
        obj = self._add("phone", phone, number, path, **links)
        if obj is None:
            return
        for i, lang in enumerate(self._items(obj, "languages")):
            self._add("language", lang, number, f"{path}.languages[{i}]", phone_id=obj.get("id"))

    def taxonomy_term(self, term: dict, number: int, path: str) -> None:
        detail = term.get("taxonomy_detail")
        links = {}
        if isinstance(detail, dict) and detail.get("id"):
            links["taxonomy_id"] = detail["id"]
        self._add("taxonomy_term", term, number, path, **links)
