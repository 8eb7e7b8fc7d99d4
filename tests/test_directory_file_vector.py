"""The directory-file test vector (docs/bundle-format.md, section 14), read as an
independent reader would: struct, Ed25519 and zlib only, then by Milieu's reader."""
from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519

from app.directory.publication.file_format import decode, encode

HERE = Path(__file__).resolve().parent / "vectors"


def test_an_independent_reader_verifies_and_reads_the_vector():
    vector = json.loads((HERE / "directory-v1.json").read_text("utf-8"))
    data = (HERE / "directory-v1.milieu-directory").read_bytes()
    assert hashlib.sha256(data).hexdigest() == vector["file_sha256"]
    magic, version, flags, reserved, sequence, signer, body_len = struct.unpack(">8sHH4sQ32sQ", data[:64])
    assert (magic, version, flags, reserved, sequence) == (b"MILIEU-D", 1, 0, bytes(4), 3)
    public = bytes.fromhex(vector["coordination_ed25519_public"])
    key_id = hashlib.sha256(b"milieu-key/1\x00ed25519\x00" + public).digest()
    assert signer == key_id and key_id.hex() == vector["signer_key_id"]
    assert len(data) == 64 + body_len + 64
    ed25519.Ed25519PublicKey.from_public_bytes(public).verify(
        data[-64:], b"milieu-directory/1\x00" + data[:64 + body_len])
    document = json.loads(zlib.decompress(data[64:64 + body_len]).decode("utf-8"))
    assert document == vector["document"]


def test_milieu_reads_the_vector_and_signs_it_byte_for_byte():
    vector = json.loads((HERE / "directory-v1.json").read_text("utf-8"))
    data = (HERE / "directory-v1.milieu-directory").read_bytes()
    public = bytes.fromhex(vector["coordination_ed25519_public"])
    assert decode(data, public).document == vector["document"]
    key = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(vector["coordination_ed25519_private"]))
    again = encode(vector["document"], 3, key)
    assert again[:64].hex() == vector["header"] and again[-64:].hex() == vector["signature"]
