"""Worker -> coordination: round trip, refusals, replay, gaps, edits and deletes, privacy."""
from __future__ import annotations

import json

import pytest

from app.sync import envelope, export, importer, keys, privacy
from app.sync import errors as E
from bundle_kit import (
    Pair, add_contact, add_person, coordination_records, coordination_state, delete_contact, edit_contact,
    edit_person, export_to, import_bytes, make_coordination, pair,
)


@pytest.fixture
def link(make_vault, tmp_path):
    worker = make_vault("worker", site="Bibliothèque de Drummondville", worker="Alex Test")
    coord = make_coordination(tmp_path / "coord")
    pair(worker, coord)
    yield Pair(worker, coord, tmp_path / "usb")
    coord.lock()


def _decrypted(link: Pair, data: bytes) -> dict:
    with link.coord.session() as s:
        return importer.verify(s, data).payload.doc


def test_round_trip_carries_contacts_and_pseudonymous_people(link):
    person = add_person(link.worker, "Grand Marc casquette rouge")
    contact = add_contact(link.worker, [person])
    result = export_to(link.worker, link.out)
    assert result.path.name.startswith("milieu-bibliotheque-de-drummondville-")
    assert "-seq000001-2026-W" in result.path.name and result.path.suffix == ".bundle"

    clear = result.path.read_bytes()
    for marker in ("Drummondville", "Alex Test", "Grand Marc", contact, person):
        assert marker.encode() not in clear  # nothing readable outside the encryption
    outcome = import_bytes(link.coord, result.path.read_bytes())
    assert outcome.status == importer.IMPORTED and outcome.warnings == []
    contacts = coordination_records(link.coord, "contact")
    people = coordination_records(link.coord, "person")
    assert set(contacts) == {contact}
    (pseudo,) = people
    assert pseudo.startswith("p-") and person not in pseudo
    assert json.loads(contacts[contact].data)["person_uids"] == [pseudo]
    assert json.loads(contacts[contact].data)["duration_min"] == 15


def test_pending_counts_then_nothing_pending_after_export(link):
    person = add_person(link.worker, "Petite Julie")
    add_contact(link.worker, [person])
    with link.worker.session() as s:
        assert export.pending_counts(s) == {"person": {"changed": 1, "deleted": 0}, "contact": {"changed": 1, "deleted": 0}}
    export_to(link.worker, link.out)
    with link.worker.session() as s:
        assert export.pending_counts(s) == {}


def test_edits_and_deletions_update_the_coordination_copy(link):
    person = add_person(link.worker, "Monsieur Vélo")
    kept = add_contact(link.worker, [person])
    gone = add_contact(link.worker, [person])
    import_bytes(link.coord, export_to(link.worker, link.out).path.read_bytes())

    edit_contact(link.worker, kept, duration_min=45)
    delete_contact(link.worker, gone)
    second = export_to(link.worker, link.out)
    assert second.counts["contact"] == {"changed": 1, "deleted": 1}
    import_bytes(link.coord, second.path.read_bytes())

    contacts = coordination_records(link.coord, "contact")
    assert json.loads(contacts[kept].data)["duration_min"] == 45 and contacts[kept].version == 2
    assert contacts[gone].deleted and contacts[gone].data is None


def test_replay_is_a_no_op_reported_as_already_imported(link):
    add_person(link.worker, "Madame Parapluie")
    data = export_to(link.worker, link.out).path.read_bytes()
    assert import_bytes(link.coord, data).status == importer.IMPORTED
    before = coordination_state(link.coord)
    assert import_bytes(link.coord, data).status == importer.ALREADY_IMPORTED
    assert coordination_state(link.coord) == before


def test_gap_is_imported_with_a_warning_naming_the_missing_numbers(link):
    files = []
    for i in range(4):
        add_person(link.worker, f"Personne {i}")
        files.append(export_to(link.worker, link.out).path.read_bytes())
    import_bytes(link.coord, files[0])
    result = import_bytes(link.coord, files[3])
    assert result.status == importer.IMPORTED
    assert result.missing == [2, 3]
    assert any("2-3" in w for w in result.warnings)
    with link.coord.session() as s:
        assert importer.missing_sequences(s, importer.workers(s)[0].id) == [2, 3]
    # The late ones fill the gap without warnings.
    assert import_bytes(link.coord, files[1]).warnings == []
    assert import_bytes(link.coord, files[2]).warnings == []
    assert len(coordination_records(link.coord, "person")) == 4


def test_full_refresh_rebuilds_the_copy(link):
    person = add_person(link.worker, "Ti-Gus")
    add_contact(link.worker, [person])
    export_to(link.worker, link.out)  # never imported: lost on the way
    full = export_to(link.worker, link.out, full=True)
    assert full.sequence == 2 and full.full
    result = import_bytes(link.coord, full.path.read_bytes())
    assert result.missing == [1]
    assert len(coordination_records(link.coord, "person")) == 1
    assert len(coordination_records(link.coord, "contact")) == 1


def test_pseudonyms_are_stable_across_bundles_and_differ_between_workers(link, make_vault, tmp_path):
    person = add_person(link.worker, "Le Grand")
    import_bytes(link.coord, export_to(link.worker, link.out).path.read_bytes())
    first = set(coordination_records(link.coord, "person"))
    edit_person(link.worker, person, age_bracket="35_44")
    import_bytes(link.coord, export_to(link.worker, link.out).path.read_bytes())
    assert set(coordination_records(link.coord, "person")) == first

    other = make_vault("worker2", worker="Sam Test")
    pair(other, link.coord)
    with other.session() as s:
        other_secret = keys.pseudonym_secret(s)
    with link.worker.session() as s:
        secret = keys.pseudonym_secret(s)
    assert privacy.pseudonym(secret, person) in first
    assert privacy.pseudonym(other_secret, person) not in first


def test_nothing_personal_leaves_without_consent_and_supervision_mark(link):
    person = add_person(link.worker, "ALIASMARKER", notes="NOTESMARKER", first_name="FIRSTMARKER")
    add_contact(link.worker, [person], notes="CONTACTNOTEMARKER", marked=True)
    data = export_to(link.worker, link.out).path.read_bytes()
    doc_text = json.dumps(_decrypted(link, data), ensure_ascii=False)
    for marker in ("ALIASMARKER", "NOTESMARKER", "FIRSTMARKER", "CONTACTNOTEMARKER", person):
        assert marker.encode() not in data
        assert marker not in doc_text


def test_consent_and_mark_together_share_the_alias(link):
    consenting = add_person(link.worker, "ALIASOK", consent="full")
    unmarked = add_person(link.worker, "ALIASUNMARKED", consent="full")
    add_contact(link.worker, [consenting], notes="NOTEOK", marked=True)
    add_contact(link.worker, [unmarked], notes="NOTEUNMARKED", marked=False)
    doc_text = json.dumps(_decrypted(link, export_to(link.worker, link.out).path.read_bytes()), ensure_ascii=False)
    assert "ALIASOK" in doc_text and "NOTEOK" in doc_text
    assert "ALIASUNMARKED" not in doc_text and "NOTEUNMARKED" not in doc_text


def test_alias_consent_shares_the_alias_but_not_first_name_or_notes(link):
    person = add_person(link.worker, "ALIASONLY", notes="NOTESHIDDEN", first_name="FIRSTHIDDEN", consent="alias")
    add_contact(link.worker, [person], notes="CONTACTHIDDEN", marked=True)
    doc_text = json.dumps(_decrypted(link, export_to(link.worker, link.out).path.read_bytes()), ensure_ascii=False)
    assert "ALIASONLY" in doc_text
    for marker in ("NOTESHIDDEN", "FIRSTHIDDEN", "CONTACTHIDDEN"):
        assert marker not in doc_text


def test_withdrawn_consent_removes_the_alias_from_the_copy(link):
    person = add_person(link.worker, "ALIASGONE", consent="full")
    add_contact(link.worker, [person], notes="NOTEGONE", marked=True)
    import_bytes(link.coord, export_to(link.worker, link.out).path.read_bytes())
    assert "ALIASGONE" in next(iter(coordination_records(link.coord, "person").values())).data
    edit_person(link.worker, person, consent_scope="none")
    import_bytes(link.coord, export_to(link.worker, link.out).path.read_bytes())
    assert "ALIASGONE" not in next(iter(coordination_records(link.coord, "person").values())).data
    assert "NOTEGONE" not in next(iter(coordination_records(link.coord, "contact").values())).data


def test_unknown_entities_and_fields_are_left_out(link):
    import json as _json
    from models.base import utcnow
    from models.history import RecordVersion

    with link.worker.session() as s:
        s.add(RecordVersion(entity="secret_diary", uid="d1", version=1, op="create", changed_at=utcnow(),
                            data=_json.dumps({"text": "DIARYMARKER"}), changed_fields=""))
        s.add(RecordVersion(entity="contact", uid="c9", version=1, op="create", changed_at=utcnow(),
                            data=_json.dumps({"occurred_at": "2026-11-24T10:00:00", "new_column": "COLMARKER"}),
                            changed_fields=""))
    data = export_to(link.worker, link.out).path.read_bytes()
    doc = _decrypted(link, data)
    assert doc["withheld"] == {"secret_diary": 1}
    assert "DIARYMARKER" not in json.dumps(doc) and "COLMARKER" not in json.dumps(doc)


def test_failed_export_records_nothing_and_can_be_retried(link, tmp_path):
    from datetime import date

    from app.sync import payload

    add_person(link.worker, "Réessai")
    with pytest.raises(E.NotConfigured):
        with link.worker.session() as s:
            export.export_bundle(s, tmp_path / "missing" / "folder")
    # The target name is taken by a folder: the atomic write fails at its last step.
    link.out.mkdir()
    with link.worker.session() as s:
        name = export.file_name("Bibliothèque de Drummondville", keys.own_identity(s).short_id, 1,
                                payload.iso_week(date.today()))
    (link.out / name).mkdir()
    with pytest.raises(OSError):
        with link.worker.session() as s:
            export.export_bundle(s, link.out)
    with link.worker.session() as s:
        assert export.history(s) == []
        assert export.pending_counts(s)["person"]["changed"] == 1
    assert [p.name for p in link.out.iterdir()] == [name]  # no temp file left behind
    (link.out / name).rmdir()
    retry = export_to(link.worker, link.out)
    assert retry.sequence == 1 and retry.record_count == 1


def test_an_earlier_bundle_can_be_written_again_identically(link, tmp_path):
    add_person(link.worker, "Copie")
    first = export_to(link.worker, link.out)
    export_to(link.worker, link.out)
    again_dir = tmp_path / "again"
    again_dir.mkdir()
    with link.worker.session() as s:
        again = export.rewrite(s, 1, again_dir)
    assert again.name == first.path.name
    assert again.read_bytes() == first.path.read_bytes()
    assert oct(again.stat().st_mode & 0o777) == "0o600"


def test_each_bundle_chains_to_the_previous_one(link):
    add_person(link.worker, "Un")
    first = export_to(link.worker, link.out)
    add_person(link.worker, "Deux")
    second = export_to(link.worker, link.out)
    doc = _decrypted(link, second.path.read_bytes())
    assert doc["previous_sha256"] == first.sha256 == envelope.sha256_hex(first.path.read_bytes())
    assert doc["sequence"] == 2 and doc["weeks"][-1] in second.path.name


# ---- refusals: nothing imported --------------------------------------------
def _refused(link: Pair, data: bytes, error: type[E.BundleRejected]) -> None:
    before = coordination_state(link.coord)
    with pytest.raises(error):
        import_bytes(link.coord, data)
    assert coordination_state(link.coord) == before


def test_unknown_signer_is_refused(link, make_vault):
    stranger = make_vault("stranger")
    with link.coord.session() as s:
        coord_text = keys.own_identity(s).to_text().encode()
    with stranger.session() as s:
        export.set_partner(s, keys.parse_public_file(coord_text))
    add_person(stranger, "Inconnu")
    _refused(link, export_to(stranger, link.out).path.read_bytes(), E.UnknownSigner)


def test_wrong_recipient_is_refused(link, tmp_path):
    other_coord = make_coordination(tmp_path / "other-coord")
    try:
        with other_coord.session() as s:
            other_text = keys.own_identity(s).to_text().encode()
        with link.worker.session() as s:
            export.set_partner(s, keys.parse_public_file(other_text))
        add_person(link.worker, "Ailleurs")
        _refused(link, export_to(link.worker, link.out).path.read_bytes(), E.WrongRecipient)
    finally:
        other_coord.lock()


def test_truncated_extended_and_altered_files_are_refused(link):
    add_person(link.worker, "Intègre")
    data = export_to(link.worker, link.out).path.read_bytes()
    _refused(link, data[:-1], E.Truncated)
    _refused(link, data[:50], E.Truncated)
    _refused(link, data + b"\0", E.TrailingData)
    altered = bytearray(data)
    altered[envelope.HEADER_SIZE + 40] ^= 0x01
    _refused(link, bytes(altered), E.BadSignature)
    resequenced = bytearray(data)
    resequenced[31] ^= 0x02  # sequence number in the header
    _refused(link, bytes(resequenced), E.BadSignature)
    _refused(link, b"PK\x03\x04 not a bundle", E.NotABundle)


def test_bad_signature_from_a_trusted_header_is_refused(link):
    add_person(link.worker, "Signé")
    data = bytearray(export_to(link.worker, link.out).path.read_bytes())
    data[-1] ^= 0x80
    _refused(link, bytes(data), E.BadSignature)


def test_a_worker_vault_refuses_to_import(link):
    add_person(link.worker, "Mauvais côté")
    data = export_to(link.worker, link.out).path.read_bytes()
    with pytest.raises(E.NotConfigured):
        with link.worker.session() as s:
            importer.import_bundle(s, data)


def test_private_keys_live_only_inside_the_encrypted_database(link):
    with link.worker.session() as s:
        from models.sync import SyncKey

        secrets = [k.secret for k in s.query(SyncKey)]
    assert len(secrets) == 2
    for path in link.worker.paths.root.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert not any(secret in blob for secret in secrets)


def test_demo_floor_data_round_trips_without_unconsented_aliases(link):
    """The floor's own snapshots (app.demo via app.history): contacts, people, supplies."""
    from sqlalchemy import func, select

    from app import demo
    from models.contacts import Contact
    from models.people import Person

    with link.worker.session() as s:
        demo.generate(s, weeks=3, seed=7)
        live_contacts = s.scalar(select(func.count()).select_from(Contact).where(Contact.deleted_at.is_(None)))
        hidden = [p.alias for p in s.scalars(select(Person).where(Person.consent_scope == "none"))]
    result = export_to(link.worker, link.out)
    data = result.path.read_bytes()
    doc_text = json.dumps(_decrypted(link, data), ensure_ascii=False)
    assert hidden and not any(alias in doc_text for alias in hidden)
    import_bytes(link.coord, data)
    contacts = coordination_records(link.coord, "contact")
    assert sum(not r.deleted for r in contacts.values()) == live_contacts
    sample = json.loads(next(r.data for r in contacts.values() if r.data))
    assert all(uid.startswith("p-") for uid in sample["person_uids"])
    assert isinstance(sample["supplies"], list)


def test_another_trusted_worker_cannot_claim_a_bundle_as_its_own(link, make_vault):
    add_person(link.worker, "Original")
    data = export_to(link.worker, link.out).path.read_bytes()
    other = make_vault("worker2", worker="Sam Test")
    pair(other, link.coord)
    with other.session() as s:
        other_key = keys.signing_key(s)
        other_id = keys.own_identity(s).signing_key_id
    header = data[:32] + other_id + data[64 : envelope.HEADER_SIZE]
    ciphertext = data[envelope.HEADER_SIZE : -envelope.SIGNATURE_SIZE]
    stolen = header + ciphertext + other_key.sign(envelope.signed_message(header, ciphertext))
    _refused(link, stolen, E.DecryptionFailed)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_saved_share_context_gives_the_same_bundle_as_a_full_rebuild(link, seed):
    """Consent and supervision marks change at random between bundles: the context kept
    from the previous bundle must filter exactly like one rebuilt from the whole log."""
    import random

    from app import settings

    rng = random.Random(seed)
    persons, contacts = [], []
    for step in range(40):
        action = rng.random()
        if action < 0.25 or not persons:
            persons.append(add_person(link.worker, f"ALIAS{step}", notes=f"NOTE{step}",
                                      consent=rng.choice(["none", "alias", "full"])))
        elif action < 0.5:
            contacts.append(add_contact(link.worker, rng.sample(persons, k=min(len(persons), rng.randint(1, 2))),
                                        notes=f"CNOTE{step}", marked=rng.random() < 0.5))
        elif action < 0.65:
            edit_person(link.worker, rng.choice(persons), consent_scope=rng.choice(["none", "alias", "full"]))
        elif action < 0.8 and contacts:
            edit_contact(link.worker, rng.choice(contacts), share_with_supervision=rng.random() < 0.5)
        elif contacts:
            delete_contact(link.worker, contacts.pop(rng.randrange(len(contacts))))
        if step % 5 == 4:
            with link.worker.session() as s:
                previous = export.last_sent(s)
                after = previous.last_change_id if previous else 0
                secret = keys.pseudonym_secret(s)
                if previous is not None:  # the context saved with the previous bundle is current
                    assert json.loads(settings.get(s, export.SHARE_CACHE))["last_change_id"] == after
                kept = export._collect(s, False, after, secret)[0]
                settings.set_many(s, {export.SHARE_CACHE: ""})
                rebuilt = export._collect(s, False, after, secret)[0]
                assert kept == rebuilt
            export_to(link.worker, link.out)


def test_importing_several_files_one_transaction_each(link):
    files = []
    for i in range(3):
        add_person(link.worker, f"Lot {i}")
        files.append(export_to(link.worker, link.out).path.read_bytes())
    items = [("1.bundle", files[0]), ("cut.bundle", files[1][:-3]), ("3.bundle", files[2]), ("1-again.bundle", files[0])]
    results = dict(importer.import_many(link.coord, items))
    assert results["1.bundle"].status == importer.IMPORTED
    assert isinstance(results["cut.bundle"], E.Truncated)
    assert results["3.bundle"].missing == [2]
    assert results["1-again.bundle"].status == importer.ALREADY_IMPORTED
    with link.coord.session() as s:
        assert importer.missing_sequences(s, importer.workers(s)[0].id) == [2]
    assert len(coordination_records(link.coord, "person")) == 2
    assert dict(importer.import_many(link.coord, [("2.bundle", files[1])]))["2.bundle"].warnings == []
    assert len(coordination_records(link.coord, "person")) == 3


def test_unsent_changes_restart_from_zero_after_a_bundle(link):
    uid = add_person(link.worker, "Compteur")
    edit_person(link.worker, uid, notes="deuxième version")
    with link.worker.session() as s:
        assert export.unsent_changes(s) == 2  # two changes, one record
    export_to(link.worker, link.out)
    with link.worker.session() as s:
        assert export.unsent_changes(s) == 0
    edit_person(link.worker, uid, notes="troisième version")
    with link.worker.session() as s:
        assert export.unsent_changes(s) == 1
