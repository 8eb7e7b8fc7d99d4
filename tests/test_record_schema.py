"""One record schema (issue 9 item 6, issue 10 item 6): declared once, it drives the
history snapshots, the bundle policy, the import checks and docs/bundle-format.md."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.records import document, schema
from app.sync import canonical, payload, privacy
from app.sync import errors as E
from app.sync.payload import FORMAT
from models.history import RecordVersion
from test_bundle_payload_refusals import _doc, _refused, _sealed, kit  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[1]
SPEC = (ROOT / "docs" / "bundle-format.md").read_text("utf-8")
PSEUDO = "p-" + "a" * 32


def test_the_bundle_policy_is_the_schema():
    assert privacy.POLICY == schema.privacy_policy()
    for entity, rules in privacy.POLICY.items():
        for name, rule in rules.items():
            field = schema.BY_NAME[entity][name]
            assert field.personal == (rule in (privacy.PERSON, privacy.ALIAS, privacy.IDENTITY)), (entity, name)


def test_the_spec_lists_every_field_of_data_as_declared():
    assert document.section() in SPEC, "regenerate section 5.5: python -m app.records.document"
    for entity, fields in schema.ENTITIES.items():
        for f in fields:
            if f.shared:
                assert f"| `{f.name}` |" in SPEC


def test_history_snapshots_hold_exactly_the_declared_fields(vault):
    """Every entity's snapshots, through the services and the demo's bulk path."""
    from app import codes, demo
    from app.activity import presence
    from app.activity.demo import generate as activity_demo
    from app.directory.sample import demo_referrals, import_sample

    with vault.session() as s:
        stats = demo.generate(s, weeks=3, seed=4)
    with vault.session() as s:
        import_sample(s)
        demo_referrals(s, seed=4)
    with vault.session() as s:
        activity_demo(s, stats.start, stats.end, seed=4)
    with vault.session() as s:
        codes.add_item(s, "theme", "Thème d'essai", label_en="Test theme")
        presence.set_hours(s, presence.monday(stats.end), "week", 600, 120)
        from app.evaluation import survey, visits  # the evaluation's entities (issue 13)
        from app.evaluation.baseline import import_incidents, parse

        import_incidents(s, parse("date,intensity\n2024-03-02,3\n", "i.csv")[0], "i.csv")
        visits.set_visits(s, stats.end.replace(day=1), "month", 20000)
        survey.record(s, {"feel_safe": 4}, answered_on=stats.end)
    seen = set()
    with vault.session() as s:
        for entity, data in s.execute(select(RecordVersion.entity, RecordVersion.data)):
            seen.add(entity)
            assert set(json.loads(data)) == set(schema.snapshot_fields(entity)), entity
    assert seen == set(schema.ENTITIES)


def test_history_screen_names_every_declared_field(qapp):
    from views.floor.history_dialog import field_names

    names = field_names()
    for entity in ("person", "contact"):
        for f in schema.fields(entity):
            if f.name not in ("uid", "version", "created_at", "updated_at", "deleted_at") and not f.legacy:
                assert f.name in names, (entity, f.name)


BAD = [
    ("contact", {"person_uids": 5}, "person_uids"),
    ("contact", {"person_uids": [{"a": "b"}]}, "person_uids"),
    ("referral", {"status": ["x"]}, "status"),
    ("contact", {"occurred_at": "9999-12-31T23:59:59-05:00"}, "occurred_at"),
    ("contact", {"duration_min": "20"}, "duration_min"),
    ("contact", {"supplies": [["item-1", "3"]]}, "supplies"),
    ("contact", {"notes": "x" * (schema.NOTES + 1)}, "notes"),
    ("contact", {"favourite_colour": "blue"}, "favourite_colour"),
    ("person", {"merged_into_uid": "not-a-pseudonym"}, "merged_into_uid"),
    ("stock_movement", {"note": "stays local"}, "note"),
    ("gadget", {"x": 1}, "-"),
]


@pytest.mark.parametrize("entity, data, field", BAD)
def test_a_trusted_workers_malformed_record_refuses_the_bundle(kit, entity, data, field):  # noqa: F811
    coord, _, signer_id, identity = kit
    good = {"entity": "contact", "uid": "c-0", "version": 1, "deleted": False,
            "changed_at": "2026-11-20T10:00:00Z", "data": {"duration_min": 5, "person_uids": [PSEUDO]}}
    bad = {"entity": entity, "uid": "x-1", "version": 1, "deleted": False,
           "changed_at": "2026-11-20T10:00:00Z", "data": data}
    records = sorted([good, bad], key=lambda r: (r["entity"], r["uid"]))
    counts = {}
    for r in records:
        counts.setdefault(r["entity"], {"changed": 0, "deleted": 0})["changed"] += 1
    body = canonical.encode(_doc(signer_id, identity.receiving_key_id, records=records, counts=counts))
    data_bytes = _sealed(kit, body)
    _refused(kit, data_bytes, E.RecordInvalid)
    from bundle_kit import import_bytes

    with pytest.raises(E.RecordInvalid) as caught:
        import_bytes(coord, data_bytes)
    assert f"record {entity} x-1, field {field}" in str(caught.value)


def test_the_report_still_works_after_a_refused_bundle(kit, tmp_path):  # noqa: F811
    coord, _, signer_id, identity = kit
    rec = {"entity": "contact", "uid": "c-1", "version": 1, "deleted": False,
           "changed_at": "2026-11-20T10:00:00Z", "data": {"person_uids": 5, "occurred_at": "2026-11-20T10:00:00"}}
    body = canonical.encode(_doc(signer_id, identity.receiving_key_id, records=[rec]))
    _refused(kit, _sealed(kit, body), E.RecordInvalid)
    from app.report import coordination, period

    with coord.session() as s:
        coordination.report(s, period.custom(date(2026, 11, 1), date(2026, 11, 30)), None, lang="fr", today=date(2026, 12, 1))


def test_more_records_than_the_limit_are_refused_before_import(kit, monkeypatch):  # noqa: F811
    coord, _, signer_id, identity = kit
    monkeypatch.setattr(payload, "MAX_RECORDS", 3)
    records = [{"entity": "contact", "uid": f"c-{i}", "version": 1, "deleted": False,
                "changed_at": "2026-11-20T10:00:00Z", "data": {"duration_min": 5}} for i in range(4)]
    body = canonical.encode(_doc(signer_id, identity.receiving_key_id, records=records,
                                 counts={"contact": {"changed": 4, "deleted": 0}}))
    _refused(kit, _sealed(kit, body), E.TooLarge)


def test_a_million_tiny_objects_are_refused_before_parsing(kit):  # noqa: F811
    coord, _, signer_id, identity = kit
    rec = {"entity": "contact", "uid": "c-1", "version": 1, "deleted": False,
           "changed_at": "2026-11-20T10:00:00Z", "data": {"types": [[]] * (payload.MAX_CONTAINERS + 1)}}
    text = canonical.encode(_doc(signer_id, identity.receiving_key_id)).replace(b'"data":{"duration_min":5}', b'"data":' + canonical.encode(rec["data"]))
    _refused(kit, _sealed(kit, text), E.TooLarge)


def test_the_limits_are_documented():
    from app.sync import envelope

    assert f"{payload.MAX_RECORDS:,}" in SPEC and f"{payload.MAX_CONTAINERS:,}" in SPEC
    assert f"{envelope.MAX_PAYLOAD // 2**20} MiB" in SPEC
