"""Tests reading ../shared skip on a laptop without it, but fail under CI=true (never a silent pass)."""
from __future__ import annotations

import pytest

from tests.shared_data import needs


def _a_test():
    return "ran"


def test_a_missing_shared_folder_fails_the_test_under_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    wrapped = needs(tmp_path / "absent")(_a_test)
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        wrapped()


def test_a_missing_shared_folder_skips_the_test_outside_ci(monkeypatch, tmp_path):
    monkeypatch.delenv("CI", raising=False)
    wrapped = needs(tmp_path / "absent")(_a_test)
    assert [m.name for m in wrapped.pytestmark] == ["skip"]


def test_a_present_shared_folder_runs_the_test(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    assert needs(tmp_path)(_a_test)() == "ran"
