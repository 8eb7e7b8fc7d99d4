"""Vault lifecycle on real SQLCipher files."""
from __future__ import annotations

import pytest

from app import settings
from app.errors import VaultExists, WrongPassphrase
from app.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE


def test_round_trip_keeps_data_across_lock(vault):
    with vault.session() as s:
        settings.set_many(s, {"site_name": "Site Élodie"})
    vault.lock()
    assert not vault.is_unlocked
    reopened = Vault(vault.paths.root)
    reopened.unlock(PASSPHRASE)
    with reopened.session() as s:
        assert settings.get(s, "site_name") == "Site Élodie"
    reopened.lock()


def test_wrong_passphrase_is_refused_and_writes_nothing(vault):
    vault.lock()
    before = {p.name: p.stat().st_mtime_ns for p in vault.paths.root.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase):
        Vault(vault.paths.root).unlock("not the passphrase")
    after = {p.name: p.stat().st_mtime_ns for p in vault.paths.root.rglob("*") if p.is_file()}
    assert before == after


def test_create_refuses_to_overwrite(vault):
    with pytest.raises(VaultExists):
        Vault(vault.paths.root).create("x", site_name="s", worker_name="w", kdf_params=FAST_KDF)


def test_a_new_vault_has_its_signing_key_from_setup(vault):
    from sqlalchemy import select

    from app.sync import keys
    from models.sync import SyncKey

    with vault.session() as s:
        names = set(s.scalars(select(SyncKey.name)))
    assert names == {keys.SIGNING, keys.PSEUDONYM}


def test_warm_session_sees_fresh_commits_and_closes_at_lock(vault):
    from app.errors import VaultLocked

    with vault.warm_session() as s:
        assert settings.get(s, "site_name") == "Bibliothèque de test"
    with vault.session() as s:  # another connection commits
        settings.set_many(s, {"site_name": "Site renommé"})
    with vault.warm_session() as s:  # the warm connection sees it
        assert settings.get(s, "site_name") == "Site renommé"
    vault.lock()
    with pytest.raises(VaultLocked):
        with vault.warm_session():
            pass
