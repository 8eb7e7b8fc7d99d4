"""The older Ohana API CSV (services hang off locations), synthetic, in Ohana's own layout:
detected from its content, named on the first line, mapped onto HSDS 3 and exported validly."""
from __future__ import annotations

import csv
import json

import jsonschema
from sqlalchemy import func, select

from app.directory import hsds_export
from app.directory.hsds_import import import_file
from app.directory.search import search_services
from app.directory.services import service_detail
from models.directory import (
    DirAddress, DirLanguage, DirLocation, DirPhone, DirSchedule, DirService, DirServiceAtLocation,
)
from shared_data import SCHEMA, require

OHANA = {
    "organizations": [["id", "accreditations", "alternate_name", "date_incorporated", "description", "email",
                       "funding_sources", "legal_status", "licenses", "name", "tax_id", "tax_status", "website"],
                      ["1", "", "", "", "Entraide de quartier.", "", "Dons", "", "", "Maison Alpha", "", "",
                       "https://alpha.example"]],
    "locations": [["id", "organization_id", "accessibility", "admin_emails", "alternate_name", "description", "email",
                   "languages", "latitude", "longitude", "name", "short_desc", "transportation", "website", "virtual"],
                  ["1", "1", "ramp", "", "", "", "", "Spanish, Tagalog", "45.88", "-72.48", "Local Heriot",
                   "Un local au centre-ville.", "Autobus 2.", "", "false"],
                  ["2", "1", "", "", "", "Ligne d'écoute.", "", "", "", "", "En ligne", "", "", "", "true"]],
    "services": [["id", "location_id", "program_id", "accepted_payments", "alternate_name", "application_process",
                  "audience", "description", "eligibility", "email", "fees", "funding_sources",
                  "interpretation_services", "keywords", "languages", "name", "required_documents", "service_areas",
                  "status", "wait_time", "website", "taxonomy_ids"],
                 ["1", "1", "", "", "", "Sans rendez-vous.", "", "Comptoir alimentaire du mardi.", "Résidents",
                  "", "Aucun frais", "", "", "food", "French, English", "Comptoir alimentaire", "", "", "active",
                  "", "https://alpha.example/comptoir", "102-04, 102"],
                 ["2", "2", "", "", "", "", "", "Écoute téléphonique.", "", "", "", "", "", "", "", "Écoute",
                  "", "", "", "", "", ""]],
    "addresses": [["id", "location_id", "address_1", "address_2", "city", "state_province", "postal_code", "country"],
                  ["1", "1", "12 rue Heriot", "", "Drummondville", "QC", "J2B 1A1", ""]],
    "mail_addresses": [["id", "location_id", "attention", "address_1", "address_2", "city", "state_province",
                        "postal_code", "country"],
                       ["1", "1", "Accueil", "C.P. 45", "", "Drummondville", "QC", "J2B 6V6", "CA"]],
    "phones": [["id", "contact_id", "location_id", "organization_id", "service_id", "country_prefix", "department",
                "extension", "number", "number_type", "vanity_number"],
               ["1", "", "1", "", "", "", "Accueil", "", "819 555-0101", "voice", ""],
               ["2", "", "", "", "2", "", "", "", "819 555-0102", "hotline", ""],
               ["3", "7", "", "", "", "", "", "", "819 555-0199", "voice", ""]],
    "regular_schedules": [["id", "location_id", "service_id", "weekday", "opens_at", "closes_at"],
                          ["1", "", "1", "Tuesday", "9am", "4:00 PM"],
                          ["2", "1", "", "Monday", "08:00", "17:00"]],
    "holiday_schedules": [["id", "location_id", "service_id", "start_date", "end_date", "closed", "opens_at",
                           "closes_at"],
                          ["1", "", "1", "12/24/26", "January 02, 2027", "true", "", ""],
                          ["2", "1", "", "January 01, 0001", "January 01, 0001", "true", "", ""]],
    "taxonomy": [["taxonomy_id", "name", "parent_id", "parent_name"],
                 ["102", "Food", "", ""], ["102-04", "Food Pantry", "102", "Food"]],
    "contacts": [["id", "location_id", "name", "title"], ["7", "1", "Personne Fictive", "Coordination"]],
}


def _ohana(folder):
    folder.mkdir()
    for name, rows in OHANA.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    return folder


def _count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def test_ohana_tables_are_detected_and_services_sit_at_their_locations(vault, tmp_path):
    folder = _ohana(tmp_path / "ohana")
    with vault.session() as s:
        result = import_file(s, folder)
        food = s.scalars(select(DirService).where(DirService.name == "Comptoir alimentaire")).one()
        detail = service_detail(s, food.id)
        counts = {m.__tablename__: _count(s, m) for m in (DirService, DirLocation, DirServiceAtLocation, DirAddress,
                                                           DirPhone, DirSchedule, DirLanguage)}
        virtual = s.scalars(select(DirLocation.location_type).where(DirLocation.name == "En ligne")).one()
        closures = s.scalars(select(DirSchedule).where(DirSchedule.valid_from.is_not(None))).all()
    assert result.form == "Ohana API CSV (CSV tables)"
    assert counts == {"dir_service": 2, "dir_location": 2, "dir_service_at_location": 2, "dir_address": 2,
                      "dir_phone": 2, "dir_schedule": 3, "dir_language": 4}
    assert detail.organization == "Maison Alpha"  # the organisation of the service's location
    assert detail.url == "https://alpha.example/comptoir" and detail.eligibility == "Résidents"
    assert detail.fees == "Aucun frais" and food.is_free
    assert detail.addresses[0].lines[0] == "12 rue Heriot"
    assert sorted(detail.categories) == ["Food", "Food Pantry"]
    assert detail.languages == ["English", "French", "Spanish", "Tagalog"]  # the service's and its location's
    assert virtual == "virtual"
    assert [(str(c.valid_from), str(c.valid_to)) for c in closures] == [("2026-12-24", "2027-01-02")]
    said = " ".join(result.notes)
    assert "1 phones of contacts read past" in said and "yearly closures" in said and "contacts.csv" in said
    assert "taken as active" in said  # the second service gives no status


def test_ohana_hours_reimport_search_and_a_valid_export(vault, make_vault, tmp_path):
    folder = _ohana(tmp_path / "ohana")
    with vault.session() as s:
        import_file(s, folder)
        food = s.scalars(select(DirService).where(DirService.name == "Comptoir alimentaire")).one()
        hours = s.execute(select(DirSchedule.byday, DirSchedule.opens_at, DirSchedule.closes_at)
                          .where(DirSchedule.service_id == food.id, DirSchedule.byday.is_not(None))).all()
        assert [h.name for h in search_services(s, "food pantry")] == ["Comptoir alimentaire"]
        again = import_file(s, folder)
        hsds_export.export_json(s, tmp_path / "ohana.json")
        total = _count(s, DirService)
    assert hours == [("TU", "09:00", "16:00")]
    assert (again.services_created, again.services_updated, total) == (0, 2, 2)
    doc = json.loads((tmp_path / "ohana.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads(require(SCHEMA).read_text("utf-8")))
    for service in doc["contents"]:
        assert next(iter(validator.iter_errors(service)), None) is None
    copy = make_vault("copy")
    with copy.session() as s:
        back = import_file(s, tmp_path / "ohana.json")
    assert back.services_created == 2


def test_a_reimport_that_renames_an_organisation_or_a_category_is_searched_by_the_new_name(vault, tmp_path):
    folder = _ohana(tmp_path / "ohana")
    with vault.session() as s:
        import_file(s, folder)
    OHANA_RENAMED = {**OHANA, "organizations": [OHANA["organizations"][0], [
        "1", "", "", "", "Entraide de quartier.", "", "", "", "", "Maison Bêta", "", "", ""]],
        "taxonomy": [OHANA["taxonomy"][0], ["102", "Alimentation", "", ""], ["102-04", "Food Pantry", "102", "Food"]],
        "services": [OHANA["services"][0], OHANA["services"][2]]}  # the renamed ones' other service is not in it
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for name, rows in OHANA_RENAMED.items():
        with open(renamed / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    with vault.session() as s:
        import_file(s, renamed, source="ohana")  # the same source: an update in place
        assert sorted(h.name for h in search_services(s, "beta")) == ["Comptoir alimentaire", "Écoute"]
        assert [h.name for h in search_services(s, "alpha")] == []
        assert [h.name for h in search_services(s, "alimentation")] == ["Comptoir alimentaire"]
