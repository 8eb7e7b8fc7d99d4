"""Passphrase files that cannot be read give one sentence, never a traceback."""
from __future__ import annotations

from tests.test_cli_vault import cli_vault, run  # noqa: F401  (module fixture: one vault)


def test_a_passphrase_file_that_is_not_text(cli_vault, tmp_path):  # noqa: F811
    binary = tmp_path / "phrase.bin"
    binary.write_bytes(b"\xff\xfe not utf-8")
    result = run(cli_vault, "--passphrase-file", str(binary), "check", passphrase=None)
    assert result.returncode == 9
    assert result.stderr.strip() == f"milieu: The passphrase file {binary} is not UTF-8 text."


def test_a_new_passphrase_file_that_is_not_text_changes_nothing(cli_vault, tmp_path):  # noqa: F811
    binary = tmp_path / "new.bin"
    binary.write_bytes(b"\xff\xfe not utf-8")
    result = run(cli_vault, "passwd", "--new-passphrase-file", str(binary))
    assert result.returncode == 9
    assert "is not UTF-8 text" in result.stderr and result.stderr.count("\n") == 1
    assert run(cli_vault, "check").returncode == 0  # the old passphrase still opens the vault
