"""Startup and unlock figures (prints; asserts nothing).

1. Cold start until the unlock window is shown (a vault exists), each run a new process,
   against a bare PySide6 window measured the same way in the same run. Goal: <= 1.5x.
2. Unlock with the production Argon2id parameters (app.keyfile.DEFAULT_KDF). Goal: < 1 s.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--platform offscreen]
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
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
