"""A key file whose parameters were damaged is refused with one clear error, not a crash."""
from __future__ import annotations

import json

import pytest

from app.errors import KeyFileCorrupt
from app.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize("section, name, value", [
    ("kdf", "lanes", 0),
    ("kdf", "iterations", 0),
    ("kdf", "memory_kib", 1 << 40),  # would ask Argon2id for a petabyte
    ("kdf", "memory_kib", 1024),  # weakened below the design's 64 MiB
    ("kdf", "salt", "AAAA"),
    ("wrap", "nonce", "AAAA"),
])
def test_damaged_parameters_are_refused(make_vault, section, name, value):
    vault = make_vault()
    vault.lock()
    doc = json.loads(vault.paths.keyfile.read_text())
    doc[section][name] = value
    vault.paths.keyfile.write_text(json.dumps(doc))
    with pytest.raises(KeyFileCorrupt, match="damaged"):
        Vault(vault.paths.root).unlock(PASSPHRASE)
