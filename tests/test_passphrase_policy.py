"""One passphrase policy (length and strength) for init, passwd and coordination init,
through the CLI and the Python API; the GUI's fields apply the same rule."""
from __future__ import annotations

import pytest

from app import passphrase_policy
from app.errors import InvalidInput
from app.sync.coordination import init_coordination
from app.vault import Vault
from cli_kit import run
from conftest import FAST_KDF, PASSPHRASE

WEAK = ["a", " ", "          ", "1234567890", "aaaaaaaaaaaa", "password12", "court"]


@pytest.mark.parametrize("weak", WEAK)
def test_policy_refuses_short_or_guessable(weak):
    assert passphrase_policy.problem(weak)
    with pytest.raises(InvalidInput):
        passphrase_policy.require(weak)


def test_policy_accepts_a_phrase():
    assert passphrase_policy.problem(PASSPHRASE) == ""
    assert passphrase_policy.problem("quatre chevaux bleus") == ""


@pytest.mark.parametrize("command", [["init", "--site", "s", "--worker", "w"], ["coordination", "init"]])
def test_cli_init_refuses_a_weak_passphrase(tmp_path, command):
    result = run(tmp_path / "data", *command, passphrase="a")
    assert result.returncode == 9
    assert "at least 10 characters" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "data" / "milieu.key").exists() and not (tmp_path / "data" / "milieu.db").exists()
    result = run(tmp_path / "data", *command, passphrase="1234567890")
    assert result.returncode == 9 and "too easy to guess" in result.stderr


def test_cli_passwd_refuses_a_one_character_passphrase(tmp_path):
    data = tmp_path / "data"
    assert run(data, "init", "--site", "s", "--worker", "w").returncode == 0
    new = tmp_path / "new.txt"
    new.write_text("x\n")
    result = run(data, "passwd", "--new-passphrase-file", str(new))
    assert result.returncode == 9 and "at least 10 characters" in result.stderr
    assert run(data, "check").returncode == 0  # the old passphrase still opens it


def test_api_applies_the_same_rule(tmp_path):
    with pytest.raises(InvalidInput):
        Vault(tmp_path / "a").create("a", site_name="s", worker_name="w", kdf_params=FAST_KDF)
    with pytest.raises(InvalidInput):
        init_coordination(tmp_path / "b", "1234567890", "La Piaule", kdf_params=FAST_KDF)
    vault = Vault(tmp_path / "c")
    vault.create(PASSPHRASE, site_name="s", worker_name="w", kdf_params=FAST_KDF)
    with pytest.raises(InvalidInput):
        vault.change_passphrase(PASSPHRASE, " ")
    vault.lock()
    vault.unlock(PASSPHRASE)
    vault.lock()


def test_gui_fields_refuse_what_the_cli_refuses(qtbot):
    from PySide6.QtWidgets import QWidget

    from views.passphrase_fields import NewPassphraseFields

    parent = QWidget()
    qtbot.addWidget(parent)
    fields = NewPassphraseFields(parent, "t")
    for text in ("1234567890", PASSPHRASE):
        fields.passphrase.setText(text)
        fields.repeat.setText(text)
        assert bool(fields.problem()) == bool(passphrase_policy.problem(text))
