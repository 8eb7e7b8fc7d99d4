"""How long the window freezes during slow operations: prints figures (no assertion).

    .venv/bin/python benchmarks/bench_ops_gui.py --keep DIR [--bundle-keep DIR2]

DIR is a 5-year vault made by ``benchmarks/bench_report.py --keep DIR`` (made here if missing).
Each slow action runs as the screens run it (ctx.ops on the writer thread), while a 10 ms timer
on the GUI thread measures the longest gap between its ticks: the window's longest freeze.
The same work called on the GUI thread (as before issue 9) freezes it for its whole duration.
The PDF's charts and pages are drawn on the GUI thread (Qt layout holds the GIL in PySide6), a
chart or a page per event-loop turn (views.slices), as the Bilan page does.
Actions: the report's CSV and PDF exports of 5 years, a merge of the two people with the most
contacts, a full bundle export, and the import of two bundles at a coordination vault.
DIR's 150,000 contacts exceed a bundle's limits (100,000 records, 32 MiB): the bundles come from
DIR2, 5 years of 35,000 contacts (about 55,000 records, the largest full refresh within them),
made here if missing. The merge and the bundles change DIR2, never DIR.
Each line: wall time, CPU time of the process (both threads), the longest freeze; the load
average is printed with the figures (2 shared cores: judge on CPU time when it is high).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from app.ops import people as people_ops  # noqa: E402
from app.ops import report as report_ops  # noqa: E402
from app.ops import sync as sync_ops  # noqa: E402
from app.report import period as periods  # noqa: E402
from app.report import reads, worker  # noqa: E402
from app.sync import coordination as coord_vault  # noqa: E402
from app.sync import keys  # noqa: E402
from app.vault import Vault  # noqa: E402
from views.bus import DataBus  # noqa: E402
from views.context import AppContext  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"  # benchmarks/bench_report.py's
FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}


class Said:
    def error(self, title, text, details=""):
        print(f"  error: {text} {details}")

    info = warning = error


class StallMeter:
    """The longest gap between ticks of a 10 ms timer on the GUI thread."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = self.worst = 0.0

    def _tick(self):
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self):
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.worst


def through_runner(ctx, meter, start, label: str) -> None:
    """``start(done)`` hands work to the runner; ``done()`` is called when it is over."""
    finished = []
    meter.start()
    began, cpu = time.perf_counter(), time.process_time()
    start(lambda *_: finished.append(time.perf_counter()))
    while not finished:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    stall = meter.stop()
    load = os.getloadavg()[0]
    print(f"{label:<34}{finished[0] - began:>9.2f}{time.process_time() - cpu:>8.2f}{stall * 1000:>14.0f}{load:>7.1f}")


def bundle_vault(folder: Path) -> Vault:
    from app import demo
    from app.activity import demo as activity_demo

    vault = Vault(folder)
    if (folder / "milieu.db").exists():
        vault.unlock(PASSPHRASE)
        return vault
    vault.create(PASSPHRASE, site_name="Bibliothèque publique (banc d'essai)", worker_name="Intervenant·e",
                 kdf_params=FAST_KDF)
    with vault.session() as s:
        stats = demo.generate(s, weeks=260, seed=7, contacts_per_week=35_000 // 260)
    with vault.session() as s:
        activity_demo.generate(s, stats.start, stats.end, seed=7)
    return vault


def most_seen_people(session) -> list[int]:
    from sqlalchemy import text

    rows = session.execute(text("SELECT person_id FROM contact_person GROUP BY person_id "
                                "ORDER BY count(*) DESC LIMIT 2")).all()
    return [r[0] for r in rows]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, required=True)
    ap.add_argument("--bundle-keep", type=Path, default=None)
    args = ap.parse_args()
    if not (args.keep / "milieu.db").exists():
        subprocess.run([sys.executable, str(Path(__file__).with_name("bench_report.py")), "--keep", str(args.keep)],
                       check=True)
    from views.activity.report_pdf import ensure_app

    ensure_app()  # kept alive until the interpreter exits, after every Qt object
    vault = Vault(args.keep)
    vault.unlock(PASSPHRASE)
    out = Path(tempfile.mkdtemp(prefix="milieu-bench-ops-"))
    coord = coord_vault.init_coordination(out / "coord", PASSPHRASE, "La Piaule", FAST_KDF)
    worker_vault = bundle_vault(args.bundle_keep or out / "worker")
    ctx = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": Said()})
    worker_ctx = AppContext(vault=worker_vault, bus=DataBus(), extras={"dialogs": Said()})
    coord_ctx = AppContext(vault=coord, bus=DataBus(), extras={"dialogs": Said()})
    meter = StallMeter()
    try:
        with vault.session() as s:
            p = periods.custom(worker.pilot_period(s).start, date.today())
        print(f"{'through ctx.ops (5-year vault)':<34}{'wall s':>9}{'CPU s':>8}{'GUI stall ms':>14}{'load':>7}")
        through_runner(ctx, meter, lambda done: ctx.ops.fetch(lambda _s: time.sleep(2), on_done=done),
                       "nothing (noise floor: a 2 s sleep)")
        through_runner(ctx, meter, lambda done: ctx.ops.run(
            report_ops.export_tables, False, p, None, "csv", out / "bilan.csv", on_done=done), "report CSV export")

        from views import slices
        from views.activity.report_pdf import pdf_steps  # the charts and pages: on the GUI thread, in steps

        def pdf(done):
            ctx.ops.fetch(reads.compute, False, p, None, lang="fr", on_done=lambda report: slices.run(
                pdf_steps(report, out / "bilan.pdf"), done, lambda exc: done(print(f"  error: {exc}"))))

        through_runner(ctx, meter, pdf, "report PDF export")
        with worker_vault.session() as s:
            keep, duplicate = most_seen_people(s)
        through_runner(worker_ctx, meter, lambda done: worker_ctx.ops.run(
            people_ops.merge_people, keep, duplicate, on_done=done), "merge two people (35k vault)")
        with coord.session() as s:
            coord_id = keys.parse_public_file(keys.own_identity(s).to_text().encode())
        with worker_vault.session() as s:
            worker_id = keys.parse_public_file(keys.own_identity(s).to_text().encode())
            sync_ops.set_partner(s, coord_id)
        with coord.session() as s:
            sync_ops.trust_worker(s, worker_id)
        exported = []
        for full in (True, False):
            through_runner(worker_ctx, meter, lambda done: worker_ctx.ops.run(
                sync_ops.export_bundle, out, full=full, on_done=lambda r: done(exported.append(r))),
                f"{'full' if full else 'weekly'} bundle export")
        print(f"  (bundles of {exported[0].record_count} and {exported[1].record_count} records, "
              f"{exported[0].path.stat().st_size / 2**20:.1f} MiB)")
        through_runner(coord_ctx, meter, lambda done: coord_ctx.ops.run(
            sync_ops.import_bundles, [e.path for e in exported], on_done=done,
            on_progress=lambda n, total: None), "import of both (coordination)")
        started = time.perf_counter()
        with vault.session() as s:
            reads.compute(s, False, p, None, lang="fr")
        print(f"{'the report on the GUI thread':<34}{time.perf_counter() - started:>9.2f}{'':>8}"
              f"{(time.perf_counter() - started) * 1000:>14.0f}  (as before: frozen throughout)")
    finally:
        ctx.ops.wait()
        worker_ctx.ops.wait()
        coord_ctx.ops.wait()
        coord.lock()
        worker_vault.lock()
        vault.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
