"""Canonical JSON encoded and decoded in parts (so the GIL passes between them) gives the
same bytes and the same values as one call of the standard library, and refuses the same."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sync import canonical

KEYS = st.text(alphabet="abcdefghij_0123456789", min_size=1, max_size=6)
SCALARS = st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=8)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=12) | st.dictionaries(KEYS, inner, max_size=8),
    max_leaves=200,
)


def _one_call(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@pytest.fixture
def tiny_parts(monkeypatch):
    """Parts of a few nodes: every value of the test is split at every level."""
    monkeypatch.setattr(canonical, "PIECE", 3)
    monkeypatch.setattr(canonical, "SMALL", 1)
    monkeypatch.setattr(canonical, "SPLIT_DEPTH", 6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=VALUES)
def test_parts_give_the_bytes_of_one_call(tiny_parts, value):
    data = canonical.encode(value)
    assert data == _one_call(value)
    assert canonical.decode(data) == value


def test_a_bundle_sized_document_is_the_same_in_parts():
    records = [{"entity": "contact", "uid": f"u{i:06d}", "version": 1, "deleted": False,
                "data": {"types": ["listening", "é"], "n": i, "notes": None}} for i in range(30_000)]
    doc = {"records": records, "big": {f"k{i}": [i] * 3 for i in range(30_000)}, "z": "fin"}
    data = canonical.encode(doc)
    assert data == _one_call(doc)
    assert canonical.decode(data) == doc


@pytest.mark.parametrize("text, why", [
    (b'{"a":1, "b":2}', "canonical form"),
    (b'{"b":1,"a":2}', "canonical form"),
    (b'{"a":1,"a":1}', "duplicate key"),
    (b'{"a":[1,2.5]}', "non-integer"),
    (b'{"a":[1,2]', "not valid JSON"),
    (b'{"a":[1,2]}x', "not valid JSON"),
    (b'{"a":"\\ud800"}', "not valid Unicode"),
    (b'{"a":9007199254740993}', "out of range"),
])
def test_parts_refuse_what_one_call_refused(tiny_parts, text, why):
    with pytest.raises(canonical.NotCanonical, match=why):
        canonical.decode(text)
