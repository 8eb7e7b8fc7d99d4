"""A full disk leaves a way out (issue 10, item 4): unlock and read-only commands work,
a write that finds no room says so in one sentence (exit 11), and nothing typed in the
GUI is lost. A real full disk where the system allows it (a small tmpfs in a private
mount namespace), otherwise an error injected at the file layer."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sqlcipher3

from app import audit
from app.errors import DiskFull, disk_full
from cli_kit import MILIEU, PASSPHRASE
from conftest import PASSPHRASE as API_PASSPHRASE

SCRIPT = r'''
set -u
D=$1; OUT=$2; M=$3
mount -t tmpfs -o size=8m tmpfs "$D" || exit 99
$M --data-dir "$D/v" init --site s --worker w >/dev/null || exit 98
dd if=/dev/zero of="$D/fill" bs=16k >/dev/null 2>&1
for cmd in "check" "bundle history" "backup --to $OUT" "demo --weeks 400"; do
  echo "== $cmd"; $M --data-dir "$D/v" $cmd 2>&1; echo "rc=$?"
done
rm "$D/fill"
echo "== after"; $M --data-dir "$D/v" check 2>&1; echo "rc=$?"
'''


def _can_mount_tmpfs(tmp_path) -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs {tmp_path}"],
                           capture_output=True)
    return probe.returncode == 0


def test_a_real_full_disk(tmp_path):
    mnt, out = tmp_path / "mnt", tmp_path / "out"
    mnt.mkdir()
    out.mkdir()
    if not _can_mount_tmpfs(mnt):
        pytest.skip("no private tmpfs here (unshare -rm); see the injected-error tests below")
    env = {"MILIEU_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(["unshare", "-rm", "sh", "-c", SCRIPT, "sh", str(mnt), str(out), MILIEU],
                            capture_output=True, text=True, env=env, timeout=600)
    text = result.stdout
    assert "Traceback" not in text and result.returncode == 0, text + result.stderr
    blocks = dict(b.split("\n", 1) for b in text.split("== ")[1:])
    assert blocks["check"].endswith("rc=0\n") and "integrity verified" in blocks["check"]
    assert blocks["bundle history"].endswith("rc=0\n")
    assert blocks[f"backup --to {out}"].endswith("rc=0\n") and len(list(out.iterdir())) == 1
    demo = blocks["demo --weeks 400"].splitlines()
    assert demo == ["milieu: The disk holding the vault is full; free some space and try again, nothing was changed.",
                    "rc=11"] or demo[-1] == "rc=11" and len(demo) == 2, demo
    assert blocks["after"].endswith("rc=0\n")


def _full(*_a, **_k):
    raise sqlcipher3.OperationalError("database or disk is full")


def test_unlock_and_backup_go_on_when_the_audit_cannot_be_written(make_vault, tmp_path, monkeypatch):
    vault = make_vault()
    vault.lock()
    monkeypatch.setattr(audit, "record", _full)
    vault.unlock(API_PASSPHRASE)
    assert any("audit entry" in w for w in vault.warnings)
    assert vault.check().integrity_ok
    assert vault.backup(tmp_path / "elsewhere").exists()
    vault.lock()


def test_disk_full_is_recognised_however_it_comes():
    from sqlalchemy.exc import OperationalError

    assert isinstance(disk_full(OSError(28, "No space left on device", "/x")), DiskFull)
    assert isinstance(disk_full(OperationalError("INSERT", {}, sqlcipher3.OperationalError("database or disk is full"))), DiskFull)
    assert disk_full(ValueError("other")) is None


def test_the_quick_entry_keeps_what_was_typed_and_saves_it_when_room_returns(qtbot, make_vault, monkeypatch):
    from PySide6.QtCore import Qt

    from app import contacts, drafts
    from tests.floor_gui_kit import ScriptedDialogs, focused, open_unlocked

    dialogs = ScriptedDialogs()
    window = open_unlocked(qtbot, make_vault(), dialogs)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    panel = window.ctx.extras["quick_entry"].new_panel
    panel.person_field.unidentified.setValue(1)
    qtbot.keyClick(panel.person_field.edit, Qt.Key.Key_2)
    panel.notes.setPlainText("Marqueur disque plein")
    real_create, real_save = contacts.create_contact, drafts.save
    monkeypatch.setattr(contacts, "create_contact", _full)
    monkeypatch.setattr(drafts, "save", _full)
    assert panel.save() is False
    assert panel.isVisible() and panel.notes.toPlainText() == "Marqueur disque plein"
    assert dialogs.said[-1][0] == "error" and "full" in dialogs.said[-1][2]
    panel.keeper.flush()  # the draft cannot be written either: it waits in memory
    assert panel.keeper.dirty
    monkeypatch.setattr(drafts, "save", real_save)  # room again
    panel.keeper._timer.timeout.emit()
    assert not panel.keeper.dirty
    with window.vault.session() as s:
        assert "Marqueur disque plein" in str(drafts.load(s, panel.keeper.form_id))
    monkeypatch.setattr(contacts, "create_contact", real_create)
    assert panel.save() is True
