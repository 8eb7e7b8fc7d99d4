"""Paramètres > Papier and Sauvegardes: the paper of every PDF (a setting written by an
operation, used by the GUI and the CLI), backup and restore from the window."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import settings
from app.errors import InvalidInput
from app.ops import settings as settings_ops
from tests.conftest import PASSPHRASE
from tests.floor_gui_kit import ScriptedDialogs, open_unlocked

A4_HEIGHT_PT = 841.9
LETTER_HEIGHT_PT = 792.0


def _height(path: Path) -> float:
    return float(PdfReader(str(path)).pages[0].mediabox.height)


def test_paper_is_letter_until_a4_is_chosen_and_nothing_else_is_accepted(vault):
    with vault.session() as s:
        assert settings.paper(s) == "letter"
        assert settings_ops.set_paper(s, "a4").value == "a4"
    with vault.session() as s:
        assert settings.paper(s) == "a4"
        with pytest.raises(InvalidInput):
            settings_ops.set_paper(s, "legal")


def test_the_command_line_pdfs_use_the_paper_chosen(qapp, vault, tmp_path, monkeypatch):
    from views.launcher import main

    with vault.session() as s:
        settings_ops.set_paper(s, "a4")
    vault.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)
    data = str(vault.paths.root)
    assert main(["--data-dir", data, "report", "--from", "2026-01-01", "--to", "2026-05-31", "--format", "pdf",
                 "--out", str(tmp_path / "bilan.pdf")]) == 0
    assert main(["--data-dir", data, "notice", "--out", str(tmp_path / "avis.pdf")]) == 0
    assert _height(tmp_path / "bilan.pdf") == pytest.approx(A4_HEIGHT_PT, abs=1)
    assert _height(tmp_path / "avis.pdf") == pytest.approx(A4_HEIGHT_PT, abs=1)


def _settings_page(window):
    assert window.show_page("settings")
    return window.workspace.stack.currentWidget()


def test_paper_chosen_in_settings_is_saved_and_used_by_the_slip(qtbot, french, make_vault, tmp_path):
    from tests.test_referral_slip import detail_of
    from views import paper
    from views.directory.slip import write_slip_pdf

    vault = make_vault()
    detail = detail_of(vault, "Comptoir alimentaire Le Grenier")
    window = open_unlocked(qtbot, vault)
    assert _height(write_slip_pdf(detail, tmp_path / "lettre.pdf", paper=paper.saved(window.ctx))) == LETTER_HEIGHT_PT
    combo = _settings_page(window).paper_section.paper
    assert combo.currentText() == "Lettre (8,5 × 11 po)"
    combo.setCurrentIndex(combo.findData("a4"))
    combo.activated.emit(combo.currentIndex())
    window.ctx.ops.wait()
    assert window.ctx.ops.read(settings.paper) == "a4"
    assert _settings_page(window).paper_section.message.text() == "Enregistré."
    slip = write_slip_pdf(detail, tmp_path / "a4.pdf", paper=paper.saved(window.ctx))
    assert _height(slip) == pytest.approx(A4_HEIGHT_PT, abs=1)


def test_back_up_now_writes_a_copy_in_the_folder_chosen_and_says_what_was_pruned(qtbot, french, make_vault, tmp_path):
    window = open_unlocked(qtbot, make_vault())
    section = _settings_page(window).backup_section
    folder = tmp_path / "cle-usb"
    folder.mkdir()
    old = folder / "milieu-20100101-120000-000000-manual.milieu-backup"
    old.write_bytes(b"old")
    section.pick_folder = lambda start: str(folder)
    section.backup_button.click()
    window.ctx.ops.wait()
    made = [p for p in folder.iterdir() if p != old]
    assert len(made) == 1 and made[0].name.endswith(".milieu-backup")
    assert oct(os.stat(made[0]).st_mode & 0o777) == "0o600"
    assert not old.exists()
    text = section.message.text()
    assert text.startswith(f"Sauvegarde enregistrée\u00a0: {made[0]}.")
    assert "1 ancienne sauvegarde supprimée" in text and "Loi 25" in text


def _site(window) -> str:
    return window.ctx.ops.read(settings.get, settings.SITE_NAME)


def _restore(qtbot, window, backup: Path, dialogs: ScriptedDialogs) -> None:
    section = _settings_page(window).backup_section
    section.pick_backup = lambda start: str(backup)
    section.restore_button.click()
    qtbot.waitUntil(lambda: not window.tasks.busy and window.is_unlocked, timeout=20000)
    window.ctx.ops.wait()


def test_restore_from_settings_confirms_relocks_and_reopens_on_the_backup(qtbot, french, make_vault):
    dialogs = ScriptedDialogs(confirm_answer=True, ask_answer=PASSPHRASE)
    window = open_unlocked(qtbot, make_vault(), dialogs)
    backup = window.vault.backup()
    window.ctx.ops.run(settings_ops.save, site_name="Après la sauvegarde", worker_name="Alex", idle_lock_minutes=5)
    window.ctx.ops.wait()
    first_workspace = window.workspace
    _restore(qtbot, window, backup, dialogs)
    assert window.workspace is not first_workspace  # locked, then opened again
    assert _site(window) == "Bibliothèque de test"
    kinds = [kind for kind, _title, _text in dialogs.said]
    assert kinds[:2] == ["confirm", "ask"] and kinds[-1] == "info"
    assert "TOUTES les données actuelles" in dialogs.said[0][2]
    kept = sorted(window.vault.paths.backups.glob("*before-restore*"))
    assert len(kept) == 1 and str(kept[0]) in dialogs.said[-1][2]


@pytest.mark.parametrize("case", ["another vault", "wrong passphrase", "not confirmed"])
def test_a_refused_restore_changes_nothing_and_says_why_in_one_french_sentence(qtbot, french, make_vault, case):
    other = make_vault("other")
    foreign = other.backup()
    other.lock()
    dialogs = ScriptedDialogs(confirm_answer=case != "not confirmed",
                              ask_answer="pas la bonne phrase" if case == "wrong passphrase" else PASSPHRASE)
    window = open_unlocked(qtbot, make_vault(), dialogs)
    window.ctx.ops.run(settings_ops.save, site_name="Gardé", worker_name="Alex", idle_lock_minutes=5)
    window.ctx.ops.wait()
    _restore(qtbot, window, foreign, dialogs)
    assert window.is_unlocked and _site(window) == "Gardé"
    errors = [text for kind, _title, text in dialogs.said if kind == "error"]
    if case == "not confirmed":
        assert errors == [] and [k for k, _t, _x in dialogs.said] == ["confirm"]
        return
    expected = {"another vault": "Ce fichier n’est pas une sauvegarde de ce coffre",
                "wrong passphrase": "Phrase de passe incorrecte"}[case]
    assert len(errors) == 1 and errors[0].startswith(expected) and errors[0].count(".") == 1
