"""Why a directory file from La Piaule is refused (docs/bundle-format.md, section 14)."""
from __future__ import annotations

from app.errors import MilieuError


class DirectoryFileRefused(MilieuError):
    code = "directory_file_refused"
    exit_code = 50


class NotADirectoryFile(DirectoryFileRefused):
    code = "not_a_directory_file"
    exit_code = 51


class DirectoryFileDamaged(DirectoryFileRefused):
    """Truncated, extended, or its body does not inflate to the document."""

    code = "directory_file_damaged"
    exit_code = 52


class DirectoryFileUnknownSigner(DirectoryFileRefused):
    code = "directory_file_unknown_signer"
    exit_code = 53


class DirectoryFileBadSignature(DirectoryFileRefused):
    code = "directory_file_bad_signature"
    exit_code = 54


class DirectoryFileOlder(DirectoryFileRefused):
    code = "directory_file_older"
    exit_code = 55
