"""Package figures (prints; asserts nothing): sizes before and after trimming, cold start.

1. Unpacked size of the PyInstaller folder, untrimmed (MILIEU_FULL_BUILD=1: every Qt
   module and plugin PyInstaller finds, system libraries bundled) and trimmed (what
   packaging/build-deb ships); the compressed size of each (xz, as in the .deb), and
   the real .deb when packaging/build-deb has made one. Goal: trimmed < 150 MB.
2. Cold start until the window is shown (a vault exists: the unlock screen), the
   packaged app against the same from source (.venv/bin/milieu), alternating, each
   run a new process, in one run. Goal: packaged <= 1.3x source.

    .venv/bin/python benchmarks/bench_package.py [--runs 7] [--rebuild] [--skip-full]

Builds what is missing (about 3-5 minutes per build on a laptop): the trimmed folder
where packaging/build-deb puts it (build/pyinstaller/), the untrimmed in build/bench/.
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
BENCH = ROOT / "build" / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
SOURCE_APP = ROOT / ".venv" / "bin" / "milieu"


def build(name: str, full: bool, rebuild: bool) -> Path:
    # The trimmed folder is packaging/build-deb's own: what the .deb ships.
    work = BENCH / name if full else ROOT / "build" / "pyinstaller"
    folder = work / "dist" / "milieu"
    if rebuild or not (folder / "milieu").exists():
        env = dict(os.environ, MILIEU_FULL_BUILD="1" if full else "0")
        print(f"building the {name} folder...", flush=True)
        subprocess.run(
            [str(PYTHON), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", str(folder.parent), "--workpath", str(work / "work"),
             str(ROOT / "packaging" / "milieu.spec")],
            cwd=ROOT, env=env, check=True,
        )
    return folder


def unpacked_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def xz_mb(folder: Path) -> float:
    tar = subprocess.Popen(["tar", "-C", str(folder.parent), "-cf", "-", folder.name], stdout=subprocess.PIPE)
    xz = subprocess.run(["xz", "-6", "-T1", "-c"], stdin=tar.stdout, capture_output=True, check=True)
    tar.wait()
    return len(xz.stdout) / 1e6


def time_until_shown(command: list[str], data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MILIEU_SMOKE_SECONDS="0", MILIEU_DATA_DIR=str(data_dir))
    env.pop("MILIEU_PASSPHRASE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.communicate(timeout=60)
    if "window shown" not in line:
        raise RuntimeError(f"{command[0]} did not show its window ({line.strip()!r})")
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="build both folders again")
    parser.add_argument("--skip-full", action="store_true", help="do not build nor measure the untrimmed folder")
    args = parser.parse_args()

    trimmed = build("trimmed", full=False, rebuild=args.rebuild)
    folders = {"trimmed": trimmed}
    if not args.skip_full:
        folders = {"untrimmed": build("untrimmed", full=True, rebuild=args.rebuild), **folders}
    print("\n1. Sizes (MB = 10^6 bytes)")
    for name, folder in folders.items():
        print(f"   {name:<10} unpacked {unpacked_mb(folder):6.1f} MB   xz-compressed {xz_mb(folder):5.1f} MB")
    debs = sorted((ROOT / "build" / "deb").glob("milieu_*.deb"))
    if debs:
        print(f"   .deb       {debs[-1].name}: {debs[-1].stat().st_size / 1e6:.1f} MB (packaging/build-deb)")
    print("   goal: trimmed < 150 MB unpacked")

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = dict(os.environ, MILIEU_PASSPHRASE="benchmark passphrase, synthetic only")
        subprocess.run([str(SOURCE_APP), "--data-dir", str(data), "init", "--site", "Banc d'essai", "--worker", "Essai"],
                       env=env, check=True, capture_output=True)
        commands = {"packaged": [str(trimmed / "milieu")], "source": [str(SOURCE_APP)]}
        for command in commands.values():
            time_until_shown(command, data)  # warm the page cache: "cold" means a new process
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(time_until_shown(command, data))
    packaged, source = (statistics.median(times[n]) for n in ("packaged", "source"))
    print(f"\n2. Cold start until the unlock window is shown, median of {args.runs} (offscreen)")
    for name in commands:
        print(f"   {name:<9} {statistics.median(times[name]):6.0f} ms   (min {min(times[name]):.0f}, max {max(times[name]):.0f})")
    print(f"   ratio packaged/source: {packaged / source:.2f}   goal: <= 1.3")


if __name__ == "__main__":
    sys.exit(main())
