"""Older and national forms, synthetic: HSDS 2.0 tables, a nested Open Referral UK service,
a paged HSDS 3 list, and CSV exports with very long fields."""
from __future__ import annotations

import csv
import json

from sqlalchemy import select

from app.directory import hsds_export
from app.directory.formats import read_directory
from app.directory.hsds_import import import_file
from app.directory.search import search_services
from app.directory.services import service_detail
from models.directory import DirAddress, DirOrganization, DirSchedule, DirService, DirSourceId


def _tables(folder, **tables):
    folder.mkdir()
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    return folder


def test_hsds_2_tables_map_onto_the_model(vault, tmp_path):
    folder = _tables(
        tmp_path / "v2",
        organizations=[["id", "name", "description", "url"], ["1", "Maison Alpha", "", "https://alpha.example"]],
        services=[["id", "organization_id", "name", "status", "fees"], ["10", "1", "Repas du soir", "", "Gratuit"]],
        locations=[["id", "name"], ["20", "Local"]],
        services_at_location=[["id", "service_id", "location_id"], ["30", "10", "20"]],
        physical_addresses=[["id", "location_id", "address_1", "city", "state_province", "postal_code", "country"],
                            ["40", "20", "12 rue Heriot", "Drummondville", "QC", "J2B 1A1", ""]],
        regular_schedules=[["id", "service_id", "weekday", "opens_at", "closes_at"], ["", "10", "Tuesday", "5:00pm", "7:30 pm"]],
        holiday_schedules=[["id", "service_id", "closed", "start_date", "end_date"], ["h1", "10", "true", "2026-12-24", "2027-01-02"]],
        service_attributes=[["id", "service_id", "taxonomy_term_id"], ["50", "10", "t1"]],
        taxonomy_terms=[["id", "term", "taxonomy"], ["t1", "Alimentation", "local"]],
    )
    with vault.session() as s:
        result = import_file(s, folder)
        svc = s.scalars(select(DirService)).one()
        detail = service_detail(s, svc.id)
        org = s.scalars(select(DirOrganization)).one()
        schedules = s.scalars(select(DirSchedule).order_by(DirSchedule.valid_from)).all()
        source_ids = dict(s.execute(select(DirSourceId.entity, DirSourceId.source_id).where(DirSourceId.entity == "service")).all())
    assert result.form == "HSDS 2.0 tabular CSV (CSV tables)"
    assert svc.status == "active" and svc.fees_description == "Gratuit" and svc.is_free
    assert len(svc.hsds_id) == 36 and source_ids == {"service": "10"}
    assert org.website == "https://alpha.example"
    assert detail.addresses[0].lines[0] == "12 rue Heriot"
    assert [(x.byday, x.opens_at, x.closes_at) for x in schedules if x.byday] == [("TU", "17:00", "19:30")]
    assert [(str(x.valid_from), x.opens_at) for x in schedules if x.valid_from] == [("2026-12-24", None)]
    with vault.session() as s:
        assert [h.name for h in search_services(s, "alimentation")] == ["Repas du soir"]
        again = import_file(s, folder)
    assert (again.services_created, again.services_updated) == (0, 1)


ORUK_SERVICE = {
    "id": "svc-1", "name": "Warm Space", "description": "<p>Tea &amp; <b>toast</b></p>", "url": "", "status": "active",
    "fees": "", "organization": {"id": "org-1", "name": "Parish", "description": "", "url": "https://parish.example"},
    "contacts": [{"id": "c1", "phones": [{"id": "ph1", "number": "01724 000000"}]}],
    "regular_schedules": [{"id": "rs1", "weekday": "Wednesday", "opens_at": "10:00:00", "closes_at": "12:00:00"}],
    "eligibilitys": [{"id": "e1", "eligibility": "Everyone", "minimum_age": 16}],
    "languages": [{"id": "lang1", "language": "English"}],
    "service_taxonomys": [{"id": "st1", "taxonomy": {"id": "tx1", "name": "Community", "vocabulary": "esdServiceTypes"}}],
    "service_at_locations": [{"id": "sal1", "location": {
        "id": "loc1", "name": "Hall", "latitude": 53.5, "longitude": -0.6,
        "physical_addresses": [{"id": "a1", "address_1": "1 Church St", "city": "Scunthorpe",
                                "state_province": "North Lincolnshire", "postal_code": "DN15 1AA", "country": "GB"}]}}],
    "pc_metadata": {"date_created": "2024-12-01"},
}


def test_a_nested_open_referral_uk_service(vault, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(ORUK_SERVICE), "utf-8")
    with vault.session() as s:
        result = import_file(s, path)
        svc = s.scalars(select(DirService)).one()
        detail = service_detail(s, svc.id)
        doc = hsds_export.services_json(s)
    assert result.form == "Open Referral UK 1.0 JSON (one service of 1 services)"
    assert detail.description == "Tea & toast" and detail.eligibility == "Everyone" and detail.minimum_age == 16
    assert [p.number for p in detail.phones] == ["01724 000000"] and detail.languages == ["English"]
    assert detail.addresses[0].lines[0] == "1 Church St" and detail.organization == "Parish"
    assert detail.hours.weekly_lines()
    exported = doc["contents"][0]
    assert exported["description"] == "<p>Tea &amp; <b>toast</b></p>"
    assert exported["organization"]["website"] == "https://parish.example"


def test_hsds3_csv_export_with_a_200_kb_field_imports_again(vault, tmp_path):
    path = tmp_path / "big.json"
    long_text = "Très long texte. " * 12_000
    path.write_text(json.dumps({"contents": [{"id": "11111111-1111-4111-8111-111111111111", "name": "Long",
                                               "status": "active", "description": long_text}]}), "utf-8")
    with vault.session() as s:
        import_file(s, path)
        hsds_export.export_csv(s, tmp_path / "tables")
        s.execute(DirService.__table__.delete())
    reading = read_directory(tmp_path / "tables")
    assert reading.form == "HSDS 3.x tabular CSV (CSV tables)"
    with vault.session() as s:
        import_file(s, tmp_path / "tables")
        assert s.scalars(select(DirService.description)).one() == long_text.strip()


def test_tables_numbering_their_rows_alike_do_not_clash(vault, tmp_path):
    """Physical and postal addresses (or regular and holiday schedules) each numbered from 1 are
    different records: both are kept, and a second import updates them in place."""
    folder = _tables(
        tmp_path / "v2-same-ids",
        organizations=[["id", "name"], ["1", "Maison Alpha"]],
        services=[["id", "organization_id", "name"], ["1", "1", "Repas du soir"]],
        locations=[["id", "organization_id", "name"], ["1", "1", "Local"]],
        services_at_location=[["id", "service_id", "location_id"], ["1", "1", "1"]],
        physical_addresses=[["id", "location_id", "address_1", "city", "state_province", "postal_code", "country"],
                            ["1", "1", "12 rue Heriot", "Drummondville", "QC", "J2B 1A1", "CA"]],
        postal_addresses=[["id", "location_id", "address_1", "city", "state_province", "postal_code", "country"],
                          ["1", "1", "C.P. 55", "Drummondville", "QC", "J2B 6V6", "CA"]],
        regular_schedules=[["id", "service_id", "weekday", "opens_at", "closes_at"], ["1", "1", "Tuesday", "17:00", "19:30"]],
        holiday_schedules=[["id", "service_id", "closed", "start_date", "end_date"], ["1", "1", "true", "2026-12-24", "2027-01-02"]],
    )
    with vault.session() as s:
        import_file(s, folder)
        svc = s.scalars(select(DirService)).one()
        detail = service_detail(s, svc.id)
        schedules = s.scalars(select(DirSchedule)).all()
        addresses = sorted(s.execute(select(DirAddress.address_type, DirAddress.address_1)).all())
    assert addresses == [("physical", "12 rue Heriot"), ("postal", "C.P. 55")]
    assert [a.lines[0] for a in detail.addresses] == ["12 rue Heriot"]  # the postal one shows when no street address
    assert sorted((x.byday or "", str(x.valid_from or "")) for x in schedules) == [("", "2026-12-24"), ("TU", "")]
    with vault.session() as s:
        again = import_file(s, folder)
        assert len(s.scalars(select(DirSchedule)).all()) == 2
    assert (again.services_created, again.services_updated) == (0, 1)
