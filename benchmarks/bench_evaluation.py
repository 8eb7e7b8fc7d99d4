"""Evaluation benchmark (issue 13): prints figures (no assertion).

    .venv/bin/python benchmarks/bench_evaluation.py [--pilot-weeks 52] [--contacts 15000] [--incidents-per-month 40]
        [--coordination]

A pilot year of synthetic floor data (app.demo, app.activity.demo) and, before it, a 5-year
baseline imported the way a library would: incident reports (CSV, ~40 a month) and daily
visit counts (CSV, ~1,100 a day, also over the pilot). Then, best and median of 5:
1. the report of the pilot period compared with the 5-year baseline (goal: under 1.5 s);
2. its PDF and DOCX (goal: under 3 s each), CSV and XLSX;
3. with --coordination: the worker's full refresh imported at La Piaule, on the embedded
   SQLCipher store and on a temporary PostgreSQL cluster (tests/pg_server.py), then the
   same report there (all workers) and the evaluation's reader alone, beside the former
   reader that parsed the records' JSON (benchmarks/legacy_json_evaluation.py, SQLCipher).
"""
from __future__ import annotations

import argparse
import os
import random
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
from app.evaluation import baseline, visits  # noqa: E402
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


def library_files(folder: Path, first: date, pilot_start: date, today: date, per_month: int) -> tuple[Path, Path]:
    rng = random.Random(13)
    incidents = ["date,time,zone,parties,intensity,emergency"]
    day = first
    while day < pilot_start:
        for _ in range(rng.randint(per_month // 30, per_month // 15 + 1) if rng.random() < 0.5 else 0):
            level = rng.choices((1, 2, 3, 4, 5), (20, 30, 30, 13, 7))[0]
            incidents.append(f"{day},{rng.randint(9, 20)}:{rng.choice(('00', '15', '30', '45'))},"
                             f"{rng.choice(('Entrée', 'Adultes', 'Jeunesse', 'Postes'))},"
                             f"{rng.choice(('patron-patron', 'patron-staff', 'other'))},{level},"
                             f"{'yes' if level == 5 and rng.random() < 0.6 else 'no'}")
        day += timedelta(days=1)
    visit_rows = ["date,visits"]
    day = first
    while day <= today:
        visit_rows.append(f"{day},{rng.randint(800, 1400)}")
        day += timedelta(days=1)
    (folder / "incidents.csv").write_text("\n".join(incidents) + "\n", "utf-8")
    (folder / "visits.csv").write_text("\n".join(visit_rows) + "\n", "utf-8")
    return folder / "incidents.csv", folder / "visits.csv"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pilot-weeks", type=int, default=52)
    ap.add_argument("--contacts", type=int, default=15_000)
    ap.add_argument("--incidents-per-month", type=int, default=40)
    ap.add_argument("--coordination", action="store_true", help="also at La Piaule, on both engines")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="milieu-bench-eval-"))
    vault = Vault(root / "data")
    today = date.today()
    vault.create(PASSPHRASE, site_name="Bibliothèque publique (banc d'essai)", worker_name="Intervenant·e",
                 kdf_params=FAST_KDF)
    try:
        started = time.perf_counter()
        with vault.session() as s:
            stats = demo.generate(s, weeks=args.pilot_weeks, seed=7,
                                  contacts_per_week=max(1, args.contacts // args.pilot_weeks))
        with vault.session() as s:
            extra = activity_demo.generate(s, stats.start, stats.end, seed=7)
            pilot_start = worker.pilot_period(s, today).start
        base = periods.Period(date(pilot_start.year - 5, pilot_start.month, 1), pilot_start)
        incidents_csv, visits_csv = library_files(root, base.start, pilot_start, today, args.incidents_per_month)
        with vault.session() as s:
            added = baseline.import_file(s, incidents_csv, today=today).added
        with vault.session() as s:
            days = visits.import_file(s, visits_csv, today=today).added
        print(f"generated {stats.contacts} contacts, {stats.people} people, {extra.conflicts} conflicts in the pilot; "
              f"imported {added} baseline incidents and {days} days of visits in {time.perf_counter() - started:.1f} s")
        pilot = periods.custom(pilot_start, today)
        print(f"{'case':<28}{'best s':>9}{'median s':>10}{'CPU s':>8}")

        def run():
            with vault.session() as s:
                return worker.report(s, pilot, today=today, baseline=base)

        report, best, median, cpu = timed(run)
        print(f"{'report + 5-year baseline':<28}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  "
              f"{report.value('interventions')} interventions, {len(report.table('conflicts_trend').rows)} months charted")
        out = root / "out"
        out.mkdir()
        from views.activity.report_docx import write_docx
        from views.activity.report_pdf import ensure_app, write_pdf

        ensure_app()
        for fmt in ("pdf", "docx", "csv", "xlsx"):
            target = out / f"bilan.{fmt}"
            if fmt == "pdf":
                fn = lambda: write_pdf(report, target)  # noqa: E731
            elif fmt == "docx":
                fn = lambda: write_docx(report, target)  # noqa: E731
            else:
                fn = lambda f=fmt, t=target: export.write(report, t, f)  # noqa: E731
            _, best, median, cpu = timed(fn, runs=3)
            print(f"{'export ' + fmt:<28}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  {target.stat().st_size // 1024} KiB")
        if args.coordination:
            at_coordination(vault, root, pilot, base, today, report)
    finally:
        vault.lock()
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _evaluation(report) -> dict:
    return {t.key: t.rows for t in report.tables if t.key in EVALUATION_TABLES}


EVALUATION_TABLES = ("baseline_comparison", "conflicts_trend", "intensity_comparison", "unmet_needs_by_need",
                     "unmet_needs_by_month", "groups", "survey_means", "survey_distribution")


def at_coordination(vault: Vault, root: Path, pilot, base, today: date, own) -> None:
    """The worker's full refresh at La Piaule on both engines: the same evaluation, timed."""
    sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "tests"), str(Path(__file__).resolve().parent)]
    import legacy_json_evaluation
    from pg_server import Server

    from app.report import coordination as coord_report
    from app.report import evaluation_coordination
    from app.sync import coordination, export as sync_export, importer, keys
    from app.sync import store as stores

    server = Server()
    os.environ["PGPASSFILE"] = str(server.passfile)
    coord = coordination.init_coordination(root / "coord", PASSPHRASE, "La Piaule", FAST_KDF)
    try:
        with coord.session() as s:
            coord_text = keys.own_identity(s).to_text().encode()
        with vault.session() as s:
            worker_text = keys.own_identity(s).to_text().encode()
            sync_export.set_partner(s, keys.parse_public_file(coord_text))
            full = sync_export.export_bundle(s, root / "out", full=True, today=today)
        with coord.session() as s:
            importer.trust_worker(s, keys.parse_public_file(worker_text))
        coord.lock()
        shutil.copytree(root / "coord", root / "coord-pg")
        coord.unlock(PASSPHRASE)
        coord_pg = Vault(root / "coord-pg")
        coord_pg.unlock(PASSPHRASE)
        engines = {"SQLCipher": (coord, stores.Store(coord)),
                   "PostgreSQL": (coord_pg, stores.attach_postgresql(coord_pg, server.new_database()))}
        print(f"\nat La Piaule: a full refresh of {full.record_count} records; load {os.getloadavg()[0]:.1f}")
        print(f"{'case':<36}{'best s':>9}{'median s':>10}{'CPU s':>8}")
        data = full.path.read_bytes()
        for name, (coord_vault, store) in engines.items():
            w, c = time.perf_counter(), time.process_time()
            ((_n, result),) = list(importer.import_many(coord_vault, [(full.path.name, data)], store))
            print(f"{name + ' import':<36}{time.perf_counter() - w:>9.3f}{'':>10}{time.process_time() - c:>8.3f}  "
                  f"{result.status}")

            def run(store=store):
                with store.reading() as s:
                    return coord_report.report(s, pilot, None, today=today, baseline=base)

            def load(store=store):
                with store.reading() as s:
                    return evaluation_coordination.load(s, pilot, base)

            theirs, best, median, cpu = timed(run)
            same = "same as the worker's" if _evaluation(theirs) == _evaluation(own) else "DIFFERS from the worker's"
            print(f"{name + ' report + 5-year baseline':<36}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  {same}")
            _, best, median, cpu = timed(load)
            print(f"{name + ' evaluation reader alone':<36}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}")

        def legacy():
            with coord.session() as s:
                return legacy_json_evaluation.load(s, pilot, base)

        def typed():
            with coord.session() as s:
                return evaluation_coordination.load(s, pilot, base)

        former, best, median, cpu = timed(legacy, runs=3)
        now = typed()
        same = all(sorted(getattr(former, f), key=repr) == sorted(getattr(now, f), key=repr)
                   for f in ("incidents", "baseline_incidents", "needs", "survey"))
        same = same and all(getattr(former, f) == getattr(now, f) for f in ("visits", "groups", "labels"))
        print(f"{'former JSON reader (SQLCipher)':<36}{best:>9.3f}{median:>10.3f}{cpu:>8.3f}  "
              f"{'same input' if same else 'DIFFERENT input'}")
        for _vault, store in engines.values():
            store.close()
        coord_pg.lock()
    finally:
        coord.lock()
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
