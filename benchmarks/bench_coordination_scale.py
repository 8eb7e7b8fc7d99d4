"""Coordination at scale: prints figures (no assertion).

    .venv/bin/python benchmarks/bench_coordination_scale.py [--workers 100] [--weeks 260] [--runs 3] [--keep DIR]

``--keep DIR`` keeps the prepared vaults and the PostgreSQL cluster in DIR (outside the
repository, e.g. /tmp) and reuses them on the next run with the same DIR: only the
reports are timed again. Every figure prints wall time, this process's CPU time, the
PostgreSQL server's CPU time and the load average (the machine may be shared).

1. One worker vault with 5 years at the pilot's proportions (app.demo: ~50 contacts a
   month, 82 people for 251 contacts), exported as a full refresh.
2. That payload signed by ``--workers`` worker keys (10 libraries), each a full-refresh
   bundle sealed to La Piaule, imported into a coordination vault (SQLCipher store) and
   into a copy of it whose store is a temporary PostgreSQL cluster (tests/pg_server.py).
   Every worker holds the same records (their own uids, keyed by worker): timing only.
3. The all-workers report and one worker's dashboard (report + overview) over the
   5 years on both engines, side by side with the ratio (goal: < 1 s each);
   then the former report that parsed every record's JSON, on the SQLCipher store.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

import legacy_json_report  # noqa: E402
from app import demo  # noqa: E402
from app.report import aggregate  # noqa: E402
from app.report import coordination as report  # noqa: E402
from app.report import period as periods  # noqa: E402
from app.sync import coordination, envelope, export, importer, keys, overview, payload  # noqa: E402
from app.sync import store as stores  # noqa: E402
from app.vault import Vault  # noqa: E402
from models import coordination as coord_tables  # noqa: E402
from models.sync import SyncKey  # noqa: E402

FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}
PASS = "benchmark passphrase"


CPU: dict[tuple[str, str], tuple[float, float]] = {}  # (figure, engine) -> (our CPU s, server CPU s)


def server_cpu() -> float:
    """CPU seconds of the PostgreSQL server's processes so far (postmaster and backends)."""
    if SERVER is None:
        return 0.0
    pid = (SERVER.data / "postmaster.pid").read_text().split()[0]
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == pid or fields[1] == pid:  # fields[1]: the parent's pid
            total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return total / tick


SERVER = None


def timed(fn, runs: int, key: tuple[str, str] | None = None) -> tuple[float, object]:
    times, cpus, out = [], [], None
    for _ in range(runs):
        t, c, sc = time.perf_counter(), time.process_time(), server_cpu()
        out = fn()
        times.append(time.perf_counter() - t)
        cpus.append((time.process_time() - c, server_cpu() - sc))
    if key:
        CPU[key] = (statistics.median(c for c, _ in cpus), statistics.median(s for _, s in cpus))
    return statistics.median(times), out


def make_bundles(doc: dict, coord: Vault, workers: int):
    with coord.session() as s:
        receiving = s.get(SyncKey, keys.RECEIVING).public
    recipient = x25519.X25519PublicKey.from_public_bytes(receiving)
    recipient_id = keys.key_id(keys.X25519, receiving)
    fields = {k: v for k, v in doc.items() if k != "format"}
    out = []
    for n in range(workers):
        signer = ed25519.Ed25519PrivateKey.generate()
        public = signer.public_key().public_bytes_raw()
        signer_id = keys.key_id(keys.ED25519, public)
        site = f"Bibliothèque {n % 10 + 1:02d}"
        body = payload.build(**dict(fields, signer_key_id=signer_id.hex(), site=site))
        data = envelope.seal(body, sequence=1, full=True, signer=signer, signer_key_id=signer_id,
                             recipient=recipient, recipient_key_id=recipient_id)
        with coord.session() as s:
            importer.trust_worker(s, keys.PublicIdentity(keys.ROLE_WORKER, f"{site} — Intervenant {n + 1:03d}", public))
        out.append((f"worker-{n:03d}.bundle", data))
    return out


def prepare(args, tmp: Path, server) -> tuple[dict, dict, periods.Period]:
    """The coordination vaults, both imported (timed), or the ones kept by an earlier run."""
    figures: dict[str, dict[str, float]] = {}
    ready = tmp / "ready"
    if ready.exists():
        start, end, contacts = ready.read_text().split()
        coord, coord_pg = Vault(tmp / "coord"), Vault(tmp / "coord-pg")
        coord.unlock(PASS)
        coord_pg.unlock(PASS)
        print(f"reusing {tmp}: {contacts} contacts a worker")
        engines = {"SQLCipher": stores.Store(coord), "PostgreSQL": stores.Store(coord_pg)}
        return engines, figures, periods.custom(date.fromisoformat(start), date.fromisoformat(end))
    worker = Vault(tmp / "worker")
    worker.create(PASS, site_name="Bibliothèque 01", worker_name="Intervenant", kdf_params=FAST_KDF)
    coord = coordination.init_coordination(tmp / "coord", PASS, "La Piaule", FAST_KDF)
    with coord.session() as s:
        coord_id = keys.own_identity(s)
    with worker.session() as s:
        export.set_partner(s, coord_id)
    end = date.today() - timedelta(days=1)
    t = time.perf_counter()
    with worker.session() as s:
        stats = demo.generate(s, weeks=args.weeks, seed=15, end=end)
    (tmp / "out").mkdir()
    with worker.session() as s:
        full = export.export_bundle(s, tmp / "out", full=True, today=end)
    print(f"one worker: {args.weeks} weeks, {stats.contacts} contacts, {stats.people} people, "
          f"{full.record_count} records in a full refresh ({time.perf_counter() - t:.0f} s to build)")
    with coord.session() as s:
        importer.trust_worker(s, keys.PublicIdentity(keys.ROLE_WORKER, "tmp", worker_public(worker)))
        doc = importer.verify(s, full.path.read_bytes()).payload.doc
    worker.lock()
    bundles = make_bundles(doc, coord, args.workers)
    print(f"{args.workers} workers x {stats.contacts} contacts = {args.workers * stats.contacts} contacts")

    coord.lock()
    shutil.copytree(tmp / "coord", tmp / "coord-pg")
    coord.unlock(PASS)
    coord_pg = Vault(tmp / "coord-pg")
    coord_pg.unlock(PASS)
    engines = {"SQLCipher": stores.Store(coord), "PostgreSQL": stores.attach_postgresql(coord_pg, server.new_database())}
    vaults = {"SQLCipher": coord, "PostgreSQL": coord_pg}
    for name, store in engines.items():
        t, c, sc = time.perf_counter(), time.process_time(), server_cpu()
        results = list(importer.import_many(vaults[name], bundles, store))
        figures.setdefault("import (all bundles)", {})[name] = time.perf_counter() - t
        CPU[("import (all bundles)", name)] = (time.process_time() - c, server_cpu() - sc)
        assert all(r.status == importer.IMPORTED for _, r in results), results[:1]
    ready.write_text(f"{stats.start} {stats.end} {stats.contacts}")
    return engines, figures, periods.custom(stats.start, stats.end)


def main() -> int:
    global SERVER
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=100)
    ap.add_argument("--weeks", type=int, default=260)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the prepared vaults and cluster there, reuse them next time")
    args = ap.parse_args()
    from pg_server import Server

    if args.keep:
        tmp = args.keep.resolve()
        if ROOT in tmp.parents or tmp == ROOT:
            ap.error("--keep must be outside the repository")
        tmp.mkdir(parents=True, exist_ok=True)
        SERVER = server = Server(tmp / "pg")
    else:
        tmp = Path(tempfile.mkdtemp(prefix="milieu-bench-"))
        SERVER = server = Server()
    os.environ["PGPASSFILE"] = str(server.passfile)
    try:
        engines, figures, p = prepare(args, tmp, server)
        for name, store in engines.items():
            with store.reading() as s:
                rows = s.scalar(select(func.count()).select_from(coord_tables.contact))
                peer = sorted(w.id for w in report.workers(s))[len(report.workers(s)) // 2]
            print(f"{name}: {rows} contacts in coord_contact")

            def every():
                with store.reading() as s:
                    return report.report(s, p, None)

            def one():
                with store.reading() as s:
                    return report.report(s, p, peer), overview.worker_overview(s, peer)

            figures.setdefault("all-workers report", {})[name], r_all = timed(every, args.runs, ("all-workers report", name))
            # The same report without its evaluation tables (app.report.evaluation_coordination,
            # which still reads the records' JSON on SQLCipher): what the typed tables cost.
            figures.setdefault("  of which without evaluation", {})[name], _ = timed(
                lambda: tallies_only(store, p), args.runs, ("  of which without evaluation", name))
            figures.setdefault("one worker's dashboard", {})[name], (r_one, _o) = timed(
                one, args.runs, ("one worker's dashboard", name))
            figures.setdefault("  of which without evaluation ", {})[name], _ = timed(
                lambda: tallies_only(store, p, peer), args.runs, ("  of which without evaluation ", name))
            figures.setdefault("overview (every worker)", {})[name], _ = timed(
                lambda: overview_all(store), args.runs, ("overview (every worker)", name))
            print(f"{name}: all workers {r_all.value('interventions')} interventions, "
                  f"{r_all.value('people')} people, {r_all.value('presence_hours')} presence hours; "
                  f"one worker {r_one.value('interventions')}")

        print()
        print(f"{'figure (median wall; CPU ours+server)':<40}{'SQLCipher':>22}{'PostgreSQL':>22}{'PG/SQLCipher':>14}")
        for key, by in figures.items():
            a, b = by["SQLCipher"], by["PostgreSQL"]
            (ca, sa), (cb, sb) = CPU[(key, "SQLCipher")], CPU[(key, "PostgreSQL")]
            print(f"{key:<40}{a:>8.3f}s ({ca:.2f}+{sa:.2f}){b:>8.3f}s ({cb:.2f}+{sb:.2f}){b / a:>10.2f}")
        print(f"load average (1, 5, 15 min): {', '.join(f'{v:.2f}' for v in os.getloadavg())}; "
              f"{os.cpu_count()} CPUs")
        coord = engines["SQLCipher"].vault
        with coord.session() as s:
            legacy_s, legacy = timed(lambda: legacy_json_report.report(s, p, None), 1)
        print(f"former JSON-parsing all-workers report (SQLCipher): {legacy_s:.2f} s "
              f"({legacy.value('interventions')} interventions) -> "
              f"{legacy_s / figures['all-workers report']['SQLCipher']:.0f}x the typed tables' time")
        for store in engines.values():
            store.close()
            store.vault.lock()
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def tallies_only(store, p, peer=None):
    with store.reading() as s:
        return aggregate.compute(report.tally(s, p, peer), p), overview.worker_overview(s, peer) if peer else None


def overview_all(store):
    with store.reading() as s:
        return overview.overview(s)


def worker_public(worker: Vault) -> bytes:
    with worker.session() as s:
        return keys.own_identity(s).signing_public


if __name__ == "__main__":
    sys.exit(main())
