"""The bundle commands as a script or a coordinator types them: output, exit codes, prompts."""
from __future__ import annotations

import pytest

from app.cli import main
from app.sync import errors as E
from bundle_kit import PASSPHRASE, add_contact, add_person, make_coordination


@pytest.fixture
def run(monkeypatch, capsys):
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)

    def invoke(*argv):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_coordination_init_prints_the_fingerprint(run, tmp_path):
    code, out, _ = run("--data-dir", tmp_path / "coord", "coordination", "init", "--name", "La Piaule")
    assert code == 0 and "Fingerprint:" in out


def test_keys_partner_export_verify_import_from_the_command_line(run, make_vault, tmp_path):
    worker = make_vault("worker", site="Bibliothèque de Drummondville")
    worker_dir, coord_dir = worker.paths.root, tmp_path / "coord"
    worker.lock()
    # Made with the suite's fast KDF (init itself is tested above): each command below unlocks it.
    make_coordination(coord_dir).lock()
    assert run("--data-dir", coord_dir, "keys", "export-public", tmp_path / "lp.pub")[0] == 0
    assert run("--data-dir", worker_dir, "keys", "export-public", tmp_path / "w.pub")[0] == 0
    assert (tmp_path / "lp.pub").read_text().startswith("milieu-public-key/1\n")

    # Without a terminal and without --yes, nothing is trusted.
    code, out, err = run("--data-dir", worker_dir, "partner", "set", tmp_path / "lp.pub")
    assert code == E.Declined.exit_code and "--yes" in err
    code, out, _ = run("--data-dir", worker_dir, "partner", "set", "--yes", tmp_path / "lp.pub")
    assert code == 0 and "Fingerprint:" in out
    assert run("--data-dir", coord_dir, "coordination", "trust", "--yes", tmp_path / "w.pub")[0] == 0

    worker.unlock(PASSPHRASE)
    person = add_person(worker, "Grand Marc")
    add_contact(worker, [person])
    add_contact(worker, [person])
    worker.lock()
    code, out, _ = run("--data-dir", worker_dir, "bundle", "pending")
    assert "contact: 2 changed, 0 deleted" in out
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run("--data-dir", worker_dir, "bundle", "export", "--out", usb)
    assert code == 0
    (bundle,) = usb.iterdir()
    assert bundle.name.startswith("milieu-bibliotheque-de-drummondville-") and "-seq000001-" in bundle.name

    code, out, _ = run("--data-dir", coord_dir, "bundle", "verify", bundle)
    assert code == 0
    assert "signer: Bibliothèque de Drummondville" in out and "sequence: 1" in out
    assert "weeks: 2026-W" in out and "contact 2 changed/0 deleted" in out

    damaged = tmp_path / "damaged.bundle"
    damaged.write_bytes(bundle.read_bytes()[:-10])
    code, out, err = run("--data-dir", coord_dir, "bundle", "verify", damaged)
    assert code == E.Truncated.exit_code and "truncated" in err and "Traceback" not in err

    code, out, err = run("--data-dir", coord_dir, "bundle", "import", bundle, damaged, bundle)
    assert code == E.Truncated.exit_code
    assert "imported sequence 1" in out and "already imported" in out
    assert "refused (truncated)" in err

    code, out, _ = run("--data-dir", worker_dir, "bundle", "export", "--out", usb)
    code, out, _ = run("--data-dir", worker_dir, "bundle", "export", "--out", usb, "--full")
    third = sorted(usb.glob("*seq000003*"))[0]
    code, out, err = run("--data-dir", coord_dir, "bundle", "import", third)
    assert code == 0 and "warning" in err and "2 of this worker have not been received" in err
    code, out, _ = run("--data-dir", coord_dir, "coordination", "workers")
    assert "missing: 2" in out and "sequence 3" in out

    code, out, _ = run("--data-dir", worker_dir, "bundle", "history")
    assert out.count(".bundle") == 3 and "full" in out
    again = tmp_path / "again"
    again.mkdir()
    assert run("--data-dir", worker_dir, "bundle", "rewrite", 1, "--out", again)[0] == 0
    assert (again / bundle.name).read_bytes() == bundle.read_bytes()


def test_export_without_recipient_says_what_to_do(run, make_vault, tmp_path):
    worker = make_vault("worker")
    worker.lock()
    code, _, err = run("--data-dir", worker.paths.root, "bundle", "export", "--out", tmp_path)
    assert code == E.NotConfigured.exit_code and "milieu partner set" in err


def test_a_worker_vault_does_not_verify_bundles(run, make_vault, tmp_path):
    worker = make_vault("worker")
    worker.lock()
    junk = tmp_path / "x.bundle"
    junk.write_bytes(b"MILIEU-B" + bytes(200))
    code, _, err = run("--data-dir", worker.paths.root, "bundle", "verify", junk)
    assert code == E.NotConfigured.exit_code and "coordination" in err
