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
