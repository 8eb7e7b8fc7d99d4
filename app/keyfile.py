"""The key file: the random database key, wrapped by a key derived from the passphrase.

Layout (JSON, written atomically, mode 0600)::

    {"format": "milieu-keyfile/1",
     "kdf": {"alg": "argon2id", "salt": b64, "iterations": 3, "lanes": 4, "memory_kib": 131072},
     "wrap": {"aead": "chacha20poly1305", "nonce": b64, "ciphertext": b64}}

The AEAD's associated data is the canonical JSON of ``format`` and ``kdf``, so the
parameters cannot be altered (e.g. weakened) without the unwrap failing. ``kdf_sha256``
(SHA-256 of that same text, not secret) tells an altered or damaged file from a wrong
passphrase: both make the unwrap fail, only one is the user's typing.
Changing the passphrase rewraps the same database key: the database is never re-encrypted.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.atomic import atomic_write
from app.errors import KeyFileCorrupt, VaultMissing, WrongPassphrase

FORMAT = "milieu-keyfile/1"
DB_KEY_BYTES = 32
# 128 MiB, 3 passes: about 0.35 s on the 2-core reference machine (see benchmarks/).
DEFAULT_KDF = {"alg": "argon2id", "iterations": 3, "lanes": 4, "memory_kib": 128 * 1024}
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 64
MAX_FILE = 64 * 1024  # a key file is under 1 KiB; /dev/zero or a huge file is not read whole


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kdf: dict) -> bytes:
    return json.dumps({"format": FORMAT, "kdf": kdf}, sort_keys=True, separators=(",", ":")).encode()


def derive_kek(passphrase: str, kdf: dict) -> bytes:
    return Argon2id(
        salt=_unb64(kdf["salt"]),
        length=32,
        iterations=int(kdf["iterations"]),
        lanes=int(kdf["lanes"]),
        memory_cost=int(kdf["memory_kib"]),
    ).derive(passphrase.encode("utf-8"))


@dataclass
class KeyFile:
    kdf: dict
    wrap: dict

    @classmethod
    def wrap_key(cls, db_key: bytes, passphrase: str, params: dict | None = None) -> "KeyFile":
        kdf = dict(params or DEFAULT_KDF)
        if int(kdf["memory_kib"]) < MIN_MEMORY_KIB:
            raise ValueError("Argon2id memory below 64 MiB")
        kdf["salt"] = _b64(os.urandom(16))
        kek = derive_kek(passphrase, kdf)
        nonce = os.urandom(12)
        ciphertext = ChaCha20Poly1305(kek).encrypt(nonce, bytes(db_key), _aad(kdf))
        return cls(kdf=kdf, wrap={"aead": "chacha20poly1305", "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)})

    def unwrap(self, passphrase: str) -> bytearray:
        kek = derive_kek(passphrase, self.kdf)
        try:
            key = ChaCha20Poly1305(kek).decrypt(
                _unb64(self.wrap["nonce"]), _unb64(self.wrap["ciphertext"]), _aad(self.kdf)
            )
        except InvalidTag:
            raise WrongPassphrase("The passphrase is wrong.") from None
        if len(key) != DB_KEY_BYTES:
            raise KeyFileCorrupt("The key file holds a key of the wrong size.")
        return bytearray(key)

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "kdf": self.kdf, "wrap": self.wrap, "kdf_sha256": hashlib.sha256(_aad(self.kdf)).hexdigest()}
        return (json.dumps(doc, sort_keys=True, indent=1) + "\n").encode()

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes(), vault_file=True)

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        if not Path(path).exists():
            raise VaultMissing(f"No vault found in {Path(path).parent}.")
        try:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_FILE + 1)
            if len(raw) > MAX_FILE:
                raise ValueError("too large")
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise KeyFileCorrupt(f"The key file {path} has an unknown format.")
            kdf, wrap = doc["kdf"], doc["wrap"]
            if kdf.get("alg") != "argon2id" or wrap.get("aead") != "chacha20poly1305":
                raise KeyFileCorrupt(f"The key file {path} names an unsupported algorithm.")
            salt, nonce = _unb64(kdf["salt"]), _unb64(wrap["nonce"])
            _unb64(wrap["ciphertext"])
            iterations, lanes, memory = int(kdf["iterations"]), int(kdf["lanes"]), int(kdf["memory_kib"])
            # Out of these bounds Argon2id or the AEAD would fail (or exhaust memory) on unlock.
            if not (
                len(salt) >= 16 and len(nonce) == 12 and 1 <= iterations <= MAX_ITERATIONS
                and 1 <= lanes <= MAX_LANES and MIN_MEMORY_KIB <= memory <= MAX_MEMORY_KIB
            ):
                raise ValueError("parameters out of bounds")
            check = doc.get("kdf_sha256")
            if check is not None and check != hashlib.sha256(_aad(kdf)).hexdigest():
                raise KeyFileCorrupt(
                    f"The key file {path} was altered (its key-derivation parameters were changed); "
                    "put back a copy of milieu.key."
                )
        except KeyFileCorrupt:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError, UnicodeDecodeError):
            raise KeyFileCorrupt(f"The key file {path} is damaged.") from None
        return cls(kdf=kdf, wrap=wrap)
