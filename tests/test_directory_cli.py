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
    assert code == 0 and out.strip() == "Imported 15 services (15 new, 0 updated)."
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
    assert "bad row: services.csv, row 3, name: is missing" in err
    assert err.splitlines()[-1].startswith("milieu: Nothing imported")
    code, out, err = cli("search", "bon")
    assert out == ""
    code, out, err = cli("import", folder, "--skip-bad-rows")
    assert code == 0 and "skipped 1 bad rows" in out and "skipped: services.csv, row 3" in err


def test_missing_file_is_one_sentence(cli, tmp_path):
    code, out, err = cli("import", tmp_path / "nothing.json")
    assert code == 9 and err.count("\n") == 1 and "does not exist" in err


def test_a_file_that_is_not_hsds_has_its_own_exit_code(cli, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("pas un répertoire", "utf-8")
    code, out, err = cli("import", notes)
    assert code == 46 and err.count("\n") == 1 and "not an HSDS file" in err
