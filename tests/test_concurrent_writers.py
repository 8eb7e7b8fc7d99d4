"""Two writers wait for each other instead of crashing (issue 10, item 3): two real
processes each time."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli_kit import PASSPHRASE, run, start

ROOT = Path(__file__).resolve().parents[1]


def _both(procs):
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert "Traceback" not in stderr and "locked" not in stderr, stderr
        out.append((p.returncode, stdout, stderr))
    return out


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    base = tmp_path_factory.mktemp("concurrent")
    coord, data = base / "coord", base / "worker"
    assert run(coord, "coordination", "init").returncode == 0
    assert run(coord, "keys", "export-public", str(base / "coord.pub")).returncode == 0
    assert run(data, "init", "--site", "Bibliothèque", "--worker", "Intervenant").returncode == 0
    assert run(data, "partner", "set", str(base / "coord.pub"), "--yes").returncode == 0
    return data


def test_two_demo_runs_at_once_both_succeed(worker):
    results = _both([start(worker, "demo", "--weeks", "3", "--seed", str(n)) for n in (1, 2)])
    assert [r[0] for r in results] == [0, 0], results


def test_two_bundle_exports_at_once_write_distinct_sequences(worker, tmp_path):
    outs = [tmp_path / "a", tmp_path / "b"]
    for o in outs:
        o.mkdir()
    results = _both([start(worker, "bundle", "export", "--out", str(o)) for o in outs])
    assert [r[0] for r in results] == [0, 0], results
    sequences = {line.split(",")[0] for _, stdout, _ in results for line in stdout.splitlines() if line.startswith("sequence")}
    assert len(sequences) == 2
    names = [p.name for o in outs for p in o.iterdir()]
    assert len(set(names)) == 2


def test_two_api_writers_at_once(worker):
    # 2 x 150 small write transactions through vault.session(), from two processes.
    script = (
        "import sys\nfrom app.vault import Vault\nfrom app import settings\n"
        "v = Vault(sys.argv[1]); v.unlock(sys.argv[2])\n"
        "for i in range(150):\n"
        "    with v.session() as s:\n"
        "        settings.get(s, 'x')\n"
        "        settings.set_many(s, {'writer_' + sys.argv[3]: str(i)})\n"
        "v.lock(); print('done')\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(worker), PASSPHRASE, str(n)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    results = _both(procs)
    assert [r[0] for r in results] == [0, 0] and all(r[1].strip() == "done" for r in results), results


def test_two_passwd_at_once_cannot_both_succeed(tmp_path):
    data = tmp_path / "data"
    assert run(data, "init", "--site", "s", "--worker", "w").returncode == 0
    files = []
    for n, phrase in enumerate(("première nouvelle phrase", "seconde nouvelle phrase")):
        f = tmp_path / f"new{n}"
        f.write_text(phrase)
        files.append((f, phrase))
    procs = [start(data, "passwd", "--new-passphrase-file", str(f)) for f, _ in files]
    results = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert "Traceback" not in stderr
        results.append(p.returncode)
    winners = [phrase for (f, phrase), code in zip(files, results) if code == 0]
    assert len(winners) >= 1
    opens = [phrase for _, phrase in files if run(data, "check", passphrase=phrase).returncode == 0]
    # Whoever reported success, its passphrase opens the vault: never two successes with one lost.
    assert set(winners) <= set(opens) and len(opens) == 1
