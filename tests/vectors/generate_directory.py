"""Make the directory-file test vector (docs/bundle-format.md, section 14).

    python tests/vectors/generate_directory.py --write   # (re)write directory-v1.json and .milieu-directory

The coordination signing key is derived from a fixed label; Ed25519 is
deterministic, so header, signed message and signature are reproducible.
The zlib body is one fixed sample (a reader must inflate it to the document).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric import ed25519  # noqa: E402

from app.directory.publication.file_format import HEADER_SIZE, encode  # noqa: E402
from app.sync import keys  # noqa: E402

HERE = Path(__file__).resolve().parent
WORKER_KEY_ID = "0f" * 32

DOCUMENT = {
    "format": "milieu-directory/1",
    "sequence": 3,
    "published_at": "2026-12-01T15:00:00Z",
    "signer_key_id": None,  # filled below
    "directory": {
        "total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": True,
        "last_page": True, "empty": False,
        "contents": [{
            "id": "3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b", "name": "Comptoir alimentaire Saint-Joseph",
            "status": "active", "description": "Paniers de denrées le mardi.",
            "schedules": [{"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "freq": "WEEKLY", "byday": "TU",
                           "opens_at": "13:00", "closes_at": "16:00"}],
            "attributes": [],
        }],
    },
    "receipts": {WORKER_KEY_ID: [{"sequence": 7, "sha256": "ab" * 32, "imported_at": "2026-11-30T14:02:11Z"}]},
}


def signing_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"milieu directory vector coordination").digest())


def build() -> tuple[dict, bytes]:
    key = signing_key()
    public = key.public_key().public_bytes_raw()
    document = dict(DOCUMENT, signer_key_id=keys.key_id(keys.ED25519, public).hex())
    data = encode(document, document["sequence"], key)
    vector = {
        "coordination_ed25519_private": hashlib.sha256(b"milieu directory vector coordination").hexdigest(),
        "coordination_ed25519_public": public.hex(),
        "signer_key_id": document["signer_key_id"],
        "header": data[:HEADER_SIZE].hex(),
        "signature": data[-64:].hex(),
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "document": document,
    }
    return vector, data


if __name__ == "__main__":
    vector, data = build()
    if "--write" in sys.argv:
        (HERE / "directory-v1.json").write_text(json.dumps(vector, indent=1, ensure_ascii=False) + "\n", "utf-8")
        (HERE / "directory-v1.milieu-directory").write_bytes(data)
    print(json.dumps({k: v for k, v in vector.items() if k != "document"}, indent=1))
