"""Installing a newer Milieu over an older one: the vault is backed up, migrated, kept.

The older release is played by the same vault with its newest revision (the evaluation
area, 0008) downgraded: its schema and data are what a release without that revision
left. packaging/check-deb plays the other direction on the built package (a vault of
this release opened by a "next release" carrying one more revision).
"""
from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from app import schema
from app.vault import Vault
from tests.conftest import PASSPHRASE

NEWEST = "0008"  # the revision the "older release" did not have yet (nothing builds on it)
KEPT_TABLES = ("person", "contact", "dir_organization", "dir_service", "referral", "setting")


def _older_release_vault(make_vault) -> tuple[Vault, dict[str, int]]:
    from app import demo
    from app.directory.sample import demo_referrals, import_sample

    vault = make_vault()
    with vault.session() as s:
        demo.generate(s, weeks=3, seed=7)
        import_sample(s)
        demo_referrals(s, seed=7)
    cfg = schema._config()
    with vault.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, f"{NEWEST}@-1")
    with vault.engine.connect() as conn:
        assert NEWEST not in schema.database_heads(conn)
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in KEPT_TABLES}
    vault.lock()
    return vault, counts


def test_newer_release_backs_up_migrates_and_keeps_the_data(make_vault):
    assert NEWEST in schema.known_revisions(), f"revision {NEWEST} is gone: pick another for this test"
    old, counts = _older_release_vault(make_vault)
    assert counts["person"] > 0 and counts["contact"] > 0 and counts["dir_service"] > 0
    vault = Vault(old.paths.root)  # the new release's process

    vault.unlock(PASSPHRASE)
    try:
        assert vault.check().up_to_date
        with vault.engine.connect() as conn:
            assert {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in KEPT_TABLES} == counts
            assert "baseline_incident" in inspect(conn).get_table_names()
        backup = vault.latest_backup()
        assert backup is not None and "pre-migration" in backup.name
    finally:
        vault.lock()

    # The automatic backup holds the vault as the older release left it, and opens
    # with the same key file and passphrase.
    restored = Vault(old.paths.root)
    restored.restore(backup, PASSPHRASE)
    probe = Vault(old.paths.root)
    probe.unlock(PASSPHRASE)  # migrates again, after a new backup
    try:
        with probe.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM person")).scalar_one() == counts["person"]
        assert probe.check().up_to_date
    finally:
        probe.lock()

