"""Run the real ``milieu`` command in a subprocess (no traceback, no SQLCipher log ever)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MILIEU = str(Path(sys.executable).parent / "milieu")
PASSPHRASE = "phrase de test"


def env_for(passphrase: str | None = PASSPHRASE, extra: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("MILIEU_PASSPHRASE", "MILIEU_DATA_DIR")}
    if passphrase is not None:
        env["MILIEU_PASSPHRASE"] = passphrase
    env.update(extra or {})
    return env


def run(data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE, extra_env=None, timeout: float = 120):
    result = subprocess.run(
        [MILIEU, "--data-dir", str(data_dir), *args], capture_output=True, text=True,
        env=env_for(passphrase, extra_env), stdin=subprocess.DEVNULL, timeout=timeout,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "sqlcipher" not in result.stderr.lower()
    return result


def start(data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE) -> subprocess.Popen:
    """The same command, started and not waited for (concurrency tests)."""
    return subprocess.Popen(
        [MILIEU, "--data-dir", str(data_dir), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env_for(passphrase), stdin=subprocess.DEVNULL,
    )
