"""Law 25 benchmark: prints figures (no assertion).

    .venv/bin/python benchmarks/bench_privacy.py [--weeks 260] [--contacts 150000] [--keep DIR]

On 5 years of synthetic data (app.demo, as benchmarks/bench_report.py):
1. ``retention run`` with the default rules (24 months) on a copy of the vault — goal under 10 s;
2. the file of the person with the most contacts (JSON and CSV; then the PDF transcript) — goal under 2 s.
``--keep DIR`` keeps (or reuses) the generated vault; retention always runs on a copy.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from app import demo  # noqa: E402
from app.activity import demo as activity_demo  # noqa: E402
from app.privacy import documents, person_file, retention  # noqa: E402
from app.vault import Vault  # noqa: E402
from models.contacts import contact_person  # noqa: E402
from models.people import Person  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"
FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}


def _vault(folder: Path, weeks: int, contacts: int) -> Vault:
    vault = Vault(folder)
    if (folder / "milieu.db").exists():
        vault.unlock(PASSPHRASE)
        print(f"reusing {folder}")
        return vault
    vault.create(PASSPHRASE, site_name="Bibliothèque (banc d'essai)", worker_name="Intervenant·e", kdf_params=FAST_KDF)
    started = time.perf_counter()
    with vault.session() as s:
        stats = demo.generate(s, weeks=weeks, seed=7, contacts_per_week=max(1, contacts // weeks))
    with vault.session() as s:
        activity_demo.generate(s, stats.start, stats.end, seed=7)
    print(f"generated {stats.contacts} contacts, {stats.people} people in {time.perf_counter() - started:.1f} s")
    return vault


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=260)
    ap.add_argument("--contacts", type=int, default=150_000)
    ap.add_argument("--keep", type=Path, default=None)
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="milieu-bench-privacy-")) / "data"
    vault = _vault(folder, args.weeks, args.contacts)
    today = date.today()

    with vault.session() as s:
        busiest, count = s.execute(
            select(contact_person.c.person_id, func.count()).group_by(contact_person.c.person_id)
            .order_by(func.count().desc()).limit(1)
        ).one()
    out = Path(tempfile.mkdtemp(prefix="milieu-bench-privacy-out-"))
    started, cpu = time.perf_counter(), time.process_time()
    with vault.session() as s:
        person_file.export(s, s.get(Person, busiest), out)
    print(f"person export (JSON + CSV), {count} contacts: {time.perf_counter() - started:.2f} s "
          f"(CPU {time.process_time() - cpu:.2f} s; goal < 2 s)")
    from views.privacy.pdf import html_to_pdf

    started = time.perf_counter()
    with vault.session() as s:
        html_to_pdf(documents.person_transcript(person_file.person_file(s, s.get(Person, busiest))), out / "p.pdf")
    print(f"person transcript PDF: {time.perf_counter() - started:.2f} s")
    vault.lock()

    copy = Path(tempfile.mkdtemp(prefix="milieu-bench-privacy-copy-")) / "data"
    shutil.copytree(folder, copy)
    target = Vault(copy)
    target.unlock(PASSPHRASE)
    with target.session() as s:
        print("would touch:", retention.plan(s, today).counts())
    started, cpu = time.perf_counter(), time.process_time()
    with target.session() as s:
        counts = retention.run(s, today)
    print(f"retention run: {time.perf_counter() - started:.2f} s (CPU {time.process_time() - cpu:.2f} s, "
          f"load {os.getloadavg()[0]:.1f}; "
          f"goal < 10 s): {counts}")
    target.lock()
    shutil.rmtree(copy.parent)
    shutil.rmtree(out)
    if not args.keep:
        shutil.rmtree(folder.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
