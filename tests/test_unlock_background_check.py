"""Unlock opens the window at once; the whole-file integrity check runs behind it, on its
own connection and thread, and a failure refuses every write (the screen says so). The
command line (``milieu check``, and every command's unlock) keeps the check up front."""
from __future__ import annotations

import threading

import pytest

from app import settings
from app.database import connect_raw
from app.errors import IntegrityFailure
from app.ops import settings as settings_ops
from tests.conftest import PASSPHRASE
from tests.floor_gui_kit import ScriptedDialogs, open_unlocked

PAGE = 4096


def _filler(vault, rows: int = 400) -> None:
    """Pages that nothing reads at unlock nor on Today (a table of the test's own)."""
    conn = connect_raw(vault.paths.database, bytes(vault._key))
    try:
        conn.execute("CREATE TABLE test_filler (x BLOB)")
        conn.executemany("INSERT INTO test_filler VALUES (?)", [(bytes([i % 251]) * 900,) for i in range(rows)])
    finally:
        conn.close()


def _damage_filler(vault) -> None:
    """Flip bytes inside a page near the end of the file (the filler's): its HMAC fails."""
    data = bytearray(vault.paths.database.read_bytes())
    page = len(data) // PAGE - 20
    for offset in range(page * PAGE + 300, page * PAGE + 340):
        data[offset] ^= 0xFF
    vault.paths.database.write_bytes(bytes(data))


@pytest.fixture
def damaged(make_vault):
    vault = make_vault()
    _filler(vault)
    backup = vault.backup()
    vault.lock()
    _damage_filler(vault)
    return vault, backup


def _wait_check(vault) -> IntegrityFailure | None:
    seen = threading.Event()
    found: list = []
    assert vault.check_in_background(lambda failure: (found.append(failure), seen.set()))
    assert seen.wait(30)
    return found[0]


def test_the_command_line_unlock_still_checks_the_whole_file_first(damaged):
    vault, backup = damaged
    with pytest.raises(IntegrityFailure) as refused:
        vault.unlock(PASSPHRASE)
    assert refused.value.latest_backup == backup
    assert not vault.is_unlocked


def test_an_unlock_that_checks_later_opens_then_refuses_writes_once_the_check_fails(damaged):
    vault, backup = damaged
    vault.unlock(PASSPHRASE, check_later=True)
    with vault.session() as s:  # the data reads at once
        assert settings.get(s, settings.SITE_NAME) == "Bibliothèque de test"
    failure = _wait_check(vault)
    assert isinstance(failure, IntegrityFailure) and failure.latest_backup == backup
    with pytest.raises(IntegrityFailure):
        vault.require_writable()
    vault.lock()  # a damaged file is never taken as verified: the next unlock checks it again
    with pytest.raises(IntegrityFailure):
        vault.unlock(PASSPHRASE)


def test_a_sound_file_passes_in_the_background_and_a_lock_interrupts_a_check_under_way(make_vault):
    vault = make_vault()
    _filler(vault, rows=3000)
    vault.lock()
    vault.paths.database.touch()  # changed since verified: the next unlock has a check to do
    vault.unlock(PASSPHRASE, check_later=True)
    assert vault.check_in_background()
    vault.lock()  # does not wait for the check; leaves no thread reading the file
    assert not [t for t in threading.enumerate() if t.name == "milieu-integrity-check"]
    vault.unlock(PASSPHRASE, check_later=True)
    assert _wait_check(vault) is None
    vault.require_writable()
    assert not vault.check_in_background()  # once is enough


def test_the_window_opens_at_once_then_says_the_file_is_damaged_and_refuses_writes(qtbot, french, damaged):
    vault, backup = damaged
    dialogs = ScriptedDialogs()
    window = open_unlocked(qtbot, vault, dialogs)
    assert window.is_unlocked  # Today, without waiting for the whole file's check
    qtbot.waitUntil(lambda: window.findChild(object, "integrity_banner") is not None, timeout=30000)
    banner = window.findChild(object, "integrity_banner")
    assert banner.text() == "Base de données endommagée\u00a0: rien ne peut être enregistré"
    assert dialogs.said[-1][:2] == ("error", "Base de données endommagée")
    assert backup.name in dialogs.said[-1][2] and "Restaurer une sauvegarde" in dialogs.said[-1][2]
    window.ctx.ops.run(settings_ops.save, site_name="Jamais écrit", worker_name="Alex", idle_lock_minutes=5)
    window.ctx.ops.wait()
    assert dialogs.said[-1][0] == "error" and dialogs.said[-1][2].startswith(
        "La base de données du coffre a échoué à la vérification d’intégrité\u00a0: plus rien n’est enregistré.")
    assert window.ctx.ops.read(settings.get, settings.SITE_NAME) == "Bibliothèque de test"
    # Nor a backup of the damaged file (it would prune the sound ones): the same refusal.
    assert window.show_page("settings")
    section = window.workspace.stack.currentWidget().backup_section
    section.pick_folder = lambda start: str(vault.paths.backups)
    section.backup_button.click()
    window.ctx.ops.wait()
    assert dialogs.said[-1][0] == "error" and "vérification d’intégrité" in dialogs.said[-1][2]
    assert sorted(vault.paths.backups.iterdir()) == [backup]
