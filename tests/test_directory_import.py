"""HSDS import and export: the shared Open Referral examples, bad rows, updates in place, round trips."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import func, select

from app.directory import hsds_export, hsds_import
from app.directory.records import DirectoryImportRejected, UnreadableDirectoryFile
from app.directory.sample import SAMPLE_DIRECTORY
from app.directory.search import search_services
from app.directory.services import service_detail
from models.directory import DirPhone, DirSchedule, DirService, DirServiceTerm

from tests.shared_data import SHARED, needs  # noqa: E402  (found beside a worktree too)

EXAMPLES = SHARED / "hsds-examples"
SCHEMA = SHARED / "hsds-schema" / "compiled" / "service_with_definitions.json"
needs_shared = needs(EXAMPLES)


def _count(vault, model) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _import(vault, path, **kw):
    with vault.session() as s:
        return hsds_import.import_file(s, path, **kw)


def _service(vault, name):
    with vault.session() as s:
        svc = s.scalars(select(DirService).where(DirService.name == name)).one()
        return service_detail(s, svc.id)


# ---- the shared Open Referral examples ------------------------------------
@needs_shared
def test_imports_the_open_referral_json_example_with_its_nested_records(vault):
    result = _import(vault, EXAMPLES / "service_full.json")
    assert result.services_created == 1
    detail = _service(vault, "Community Counselling")
    assert detail.organization == "Example Organization Inc."
    assert [p.number for p in detail.phones] == ['"+44 1234 234567"']
    assert detail.addresses[0].lines[0] == "1-30 Main Street"
    assert detail.languages == ["Urdu"]
    assert detail.hours.weekly_lines()  # Thursday and Friday, 10:00-18:00
    # The same phone appears under the service, its location, organisation and contact: one row.
    assert _count(vault, DirPhone) == 1


@needs_shared
def test_imports_the_open_referral_list_and_csv_examples(vault):
    _import(vault, EXAMPLES / "service_list.json")
    _import(vault, EXAMPLES / "csv")
    with vault.session() as s:
        names = [h.name for h in search_services(s, "counselling")]
    assert names == ["Community Counselling"]  # the three files describe one service: updated, not duplicated


@needs_shared
def test_json_export_validates_against_the_hsds_schema(vault, tmp_path):
    _import(vault, EXAMPLES / "service_full.json")
    _import(vault, SAMPLE_DIRECTORY)
    out = tmp_path / "export.json"
    with vault.session() as s:
        assert hsds_export.export_json(s, out) == 16
    doc = json.loads(out.read_text("utf-8"))
    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for service in doc["contents"]:
        errors = sorted(validator.iter_errors(service), key=str)
        assert not errors, f"{service['name']}: {errors[0].message}"
    assert out.stat().st_mode & 0o077 == 0


# ---- bad rows -------------------------------------------------------------
def _csv_folder(tmp_path, services_rows, **tables) -> Path:
    folder = tmp_path / "hsds"
    folder.mkdir(exist_ok=True)
    files = {"services.csv": services_rows, **{f"{k}.csv": v for k, v in tables.items()}}
    for name, rows in files.items():
        with open(folder / name, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
    return folder


GOOD = ["a1", "Comptoir alimentaire", "active", "Denrées"]
HEADER = ["id", "name", "status", "description"]


@pytest.mark.parametrize(
    "bad_row, tables, field, code",
    [
        (["", "Sans identifiant", "active", ""], {}, "id", "required"),
        (["b2", "", "active", ""], {}, "name", "required"),
        (["b3", "Statut inconnu", "ouvert", ""], {}, "status", "not_allowed"),
        (["a1", "Même identifiant", "active", ""], {}, "id", "duplicate_id"),
    ],
)
def test_each_bad_service_row_is_reported_and_nothing_is_imported(vault, tmp_path, bad_row, tables, field, code):
    folder = _csv_folder(tmp_path, [HEADER, GOOD, bad_row])
    with pytest.raises(DirectoryImportRejected) as caught:
        _import(vault, folder)
    [error] = caught.value.errors
    assert (error.file, error.row, error.field, error.code) == ("services.csv", 3, field, code)
    assert str(error).startswith("services.csv, row 3, " + field)
    assert _count(vault, DirService) == 0


@pytest.mark.parametrize(
    "table, rows, field, code",
    [
        ("schedules", [["id", "service_id", "opens_at", "closes_at", "byday"], ["s1", "a1", "25:00", "18:00", "MO"]],
         "opens_at", "not_a_time"),
        ("schedules", [["id", "service_id", "opens_at", "closes_at", "byday"], ["s1", "a1", "09:00", "", "MO"]],
         "closes_at", "required"),
        ("schedules", [["id", "service_id", "opens_at", "closes_at", "byday"], ["s1", "a1", "09:00", "17:00", "LUNDI"]],
         "byday", "not_allowed"),
        ("schedules", [["id", "service_id", "valid_from"], ["s1", "a1", "2026-13-45"]], "valid_from", "not_a_date"),
        ("phones", [["id", "service_id", "number", "extension"], ["p1", "a1", "819-555-0199", "poste 3"]],
         "extension", "not_an_integer"),
        ("phones", [["id", "service_id", "number"], ["p1", "zz-unknown", "819-555-0199"]], "service_id",
         "unknown_reference"),
        ("locations", [["id", "location_type", "latitude"], ["l1", "physical", "nord"]], "latitude", "not_a_number"),
    ],
)
def test_each_kind_of_bad_row_in_other_tables(vault, tmp_path, table, rows, field, code):
    folder = _csv_folder(tmp_path, [HEADER, GOOD], **{table: rows})
    with pytest.raises(DirectoryImportRejected) as caught:
        _import(vault, folder)
    [error] = caught.value.errors
    assert (error.file, error.row, error.field, error.code) == (f"{table}.csv", 2, field, code)
    assert _count(vault, DirService) == 0


def test_skip_bad_rows_imports_the_good_ones_and_what_depends_on_a_bad_row_is_skipped_too(vault, tmp_path):
    folder = _csv_folder(
        tmp_path,
        [HEADER, GOOD, ["b2", "", "active", ""]],
        phones=[["id", "service_id", "number"], ["p1", "a1", "819-555-0101"], ["p2", "b2", "819-555-0102"]],
    )
    result = _import(vault, folder, skip_bad_rows=True)
    assert result.services_created == 1
    assert [(e.file, e.row, e.field) for e in result.skipped] == [
        ("services.csv", 3, "name"), ("phones.csv", 3, "service_id"),
    ]
    assert _count(vault, DirPhone) == 1


def test_json_errors_point_at_the_service_and_the_nested_field(vault, tmp_path):
    doc = json.loads(SAMPLE_DIRECTORY.read_text("utf-8"))
    doc["contents"][2]["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] = ""
    doc["contents"][4]["minimum_age"] = "dix-huit"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(DirectoryImportRejected) as caught:
        _import(vault, path)
    found = {(e.file, e.row, e.field, e.code) for e in caught.value.errors}
    assert ("broken.json", 3, "service_at_locations[0].location.addresses[0].postal_code", "required") in found
    assert ("broken.json", 5, "minimum_age", "not_an_integer") in found
    assert _count(vault, DirService) == 0


def test_a_file_that_is_not_hsds_is_refused_with_a_clear_message(vault, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("{ not json", "utf-8")
    with pytest.raises(UnreadableDirectoryFile, match="not valid JSON"):
        _import(vault, path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(UnreadableDirectoryFile, match="services.csv"):
        _import(vault, tmp_path / "empty")


# ---- updates in place, round trips ------------------------------------------
def test_reimport_updates_in_place_and_keeps_local_notes(vault, tmp_path):
    _import(vault, SAMPLE_DIRECTORY)
    before = _count(vault, DirService), _count(vault, DirPhone), _count(vault, DirSchedule)
    doc = json.loads(SAMPLE_DIRECTORY.read_text("utf-8"))
    for service in doc["contents"]:
        service["attributes"] = [a for a in service["attributes"] if a["taxonomy_term"].get("taxonomy") != "milieu"]
    doc["contents"][0]["description"] = "Nouvelle description du refuge."
    changed = tmp_path / "regional.json"
    changed.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    result = _import(vault, changed)
    assert (result.services_created, result.services_updated) == (0, 15)
    assert (_count(vault, DirService), _count(vault, DirPhone), _count(vault, DirSchedule)) == before
    refuge = _service(vault, "Refuge de nuit Le Phare")
    assert refuge.description == "Nouvelle description du refuge."
    assert "intoxiquées" in refuge.local_notes and refuge.walk_in  # local knowledge survives


def test_reimport_drops_what_the_source_no_longer_lists(vault, tmp_path):
    _import(vault, SAMPLE_DIRECTORY)
    doc = json.loads(SAMPLE_DIRECTORY.read_text("utf-8"))
    refuge = doc["contents"][0]
    refuge["attributes"] = [a for a in refuge["attributes"] if a["taxonomy_term"]["name"] != "Hygiène"]
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    _import(vault, path)
    assert _service(vault, "Refuge de nuit Le Phare").categories == ["Hébergement d'urgence"]
    with vault.session() as s:
        assert [h.name for h in search_services(s, "hygiene")] == ["Centre de jour : douches, laverie, café"]


def _snapshot(vault) -> list[dict]:
    with vault.session() as s:
        doc = hsds_export.services_json(s)
    return doc["contents"]


@pytest.mark.parametrize("form", ["json", "csv"])
def test_round_trip_loses_nothing(make_vault, tmp_path, form):
    first = make_vault("first")
    _import(first, SAMPLE_DIRECTORY)
    if (EXAMPLES / "service_full.json").exists():
        _import(first, EXAMPLES / "service_full.json")
    with first.session() as s:
        svc = s.scalars(select(DirService).where(DirService.name == "Refuge de nuit Le Phare")).one()
        svc.local_notes = "Note locale : « accepte les chiens » — à vérifier"
    out = tmp_path / ("out.json" if form == "json" else "out-csv")
    with first.session() as s:
        (hsds_export.export_json if form == "json" else hsds_export.export_csv)(s, out)
    second = make_vault("second")
    _import(second, out)
    assert _snapshot(second) == _snapshot(first)
    assert _count(second, DirServiceTerm) == _count(first, DirServiceTerm)
    # ... and importing it again changes nothing.
    _import(second, out)
    assert _snapshot(second) == _snapshot(first)


def test_csv_export_is_read_by_the_csv_import_of_the_shared_layout(vault, tmp_path):
    _import(vault, SAMPLE_DIRECTORY)
    out = tmp_path / "tables"
    with vault.session() as s:
        hsds_export.export_csv(s, out)
    header = next(csv.reader(open(out / "services.csv", encoding="utf-8")))
    assert header[:3] == ["id", "organization_id", "name"]
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    assert _import(vault, copy / "services.csv").services_updated == 15  # any file of the folder works


def test_bulk_written_dates_read_back_and_compare_like_orm_ones(vault):
    from datetime import date, datetime

    _import(vault, SAMPLE_DIRECTORY)
    with vault.session() as s:
        old = s.scalars(select(DirService.name).where(DirService.assured_date < date(2025, 1, 1))).all()
        svc = s.scalars(select(DirService).where(DirService.name == "Refuge de nuit Le Phare")).one()
        closures = s.scalars(select(DirSchedule).where(DirSchedule.valid_from == date(2026, 12, 24))).all()
    assert old == ["Information juridique gratuite"]
    assert isinstance(svc.imported_at, datetime) and svc.assured_date == date(2026, 9, 15)
    assert svc.walk_in is True and svc.added_by_hand is False
    assert [c.description for c in closures] == ["Fermé pour les Fêtes"]


def test_csv_export_leaves_the_chosen_folder_permissions_alone(vault, tmp_path):
    import os

    from app.directory.hsds_export import export_csv

    chosen = tmp_path / "partage"
    chosen.mkdir(mode=0o755)
    os.chmod(chosen, 0o755)
    with vault.session() as s:
        export_csv(s, chosen)
    assert chosen.stat().st_mode & 0o777 == 0o755
    assert all(p.stat().st_mode & 0o077 == 0 for p in chosen.iterdir())
