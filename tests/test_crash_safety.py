"""kill -9 at random moments never loses an acknowledged write nor damages the file."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from app.vault import Vault
from models import AuditEvent
from tests.conftest import PASSPHRASE

ROUNDS = 20
ROOT = Path(__file__).resolve().parent.parent


def _count(vault: Vault) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.kind == "crash-test"))


def _counts(path: Path) -> list[int]:
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def test_kill_minus_nine_loses_no_acknowledged_write(vault, tmp_path):
    vault.lock()
    rng = random.Random(20261126)
    acknowledged = 0
    forker = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "crash_writer.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for n in range(ROUNDS):
            counts_file = tmp_path / f"counts-{n}.txt"
            forker.stdin.write(json.dumps([str(vault.paths.root), PASSPHRASE, acknowledged, str(counts_file)]) + "\n")
            forker.stdin.flush()
            writer = int(forker.stdout.readline())
            deadline = time.monotonic() + 30
            while not _counts(counts_file):  # the writer is committing
                assert time.monotonic() < deadline, "crash writer did not start"
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(writer, signal.SIGKILL)
            assert forker.stdout.readline().strip() == "done"
            acknowledged = max(_counts(counts_file))

            reopened = Vault(vault.paths.root)
            reopened.unlock(PASSPHRASE)  # runs cipher_integrity_check
            try:
                assert reopened.check().integrity_ok
                stored = _count(reopened)
            finally:
                reopened.lock()
            # Every acknowledged write is there (one more may have committed unacknowledged).
            assert stored >= acknowledged
            acknowledged = stored
    finally:
        forker.stdin.close()
        forker.wait(timeout=30)
    assert acknowledged > ROUNDS
