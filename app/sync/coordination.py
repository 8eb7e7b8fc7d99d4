"""La Piaule's own vault: the same encrypted Vault, in "coordination" mode, with an
X25519 key to receive bundles and an Ed25519 key to sign what it sends later."""
from __future__ import annotations

import os

from app.sync import keys
from app.vault import Vault


def init_coordination(data_dir: os.PathLike | str, passphrase: str, name: str, kdf_params: dict | None = None) -> Vault:
    """Create and return an unlocked coordination vault."""
    vault = Vault(data_dir)
    vault.create(
        passphrase, site_name=name, worker_name="", kdf_params=kdf_params,
        extra_settings={keys.MODE: keys.MODE_COORDINATION},
    )
    return vault
