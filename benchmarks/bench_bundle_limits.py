"""Peak memory of reading a bundle document at the limits (prints figures, no assertion).

    .venv/bin/python benchmarks/bench_bundle_limits.py

Each case runs in a fresh interpreter: the canonical document (the largest a bundle may
inflate to, shaped to cost the most memory once parsed) goes through what the importer
does before writing anything: payload.parse (canonical decode, structural checks) and
the record-schema check. Prints the peak resident memory (ru_maxrss) and the time.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASE = r'''
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from app.sync import canonical, envelope, payload
from app.sync.errors import BundleRejected
from app.sync.record_check import check_records
kind = sys.argv[2]
limit = envelope.MAX_PAYLOAD
head = {"format": "milieu-payload/1", "sequence": 1, "full": True, "previous_sha256": None,
        "created_at": "2026-01-05T10:00:00Z", "period_start": "2026-01-05", "period_end": "2026-01-05",
        "weeks": ["2026-W02"], "signer_key_id": "0" * 64, "recipient_key_id": "1" * 64, "site": "s", "worker": "w",
        "withheld": {}}
def rec(i, data):
    return {"entity": "contact", "uid": f"u{i:07d}", "version": 1, "deleted": False,
            "changed_at": "2026-01-05T10:00:00Z", "data": data}
if kind == "records":  # as many realistic contacts as the limits allow
    data = {"occurred_at": "2026-01-05T10:30:00", "duration_min": 20, "place_code": "hall", "types": ["listening"],
            "themes": ["housing"], "person_uids": ["p-" + "a" * 32], "share_with_supervision": False, "version": 1}
    records = [rec(i, dict(data)) for i in range(payload.MAX_RECORDS)]
    doc = dict(head, records=records, counts={"contact": {"changed": len(records), "deleted": 0}})
    body = canonical.encode(doc)
elif kind == "short-strings":  # one record, an array of 2-character strings up to the size limit
    n = (limit - 1000) // 5
    body = canonical.encode(dict(head, records=[rec(0, {"types": ["ab"] * n})], counts={"contact": {"changed": 1, "deleted": 0}}))
elif kind == "integers":
    n = (limit - 1000) // 2
    body = canonical.encode(dict(head, records=[rec(0, {"types": [1] * n})], counts={"contact": {"changed": 1, "deleted": 0}}))
elif kind == "containers":
    n = payload.MAX_CONTAINERS - 100
    body = canonical.encode(dict(head, records=[rec(0, {"types": [[]] * n})], counts={"contact": {"changed": 1, "deleted": 0}}))
open(sys.argv[3], "wb").write(body)
'''

MEASURE = r'''
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from app.sync import payload
from app.sync.errors import BundleRejected
from app.sync.record_check import check_records
kind = sys.argv[2]
body = open(sys.argv[3], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    parsed = payload.parse(body)
    check_records(parsed.records)
    outcome = "accepted"
except BundleRejected as exc:
    outcome = exc.code
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{kind:14s} document {len(body) / 2**20:5.1f} MiB  {outcome:15s} peak RSS {peak / 1024:6.0f} MiB "
      f"(before parsing: {before / 1024:.0f} MiB)  {elapsed:5.2f} s")
'''


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("records", "short-strings", "integers", "containers"):
            doc = str(Path(tmp) / kind)
            subprocess.run([sys.executable, "-c", CASE, str(ROOT), kind, doc], check=True)
            subprocess.run([sys.executable, "-c", MEASURE, str(ROOT), kind, doc], check=True)


if __name__ == "__main__":
    main()
