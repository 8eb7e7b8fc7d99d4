"""Keys of the bundle format: this vault's secrets, key ids, fingerprints and
public-key files (docs/bundle-format.md, sections 2 and 3).

Private keys and the pseudonym secret live only in the encrypted database (sync_key).
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy.orm import Session

from app import audit, settings
from app.sync.curve_points import ed25519_point_is_valid, x25519_key_is_canonical
from app.sync.errors import KeyFileInvalid, NotConfigured
from models.sync import SyncKey

SIGNING = "signing"  # Ed25519, both modes
RECEIVING = "receiving"  # X25519, coordination mode
PSEUDONYM = "pseudonym"  # 32-byte HMAC-SHA256 secret, worker mode

ED25519 = "ed25519"
X25519 = "x25519"

MODE = "vault_mode"
MODE_WORKER = "worker"
MODE_COORDINATION = "coordination"

PUBLIC_FILE_MAGIC = "milieu-public-key/1"
ROLE_WORKER = "worker"
ROLE_COORDINATION = "coordination"


# ---- key ids and fingerprints ------------------------------------------------
def key_id(algorithm: str, public: bytes) -> bytes:
    """32-byte id of one public key: SHA-256("milieu-key/1" 0x00 algorithm 0x00 raw key)."""
    return hashlib.sha256(b"milieu-key/1\x00" + algorithm.encode("ascii") + b"\x00" + public).digest()


def party_digest(signing_public: bytes, receiving_public: bytes | None) -> bytes:
    """SHA-256 over every public key of one party, in a fixed order."""
    data = b"milieu-party/1\x00" + ED25519.encode() + b"\x00" + signing_public
    if receiving_public is not None:
        data += b"\x00" + X25519.encode() + b"\x00" + receiving_public
    return hashlib.sha256(data).digest()


def fingerprint(signing_public: bytes, receiving_public: bytes | None) -> str:
    """32 base32 characters (160 bits) in groups of four, to read aloud by phone."""
    text = base64.b32encode(party_digest(signing_public, receiving_public)[:20]).decode("ascii")
    return " ".join(text[i : i + 4] for i in range(0, 32, 4))


def short_id(public: bytes, algorithm: str = ED25519) -> str:
    """Eight lower-case base32 characters of a key id (file names, lists)."""
    return base64.b32encode(key_id(algorithm, public)[:5]).decode("ascii").lower()


# ---- this vault's keys -------------------------------------------------------
def _raw_public(public_key) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(private_key) -> bytes:
    return private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def mode(session: Session) -> str:
    return settings.get(session, MODE) or MODE_WORKER


KEYS_MADE = "sync_keys_made"  # setting: this vault's keys were made; they are never made again


def _ensure(session: Session, name: str, *, creating: bool = False) -> SyncKey:
    row = session.get(SyncKey, name)
    if row is not None:
        return row
    if not creating and settings.get(session, KEYS_MADE):
        # Only init makes a vault's keys: a new signing key would make La Piaule refuse
        # the worker's bundles as an unknown signer.

        raise NotConfigured(
            f"This vault's {name} key is missing; restore a complete backup of this vault (milieu restore FILE)."
        )
    if name == SIGNING:
        private = ed25519.Ed25519PrivateKey.generate()
        row = SyncKey(name=name, algorithm=ED25519, secret=_raw_private(private), public=_raw_public(private.public_key()))
    elif name == RECEIVING:
        private = x25519.X25519PrivateKey.generate()
        row = SyncKey(name=name, algorithm=X25519, secret=_raw_private(private), public=_raw_public(private.public_key()))
    else:
        row = SyncKey(name=PSEUDONYM, algorithm="hmac-sha256", secret=os.urandom(32), public=None)
    session.add(row)
    session.flush()
    audit.record(session, "key_created", name)
    return row


def ensure_keys(session: Session, *, creating: bool = False) -> None:
    """The keys this vault's mode needs: made by init (``create_keys``), or once, lazily,
    for a vault made before bundles existed; never again after that."""
    _ensure(session, SIGNING, creating=creating)
    if mode(session) == MODE_COORDINATION:
        _ensure(session, RECEIVING, creating=creating)
    else:
        _ensure(session, PSEUDONYM, creating=creating)
    if not settings.get(session, KEYS_MADE):
        settings.set_many(session, {KEYS_MADE: "1"})


def create_keys(session: Session) -> None:
    """init only: the new vault's signing key and receiving key or pseudonym secret."""
    ensure_keys(session, creating=True)


def signing_key(session: Session) -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.from_private_bytes(_ensure(session, SIGNING).secret)


def pseudonym_secret(session: Session) -> bytes:
    return _ensure(session, PSEUDONYM).secret


@dataclass(frozen=True)
class PublicIdentity:
    """What one party publishes: role, label and public keys."""

    role: str
    label: str
    signing_public: bytes
    receiving_public: bytes | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public, self.receiving_public)

    @property
    def signing_key_id(self) -> bytes:
        return key_id(ED25519, self.signing_public)

    @property
    def receiving_key_id(self) -> bytes | None:
        return key_id(X25519, self.receiving_public) if self.receiving_public is not None else None

    @property
    def short_id(self) -> str:
        return short_id(self.signing_public)

    def to_text(self) -> str:
        lines = [
            PUBLIC_FILE_MAGIC,
            f"role: {self.role}",
            f"label: {self.label}",
            f"ed25519: {base64.b64encode(self.signing_public).decode('ascii')}",
        ]
        if self.receiving_public is not None:
            lines.append(f"x25519: {base64.b64encode(self.receiving_public).decode('ascii')}")
        lines.append(f"fingerprint: {self.fingerprint}")
        return "\n".join(lines) + "\n"


def own_identity(session: Session) -> PublicIdentity:
    ensure_keys(session)
    role = ROLE_COORDINATION if mode(session) == MODE_COORDINATION else ROLE_WORKER
    site = settings.get(session, settings.SITE_NAME) or ""
    worker = settings.get(session, settings.WORKER_NAME) or ""
    label = site if role == ROLE_COORDINATION or not worker else f"{site} — {worker}"
    receiving = session.get(SyncKey, RECEIVING).public if role == ROLE_COORDINATION else None
    return PublicIdentity(role, clean_label(label), session.get(SyncKey, SIGNING).public, receiving)


def clean_label(label: str) -> str:
    """One line of printable text, at most 200 characters."""
    label = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in label)
    return re.sub(r"\s+", " ", label).strip()[:200]


# ---- public-key files --------------------------------------------------------
MAX_PUBLIC_FILE = 4096
MAX_LABEL = 200

# Encodings of the Ed25519 points of small order (sign bit ignored), as libsodium blocks
# them: with such a "public key", one forged signature verifies for many messages.
_FF30 = b"\xff" * 30
SMALL_ORDER_ED25519 = (
    bytes(32),
    b"\x01" + bytes(31),
    bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    bytes.fromhex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    b"\xec" + _FF30 + b"\x7f",
    b"\xed" + _FF30 + b"\x7f",
    b"\xee" + _FF30 + b"\x7f",
)


def weak_signing_key(public: bytes) -> bool:
    masked = public[:31] + bytes([public[31] & 0x7F])
    return masked in SMALL_ORDER_ED25519


def _raw_key(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip().encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyFileInvalid(f"The {what} key in the public-key file is not valid base64.") from None
    if len(raw) != 32:
        raise KeyFileInvalid(f"The {what} key in the public-key file does not have 32 bytes.")
    return raw


def parse_public_file(data: bytes) -> PublicIdentity:
    """Parse and check a public-key file (its fingerprint line must match its keys)."""
    if len(data) > MAX_PUBLIC_FILE:
        raise KeyFileInvalid("This is not a Milieu public-key file (it is too large).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise KeyFileInvalid("This is not a Milieu public-key file (it is not UTF-8 text).") from None
    lines = text.splitlines()
    if not lines or lines[0].strip() != PUBLIC_FILE_MAGIC:
        raise KeyFileInvalid(f"This is not a Milieu public-key file (its first line is not {PUBLIC_FILE_MAGIC}).")
    fields: dict[str, str] = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        # "name: value": spaces and tabs around the name and the value are ignored.
        name, sep, value = line.partition(":")
        name = name.strip(" \t")
        if not sep or name in fields or name not in ("role", "label", "ed25519", "x25519", "fingerprint"):
            raise KeyFileInvalid("The public-key file has an unexpected or repeated line.")
        fields[name] = value.strip(" \t")
    for required in ("role", "ed25519", "fingerprint"):
        if required not in fields:
            raise KeyFileInvalid(f"The public-key file has no {required} line.")
    if len(fields.get("label", "")) > MAX_LABEL:
        raise KeyFileInvalid(f"The label in the public-key file is longer than {MAX_LABEL} characters.")
    role = fields["role"]
    if role not in (ROLE_WORKER, ROLE_COORDINATION):
        raise KeyFileInvalid("The public-key file names an unknown role.")
    signing = _raw_key(fields["ed25519"], "signing")
    receiving = _raw_key(fields["x25519"], "receiving") if "x25519" in fields else None
    if (role == ROLE_COORDINATION) != (receiving is not None):
        raise KeyFileInvalid("The public-key file does not have the keys its role needs.")
    if not ed25519_point_is_valid(signing) or (receiving is not None and not x25519_key_is_canonical(receiving)):
        raise KeyFileInvalid("The public-key file holds an invalid key.")
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(signing)
        if receiving is not None:
            # A low-order X25519 key gives an all-zero shared secret: refuse it now.
            x25519.X25519PrivateKey.generate().exchange(x25519.X25519PublicKey.from_public_bytes(receiving))
    except ValueError:
        raise KeyFileInvalid("The public-key file holds an invalid key.") from None
    if weak_signing_key(signing):
        raise KeyFileInvalid("The public-key file holds a weak signing key.")
    identity = PublicIdentity(role, clean_label(fields.get("label", "")), signing, receiving)
    if fields["fingerprint"].replace(" ", "").upper() != identity.fingerprint.replace(" ", ""):
        raise KeyFileInvalid("The fingerprint written in the public-key file does not match its keys (damaged file?).")
    return identity
