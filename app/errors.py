"""Errors the user can act on. Each carries a stable code and a CLI exit code.

The GUI translates by ``code``; the CLI prints ``str(error)`` (one sentence).
"""


class MilieuError(Exception):
    code = "error"
    exit_code = 1


class VaultMissing(MilieuError):
    code = "vault_missing"
    exit_code = 3


class VaultExists(MilieuError):
    code = "vault_exists"
    exit_code = 4


class WrongPassphrase(MilieuError):
    code = "wrong_passphrase"
    exit_code = 5


class IntegrityFailure(MilieuError):
    code = "integrity_failure"
    exit_code = 6

    def __init__(self, message: str, latest_backup=None):
        super().__init__(message)
        self.latest_backup = latest_backup


class SchemaTooNew(MilieuError):
    code = "schema_too_new"
    exit_code = 7


class KeyFileCorrupt(MilieuError):
    code = "keyfile_corrupt"
    exit_code = 8


class InvalidInput(MilieuError):
    code = "invalid_input"
    exit_code = 9


class VaultLocked(MilieuError):
    code = "vault_locked"
    exit_code = 10


class VaultInUse(MilieuError):
    code = "vault_in_use"
    exit_code = 14


class DiskFull(MilieuError):
    """A write failed for lack of space: nothing was changed; free space and try again."""

    code = "disk_full"
    exit_code = 11


_FULL_ERRNOS = {28, 122, 27}  # ENOSPC, EDQUOT, EFBIG (a file size limit)


def disk_full(exc: BaseException) -> DiskFull | None:
    """The DiskFull meaning of ``exc`` (an OSError, or SQLite's "database or disk is full",
    raw or wrapped by SQLAlchemy), or None when it is another error."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, DiskFull):
            return exc
        if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
            where = f" ({exc.filename})" if exc.filename else ""
            return DiskFull(f"There is no space left on the disk{where}; free some space and try again, nothing was changed.")
        if "database or disk is full" in str(exc) or getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
            return DiskFull("The disk holding the vault is full; free some space and try again, nothing was changed.")
        exc = getattr(exc, "orig", None) or exc.__cause__
        seen += 1
    return None
