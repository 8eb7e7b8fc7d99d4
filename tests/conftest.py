"""Shared fixtures: real SQLCipher vaults in temp folders, real Qt offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.vault import Vault

# Argon2id at the minimum the design allows (64 MiB) but one pass, so the
# suite stays fast; the production parameters are measured in benchmarks/.
FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def make_vault(tmp_path):
    """Factory: make_vault(name="data", site=..., worker=...) -> unlocked Vault."""
    made: list[Vault] = []

    def factory(name: str = "data", site: str = "Bibliothèque de test", worker: str = "Intervenant test"):
        vault = Vault(tmp_path / name)
        vault.create(PASSPHRASE, site_name=site, worker_name=worker, kdf_params=FAST_KDF)
        made.append(vault)
        return vault

    yield factory
    for vault in made:
        vault.lock()


@pytest.fixture
def vault(make_vault):
    """An unlocked, freshly created vault (schema at the code's heads)."""
    return make_vault()


@pytest.fixture
def french(qapp):
    """The UI in French (fr_CA), as users run it; translators removed afterwards."""
    from views.i18n import install_translators

    translators = install_translators(qapp, "fr_CA")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(scope="session")
def pilot_template(tmp_path_factory):
    """The activity pilot (tests/activity_data.py) built once per run; tests get copies of it."""
    import activity_data

    return activity_data.make_template(tmp_path_factory.mktemp("pilot-template") / "data")
