"""The test vectors of docs/bundle-format.md: recomputed from the spec's formulas
(independently of app.sync where cheap) and checked against app.sync."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import zlib
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.sync import canonical, envelope, importer, keys, privacy
from app.sync import errors as E
from bundle_kit import make_coordination
from models.sync import SyncKey

HERE = Path(__file__).resolve().parent / "vectors"
V = json.loads((HERE / "bundle-v1.json").read_text("utf-8"))
BUNDLE = (HERE / V["bundle_file"]).read_bytes()
SPEC = (Path(__file__).resolve().parent.parent / "docs" / "bundle-format.md").read_text("utf-8")


def _raw(public) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _fingerprint(*parts: tuple[str, bytes]) -> str:
    data = b"milieu-party/1\x00" + b"\x00".join(alg.encode() + b"\x00" + pub for alg, pub in parts)
    text = base64.b32encode(hashlib.sha256(data).digest()[:20]).decode()
    return " ".join(text[i : i + 4] for i in range(0, 32, 4))


def test_keys_key_ids_and_fingerprints():
    worker = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(V["worker_ed25519_private_hex"]))
    coord_sig = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(V["coordination_ed25519_private_hex"]))
    coord_rcv = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(V["coordination_x25519_private_hex"]))
    w_pub, c_sig, c_rcv = _raw(worker.public_key()), _raw(coord_sig.public_key()), _raw(coord_rcv.public_key())
    assert w_pub.hex() == V["worker_ed25519_public_hex"]
    assert c_rcv.hex() == V["coordination_x25519_public_hex"]
    assert hashlib.sha256(b"milieu-key/1\x00ed25519\x00" + w_pub).hexdigest() == V["worker_signing_key_id_hex"]
    assert hashlib.sha256(b"milieu-key/1\x00x25519\x00" + c_rcv).hexdigest() == V["coordination_receiving_key_id_hex"]
    assert _fingerprint(("ed25519", w_pub)) == V["worker_fingerprint"]
    assert _fingerprint(("ed25519", c_sig), ("x25519", c_rcv)) == V["coordination_fingerprint"]
    assert base64.b32encode(bytes.fromhex(V["worker_signing_key_id_hex"])[:5]).decode().lower() == V["worker_short_id"]


def test_public_key_files_parse_to_the_same_keys():
    worker = keys.parse_public_file(V["worker_public_key_file"].encode())
    coord = keys.parse_public_file(V["coordination_public_key_file"].encode())
    assert worker.fingerprint == V["worker_fingerprint"] and worker.role == "worker"
    assert coord.receiving_key_id.hex() == V["coordination_receiving_key_id_hex"]
    assert coord.to_text() == V["coordination_public_key_file"]


def test_a_public_key_file_with_a_wrong_fingerprint_is_refused():
    text = V["worker_public_key_file"].replace(V["worker_fingerprint"][:4], "AAAA")
    with pytest.raises(E.KeyFileInvalid):
        keys.parse_public_file(text.encode())


def test_pseudonym():
    mac = hmac.new(bytes.fromhex(V["pseudonym_secret_hex"]),
                   b"milieu-pseudonym/1\x00person\x00" + V["person_uid"].encode(), hashlib.sha256)
    assert "p-" + mac.hexdigest()[:32] == V["person_pseudonym"]
    assert privacy.pseudonym(bytes.fromhex(V["pseudonym_secret_hex"]), V["person_uid"]) == V["person_pseudonym"]


def test_canonical_payload_bytes():
    body = V["payload_canonical_utf8"].encode("utf-8")
    assert canonical.encode(V["payload_document"]) == body
    assert hashlib.sha256(body).hexdigest() == V["payload_canonical_sha256"]
    assert canonical.decode(body) == V["payload_document"]


def test_header_bytes_follow_the_layout():
    header = struct.pack(
        ">8sHHHHB7sQ32s32sQ", b"MILIEU-B", 1, 0x0020, 0x0001, 0x0003, 0, bytes(7), V["payload_document"]["sequence"],
        bytes.fromhex(V["worker_signing_key_id_hex"]), bytes.fromhex(V["coordination_receiving_key_id_hex"]),
        V["ciphertext_length"],
    )
    assert header.hex() == V["header_hex"] and BUNDLE[:104] == header
    info = b"milieu-bundle/1\x00" + header[32:96] + hashlib.sha256(header).digest()
    assert info.hex() == V["hpke_info_hex"] == envelope.hpke_info(header).hex()
    assert len(BUNDLE) == 104 + V["ciphertext_length"] + 64


def test_signature_is_the_deterministic_ed25519_of_the_signed_message():
    header, ciphertext, signature = BUNDLE[:104], BUNDLE[104:-64], BUNDLE[-64:]
    message = b"milieu-bundle-signature/1\x00" + header + ciphertext
    assert hashlib.sha256(message).hexdigest() == V["signed_message_sha256"]
    worker = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(V["worker_ed25519_private_hex"]))
    assert worker.sign(message) == signature and signature.hex() == V["signature_hex"]
    worker.public_key().verify(signature, message)
    assert hashlib.sha256(BUNDLE).hexdigest() == V["bundle_sha256"]


def test_fixed_ciphertext_decrypts_to_the_canonical_payload():
    recipient = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(V["coordination_x25519_private_hex"]))
    suite = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)
    plaintext = suite.decrypt(BUNDLE[104:-64], recipient, info=bytes.fromhex(V["hpke_info_hex"]))
    assert zlib.decompress(plaintext) == V["payload_canonical_utf8"].encode("utf-8")


def test_a_coordination_vault_holding_the_vector_keys_verifies_the_vector_bundle(tmp_path):
    coord = make_coordination(tmp_path / "coord")
    try:
        with coord.session() as s:
            s.get(SyncKey, keys.RECEIVING).secret = bytes.fromhex(V["coordination_x25519_private_hex"])
            s.get(SyncKey, keys.RECEIVING).public = bytes.fromhex(V["coordination_x25519_public_hex"])
            importer.trust_worker(s, keys.parse_public_file(V["worker_public_key_file"].encode()))
        with coord.session() as s:
            verified = importer.verify(s, BUNDLE)
        assert verified.payload.doc == V["payload_document"]
        assert verified.sequence == 12 and verified.sha256 == V["bundle_sha256"]
    finally:
        coord.lock()


def test_every_error_code_is_documented_in_the_spec():
    for error in E.ALL_REJECTIONS + [E.KeyFileInvalid]:
        assert f"`{error.code}`" in SPEC, error.code
    assert len({e.exit_code for e in E.ALL_REJECTIONS}) == len(E.ALL_REJECTIONS)


def _with_keys(signing: bytes, receiving: bytes | None) -> bytes:
    role = "coordination" if receiving is not None else "worker"
    return keys.PublicIdentity(role, "Test", signing, receiving).to_text().encode()


def test_weak_keys_in_a_public_key_file_are_refused():
    good = bytes.fromhex(V["worker_ed25519_public_hex"])
    for weak in keys.SMALL_ORDER_ED25519:
        for sign in (0, 0x80):
            with pytest.raises(E.KeyFileInvalid):
                keys.parse_public_file(_with_keys(weak[:31] + bytes([weak[31] | sign]), None))
    with pytest.raises(E.KeyFileInvalid):
        keys.parse_public_file(_with_keys(good, bytes(32)))  # low-order X25519 key
    assert keys.parse_public_file(_with_keys(good, None)).signing_public == good


def test_the_blocked_signing_keys_really_are_forgeable():
    """Why they are blocked: one signature (R = identity, S = 0) verifies for many messages."""
    import os

    forged = bytes([1]) + bytes(63)
    for weak in keys.SMALL_ORDER_ED25519:
        key = ed25519.Ed25519PublicKey.from_public_bytes(weak)
        accepted = 0
        for _ in range(200):
            try:
                key.verify(forged, os.urandom(16))
                accepted += 1
            except InvalidSignature:
                pass
        assert accepted > 0


def _ed_encoding(y: int, sign: int = 0) -> bytes:
    raw = bytearray(y.to_bytes(32, "little"))
    raw[31] |= sign << 7
    return bytes(raw)


def _is_on_curve(y: int) -> bool:
    """Euler's criterion on x^2 = (y^2 - 1) / (d y^2 + 1): independent of the decoder in app/."""
    p = 2**255 - 19
    d = (-121665 * pow(121666, p - 2, p)) % p
    x2 = (y * y - 1) * pow(d * y * y + 1, p - 2, p) % p
    return x2 == 0 or pow(x2, (p - 1) // 2, p) == 1


def test_signing_keys_off_the_curve_or_not_canonical_are_refused():
    p = 2**255 - 19
    assert _is_on_curve(3)
    keys.parse_public_file(_with_keys(_ed_encoding(3), None))  # a valid point...
    with pytest.raises(E.KeyFileInvalid):
        keys.parse_public_file(_with_keys(_ed_encoding(p + 3), None))  # ...written as y = p + 3
    off = next(y for y in range(2, 100) if not _is_on_curve(y))
    with pytest.raises(E.KeyFileInvalid, match="invalid key"):
        keys.parse_public_file(_with_keys(_ed_encoding(off), None))


def test_receiving_keys_must_be_canonical_u_coordinates():
    good = bytes.fromhex(V["worker_ed25519_public_hex"])
    receiving = _raw(x25519.X25519PrivateKey.generate().public_key())
    assert keys.parse_public_file(_with_keys(good, receiving)).receiving_public == receiving
    high_bit = receiving[:31] + bytes([receiving[31] | 0x80])
    with pytest.raises(E.KeyFileInvalid):
        keys.parse_public_file(_with_keys(good, high_bit))


def test_a_label_over_200_characters_is_refused_not_cut():
    good = bytes.fromhex(V["worker_ed25519_public_hex"])
    text = _with_keys(good, None).decode()
    lines = [line if not line.startswith("label:") else "label: " + "é" * 201 for line in text.splitlines()]
    with pytest.raises(E.KeyFileInvalid, match="200"):
        keys.parse_public_file("\n".join(lines).encode())
    lines = [line if not line.startswith("label:") else "label:\t" + "é" * 200 + " " for line in text.splitlines()]
    assert keys.parse_public_file("\n".join(lines).encode()).label == "é" * 200
