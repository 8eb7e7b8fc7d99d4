"""The evaluation's screens (issue 13): the Bilan compares with the 12 months before the
pilot by default; the Conflits page imports past incidents (map confirmed, bad rows
listed); the kiosk shows only the questions, comes back blank and locks on leaving; the
contact panel notes needs left unmet."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

import evaluation_data as E
from gui_doubles import ScriptedDialogs
from models.evaluation import BaselineIncident, SurveyResponse
from views.bus import DataBus
from views.context import AppContext
from views.drafts import DraftRegistry


@pytest.fixture
def ctx(vault):
    return AppContext(vault=vault, bus=DataBus(), extras={"drafts": DraftRegistry(), "dialogs": ScriptedDialogs()})


def test_bilan_compares_with_the_twelve_months_before_the_pilot_by_default(qtbot, ctx, vault, tmp_path):
    from views.activity.bilan_page import BilanPage

    E.build(vault, tmp_path)
    page = BilanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    bar = page.evaluation
    assert bar.compare.isChecked()
    assert (bar.baseline().start, bar.baseline().last_day) == (date(2024, 1, 1), date(2024, 12, 31))
    qtbot.waitUntil(lambda: page.report is not None and page.report.baseline is not None, timeout=10000)
    page._deliver(page._generation, page.compute())
    grid = page.findChild(QWidget, "table_baseline_comparison")
    assert grid.item(1, 0).text() == "Conflits par mois" and grid.item(1, 3).text() == "-20,0"
    bar.compare.setChecked(False)
    assert page.compute().baseline is None


def test_conflits_page_imports_past_incidents_after_confirming_the_map(qtbot, ctx, vault, tmp_path):
    from views.activity.conflicts_page import ConflictsPage

    page = ConflictsPage(ctx)
    qtbot.addWidget(page)
    button = page.baseline_import
    shown_maps, said = [], []
    button.confirm_map = lambda mapping: shown_maps.append(mapping) or True
    button.confirm_skip = lambda errors: said.append([str(e) for e in errors]) or True
    button.tell = said.append
    incidents = tmp_path / "incidents.csv"
    incidents.write_text("date;category\n2023-05-01;Bruit\n2023-05-02;Vol\n2023-05-03;Bagarre\n", "utf-8")
    scale = tmp_path / "map.csv"
    scale.write_text("Bruit,1\nBagarre,5\n", "utf-8")
    button.start(incidents, scale)
    ctx.ops.wait()
    assert shown_maps == [{"bruit": 1, "bagarre": 5}]
    assert said[0] == ["incidents.csv, row 3, category: 'Vol' is not a category of the map."]
    assert "2 incident(s)" in said[1]
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(BaselineIncident)) == 2


class _Owner(QWidget):
    lock_requested = Signal()


def test_kiosk_shows_only_the_questions_comes_back_blank_and_locks_on_leaving(qtbot, ctx, vault):
    from views.activity.survey_entry import SurveyKiosk

    owner = _Owner()
    qtbot.addWidget(owner)
    kiosk = SurveyKiosk(ctx, "2025-06", owner)
    assert not kiosk.findChildren(QObject, "bilan_page") and kiosk.findChild(QWidget, "kiosk_feel_safe_4")
    kiosk.findChild(QWidget, "kiosk_feel_safe_4").click()
    kiosk.findChild(QWidget, "kiosk_know_whom_to_call_5").click()
    kiosk.submit()
    ctx.ops.wait()
    assert kiosk.answers() == {}  # blank again for the next person
    assert "Merci" in kiosk.thanks.text() or "Thank you" in kiosk.thanks.text()
    with vault.session() as s:
        response = s.scalars(select(SurveyResponse)).one()
        assert (response.round, response.source) == ("2025-06", "kiosk")
        assert {a.item_code: a.score for a in response.answers} == {"feel_safe": 4, "know_whom_to_call": 5}
    with qtbot.waitSignal(owner.lock_requested, timeout=1000):
        kiosk.reject()


def test_contact_panel_notes_needs_left_unmet(qtbot, ctx, vault):
    from app import contacts, people
    from views.floor.contact_panel import ContactPanel

    with vault.session() as s:
        person = people.create_person(s, "Quelqu'un").id
    panel = ContactPanel(ctx)
    qtbot.addWidget(panel)
    field = panel.unmet_needs
    assert not field.box.isVisible() and "shelter_bed" in field.buttons  # folded until used
    field.set_codes(["shelter_bed", "family_doctor"])
    assert field.codes() == ["shelter_bed", "family_doctor"]
    data = panel._input()
    data.person_ids, data.types = [person], ["listening"]
    assert data.unmet_needs == ["shelter_bed", "family_doctor"]
    with vault.session() as s:
        saved = contacts.create_contact(s, data).contact.id
    with vault.session() as s:
        assert sorted(contacts.contact_input(s, saved).unmet_needs) == ["family_doctor", "shelter_bed"]


def test_the_evaluation_lists_are_edited_without_deleting(qtbot, ctx, vault):
    from app.evaluation import survey
    from views.activity.evaluation_lists import EvaluationListsDialog

    dialog = EvaluationListsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.which.setCurrentIndex(dialog.which.findData("staff_survey"))
    dialog.ask_text = lambda _title, _current: ("Je connais les ressources du quartier", True)
    dialog.add()
    ctx.ops.wait()
    dialog.items.setCurrentRow(0)
    dialog.retire()
    ctx.ops.wait()
    with vault.session() as s:
        labels = [label for _code, label in survey.items(s)]
    assert labels[-1] == "Je connais les ressources du quartier"
    assert "Je me sens en sécurité au travail" not in labels  # retired: no longer asked
    assert "(retired)" in dialog.items.item(0).text() or "(retiré)" in dialog.items.item(0).text()
