"""The directory file: what coordination signs and a worker verifies (pure, no database).

    file      = header (64 bytes) || body (body_len bytes) || signature (64 bytes)
    header    = "MILIEU-D" || version u16 (1) || flags u16 (0) || reserved 4 zero bytes
                || sequence u64 || signer_key_id (32) || body_len u64
    body      = zlib( UTF-8 JSON document )
    signature = Ed25519( coordination signing key, "milieu-directory/1" || 0x00 || header || body )

Integers big-endian. The directory is public reference data and receipts name
bundles only by sequence and hash, so the file is signed, not encrypted.
Specified in docs/bundle-format.md, section 14.
"""
from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.directory.publication.errors import (
    DirectoryFileBadSignature, DirectoryFileDamaged, DirectoryFileUnknownSigner, NotADirectoryFile,
)
from app.sync.keys import ED25519, key_id

MAGIC = b"MILIEU-D"
VERSION = 1
CONTEXT = b"milieu-directory/1\x00"
FORMAT = "milieu-directory/1"
_HEADER = struct.Struct(">8sHH4sQ32sQ")
HEADER_SIZE = _HEADER.size  # 64
SIGNATURE_SIZE = 64
MAX_BODY = 128 * 1024 * 1024
MAX_INFLATED = 512 * 1024 * 1024


@dataclass(frozen=True)
class DirectoryFile:
    sequence: int
    signer_key_id: bytes
    document: dict
    sha256: str


def encode(document: dict, sequence: int, signing_key: ed25519.Ed25519PrivateKey) -> bytes:
    public = signing_key.public_key().public_bytes_raw()
    body = zlib.compress(json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                         .encode("utf-8"), 6)
    header = _HEADER.pack(MAGIC, VERSION, 0, bytes(4), sequence, key_id(ED25519, public), len(body))
    return header + body + signing_key.sign(CONTEXT + header + body)


def decode(data: bytes, trusted_public: bytes) -> DirectoryFile:
    """Verify and read ``data``; refuse anything not signed by ``trusted_public`` as written."""
    import hashlib

    if len(data) < len(MAGIC) or data[:len(MAGIC)] != MAGIC:
        raise NotADirectoryFile("This is not a Milieu directory file.")
    if len(data) < HEADER_SIZE + SIGNATURE_SIZE:
        raise DirectoryFileDamaged("The directory file is truncated.")
    magic, version, flags, reserved, sequence, signer, body_len = _HEADER.unpack(data[:HEADER_SIZE])
    if version != VERSION or flags or reserved != bytes(4) or sequence < 1:
        raise NotADirectoryFile(f"This directory file has a version or flags this Milieu does not read ({version}).")
    if body_len > MAX_BODY or HEADER_SIZE + body_len + SIGNATURE_SIZE != len(data):
        short = HEADER_SIZE + body_len + SIGNATURE_SIZE > len(data)
        raise DirectoryFileDamaged(f"The directory file is {'truncated' if short else 'longer than it says'}.")
    if signer != key_id(ED25519, trusted_public):
        raise DirectoryFileUnknownSigner(
            "This directory file is not signed by La Piaule's key (milieu partner set): refused."
        )
    signed, signature = data[:HEADER_SIZE + body_len], data[HEADER_SIZE + body_len:]
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(trusted_public).verify(signature, CONTEXT + signed)
    except InvalidSignature:
        raise DirectoryFileBadSignature("The directory file's signature does not verify: it was changed.") from None
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(data[HEADER_SIZE:HEADER_SIZE + body_len], MAX_INFLATED)
        if inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
            raise ValueError("incomplete or extra data")
        document = json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError, UnicodeDecodeError):
        raise DirectoryFileDamaged("The directory file's content cannot be read.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("sequence") != sequence:
        raise DirectoryFileDamaged("The directory file's content does not match its header.")
    return DirectoryFile(sequence, signer, document, hashlib.sha256(data).hexdigest())
