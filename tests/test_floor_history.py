"""The generic history helper, as other areas will use it."""
from __future__ import annotations

import json

from app import codes, history
from models.codes import CodeItem


def test_code_list_edits_are_versioned_and_never_delete(vault):
    with vault.session() as s:
        item = codes.add_item(s, "theme", "Ateliers d'écriture", label_en="Writing workshops")
        assert item.code == "ateliers_d_ecriture"
        again = codes.add_item(s, "theme", "Ateliers d'écriture")
        assert again.code == "ateliers_d_ecriture_2"
        codes.rename_item(s, item.id, label_fr="Atelier d'écriture")
        codes.retire_item(s, item.id)
        uid = item.uid
    with vault.session() as s:
        assert "ateliers_d_ecriture" not in codes.active_codes(s, "theme")
        assert codes.labels(s, "theme", "en")["ateliers_d_ecriture"] == "Writing workshops"
        versions = history.versions(s, "code_item", uid)
        assert [(v.version, v.op, v.changed_fields) for v in versions] == [
            (1, "create", versions[0].changed_fields), (2, "update", "label_fr"), (3, "update", "retired"),
        ]
        assert json.loads(versions[1].data)["label_fr"] == "Atelier d'écriture"
        assert s.get(CodeItem, item.id).version == 3


def test_seeded_lists_have_french_and_english_labels(vault):
    with vault.session() as s:
        types = codes.labels(s, "contact_type")
        assert types["emergency_supplies"] == "Dépannage d'urgence"
        assert codes.labels(s, "place", "en")["street_downtown"] == "Street work: downtown"
        places = codes.items(s, "place")
        assert {p.category for p in places} == {"library", "street", "other"}
        assert [t.code for t in codes.items(s, "theme")][:3] == ["mental_health", "substance_use", "addiction"]


def test_update_without_change_adds_no_version(vault):
    with vault.session() as s:
        item = codes.add_item(s, "group", "Personne étudiante")
        assert history.record_update(s, item) is None
        assert len(history.versions(s, "code_item", item.uid)) == 1
