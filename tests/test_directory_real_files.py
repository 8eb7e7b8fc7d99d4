"""The world's directory files, as their publishers ship them (../shared/data/hsds-real):
211 Miami's HSDS 1.1 data package and North Lincolnshire's Open Referral UK 1.0 feed."""
from __future__ import annotations

import csv
import json
import shutil
import zipfile

import jsonschema
import pytest
from sqlalchemy import func, select

from app.directory import hsds_export
from app.directory.formats import read_directory
from app.directory.hsds_import import import_file
from app.directory.search import search_services
from app.vault import Vault
from models.directory import (
    DirAddress, DirLocation, DirOrganization, DirPhone, DirSchedule, DirService, DirServiceTerm,
)
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.shared_data import REAL, SCHEMA, require

MIAMI = REAL / "miami211-hsds11"
ORUK = REAL / "nlincs-oruk1" / "north-lincolnshire.json"
COUNTED = {"services": DirService, "locations": DirLocation, "addresses": DirAddress, "phones": DirPhone,
           "schedules": DirSchedule, "organizations": DirOrganization, "categories": DirServiceTerm}


def _table(name: str) -> list[dict]:
    with open(require(MIAMI / "data" / name), newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _miami_expected() -> dict[str, int]:
    """What the source holds that HSDS 3 can hold: rows with every required field."""
    services = _table("services.csv")
    orgs = {r["id"] for r in _table("organizations.csv")}
    address_fields = ("address_1", "city", "state_province", "postal_code")
    return {
        "services": len(services),
        "locations": len(_table("locations.csv")),
        "addresses": sum(all(r[f].strip() for f in address_fields) for r in _table("physical_addresses.csv")),
        "phones": sum(bool(r["number"].strip()) for r in _table("phones.csv")),
        "schedules": len(_table("regular_schedules.csv")),
        "organizations": len({r["organization_id"] for r in services} & orgs),
        "categories": len(_table("services_taxonomy.csv")),
    }


def _counts(vault) -> dict[str, int]:
    with vault.session() as s:
        return {k: s.scalar(select(func.count()).select_from(m)) for k, m in COUNTED.items()}


def _new_vault(root) -> Vault:
    vault = Vault(root)
    vault.create(PASSPHRASE, site_name="Test", worker_name="Test", kdf_params=FAST_KDF)
    return vault


@pytest.fixture(scope="module")
def miami(tmp_path_factory):
    vault = _new_vault(tmp_path_factory.mktemp("miami") / "data")
    with vault.session() as s:
        result = import_file(s, require(MIAMI), skip_bad_rows=True)
    yield vault, result
    vault.lock()


@pytest.fixture(scope="module")
def oruk(tmp_path_factory):
    vault = _new_vault(tmp_path_factory.mktemp("oruk") / "data")
    with vault.session() as s:
        result = import_file(s, require(ORUK))
    yield vault, result
    vault.lock()


def _validate(doc: dict) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(require(SCHEMA).read_text("utf-8")))
    for service in doc["contents"]:
        error = next(iter(validator.iter_errors(service)), None)
        assert error is None, f"{service['name']}: {error.message} at {list(error.absolute_path)}"


# ---- 211 Miami, HSDS 1.1 tabular -----------------------------------------
def test_miami_package_imports_everything_hsds3_can_hold(miami):
    vault, result = miami
    assert result.form == "HSDS 1.x tabular CSV (datapackage.json)"
    assert _counts(vault) == _miami_expected()
    # What HSDS 1.1 lacks gets a default, said once for the whole file.
    assert sum("taken as active" in n for n in result.notes) == 1
    assert sum("taken as physical" in n for n in result.notes) == 1
    assert not any(e.code == "not_allowed" for e in result.skipped)  # no status/location_type errors
    # The 447 services whose organization is missing are kept, and said so in one group.
    assert {w.code for w in result.warnings} == {"organization_dropped"} and len(result.warnings) == 447


def test_miami_hours_are_read_from_weekday_and_12_hour_times(miami):
    vault, _ = miami
    with vault.session() as s:
        rows = s.execute(select(DirSchedule.byday, DirSchedule.opens_at, DirSchedule.closes_at)).all()
    assert ("MO", "09:00", "17:00") in rows
    assert {r.byday for r in rows} == {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}


def test_every_form_of_the_miami_package_is_read(tmp_path):
    for path in (MIAMI, MIAMI / "datapackage.json", MIAMI / "data"):
        assert read_directory(require(path)).form.startswith("HSDS 1.x tabular CSV")
    archive = tmp_path / "datapackage-1566177582.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in MIAMI.rglob("*"):
            if file.is_file():
                zf.write(file, file.relative_to(MIAMI).as_posix())
    reading = read_directory(archive)
    assert reading.form == "HSDS 1.x tabular CSV (datapackage-1566177582.zip)"
    assert sum(r.entity == "service" for r in reading.rows) == 4089
    # The zip's name is not the folder's: --source keeps the same ids whichever form is given.
    assert read_directory(archive, source="miami211-hsds11").rows[0].data == read_directory(MIAMI).rows[0].data


def test_miami_reimport_updates_in_place(miami):
    vault, _ = miami
    before = _counts(vault)
    with vault.session() as s:
        result = import_file(s, MIAMI / "data", skip_bad_rows=True)
    assert result.services_created == 0 and result.services_updated == 4089
    assert _counts(vault) == before


def test_miami_searches(miami):
    vault, _ = miami
    with vault.session() as s:
        pantry = search_services(s, "food pantry", limit=20)
        shelter = search_services(s, "shelter", limit=20)
        prefix = search_services(s, "shel", limit=20)
    assert pantry and any("pantry" in h.name.lower() or "food" in h.name.lower() for h in pantry)
    assert len(shelter) == 20 and len(prefix) == 20


def test_miami_exports_reimport_to_the_same_counts_and_validate(miami, tmp_path):
    vault, _ = miami
    with vault.session() as s:
        hsds_export.export_json(s, tmp_path / "miami.json")
        hsds_export.export_csv(s, tmp_path / "tables")
    doc = json.loads((tmp_path / "miami.json").read_text("utf-8"))
    _validate(doc)
    expected = _counts(vault)
    for name, path in (("json", tmp_path / "miami.json"), ("csv", tmp_path / "tables")):
        copy = _new_vault(tmp_path / f"copy-{name}")
        with copy.session() as s:
            import_file(s, path)  # no bad row: Milieu's own export imports as it is
        assert _counts(copy) == expected, name
        copy.lock()


# ---- North Lincolnshire, Open Referral UK 1.0 ------------------------------
def test_oruk_feed_imports_with_websites_and_plain_text(oruk):
    vault, result = oruk
    source = json.loads(require(ORUK).read_text("utf-8"))
    assert result.form == "Open Referral UK 1.0 JSON (list of 738 services)"
    assert result.services_created == len(source) == 738
    orgs = {svc["organization"]["id"]: svc["organization"] for svc in source}
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(DirOrganization)) == len(orgs)
        websites = s.scalar(select(func.count()).where(DirOrganization.website.is_not(None)))
        descriptions = s.scalars(select(DirService.description)).all()
    assert websites == sum(1 for o in orgs.values() if o.get("url"))
    assert not any("<p>" in (d or "") or "&nbsp;" in (d or "") for d in descriptions)


def test_oruk_html_is_not_searchable_but_its_words_are(oruk):
    vault, _ = oruk
    with vault.session() as s:
        assert search_services(s, "nbsp") == []
        assert search_services(s, "font-size") == []
        assert search_services(s, "href") == []
        assert search_services(s, "alcohol")


def test_oruk_export_keeps_the_html_invents_nothing_and_validates(oruk, tmp_path):
    vault, _ = oruk
    with vault.session() as s:
        doc = hsds_export.services_json(s)
    _validate(doc)
    wawy = next(svc for svc in doc["contents"] if svc["name"] == '"We are with You" WAWY')
    assert wawy["description"].startswith("<p>Struggling with Drug &amp; Alcohol")
    assert wawy["organization"]["website"] == "https://www.northlincs.gov.uk/"
    codes = {a["taxonomy_term"].get("code") for svc in doc["contents"] for a in svc.get("attributes", [])}
    assert not codes & {"free", "closed_on_holidays", "walk_in"} or all(
        a["value"] == "true" for svc in doc["contents"] for a in svc.get("attributes", [])
        if a["taxonomy_term"].get("code") in ("free", "closed_on_holidays", "walk_in"))


def test_oruk_csv_export_reimports(oruk, tmp_path):
    vault, _ = oruk
    with vault.session() as s:
        hsds_export.export_csv(s, tmp_path / "tables")
    copy = _new_vault(tmp_path / "copy")
    with copy.session() as s:
        result = import_file(s, tmp_path / "tables")
    assert result.form.startswith("HSDS 3.x tabular CSV") and result.services_created == 738
    copy.lock()
