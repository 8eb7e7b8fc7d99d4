"""No core dump from a Milieu process: its memory may hold the passphrase (typed, or in
MILIEU_PASSPHRASE) or the vault key. Called first thing by every entry point, before
the unlock screen or the CLI reads anything, and again by Vault() for library users."""
from __future__ import annotations


def forbid_core_dumps() -> None:
    """RLIMIT_CORE = 0 (systemd-coredump and apport honour it too); no-op on Windows."""
    try:
        import resource
    except ImportError:  # Windows: no core files
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
