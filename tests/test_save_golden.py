"""Saving, editing and deleting contacts writes exactly what it wrote before the write path was made fast.

A fixed sequence of floor operations (new contacts with people, codes, supplies and
shortages, refusals, edits changing people, codes and supplies, an edit changing
nothing, a retired code kept, a tombstone, a ticked follow-up, a draft dropped, a
referral) runs on a fresh vault; every row it can touch (contacts and their link rows,
people and their counters, stock and movements, drafts, referrals, record_version with
its canonical JSON snapshots) and what each operation returned are compared with
tests/golden/save_sequence.json, recorded with the ORM write path (commit 080ef25; since then
only the people an edit names changed: none when its people and time stay, as their counters do).
Random uids become u1, u2... in order of first appearance and technical timestamps
(created_at, updated_at, changed_at, a tombstone's deleted_at) become "<now>"; row ids
stay (a fresh vault numbers them alike).

Regenerate (only for a change meant to alter what is stored):
    .venv/bin/python tests/test_save_golden.py tests/golden/save_sequence.json
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, text  # noqa: E402

from app import codes, drafts, people, supplies  # noqa: E402
from app.contacts import ContactInput  # noqa: E402
from app.directory.sample import import_sample  # noqa: E402
from app.errors import MilieuError  # noqa: E402
from app.ops import codes as code_ops  # noqa: E402
from app.ops import floor as floor_ops  # noqa: E402
from app.validation import StockShortage, ValidationFailed  # noqa: E402
from models.codes import CONTACT_TYPE, CodeItem  # noqa: E402
from models.directory import DirService  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "save_sequence.json"
TODAY = date(2025, 6, 12)
AT = datetime(2025, 6, 12, 10, 0)
TABLES = (
    "contact", "contact_person", "contact_type", "contact_theme", "contact_unmet_need", "contact_supply",
    "person", "person_group", "supply_item", "stock_movement", "draft", "referral", "code_item",
)
TECHNICAL = {"created_at", "updated_at", "changed_at"}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def run_sequence(vault) -> dict:
    """Run the sequence; returns what each step gave back and every row it could touch, normalised."""
    with vault.session() as s:
        import_sample(s)
        ids = {
            "ana": people.create_person(s, "Ana au sac vert").id,
            "bo": people.create_person(s, "Bo", first_name="Bob").id,
            "cy": people.create_person(s, "Cy casquette").id,
            "bars": supplies.create_item(s, "Barres tendres", initial_stock=10, when=AT - timedelta(days=30)).id,
            "socks": supplies.create_item(s, "Bas", unit="paire", initial_stock=2, when=AT - timedelta(days=30)).id,
            "shelter": s.scalars(select(DirService.id).where(DirService.name == "Refuge de nuit Le Phare")).one(),
        }
        drafts.save(s, "quick_contact", {"notes": "en cours"})
    steps: list = []

    def op(name, fn, *args, **kwargs):
        try:
            with vault.write_session() as s:
                done = fn(s, *args, **kwargs)
        except StockShortage as e:
            steps.append([name, "shortage", [[f.item_id, f.name, f.requested, f.available] for f in e.shortfalls]])
            return None
        except ValidationFailed as e:
            steps.append([name, "invalid", [[x.field, x.code, x.message] for x in e.errors]])
            return None
        except MilieuError as e:
            steps.append([name, type(e).__name__, str(e)])
            return None
        changes = sorted(e.value for e in done.changes)
        known = {e.value: sorted(done.changes.ids(e)) for e in done.changes if done.changes.ids(e) is not None}
        steps.append([name, changes, known, done.value])
        return done.value

    def save(name, contact_id=None, *, allow_shortage=False, **kw):
        form = floor_ops.ContactSave(
            contact=ContactInput(**kw.pop("contact")), contact_id=contact_id, allow_shortage=allow_shortage, **kw
        )
        return op(name, floor_ops.save_contact, form, today=TODAY)

    first = save("routine", contact=dict(occurred_at=AT, person_ids=[ids["ana"]], types=["listening"],
                                          place_code="lib_adults", duration_min=10))
    second = save("full", contact=dict(
        occurred_at=AT - timedelta(days=3), person_ids=[ids["ana"], ids["bo"], ids["ana"]],
        types=["awareness", "listening", "awareness"], themes=["housing", "food"], unmet_needs=["housing"],
        supplies={ids["bars"]: 2, ids["socks"]: 0}, notes="Une note", follow_up_on=TODAY + timedelta(days=7),
        follow_up_done=True, share_with_supervision=True, initiated_by="person", place_code="lib_youth",
        duration_min=25, unidentified_count=1,
    ), draft_form_id="quick_contact")
    save("defaults and a new person", contact=dict(occurred_at=AT + timedelta(minutes=5), unidentified_count=2,
                                                    types=["mediation"]),
         new_aliases=("Nouvelle personne",), draft_form_id="quick_contact")
    shortage = dict(occurred_at=AT + timedelta(minutes=20), person_ids=[ids["cy"]], types=["listening"],
                    supplies={ids["socks"]: 5, ids["bars"]: 1}, place_code="lib_adults", duration_min=5)
    save("shortage", contact=shortage)
    short = save("shortage allowed", contact=shortage, allow_shortage=True)
    save("refused", contact=dict(
        occurred_at=datetime(2025, 6, 13, 9, 0), duration_min=-5, person_ids=[999], types=["nope"],
        themes=["food", "zzz"], unmet_needs=["bad"], supplies={ids["bars"]: -1, 4242: 1}, place_code="moon",
        initiated_by="alien", unidentified_count=-1,
    ))
    save("refused: nobody, no type", contact=dict(occurred_at=AT, duration_min=24 * 60 + 1))
    save("with a referral", contact=dict(occurred_at=AT + timedelta(minutes=30), person_ids=[ids["bo"], ids["cy"]],
                                         types=["referral"], place_code="lib_adults", duration_min=15),
         referrals=(floor_ops.ReferralInput(ids["shelter"], TODAY + timedelta(days=2), notes=" à suivre "),))

    # Edits
    edit = dict(
        occurred_at=AT - timedelta(days=2), person_ids=[ids["cy"], ids["ana"]], types=["listening", "crisis"],
        themes=["food"], unmet_needs=[], supplies={ids["bars"]: 1, ids["socks"]: 1}, notes="Note revue",
        follow_up_on=None, follow_up_done=True, initiated_by="staff", place_code="lib_youth", duration_min=30,
    )
    save("edit: short of socks", second, contact=edit)
    save("edit: people, codes, supplies", second, contact=edit, allow_shortage=True)
    save("edit: nothing changed", first, contact=dict(occurred_at=AT, person_ids=[ids["ana"]], types=["listening"],
                                                      place_code="lib_adults", duration_min=10))
    save("edit: defaults kept", first, contact=dict(occurred_at=None, duration_min=None, place_code=None,
                                                     person_ids=[ids["ana"]], types=["listening"], notes="bref"))
    save("edit: same supplies, earlier", short, contact={**shortage, "occurred_at": AT - timedelta(days=9)})
    save("edit: supplies dropped", short, contact={**shortage, "supplies": {}, "themes": ["food"]})
    with vault.session() as s:
        crisis = s.scalars(select(CodeItem.id).where(CodeItem.list_name == CONTACT_TYPE, CodeItem.code == "crisis")).one()
    op("retire crisis", code_ops.retire_item, crisis)
    save("edit keeps a retired code", second, contact=dict(
        occurred_at=AT - timedelta(days=2), person_ids=[ids["cy"], ids["ana"]], types=["listening", "crisis"],
        themes=["food", "housing"], supplies={ids["bars"]: 1, ids["socks"]: 1}, notes="Note revue",
        initiated_by="staff", place_code="lib_youth", duration_min=30,
    ))
    save("new contact with a retired code", contact=dict(occurred_at=AT, person_ids=[ids["ana"]], types=["crisis"]))
    op("tick follow-up", floor_ops.set_follow_up_done, first)
    op("delete", floor_ops.delete_contact, second)
    op("delete again", floor_ops.delete_contact, second)
    save("edit a deleted contact", second, contact=dict(occurred_at=AT, person_ids=[ids["ana"]], types=["listening"]))
    save("edit: a second person", first, contact=dict(
        occurred_at=AT, person_ids=[ids["ana"], ids["bo"]], types=["listening"], place_code="lib_adults",
        duration_min=10))
    with vault.session() as s:
        active = sorted(codes.active_codes(s, CONTACT_TYPE))
    return {"steps": steps, "active_types": active, "rows": dump(vault)}


def dump(vault) -> dict:
    uids: dict[str, str] = {}

    def uid(match) -> str:
        return uids.setdefault(match.group(0), f"u{len(uids) + 1}")

    def norm(value, key=None):
        if isinstance(value, str):
            if key in TECHNICAL or (key == "deleted_at" and value):
                return "<now>"
            return UUID.sub(uid, value)
        if isinstance(value, list):  # person_uids, supplies: sorted by random uids, so sorted again here
            items = [norm(v) for v in value]
            return sorted(items, key=json.dumps) if any(UUID.search(json.dumps(v)) for v in value) else items
        return value

    out = {}
    with vault.session() as s:
        rows = s.execute(text("SELECT entity, uid, version, op, changed_by, data, changed_fields, changed_at "
                              "FROM record_version ORDER BY id")).all()
        out["record_version"] = [
            [r.entity, norm(r.uid), r.version, r.op, r.changed_by, {k: norm(v, k) for k, v in json.loads(r.data).items()}
             if r.data.startswith("{") else r.data, r.changed_fields, norm(r.changed_at, "changed_at")]
            for r in rows
        ]
        for table in TABLES:
            result = s.execute(text(f"SELECT * FROM {table}"))  # noqa: S608 - fixed names
            keys = list(result.keys())
            rows = [{k: norm(v, k) for k, v in zip(keys, row)} for row in result.all()]
            out[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
        counts = s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).scalars().all()
        out["row counts"] = {t: s.scalar(text(f'SELECT count(*) FROM "{t}"')) for t in counts}  # noqa: S608
    for key in ("audit_event",):  # unlocking and the like, not the operations
        out["row counts"].pop(key, None)
    return out


def test_the_sequence_writes_what_the_orm_path_wrote(vault):
    got = run_sequence(vault)
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got["steps"] == expected["steps"]
    assert got["active_types"] == expected["active_types"]
    for table, rows in expected["rows"].items():
        assert got["rows"][table] == rows, table
    assert got["rows"].keys() == expected["rows"].keys()


if __name__ == "__main__":
    import tempfile

    from app.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        v = Vault(Path(tmp) / "data")
        v.create("correct horse battery staple", site_name="Bibliothèque de test", worker_name="Intervenant test",
                 kdf_params={"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024})
        result = run_sequence(v)
        v.lock()
    Path(sys.argv[1]).parent.mkdir(parents=True, exist_ok=True)
    Path(sys.argv[1]).write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                 encoding="utf-8")
    print(f"wrote {sys.argv[1]}: {len(result['steps'])} steps, {len(result['rows']['record_version'])} versions")
