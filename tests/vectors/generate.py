"""Make the bundle-format test vectors (docs/bundle-format.md, section 10).

    python tests/vectors/generate.py          # check: prints what would be written
    python tests/vectors/generate.py --write  # (re)write bundle-v1.json and bundle-v1.bundle

Keys are derived from fixed labels so anyone can recreate them. HPKE encryption is
randomised, so the ciphertext in bundle-v1.bundle is one fixed sample: a reader must
decrypt it to the expected payload; the header, info, signed message and signature
(Ed25519 is deterministic) are recomputed and compared byte for byte by
tests/test_bundle_vectors.py.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat  # noqa: E402

from app.sync import canonical, envelope, keys, payload, privacy  # noqa: E402

HERE = Path(__file__).resolve().parent


def seed(label: str) -> bytes:
    return hashlib.sha256(label.encode("ascii")).digest()


def raw(public) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


WORKER_SIGNING = ed25519.Ed25519PrivateKey.from_private_bytes(seed("milieu test vector: worker ed25519"))
COORD_SIGNING = ed25519.Ed25519PrivateKey.from_private_bytes(seed("milieu test vector: coordination ed25519"))
COORD_RECEIVING = x25519.X25519PrivateKey.from_private_bytes(seed("milieu test vector: coordination x25519"))
PSEUDONYM_SECRET = seed("milieu test vector: pseudonym secret")

WORKER = keys.PublicIdentity(keys.ROLE_WORKER, "Bibliothèque de test — Intervenant test", raw(WORKER_SIGNING.public_key()))
COORD = keys.PublicIdentity(
    keys.ROLE_COORDINATION, "La Piaule (test)", raw(COORD_SIGNING.public_key()), raw(COORD_RECEIVING.public_key())
)
PERSON_UID = "00000000-0000-4000-8000-000000000001"
CONTACT_UID = "00000000-0000-4000-8000-000000000002"
GONE_UID = "00000000-0000-4000-8000-000000000003"
SEQUENCE = 12
PREVIOUS = hashlib.sha256(b"milieu test vector: bundle 11").hexdigest()


def document() -> dict:
    pseudo = privacy.pseudonym(PSEUDONYM_SECRET, PERSON_UID)
    records = [
        {"entity": "contact", "uid": CONTACT_UID, "version": 2, "deleted": False, "changed_at": "2026-11-20T15:04:05Z",
         "data": {"occurred_at": "2026-11-20T10:30:00", "duration_min": 20, "place_code": "hall",
                  "person_uids": [pseudo], "types": ["listening", "referral"], "themes": ["housing"],
                  "share_with_supervision": False, "version": 2}},
        {"entity": "contact", "uid": GONE_UID, "version": 3, "deleted": True, "changed_at": "2026-11-21T09:00:00Z",
         "data": None},
        {"entity": "person", "uid": pseudo, "version": 1, "deleted": False, "changed_at": "2026-11-18T14:00:00Z",
         "data": {"age_bracket": "25_34", "consent_scope": "none", "groups": ["newcomer"], "languages": "fr ar"}},
    ]
    return {
        "format": payload.FORMAT, "sequence": SEQUENCE, "full": False, "previous_sha256": PREVIOUS,
        "created_at": "2026-11-21T17:00:00Z", "period_start": "2026-11-14", "period_end": "2026-11-21",
        "weeks": payload.weeks_between(__import__("datetime").date(2026, 11, 14), __import__("datetime").date(2026, 11, 21)),
        "signer_key_id": WORKER.signing_key_id.hex(), "recipient_key_id": COORD.receiving_key_id.hex(),
        "site": "Bibliothèque de test", "worker": "Intervenant test",
        "counts": {"contact": {"changed": 1, "deleted": 1}, "person": {"changed": 1, "deleted": 0}},
        "withheld": {}, "records": records,
    }


def expected(bundle: bytes) -> dict:
    doc = document()
    body = canonical.encode(doc)
    header = bundle[: envelope.HEADER_SIZE]
    ciphertext = bundle[envelope.HEADER_SIZE : -envelope.SIGNATURE_SIZE]
    signed = envelope.signed_message(header, ciphertext)
    return {
        "about": "Milieu bundle format v1 test vectors; see docs/bundle-format.md section 10.",
        "worker_ed25519_private_hex": seed("milieu test vector: worker ed25519").hex(),
        "worker_ed25519_public_hex": WORKER.signing_public.hex(),
        "worker_signing_key_id_hex": WORKER.signing_key_id.hex(),
        "worker_fingerprint": WORKER.fingerprint,
        "worker_short_id": WORKER.short_id,
        "worker_public_key_file": WORKER.to_text(),
        "coordination_ed25519_private_hex": seed("milieu test vector: coordination ed25519").hex(),
        "coordination_x25519_private_hex": seed("milieu test vector: coordination x25519").hex(),
        "coordination_ed25519_public_hex": COORD.signing_public.hex(),
        "coordination_x25519_public_hex": COORD.receiving_public.hex(),
        "coordination_receiving_key_id_hex": COORD.receiving_key_id.hex(),
        "coordination_fingerprint": COORD.fingerprint,
        "coordination_public_key_file": COORD.to_text(),
        "pseudonym_secret_hex": PSEUDONYM_SECRET.hex(),
        "person_uid": PERSON_UID,
        "person_pseudonym": privacy.pseudonym(PSEUDONYM_SECRET, PERSON_UID),
        "payload_document": doc,
        "payload_canonical_utf8": body.decode("utf-8"),
        "payload_canonical_sha256": hashlib.sha256(body).hexdigest(),
        "header_hex": header.hex(),
        "hpke_info_hex": envelope.hpke_info(header).hex(),
        "ciphertext_length": len(ciphertext),
        "signed_message_sha256": hashlib.sha256(signed).hexdigest(),
        "signature_hex": bundle[-envelope.SIGNATURE_SIZE :].hex(),
        "bundle_file": "bundle-v1.bundle",
        "bundle_sha256": hashlib.sha256(bundle).hexdigest(),
        "bundle_file_name": f"milieu-bibliotheque-de-test-{WORKER.short_id}-seq{SEQUENCE:06d}-2026-W47.bundle",
    }


def seal() -> bytes:
    return envelope.seal(
        canonical.encode(document()), sequence=SEQUENCE, full=False, signer=WORKER_SIGNING,
        signer_key_id=WORKER.signing_key_id, recipient=COORD_RECEIVING.public_key(),
        recipient_key_id=COORD.receiving_key_id,
    )


if __name__ == "__main__":
    bundle = seal()
    vectors = expected(bundle)
    text = json.dumps(vectors, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if "--write" in sys.argv:
        (HERE / "bundle-v1.bundle").write_bytes(bundle)
        (HERE / "bundle-v1.json").write_text(text, "utf-8")
        print("written", len(bundle), "bytes")
    else:
        print(text)
