"""A process that may hold the vault key never leaves a core dump (DESIGN 4: no crash dumps)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

resource = pytest.importorskip("resource")
ROOT = Path(__file__).resolve().parents[1]


def test_a_process_opening_a_vault_cannot_dump_core(tmp_path):
    # A fresh interpreter that allows core files as far as it may, as a desktop session does.
    script = (
        "import resource\n"
        "hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"
        "resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
        "from app.vault import Vault\n"
        f"Vault({str(tmp_path / 'data')!r})\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "(0, 0)"


@pytest.mark.parametrize("entry", ["cli", "gui"])
def test_entry_points_forbid_core_dumps_before_anything_else(tmp_path, entry):
    # Before any vault object exists: the unlock screen and MILIEU_PASSPHRASE come first.
    start = (
        "import views.app_main as gui\n"
        "gui.run_gui = lambda argv: print(resource.getrlimit(resource.RLIMIT_CORE)) or 0\n"
        "from views.launcher import main\n"
        "main([])\n"
        if entry == "gui" else
        "from app.cli import main\n"
        "main(['demo', '--weeks', '0'])\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    script = (
        "import resource\n"
        "hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"
        "resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n" + start
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, env=env)
    assert out.stdout.strip().splitlines()[-1] == "(0, 0)", out.stderr
