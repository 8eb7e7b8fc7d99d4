"""Property: any change to a valid bundle (bit flips, truncation, extension, splices,
header edits) is refused with a documented error code, and a refused import leaves
the coordination vault exactly as it was."""
from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sync import importer
from app.sync import errors as E
from app.vault import Vault
from bundle_kit import (
    FAST_KDF, PASSPHRASE, add_contact, add_person, coordination_state, export_to, import_bytes, make_coordination, pair,
)

DOCUMENTED = {error.code for error in E.ALL_REJECTIONS}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    worker = Vault(root / "worker")
    worker.create(PASSPHRASE, site_name="Bibliothèque de test", worker_name="Intervenant test", kdf_params=FAST_KDF)
    coord = make_coordination(root / "coord")
    pair(worker, coord)
    person = add_person(worker, "Personne fictive")
    add_contact(worker, [person])
    import_bytes(coord, export_to(worker, root / "out").path.read_bytes())
    add_contact(worker, [person], notes="deuxième")
    original = export_to(worker, root / "out").path.read_bytes()
    state = coordination_state(coord)
    yield coord, original, state
    worker.lock()
    coord.lock()


def _mutations(original: bytes):
    n = len(original)
    flip = st.tuples(st.integers(0, n - 1), st.integers(1, 255)).map(
        lambda t: original[: t[0]] + bytes([original[t[0]] ^ t[1]]) + original[t[0] + 1 :]
    )
    truncate = st.integers(0, n - 1).map(lambda k: original[:k])
    extend = st.binary(min_size=1, max_size=200).map(lambda extra: original + extra)
    splice = st.tuples(st.integers(0, n - 1), st.integers(0, 64), st.binary(max_size=64)).map(
        lambda t: original[: t[0]] + t[2] + original[t[0] + t[1] :]
    )
    field = st.tuples(st.sampled_from([8, 10, 12, 14, 16, 17, 24, 96]), st.integers(0, 2**16 - 1)).map(
        lambda t: original[: t[0]] + struct.pack(">H", t[1]) + original[t[0] + 2 :]
    )
    garbage = st.one_of(st.binary(max_size=400), st.binary(max_size=400).map(lambda b: b"MILIEU-B" + b))
    return st.one_of(flip, truncate, extend, splice, field, garbage)


def test_the_original_bundle_verifies(world):
    coord, original, _ = world
    with coord.session() as s:
        assert importer.verify(s, original).sequence == 2


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_change_is_refused_with_a_documented_error_and_nothing_imported(world, data):
    coord, original, state = world
    mutated = data.draw(_mutations(original))
    if mutated == original:
        return
    with pytest.raises(E.BundleRejected) as refused:
        with coord.session() as s:
            importer.verify(s, mutated)
    assert refused.value.code in DOCUMENTED
    with pytest.raises(E.BundleRejected) as refused_again:
        import_bytes(coord, mutated)
    assert refused_again.value.code == refused.value.code
    assert coordination_state(coord) == state


_keys = st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True)
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**53) + 1, 2**53 - 1),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
)
_json = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(value=_json)
def test_canonical_json_round_trips_and_has_one_form(value):
    import json

    from app.sync import canonical

    data = canonical.encode(value)
    assert canonical.decode(data) == value
    assert canonical.encode(canonical.decode(data)) == data
    spaced = json.dumps(value, ensure_ascii=True, sort_keys=False, indent=1).encode()
    if spaced != data:
        with pytest.raises(canonical.NotCanonical):
            canonical.decode(spaced)
