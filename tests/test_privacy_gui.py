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


def test_a_persons_consents_and_file_from_their_page(qtbot, french, vault, tmp_path):
    from app.privacy import consents
    from views.privacy.person_dialog import PersonPrivacyDialog

    with vault.session() as s:
        person = people.create_person(s, "Jade au vélo").id
    ctx = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})
    dialog = PersonPrivacyDialog(ctx, person, "Jade au vélo")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.purpose.setCurrentIndex(1)  # contacting a service on the person's behalf
    dialog.under_14.setChecked(True)
    dialog.give()
    ctx.ops.wait()
    assert "tuteur" in dialog.error.text() and dialog.table.rowCount() == 0
    dialog.guardian.setChecked(True)
    dialog.give()
    ctx.ops.wait()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "oui"
    dialog.table.selectRow(0)
    dialog.withdraw()
    ctx.ops.wait()
    assert dialog.table.item(0, 2).text()  # withdrawn today
    with vault.session() as s:
        assert not consents.has_consent(s, person, consents.PURPOSE_REFERRAL, date.today())
    out = tmp_path / "dossier"
    out.mkdir()
    dialog.pickers.folder = lambda _title: str(out)
    dialog.export()
    ctx.ops.wait()
    assert sorted(p.suffix for p in out.iterdir()) == [".csv", ".json", ".pdf"]


def test_today_says_which_requests_are_due(qtbot, french, vault):
    from datetime import timedelta

    from views.floor.today_page import TodayPage

    with vault.session() as s:
        requests.add(s, "access", date.today() - timedelta(days=25))
        requests.add(s, "deletion", date.today() - timedelta(days=40))
    ctx = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    text = page.privacy_warning.text()
    assert page.privacy_warning.isVisible() and "1 demande" in text and "en retard" in text and "7 jours" in text
    ctx.ops.wait()
