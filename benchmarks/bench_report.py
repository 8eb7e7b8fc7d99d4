"""Report ("Bilan") benchmark: prints figures (no assertion).

    .venv/bin/python benchmarks/bench_report.py [--weeks 260] [--contacts 150000] [--keep DIR]

5 years of synthetic data (app.demo, the generator behind ``milieu demo``, plus
app.activity.demo for conflicts, staff support and presence), then:
1. the worker's report for the whole 5 years, the pilot's 5 months, a quarter and a
   month (goal: under 1 s for 5 years), wall and CPU time, best and median of 5;
2. the PDF export of the 5-year report (goal: under 3 s), and CSV and XLSX.
``--keep DIR`` keeps (or reuses) the generated vault.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import demo  # noqa: E402
from app.activity import demo as activity_demo  # noqa: E402
from app.report import export, worker  # noqa: E402
from app.report import period as periods  # noqa: E402
from app.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"
FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}


def timed(fn, runs: int = 5):
    walls, cpus, result = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return result, min(walls), statistics.median(walls), statistics.median(cpus)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=260)
    ap.add_argument("--contacts", type=int, default=150_000)
    ap.add_argument("--keep", type=Path, default=None)
    ap.add_argument("--coordination", action="store_true",
                    help="also: full bundle export, import at La Piaule, the coordination report")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="milieu-bench-report-")) / "data"
    vault = Vault(folder)
    today = date.today()
    if folder.exists() and (folder / "milieu.db").exists():
        vault.unlock(PASSPHRASE)
        print(f"reusing {folder}")
    else:
        vault.create(PASSPHRASE, site_name="Bibliothèque publique (banc d'essai)", worker_name="Intervenant·e",
                     kdf_params=FAST_KDF)
        started = time.perf_counter()
        with vault.session() as s:
            stats = demo.generate(s, weeks=args.weeks, seed=7, contacts_per_week=max(1, args.contacts // args.weeks))
        with vault.session() as s:
            extra = activity_demo.generate(s, stats.start, stats.end, seed=7)
        print(f"generated {stats.contacts} contacts, {stats.people} people, {extra.conflicts} conflicts, "
              f"{extra.supports} staff supports in {time.perf_counter() - started:.1f} s")
    try:
        with vault.session() as s:
            first = worker.pilot_period(s, today).start
        cases = [
            ("5 years", periods.custom(first, today)),
            ("pilot 5 months", periods.custom(first, first + timedelta(days=150))),
            ("a quarter", periods.containing_quarter(today - timedelta(days=100))),
            ("a month", periods.containing_month(today)),
        ]
        print(f"{'report':<16}{'best s':>9}{'median s':>10}{'CPU s':>8}  interventions")
        five_years = None
        for name, p in cases:
            def run(p=p):
                with vault.session() as s:
                    return worker.report(s, p, today=today)

            report, best, median, cpu = timed(run)
            five_years = five_years or report
            print(f"{name:<16}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  {report.value('interventions')}")
        out = Path(tempfile.mkdtemp(prefix="milieu-bench-out-"))
        from views.activity.report_pdf import ensure_app, write_pdf

        ensure_app()
        for fmt in ("pdf", "csv", "xlsx"):
            target = out / f"bilan.{fmt}"
            if fmt == "pdf":
                _, best, median, cpu = timed(lambda: write_pdf(five_years, target), runs=3)
            else:
                _, best, median, cpu = timed(lambda f=fmt, t=target: export.write(five_years, t, f), runs=3)
            print(f"export {fmt:<9}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  {target.stat().st_size // 1024} KiB "
                  f"({len(five_years.table('activity_by_month').rows)} months)")
        shutil.rmtree(out, ignore_errors=True)
        if args.coordination:
            coordination_case(vault, cases[0][1], today)
    finally:
        vault.lock()
        if args.keep is None:
            shutil.rmtree(folder.parent, ignore_errors=True)
    return 0


def coordination_case(vault: Vault, p, today: date) -> None:
    """The same 5 years at La Piaule: one full bundle, imported, then the report for all workers."""
    from app.report import coordination
    from app.sync import coordination as coord_vault
    from app.sync import export as bundle_export
    from app.sync import importer, keys

    folder = Path(tempfile.mkdtemp(prefix="milieu-bench-piaule-"))
    coord = coord_vault.init_coordination(folder / "data", PASSPHRASE, "La Piaule", FAST_KDF)
    try:
        with coord.session() as s:
            coord_text = keys.own_identity(s).to_text().encode()
        with vault.session() as s:
            worker_text = keys.own_identity(s).to_text().encode()
            bundle_export.set_partner(s, keys.parse_public_file(coord_text))
        with coord.session() as s:
            importer.trust_worker(s, keys.parse_public_file(worker_text))
        started = time.perf_counter()
        with vault.session() as s:
            result = bundle_export.export_bundle(s, folder, full=True)
        with coord.session() as s:
            importer.import_bundle(s, result.path.read_bytes())
        print(f"full bundle exported and imported in {time.perf_counter() - started:.1f} s")

        def run():
            with coord.session() as s:
                return coordination.report(s, p, None, today=today)

        report, best, median, cpu = timed(run, runs=3)
        print(f"{'coordination':<16}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  {report.value('interventions')}")
    finally:
        coord.lock()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
