"""Bundles correctly signed by a trusted worker but malformed inside: each gets its own
documented error and nothing is imported (a faulty or hostile writer cannot crash the reader)."""
from __future__ import annotations

import json
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519

from app.sync import canonical, envelope, keys
from app.sync import errors as E
from app.sync.payload import FORMAT
from bundle_kit import coordination_state, import_bytes, make_coordination, pair


@pytest.fixture
def kit(make_vault, tmp_path):
    worker = make_vault("worker")
    coord = make_coordination(tmp_path / "coord")
    pair(worker, coord)
    with worker.session() as s:
        signer = keys.signing_key(s)
        signer_id = keys.own_identity(s).signing_key_id
    with coord.session() as s:
        identity = keys.own_identity(s)
    yield coord, signer, signer_id, identity
    coord.lock()


def _doc(signer_id: bytes, recipient_id: bytes, **changes) -> dict:
    doc = {
        "format": FORMAT, "sequence": 1, "full": False, "previous_sha256": None,
        "created_at": "2026-11-21T17:00:00Z", "period_start": "2026-11-16", "period_end": "2026-11-21",
        "weeks": ["2026-W47"], "signer_key_id": signer_id.hex(), "recipient_key_id": recipient_id.hex(),
        "site": "Bibliothèque de test", "worker": "Intervenant test",
        "counts": {"contact": {"changed": 1, "deleted": 0}}, "withheld": {},
        "records": [{"entity": "contact", "uid": "c-1", "version": 1, "deleted": False,
                     "changed_at": "2026-11-20T10:00:00Z", "data": {"duration_min": 5}}],
    }
    doc.update(changes)
    return doc


def _sealed(kit, body: bytes, *, sequence: int = 1, raw: bool = False, info: bytes | None = None) -> bytes:
    """Seal like a writer would, but with any payload bytes (``raw``: not compressed)."""
    _, signer, signer_id, identity = kit
    plaintext = body if raw else zlib.compress(body)
    header = envelope.Header(sequence, False, signer_id, identity.receiving_key_id,
                             envelope.ENC_SIZE + len(plaintext) + envelope.TAG_SIZE).to_bytes()
    recipient = x25519.X25519PublicKey.from_public_bytes(identity.receiving_public)
    ciphertext = envelope.SUITE.encrypt(plaintext, recipient, info=info or envelope.hpke_info(header))
    return header + ciphertext + signer.sign(envelope.signed_message(header, ciphertext))


def _refused(kit, data: bytes, error) -> None:
    coord = kit[0]
    before = coordination_state(coord)
    with pytest.raises(error):
        import_bytes(coord, data)
    assert coordination_state(coord) == before


def test_the_well_formed_control_is_imported(kit):
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id))
    assert import_bytes(kit[0], _sealed(kit, body)).sequence == 1


def test_encrypted_with_another_info_fails_to_decrypt(kit):
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id))
    _refused(kit, _sealed(kit, body, info=b"milieu-bundle/0"), E.DecryptionFailed)


@pytest.mark.parametrize("body", [
    b"\x00not zlib at all",
])
def test_payload_that_is_not_zlib(kit, body):
    _refused(kit, _sealed(kit, body, raw=True), E.PayloadInvalid)


def test_zlib_stream_with_trailing_bytes(kit):
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id))
    _refused(kit, _sealed(kit, zlib.compress(body) + b"extra", raw=True), E.PayloadInvalid)


def test_json_that_is_not_canonical(kit):
    doc = _doc(kit[2], kit[3].receiving_key_id)
    _refused(kit, _sealed(kit, json.dumps(doc, indent=1).encode()), E.PayloadInvalid)


def test_floats_are_refused(kit):
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id)).replace(b'"duration_min":5', b'"duration_min":5.5')
    _refused(kit, _sealed(kit, body), E.PayloadInvalid)


@pytest.mark.parametrize("changes", [
    {"counts": {"contact": {"changed": 2, "deleted": 0}}},
    {"weeks": ["2026-W46"]},
    {"previous_sha256": "00" * 32},
    {"created_at": "2026-13-45T99:99:99Z"},
    {"records": [{"entity": "contact", "uid": "c-1", "version": 1, "deleted": False,
                  "changed_at": "2026-02-30T10:00:00Z", "data": {}}]},
    {"records": [{"entity": "contact", "uid": "c-1", "version": 1, "deleted": True,
                  "changed_at": "2026-11-20T10:00:00Z", "data": {"kept": 1}}]},
    {"format": "milieu-payload/2"},
    {"site": 12},
])
def test_documents_that_break_the_specified_structure(kit, changes):
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id, **changes))
    _refused(kit, _sealed(kit, body), E.PayloadInvalid)


def test_payload_disagreeing_with_the_signed_header(kit):
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id))
    _refused(kit, _sealed(kit, body, sequence=2), E.HeaderMismatch)
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id, sequence=2, previous_sha256="ab" * 32))
    _refused(kit, _sealed(kit, body, sequence=3), E.HeaderMismatch)


def test_a_decompression_bomb_stops_at_the_limit(kit, monkeypatch):
    monkeypatch.setattr(envelope, "MAX_PAYLOAD", 1024)
    body = canonical.encode(_doc(kit[2], kit[3].receiving_key_id, site="x" * 150, worker="y" * 150)) + b" " * 5000
    _refused(kit, _sealed(kit, body), E.PayloadInvalid)
