"""Bundle and key errors: each has a stable ``code`` (documented in docs/bundle-format.md,
section 9) and a distinct CLI exit code. Messages are one sentence, with no personal data."""
from __future__ import annotations

from app.errors import MilieuError


class SyncError(MilieuError):
    code = "sync_error"
    exit_code = 20


class BundleRejected(SyncError):
    """A bundle that is refused: nothing of it is imported."""

    code = "bundle_rejected"
    exit_code = 21


def _rejection(name: str, code: str, exit_code: int, doc: str) -> type[BundleRejected]:
    cls = type(name, (BundleRejected,), {"code": code, "exit_code": exit_code, "__doc__": doc})
    return cls


# The order is the order in which a reader checks (docs/bundle-format.md, section 8).
NotABundle = _rejection("NotABundle", "not_a_bundle", 22, "The file does not start with the bundle magic.")
UnsupportedVersion = _rejection("UnsupportedVersion", "unsupported_version", 23, "Unknown format version.")
UnsupportedSuite = _rejection("UnsupportedSuite", "unsupported_suite", 24, "HPKE suite other than the one specified.")
MalformedHeader = _rejection("MalformedHeader", "malformed_header", 25, "Flags or reserved bytes not as specified.")
TooLarge = _rejection("TooLarge", "too_large", 26, "Declared or actual size above the limits.")
Truncated = _rejection("Truncated", "truncated", 27, "The file is shorter than its header declares.")
TrailingData = _rejection("TrailingData", "trailing_data", 28, "The file is longer than its header declares.")
WrongRecipient = _rejection("WrongRecipient", "wrong_recipient", 29, "Encrypted to another receiving key.")
UnknownSigner = _rejection("UnknownSigner", "unknown_signer", 30, "Signed by a key that is not trusted.")
BadSignature = _rejection("BadSignature", "bad_signature", 31, "The Ed25519 signature does not verify.")
DecryptionFailed = _rejection("DecryptionFailed", "decryption_failed", 32, "HPKE open failed.")
PayloadInvalid = _rejection("PayloadInvalid", "payload_invalid", 33, "Decrypted payload not as specified.")
HeaderMismatch = _rejection(
    "HeaderMismatch", "header_mismatch", 34, "The payload disagrees with the signed header."
)
RecordInvalid = _rejection(
    "RecordInvalid", "record_invalid", 37, "A record's data does not follow the record schema (section 5.5)."
)


class KeyFileInvalid(SyncError):
    code = "public_key_invalid"
    exit_code = 35


class NotConfigured(SyncError):
    """A key, a partner or the right vault mode is missing for this action."""

    code = "sync_not_configured"
    exit_code = 36


class Declined(SyncError):
    code = "declined"
    exit_code = 38


ALL_REJECTIONS = [
    NotABundle, UnsupportedVersion, UnsupportedSuite, MalformedHeader, TooLarge, Truncated, TrailingData,
    WrongRecipient, UnknownSigner, BadSignature, DecryptionFailed, PayloadInvalid, HeaderMismatch, RecordInvalid,
]
