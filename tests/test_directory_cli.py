"""``milieu directory import|export|search``: what a person sees in the terminal."""
from __future__ import annotations

import json

import pytest

from app.cli import main
from app.directory.sample import SAMPLE_DIRECTORY
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli(vault, monkeypatch, capsys):
    data_dir = vault.paths.root
    vault.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)

    def run(*args):
        code = main(["--data-dir", str(data_dir), "directory", *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_import_search_export(cli, tmp_path):
    code, out, _ = cli("import", SAMPLE_DIRECTORY)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Read HSDS 3.x JSON (paged list of 15 services) from sample_directory.json."
    assert lines[-1] == "Imported 15 services (15 new, 0 updated)."
    code, out, _ = cli("search", "refuge")
    assert code == 0 and out.splitlines() == ["Refuge de nuit Le Phare — Maison d'hébergement Le Phare de nuit"]
    code, out, _ = cli("export", "--format", "json", tmp_path / "out.json")
    assert code == 0 and json.loads((tmp_path / "out.json").read_text("utf-8"))["total_items"] == 15
    code, out, _ = cli("export", "--format", "csv", tmp_path / "tables")
    assert code == 0 and (tmp_path / "tables" / "services.csv").is_file()
    code, out, _ = cli("import", tmp_path / "tables")
    assert code == 0 and "(0 new, 15 updated)" in out


def test_bad_rows_are_listed_and_the_exit_code_says_nothing_was_imported(cli, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "services.csv").write_text("id,name,status\ns1,Bon service,active\ns2,,active\n", "utf-8")
    code, out, err = cli("import", folder)
    assert code == 45
    assert "  1 x services.csv, name: is missing" in err and "      row 3" in err
    assert err.splitlines()[-1].startswith("milieu: Nothing imported")
    code, out, err = cli("search", "bon")
    assert out == ""
    code, out, err = cli("import", folder, "--skip-bad-rows")
    assert code == 0 and "skipped 1 bad rows" in out and "Bad rows, skipped (1 rows" in err


def test_missing_file_is_one_sentence(cli, tmp_path):
    code, out, err = cli("import", tmp_path / "nothing.json")
    assert code == 9 and err.count("\n") == 1 and "does not exist" in err


def test_a_file_that_is_not_hsds_has_its_own_exit_code(cli, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("pas un répertoire", "utf-8")
    code, out, err = cli("import", notes)
    assert code == 46 and err.count("\n") == 1 and "not an HSDS file" in err


def _write_csv(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, "utf-8")


def test_problems_are_grouped_by_kind_within_30_lines_and_the_report_lists_every_one(cli, tmp_path):
    folder = tmp_path / "many"
    services = "id,name,status\n" + "".join(f"s{i},,active\n" for i in range(200)) + "ok,Bon service,active\n"
    _write_csv(folder, "services.csv", services)
    phones = "id,service_id,number\n" + "".join(f"p{i},s{i},819-555-01{i % 100:02d}\n" for i in range(200))
    _write_csv(folder, "phones.csv", phones + "q1,ok,\n")
    report = tmp_path / "report.txt"
    code, out, err = cli("import", folder, "--skip-bad-rows", "--report", report)
    assert code == 0 and "Imported 1 services (1 new, 0 updated); skipped 401 bad rows." in out
    lines = err.splitlines()
    assert len(lines) <= 30
    assert "  200 x services.csv, name: is missing" in lines
    # A phone of a refused service says why, naming the refused row.
    assert "      row 2 (service_id): its service, row 2 of services.csv, was refused" in lines
    assert "  1 x phones.csv, number: is missing" in lines
    full = report.read_text("utf-8").splitlines()
    assert sum(line.startswith("services.csv, row ") for line in full) == 200
    assert "phones.csv, row 201, service_id: its service, row 201 of services.csv, was refused [parent_refused]" in full


def test_an_import_that_brings_no_service_fails_with_one_sentence(cli, tmp_path):
    folder = tmp_path / "none"
    _write_csv(folder, "services.csv", "id,name,status\ns1,,active\n")
    _write_csv(folder, "organizations.csv", "id,name\no1,Organisme sans service\n")
    code, out, err = cli("import", folder, "--skip-bad-rows")
    assert code == 47
    assert err.splitlines()[-1] == (
        "milieu: Nothing imported: the file brings no service "
        "(all 1 bad rows were put aside and none of the rest is a service)."
    )
    code, out, err = cli("search", "organisme")
    assert out == ""


def test_organizations_and_locations_no_service_uses_are_left_out(cli, tmp_path):
    folder = tmp_path / "orphans"
    _write_csv(folder, "services.csv", "id,organization_id,name,status\ns1,o1,Repas,active\n")
    _write_csv(folder, "organizations.csv", "id,name\no1,Utilisé\no2,Orphelin\n")
    _write_csv(folder, "locations.csv", "id,location_type,name\nl1,physical,Seul\n")
    code, out, err = cli("import", folder)
    assert code == 0
    assert out.splitlines()[-1] == (
        "Imported 1 services (1 new, 0 updated); left out 1 locations and 1 organizations that no service uses."
    )
