"""Nothing personal reaches the disk in clear: every file the app wrote is grepped for a marker."""
from __future__ import annotations

from app import drafts, settings
from app.vault import Vault
from tests.conftest import PASSPHRASE

MARKER = "MARQUEUR-Zébulon-7731"


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("latin-1", "ignore")]


def test_marker_appears_in_no_file(make_vault, tmp_path):
    vault = make_vault(site=MARKER, worker=MARKER)
    with vault.session() as s:
        drafts.save(s, "test-form", {"notes": MARKER * 50})
        settings.set_many(s, {"note": MARKER})
    vault.backup()
    vault.change_passphrase(PASSPHRASE, "autre phrase")
    vault.lock()
    reopened = Vault(vault.paths.root)
    reopened.unlock("autre phrase")
    with reopened.session() as s:  # leaves a live WAL and shm beside the db
        drafts.save(s, "test-form-2", {"notes": MARKER})
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "milieu.db" in names and "milieu.key" in names
    assert any(n.endswith(".milieu-backup") for n in names)
    for path in files:
        data = path.read_bytes()
        for needle in _encodings(MARKER) + _encodings("Zébulon"):
            assert needle not in data, f"marker in clear in {path.name}"
        assert path.stat().st_mode & 0o077 == 0, f"{path.name} readable by others"
    reopened.lock()
