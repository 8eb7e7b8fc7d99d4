"""The bundle envelope (docs/bundle-format.md, sections 4 and 6-8).

    bundle    = header (104 bytes) || ciphertext (ct_len bytes) || signature (64 bytes)
    ciphertext = HPKE base-mode single-shot seal (DHKEM-X25519, HKDF-SHA256, ChaCha20-Poly1305)
                 of the compressed canonical payload, to La Piaule's X25519 key: enc (32) || ct
    signature = Ed25519(worker key, "milieu-bundle-signature/1" 0x00 || header || ciphertext)

A reader checks in a fixed order and stops at the first failure with one error code;
the signature is verified before anything is decrypted.
"""
from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from app.sync import canonical
from app.sync.errors import (
    BadSignature,
    DecryptionFailed,
    MalformedHeader,
    NotABundle,
    PayloadInvalid,
    TooLarge,
    TrailingData,
    Truncated,
    UnsupportedSuite,
    UnsupportedVersion,
)

MAGIC = b"MILIEU-B"
VERSION = 1
KEM_X25519_HKDF_SHA256 = 0x0020
KDF_HKDF_SHA256 = 0x0001
AEAD_CHACHA20_POLY1305 = 0x0003
FLAG_FULL = 0x01

HEADER = struct.Struct(">8sHHHHB7sQ32s32sQ")
HEADER_SIZE = HEADER.size  # 104
SIGNATURE_SIZE = 64
ENC_SIZE = 32
TAG_SIZE = 16
INFO_LABEL = b"milieu-bundle/1\x00"
SIGNATURE_CONTEXT = b"milieu-bundle-signature/1\x00"

MAX_CIPHERTEXT = 128 * 1024 * 1024
MAX_PAYLOAD = 32 * 1024 * 1024  # decompressed canonical JSON (docs/bundle-format.md, section 13)

SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)


@dataclass(frozen=True)
class Header:
    sequence: int
    full: bool
    signer_key_id: bytes
    recipient_key_id: bytes
    ct_len: int

    def to_bytes(self) -> bytes:
        return HEADER.pack(
            MAGIC, VERSION, KEM_X25519_HKDF_SHA256, KDF_HKDF_SHA256, AEAD_CHACHA20_POLY1305,
            FLAG_FULL if self.full else 0, bytes(7), self.sequence,
            self.signer_key_id, self.recipient_key_id, self.ct_len,
        )


def hpke_info(header_bytes: bytes) -> bytes:
    """info = label || signer key id || recipient key id || SHA-256(header): 112 bytes."""
    return INFO_LABEL + header_bytes[32:96] + hashlib.sha256(header_bytes).digest()


def signed_message(header_bytes: bytes, ciphertext: bytes) -> bytes:
    return SIGNATURE_CONTEXT + header_bytes + ciphertext


def seal(
    payload: bytes,
    *,
    sequence: int,
    full: bool,
    signer: ed25519.Ed25519PrivateKey,
    signer_key_id: bytes,
    recipient: x25519.X25519PublicKey,
    recipient_key_id: bytes,
) -> bytes:
    """Compress, encrypt and sign canonical payload bytes; return the whole bundle."""
    plaintext = canonical.compress(payload)
    header = Header(sequence, full, signer_key_id, recipient_key_id, ENC_SIZE + len(plaintext) + TAG_SIZE).to_bytes()
    ciphertext = SUITE.encrypt(plaintext, recipient, info=hpke_info(header))
    if len(ciphertext) > MAX_CIPHERTEXT:
        raise TooLarge("The bundle would exceed the maximum size of 128 MiB.")
    signature = signer.sign(signed_message(header, ciphertext))
    return header + ciphertext + signature


def parse_header(data: bytes) -> Header:
    """Checks 1-6 of section 8: magic, version, suite, flags and reserved bytes, sizes."""
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise NotABundle("This file is not a Milieu bundle (its first bytes are not MILIEU-B).")
    if len(data) < HEADER_SIZE:
        raise Truncated(f"The bundle is truncated: {len(data)} bytes, shorter than its {HEADER_SIZE}-byte header.")
    magic, version, kem, kdf, aead, flags, reserved, sequence, signer, recipient, ct_len = HEADER.unpack_from(data)
    if version != VERSION:
        raise UnsupportedVersion(f"The bundle uses format version {version}; this Milieu reads version {VERSION}.")
    if (kem, kdf, aead) != (KEM_X25519_HKDF_SHA256, KDF_HKDF_SHA256, AEAD_CHACHA20_POLY1305):
        raise UnsupportedSuite(f"The bundle uses an unsupported HPKE suite ({kem:#06x}, {kdf:#06x}, {aead:#06x}).")
    if flags & ~FLAG_FULL or reserved != bytes(7) or sequence < 1:
        raise MalformedHeader("The bundle header has unknown flags, non-zero reserved bytes or a zero sequence.")
    if ct_len > MAX_CIPHERTEXT:
        raise TooLarge("The bundle declares a ciphertext larger than 128 MiB.")
    if ct_len < ENC_SIZE + TAG_SIZE:
        raise MalformedHeader("The bundle header declares a ciphertext too short to be one.")
    expected = HEADER_SIZE + ct_len + SIGNATURE_SIZE
    if len(data) < expected:
        raise Truncated(f"The bundle is truncated: {len(data)} bytes instead of {expected}.")
    if len(data) > expected:
        raise TrailingData(f"The bundle has {len(data) - expected} unexpected bytes after its end.")
    return Header(sequence, bool(flags & FLAG_FULL), signer, recipient, ct_len)


def verify_signature(data: bytes, header: Header, signer: ed25519.Ed25519PublicKey) -> None:
    header_bytes = data[:HEADER_SIZE]
    ciphertext = data[HEADER_SIZE : HEADER_SIZE + header.ct_len]
    try:
        signer.verify(data[HEADER_SIZE + header.ct_len :], signed_message(header_bytes, ciphertext))
    except InvalidSignature:
        raise BadSignature("The bundle's signature does not verify: the file was altered or not signed by this worker.") from None


def decrypt(data: bytes, header: Header, recipient: x25519.X25519PrivateKey) -> bytes:
    """Open the HPKE ciphertext and inflate it; returns canonical payload bytes (not yet parsed)."""
    header_bytes = data[:HEADER_SIZE]
    ciphertext = data[HEADER_SIZE : HEADER_SIZE + header.ct_len]
    try:
        compressed = SUITE.decrypt(ciphertext, recipient, info=hpke_info(header_bytes))
    except (InvalidTag, ValueError):
        raise DecryptionFailed("The bundle cannot be decrypted with this coordination key.") from None
    try:
        return canonical.decompress(compressed, MAX_PAYLOAD)
    except canonical.NotCanonical as exc:
        raise PayloadInvalid(f"The bundle's payload is invalid: {exc}.") from None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
