"""One sentence, never a traceback, for odd inputs (issue 10, item 10): /dev/zero as a
bundle or a public key, a key file of nested JSON, a report over the whole calendar."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_kit import run

ZERO = Path("/dev/zero")


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    base = tmp_path_factory.mktemp("odd")
    coord, worker = base / "coord", base / "worker"
    assert run(coord, "coordination", "init").returncode == 0
    assert run(worker, "init", "--site", "s", "--worker", "w").returncode == 0
    return coord, worker


@pytest.mark.skipif(not ZERO.exists(), reason="no /dev/zero on this system")
def test_dev_zero_as_bundle_or_public_key(both):
    coord, worker = both
    for data, args in ((coord, ["bundle", "import", str(ZERO)]), (coord, ["bundle", "verify", str(ZERO)]),
                       (worker, ["partner", "set", str(ZERO), "--yes"]), (coord, ["coordination", "trust", str(ZERO), "--yes"])):
        result = run(data, *args, timeout=60)
        assert result.returncode not in (0, 1), result.stderr
        assert result.stderr.count("\n") == 1 and "large" in result.stderr


def test_key_file_of_nested_json(both, tmp_path):
    _, worker = both
    data = tmp_path / "copy"
    data.mkdir(mode=0o700)
    (data / "milieu.db").write_bytes((worker / "milieu.db").read_bytes())
    (data / "milieu.key").write_text("[" * 100_000 + "]" * 100_000)
    result = run(data, "check")
    assert result.returncode == 8 and "damaged" in result.stderr


def test_report_over_the_whole_calendar(both, tmp_path):
    _, worker = both
    result = run(worker, "report", "--from", "0001-01-01", "--to", "9999-12-31", "--format", "csv",
                 "--out", str(tmp_path / "r.csv"))
    assert result.returncode == 9 and result.stderr.count("\n") == 1


def test_directory_file_nested_100000_deep(both, tmp_path):
    _, worker = both
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    result = run(worker, "directory", "import", str(deep))
    assert result.returncode != 0 and result.stderr.count("\n") == 1


SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "data" / "sample_directory.json"


def _hsds_variant(tmp_path, name, change) -> Path:
    doc = json.loads(SAMPLE.read_text("utf-8"))
    change(doc["contents"][0])
    text = json.dumps(doc).replace('"BIG"', "9" * 5000)
    path = tmp_path / f"{name}.json"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize("name, change", [
    ("minimum_age", lambda s: s.__setitem__("minimum_age", 1e20)),
    ("digits", lambda s: s.__setitem__("minimum_age", "BIG")),
    ("extension", lambda s: s.__setitem__("phones", [{"id": "p1", "number": "819 555-0100", "extension": 1e30}])),
    ("surrogate", lambda s: s.__setitem__("name", "\ud800")),
    ("edge_date", lambda s: s.__setitem__("assured_date", "9999-12-31T23:59:59-05:00")),
])
def test_hsds_values_beyond_limits(both, tmp_path, name, change):
    _, worker = both
    result = run(worker, "directory", "import", str(_hsds_variant(tmp_path, name, change)))
    lines = result.stderr.splitlines()
    assert result.returncode not in (0, 1) and lines[-1].startswith("milieu: "), result.stderr
    assert "Traceback" not in result.stderr  # the grouped bad rows come first, the sentence last
    assert run(worker, "check").returncode == 0
