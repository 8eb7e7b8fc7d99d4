"""kill -9 at random moments never loses an acknowledged write nor damages the file."""
from __future__ import annotations

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


def test_kill_minus_nine_loses_no_acknowledged_write(vault):
    vault.lock()
    rng = random.Random(20261126)
    acknowledged = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "crash_writer.py"), str(vault.paths.root), PASSPHRASE, str(acknowledged)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        first = child.stdout.readline()  # the child is committing
        assert first.strip(), "crash writer did not start"
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        counts = [int(line) for line in (first + rest).split()]
        acknowledged = max(counts)

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
    assert acknowledged > ROUNDS
