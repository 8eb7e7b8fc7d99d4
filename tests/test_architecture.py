"""views -> app -> models: the core never imports Qt, and layers only point downwards."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_and_models_never_import_pyside():
    offenders = []
    for package in ("app", "models", "migrations"):
        for path in (ROOT / package).rglob("*.py"):
            if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_models_do_not_import_app_or_views():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "models").rglob("*.py")
        if any(n.split(".")[0] in ("app", "views") for n in _imports(p))
    ]
    assert offenders == []


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _views_sources():
    for path in sorted((ROOT / "views").rglob("*.py")):
        yield str(path.relative_to(ROOT)), path.read_text("utf-8")


def test_only_the_runner_opens_a_session_in_views():
    import re

    opens = re.compile(r"\.(session|warm_session)\(")
    offenders = sorted(name for name, text in _views_sources() if opens.search(text) and name != "views/ops_runner.py")
    assert offenders == [], "open a session through ctx.ops (read, fetch, run) instead"


def test_views_never_import_models_or_sqlalchemy():
    offenders = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "views").rglob("*.py")
        if any(n.split(".")[0] in ("models", "sqlalchemy") for n in _imports(p))
    )
    assert offenders == []
