"""The Confidentialité page: retention, requests, incidents and the journal, by keyboard and mouse."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from app import contacts, people
from app.contacts import ContactInput
from app.privacy import incidents, requests, retention
from tests.gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext
from views.privacy.incident_dialog import IncidentDialog
from views.privacy.privacy_page import PrivacyPage


@pytest.fixture
def page(qtbot, french, vault):
    with vault.session() as s:
        old = people.create_person(s, "Ancien visiteur").id
        contacts.create_contact(s, ContactInput(occurred_at=datetime(2023, 3, 1, 10), person_ids=[old],
                                                types=["listening"], notes="ancienne note"), today=date(2023, 3, 1))
    ctx = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})
    widget = PrivacyPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.refresh()
    yield widget
    ctx.ops.wait()


def test_retention_shows_what_it_would_touch_then_applies_after_confirmation(page):
    assert "1 personnes" in page.retention.preview.text() and "1 contacts" in page.retention.preview.text()
    page.retention.run_button.click()
    page.ctx.ops.wait()
    assert page.ctx.extras["dialogs"].said[0][0] == "confirm"
    assert "1 personnes rendues anonymes" in page.retention.preview.text()
    with page.ctx.vault.session() as s:
        assert retention.plan(s, date.today()).counts()["people"] == 0


def test_a_request_is_added_with_its_deadline_and_answered(page, qtbot):
    page.tabs.setCurrentWidget(page.requests)
    page.requests.notes.setText("Demande au comptoir, réponse par téléphone")
    qtbot.mouseClick(page.requests.add_button, Qt.MouseButton.LeftButton)
    page.ctx.ops.wait()
    table = page.requests.table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "Accès" and table.item(0, 4).text() == "Ouverte"
    assert "30 jours" in page.requests.regime_note.text()
    table.selectRow(0)
    page.requests.answer_button.click()
    page.ctx.ops.wait()
    assert table.item(0, 4).text() == "Répondue"
    with page.ctx.vault.session() as s:
        assert requests.due(s, date.today()) == []


def test_an_incident_says_each_missing_field_then_saves(page, qtbot):
    dialog = IncidentDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    page.ctx.ops.wait()
    assert dialog.errors["information"].text() and dialog.errors["measures"].text() and dialog.isVisible()
    dialog.texts["information"].setPlainText("Liste de surnoms imprimée")
    dialog.texts["circumstances"].setPlainText("Oubliée sur l'imprimante publique")
    dialog.texts["risk_assessment"].setPlainText("Faible : surnoms seulement")
    dialog.texts["measures"].setPlainText("Impression désactivée")
    dialog.people_count.setValue(4)
    dialog.save()
    page.ctx.ops.wait()
    assert not dialog.isVisible()
    assert page.incidents.table.rowCount() == 1 and page.incidents.table.item(0, 2).text() == "4"
    with page.ctx.vault.session() as s:
        assert incidents.all_incidents(s)[0].people_count == 4


def test_the_journal_lists_events_without_names(page):
    page.tabs.setCurrentWidget(page.audit)
    kinds = [page.audit.table.item(r, 1).text() for r in range(page.audit.table.rowCount())]
    assert "Coffre créé" in kinds
    text = " ".join(page.audit.table.item(r, c).text() for r in range(page.audit.table.rowCount()) for c in range(3))
    assert "Ancien visiteur" not in text
