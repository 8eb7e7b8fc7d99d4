"""Bundle benchmark: prints figures (no assertion).

    .venv/bin/python benchmarks/bench_bundles.py [--weeks-history 260] [--weekly 52] [--per-week 15]

1. 5 years of synthetic floor data (app.demo, the generator behind ``milieu demo``),
   then the export of a full refresh;
2. 52 weeks of ~15 contacts each, entered through app.contacts, each week exported
   (goal: under 150 ms a week);
3. verify + import of those 52 bundles into a coordination vault (goal: under 3 s);
4. on the same payload bytes, Milieu's seal (zlib + HPKE + Ed25519) against the
   ``age`` + ``minisign`` command-line tools (Debian packages), as a ratio.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric import x25519  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app import codes, contacts, demo  # noqa: E402
from app.sync import canonical, coordination, envelope, export, importer, keys  # noqa: E402
from app.vault import Vault  # noqa: E402
from models.codes import CONTACT_TYPE, PLACE, THEME  # noqa: E402
from models.people import Person  # noqa: E402

FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}  # unlock is not measured here
PASS = "benchmark passphrase"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def pair(worker: Vault, coord: Vault) -> None:
    with coord.session() as s:
        coord_id = keys.parse_public_file(keys.own_identity(s).to_text().encode())
    with worker.session() as s:
        worker_id = keys.parse_public_file(keys.own_identity(s).to_text().encode())
        export.set_partner(s, coord_id)
    with coord.session() as s:
        importer.trust_worker(s, worker_id)


def add_week(worker: Vault, monday: date, per_week: int, rng: random.Random) -> None:
    with worker.session() as s:
        person_ids = list(s.scalars(select(Person.id).where(Person.deleted_at.is_(None))))
        types, themes = sorted(codes.active_codes(s, CONTACT_TYPE)), sorted(codes.active_codes(s, THEME))
        places = sorted(codes.active_codes(s, PLACE))
        for n in range(per_week):
            when = datetime.combine(monday + timedelta(days=n % 5), datetime.min.time()) + timedelta(hours=10 + n % 7)
            contacts.create_contact(s, contacts.ContactInput(
                occurred_at=when, duration_min=rng.choice([5, 10, 15, 30]), place_code=rng.choice(places),
                person_ids=rng.sample(person_ids, k=1 + (n % 3 == 0)), types=[rng.choice(types)],
                themes=[rng.choice(themes)], notes="Note de démonstration inventée.",
                share_with_supervision=rng.random() < 0.05,
            ), allow_negative_stock=True, today=monday + timedelta(days=6))


def seal_once(body: bytes, signer, signer_id, recipient, recipient_id) -> None:
    envelope.seal(body, sequence=1, full=False, signer=signer, signer_key_id=signer_id,
                  recipient=recipient, recipient_key_id=recipient_id)


def reference_tools(body: bytes, work: Path, runs: int) -> float | None:
    """Mean seconds of `age -r` then `minisign -S` on the same bytes (None if not installed)."""
    if not (shutil.which("age") and shutil.which("age-keygen") and shutil.which("minisign")):
        return None
    work = Path(tempfile.mkdtemp(dir=work))
    plain = work / "payload.json"
    plain.write_bytes(body)
    subprocess.run(["age-keygen", "-o", str(work / "age.key")], check=True, capture_output=True)
    recipient = [ln.split(": ")[1] for ln in (work / "age.key").read_text().splitlines() if "public key" in ln][0]
    subprocess.run(["minisign", "-G", "-W", "-f", "-p", str(work / "m.pub"), "-s", str(work / "m.key")],
                   check=True, capture_output=True)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["age", "-r", recipient, "-o", str(work / "payload.age"), str(plain)], check=True)
        subprocess.run(["minisign", "-S", "-s", str(work / "m.key"), "-m", str(work / "payload.age")],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.mean(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks-history", type=int, default=260)
    ap.add_argument("--weekly", type=int, default=52)
    ap.add_argument("--per-week", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        out = root / "usb"
        out.mkdir()
        worker = Vault(root / "worker")
        worker.create(PASS, site_name="Bibliothèque de démonstration", worker_name="Intervenant fictif", kdf_params=FAST_KDF)
        coord = coordination.init_coordination(root / "coord", PASS, "La Piaule", FAST_KDF)
        pair(worker, coord)

        first_monday = date.today() - timedelta(days=date.today().weekday()) - timedelta(weeks=args.weekly)
        t = time.perf_counter()
        with worker.session() as s:
            stats = demo.generate(s, weeks=args.weeks_history, seed=3, end=first_monday - timedelta(days=1))
        print(f"history: {args.weeks_history} weeks, {stats.contacts} contacts, {stats.people} people "
              f"(generated in {time.perf_counter() - t:.1f} s)")

        t = time.perf_counter()
        with worker.session() as s:
            full = export.export_bundle(s, out, full=True, today=first_monday - timedelta(days=1))
        full_s = time.perf_counter() - t
        print(f"full refresh export: {ms(full_s)}, {full.record_count} records, {full.path.stat().st_size / 1024:.0f} KiB")
        t = time.perf_counter()
        with coord.session() as s:
            importer.import_bundle(s, full.path.read_bytes())
        print(f"full refresh verify+import: {ms(time.perf_counter() - t)}")

        weekly_times, bundles = [], []
        for week in range(args.weekly):
            monday = first_monday + timedelta(weeks=week)
            add_week(worker, monday, args.per_week, rng)
            t = time.perf_counter()
            with worker.session() as s:
                result = export.export_bundle(s, out, today=monday + timedelta(days=4))
            weekly_times.append(time.perf_counter() - t)
            bundles.append(result.path.read_bytes())
        print(f"weekly export ({args.per_week} contacts, after {args.weeks_history} weeks of history): "
              f"median {ms(statistics.median(weekly_times))}, max {ms(max(weekly_times))} "
              f"(goal < 150 ms); {len(bundles[-1]) / 1024:.1f} KiB a bundle")

        t = time.perf_counter()
        results = list(importer.import_many(coord, [(f"week-{n}.bundle", data) for n, data in enumerate(bundles)]))
        import_s = time.perf_counter() - t
        assert all(r.status == importer.IMPORTED for _, r in results)
        print(f"verify+import of {len(bundles)} weekly bundles: {import_s:.2f} s (goal < 3 s), "
              f"{ms(import_s / len(bundles))} each")

        with coord.session() as s:
            week_body = canonical.encode(importer.verify(s, bundles[-1]).payload.doc)
            full_body = canonical.encode(importer.verify(s, full.path.read_bytes()).payload.doc)
        signer = keys_signer(worker)
        recipient_key = x25519.X25519PrivateKey.generate().public_key()
        for label, body, runs in (("weekly payload", week_body, 30), ("full-refresh payload", full_body, 5)):
            t = time.perf_counter()
            for _ in range(runs):
                seal_once(body, signer, bytes(32), recipient_key, bytes(32))
            ours = (time.perf_counter() - t) / runs
            ref = reference_tools(body, root, runs)
            if ref is None:
                print(f"{label} ({len(body) / 1024:.0f} KiB): Milieu seal {ms(ours)}; age/minisign not installed")
            else:
                print(f"{label} ({len(body) / 1024:.0f} KiB): Milieu seal {ms(ours)} vs age+minisign {ms(ref)} "
                      f"(processes included) -> ratio Milieu/reference {ours / ref:.2f}")
        worker.lock()
        coord.lock()
    return 0


def keys_signer(worker: Vault):
    with worker.session() as s:
        return keys.signing_key(s)


if __name__ == "__main__":
    sys.exit(main())
