"""Startup and unlock figures (prints; asserts nothing).

1. Cold start until the unlock window is shown (a vault exists), each run a new process,
   against a bare PySide6 window measured the same way in the same run. Goal: <= 1.5x.
2. Unlock with the production Argon2id parameters (app.keyfile.DEFAULT_KDF). Goal: < 1 s.
3. With ``--vault DIR`` (a kept big vault, e.g. the 5-year one of bench_privacy.py --keep):
   unlock as the command line does (whole-file check first) and as the window does (Today at
   once, the check behind it), with the vault's own KDF and the production KDF's cost beside.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--platform offscreen]
    .venv/bin/python benchmarks/bench_startup.py --vault /tmp/bench5y/data [--passphrase P] [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark passphrase, synthetic only"

MILIEU_CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from views.app_main import run_gui
def shown():
    print("shown", flush=True)
    QApplication.quit()
sys.exit(run_gui(["--data-dir", sys.argv[1]], on_shown=shown))
"""

BARE_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
window = QLabel("Milieu")
window.resize(1366, 768)
window.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""

UNLOCK_CHILD = """
import sys, time
t0 = time.perf_counter()
from app.vault import Vault
t1 = time.perf_counter()
vault = Vault(sys.argv[1])
vault.unlock(sys.argv[2])
t2 = time.perf_counter()
vault.lock()
print(f"{(t1 - t0) * 1000:.1f} {(t2 - t1) * 1000:.1f}")
"""


def time_until_shown(code: str, args: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError("the child did not show its window")
    return elapsed * 1000


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _timed(fn) -> tuple[float, float]:
    """(wall ms, CPU ms of this process, every thread)."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def big_vault(folder: Path, passphrase: str, runs: int) -> None:
    """Unlock figures on a kept big vault (a new Vault object each run: nothing is known verified)."""
    import threading

    from app.keyfile import DEFAULT_KDF, KeyFile
    from app.vault import Vault

    size = (folder / "milieu.db").stat().st_size / 1e6
    print(f"vault {folder}: {size:.0f} MB; {_load()}")
    own = KeyFile.load(folder / "milieu.key")
    kdf_own = [_timed(lambda: own.unwrap(passphrase)) for _ in range(runs)]
    with tempfile.TemporaryDirectory() as tmp:
        production = KeyFile.wrap_key(os.urandom(32), passphrase, DEFAULT_KDF)
        production.save(Path(tmp) / "k")
        production = KeyFile.load(Path(tmp) / "k")
        kdf_prod = [_timed(lambda: production.unwrap(passphrase)) for _ in range(runs)]
    params = ", ".join(f"{k}={v}" for k, v in own.kdf.items() if k != "salt")
    med = lambda figures, i: statistics.median(f[i] for f in figures)  # noqa: E731
    print(f"KDF of this vault ({params}): {med(kdf_own, 0):.0f} ms (CPU {med(kdf_own, 1):.0f} ms); "
          f"production KDF: {med(kdf_prod, 0):.0f} ms (CPU {med(kdf_prod, 1):.0f} ms)")
    kdf_own, kdf_prod = med(kdf_own, 0), med(kdf_prod, 0)

    cli, window, behind = [], [], []
    for _ in range(runs):
        vault = Vault(folder)
        cli.append(_timed(lambda: vault.unlock(passphrase)))
        vault.lock()
        vault = Vault(folder)
        window.append(_timed(lambda: vault.unlock(passphrase, check_later=True)))
        done = threading.Event()
        t0, c0 = time.perf_counter(), time.process_time()
        vault.check_in_background(lambda failure: done.set())
        done.wait()
        behind.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
        vault.lock()

    def line(name: str, figures: list[tuple[float, float]], goal: str = "") -> None:
        wall, cpu = statistics.median(f[0] for f in figures), statistics.median(f[1] for f in figures)
        print(f"{name}: {wall:.0f} ms (CPU {cpu:.0f} ms), of which {wall - kdf_own:.0f} ms besides the KDF; "
              f"with the production KDF ~{wall - kdf_own + kdf_prod:.0f} ms{goal}")

    line("unlock as the command line (whole-file check first)", cli)
    line("unlock as the window (Today at once)", window, " (goal < 1000 ms)")
    print(f"whole-file check behind the window: {statistics.median(b[0] for b in behind):.0f} ms "
          f"(CPU {statistics.median(b[1] for b in behind):.0f} ms); {_load()}")
    shown, checked = zip(*(_window_unlock(folder, passphrase) for _ in range(runs)))
    print(f"the window: passphrase given -> Today shown {statistics.median(shown):.0f} ms "
          f"(with the production KDF ~{statistics.median(shown) - kdf_own + kdf_prod:.0f} ms); "
          f"-> whole-file check done {statistics.median(checked):.0f} ms; {_load()}")


def _window_unlock(folder: Path, passphrase: str) -> tuple[float, float]:
    """The real main window (offscreen): ms until Today is shown, and until the check behind it ends."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    from views.main_window import MainWindow

    window = MainWindow(folder)
    window.start()
    window.show()
    t0 = time.perf_counter()
    window._unlock(passphrase)
    while not window.is_unlocked:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()  # Today painted
    shown = (time.perf_counter() - t0) * 1000
    while window.vault._check is not None and not window.vault._check.done.is_set():
        app.processEvents()
        time.sleep(0.005)
    checked = (time.perf_counter() - t0) * 1000
    window.close()
    return shown, checked


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--vault", type=Path, default=None, help="a kept big vault's folder (only part 3)")
    parser.add_argument("--passphrase", default="benchmark passphrase, not a secret",
                        help="its passphrase (default: bench_privacy.py's)")
    args = parser.parse_args()
    if args.vault is not None:
        big_vault(args.vault, args.passphrase, args.runs)
        return
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    # An installed app has its bytecode compiled: let the warm-up runs write it (outside the tree).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pycache = tempfile.TemporaryDirectory(prefix="milieu-bench-pycache-")
    env["PYTHONPYCACHEPREFIX"] = pycache.name

    from app.keyfile import DEFAULT_KDF
    from app.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "vault"
        t0 = time.perf_counter()
        vault = Vault(data_dir)
        vault.create(PASSPHRASE, site_name="Site de mesure", worker_name="Personne fictive", kdf_params=DEFAULT_KDF)
        create_ms = (time.perf_counter() - t0) * 1000
        vault.lock()

        # Warm the OS file cache once for both, then interleave the runs.
        time_until_shown(BARE_CHILD, [], env)
        time_until_shown(MILIEU_CHILD, [str(data_dir)], env)
        bare, milieu = [], []
        for _ in range(args.runs):
            bare.append(time_until_shown(BARE_CHILD, [], env))
            milieu.append(time_until_shown(MILIEU_CHILD, [str(data_dir)], env))
        bare_ms, milieu_ms = statistics.median(bare), statistics.median(milieu)
        print(f"platform: {args.platform}, runs: {args.runs} (median)")
        print(f"cold start, bare PySide6 window shown:   {bare_ms:7.0f} ms")
        print(f"cold start, Milieu unlock window shown:  {milieu_ms:7.0f} ms")
        print(f"ratio Milieu / bare: {milieu_ms / bare_ms:.2f}x (goal <= 1.5x)")

        in_process = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            vault.unlock(PASSPHRASE)
            in_process.append((time.perf_counter() - t0) * 1000)
            vault.lock()
        fresh = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", UNLOCK_CHILD, str(data_dir), PASSPHRASE], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout.split()
            fresh.append((float(out[0]), float(out[1])))
        kdf = ", ".join(f"{k}={v}" for k, v in DEFAULT_KDF.items())
        print(f"Argon2id: {kdf}")
        print(f"vault creation: {create_ms:.0f} ms")
        print(f"unlock (KDF + integrity check + schema check), warm process: {statistics.median(in_process):.0f} ms "
              f"(goal < 1000 ms)")
        print(f"first unlock in a fresh process: import of the vault layer {statistics.median(f[0] for f in fresh):.0f} ms"
              f" + unlock {statistics.median(f[1] for f in fresh):.0f} ms")


if __name__ == "__main__":
    main()
