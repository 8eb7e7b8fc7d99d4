"""The Répertoire page as a worker uses it, in French: search as you type, chips, detail, refer, edit."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.directory import referrals
from app.directory.sample import import_sample
from app.directory.search import search_services
from tests.gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext
from views.directory.refer_dialog import ReferDialog
from views.directory.repertoire_page import RepertoirePage
from views.directory.search_panel import ServicePicker
from views.directory.service_editor import ServiceEditor

THURSDAY_NIGHT = datetime(2026, 11, 26, 23, 30)


@pytest.fixture
def ctx(vault, french):
    with vault.session() as s:
        import_sample(s)
    context = AppContext(vault, DataBus())
    context.extras["dialogs"] = ScriptedDialogs()
    yield context
    context.ops.wait()


@pytest.fixture
def page(ctx, qtbot):
    page = RepertoirePage(ctx)
    page.now = lambda: THURSDAY_NIGHT
    qtbot.addWidget(page)
    page.resize(1146, 688)  # the page area of a 1366x768 window
    page.show()
    page.refresh()
    return page


def names(page) -> list[str]:
    return [hit.name for hit in page.search.model.hits]


def type_query(qtbot, page, text: str) -> None:
    page.search.box.clear()
    page.search.box.setText(text)  # accents: QTest only types ASCII
    qtbot.waitUntil(lambda: not page.search._timer.isActive(), timeout=2000)


def test_results_come_as_you_type_and_the_detail_reads_in_french(qtbot, page):
    assert len(names(page)) == 15
    qtbot.keyClicks(page.search.box, "refuge")
    qtbot.waitUntil(lambda: names(page) == ["Refuge de nuit Le Phare"], timeout=2000)
    text = page.detail.plain_text()
    assert "Ouvert maintenant" in text
    assert "Tous les jours : 19 h à 7 h (le lendemain)" in text
    assert "Accepte les personnes intoxiquées si calmes." in text
    assert "Dernière vérification le" in text
    assert page.refer_button.isEnabled() and page.print_button.isEnabled()


def test_accents_and_several_periods_a_day_in_plain_french(qtbot, page):
    type_query(qtbot, page, "hébergement")
    assert names(page)[0] == "Hébergement pour femmes victimes de violence"
    type_query(qtbot, page, "bonne assiette")
    text = page.detail.plain_text()
    assert "Tous les jours : 11 h 30 à 13 h, 17 h à 18 h 30" in text
    type_query(qtbot, page, "comptoir")
    text = page.detail.plain_text()
    assert "Mardi : 13 h à 16 h" in text and "Fermé les jours fériés" in text
    assert "Fermé du jeudi 24 décembre 2026 au lundi 4 janvier 2027 : Fermé pour les Fêtes" in text


def test_filter_chips_narrow_the_results(qtbot, page):
    qtbot.mouseClick(page.search.open_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.search._timer.isActive(), timeout=2000)
    assert sorted(names(page)) == sorted([
        "Hébergement pour femmes victimes de violence", "Intervention de crise Le Relais",
        "Ligne d'écoute de soir et de nuit", "Refuge de nuit Le Phare",
    ])
    qtbot.mouseClick(page.search.open_now, Qt.MouseButton.LeftButton)
    page.search.language.setCurrentIndex(page.search.language.findText("Arabe"))
    qtbot.waitUntil(lambda: not page.search._timer.isActive(), timeout=2000)
    assert sorted(names(page)) == ["Accueil et intégration des personnes immigrantes", "Clinique de santé Le Carrefour"]
    qtbot.mouseClick(page.search.walk_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.search._timer.isActive(), timeout=2000)
    assert names(page) == [] and page.search.count.text() == "Aucun service ne correspond."


def test_old_information_is_marked_to_verify_until_verified_today(qtbot, page):
    type_query(qtbot, page, "information juridique")
    assert "À vérifier" in page.detail.plain_text()
    qtbot.mouseClick(page.verified_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "À vérifier" not in page.detail.plain_text(), timeout=2000)


def test_refer_records_a_contact_and_a_referral_with_its_follow_up(qtbot, ctx, page):
    type_query(qtbot, page, "refuge")
    dialog = ReferDialog(ctx, page.detail.detail.id, page.detail.detail.name, page, today=date.today())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # the Ctrl+Enter shortcut works in the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClicks(dialog.persons.edit, "Grand Marc casquette rouge")
    qtbot.keyClick(dialog.persons.edit, Qt.Key.Key_Return)
    assert dialog.persons.new_aliases == ["Grand Marc casquette rouge"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ctx.ops.wait()
    assert dialog.result() == dialog.DialogCode.Accepted
    with ctx.vault.session() as s:
        due = referrals.referral_follow_ups(s, date.today() + timedelta(days=7))
    assert [(f.referral.service_name, f.referral.person_alias, f.referral.status) for f in due] == [
        ("Refuge de nuit Le Phare", "Grand Marc casquette rouge", "proposed"),
    ]


def test_refer_without_anyone_says_what_is_missing(qtbot, ctx, page):
    type_query(qtbot, page, "refuge")
    dialog = ReferDialog(ctx, page.detail.detail.id, page.detail.detail.name, page)
    qtbot.addWidget(dialog)
    dialog.save()
    ctx.ops.wait()
    assert dialog.error.text() == "Choisissez la personne référée, ou comptez les personnes non identifiées."
    assert dialog.saved_referrals == []


def test_add_a_service_by_hand_then_find_it(qtbot, ctx, page):
    editor = ServiceEditor(ctx, None, page)
    qtbot.addWidget(editor)
    editor.name.setText("Popote roulante Saint-Exemple")
    editor.organization.setText("Bénévoles du quartier")
    editor.phone.setText("819-555-0150")
    editor.categories.setText("Alimentation")
    editor.notes.setPlainText("Livraison aux personnes à mobilité réduite")
    editor._add_row(None)  # Monday to Friday, 9:00 to 17:00 by default
    editor.hours_rows[0].closes.setTime(editor.hours_rows[0].closes.time().fromString("13:00", "HH:mm"))
    editor.save()
    ctx.ops.wait()  # saved on the writer thread
    assert editor.result() == editor.DialogCode.Accepted
    with ctx.vault.session() as s:
        [hit] = search_services(s, "popote mobilite")
    assert hit.organization == "Bénévoles du quartier"
    page.search.refresh()
    type_query(qtbot, page, "popote")
    assert "Du lundi au vendredi : 9 h à 13 h" in page.detail.plain_text()


def test_edit_keeps_what_was_not_touched(qtbot, ctx, page):
    type_query(qtbot, page, "refuge")
    editor = ServiceEditor(ctx, page.detail.detail.id, page)
    qtbot.addWidget(editor)
    editor.notes.setPlainText("Casiers pour les vélos")
    editor.save()
    ctx.ops.wait()
    page.refresh()
    text = page.detail.plain_text()
    assert "Casiers pour les vélos" in text and "19 h à 7 h (le lendemain)" in text
    assert "Hébergement d'urgence" in text


def test_picker_gives_the_chosen_service_to_the_form_that_embeds_it(qtbot, ctx):
    picker = ServicePicker(ctx)
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.servicePicked, timeout=2000) as signal:
        qtbot.keyClicks(picker.box, "comptoir")
        qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    service_id, name = signal.args
    assert name == "Comptoir alimentaire Le Grenier" and service_id > 0
    assert picker.choose.text() == "&Choisir ce service"
    assert picker.count.text() == "1 service"  # the plural is translated in the subclass too


def test_page_fits_a_small_laptop_screen(page):
    hint = page.minimumSizeHint()
    assert hint.width() <= 1366 - 200 and hint.height() <= 768 - 60
    QApplication.processEvents()


def test_repertoire_is_in_the_main_window_sidebar(qtbot, make_vault, french):
    from tests.floor_gui_kit import open_unlocked

    vault = make_vault("window")
    with vault.session() as s:
        import_sample(s)
    window = open_unlocked(qtbot, vault)
    window.resize(1366, 768)
    assert window.show_page("repertoire")
    page = window.findChild(RepertoirePage)
    qtbot.waitUntil(lambda: len(names(page)) == 15, timeout=5000)
    assert page.title() == "Répertoire"
    for button in (page.add_button, page.import_button, page.export_button,
                   page.refer_button, page.print_button, page.pdf_button, page.edit_button, page.verified_button):
        assert button.width() >= button.sizeHint().width(), button.text()  # no label cut short


def test_service_edit_survives_a_lock_as_an_encrypted_draft(qtbot, ctx, page):
    type_query(qtbot, page, "refuge")
    service_id = page.detail.detail.id
    editor = ServiceEditor(ctx, service_id, page)
    qtbot.addWidget(editor)
    editor.notes.setPlainText("Fermé pour rénovations en janvier")
    editor.keeper.flush()  # what the shell does just before it locks
    ctx.ops.wait()  # drafts are written on the writer thread
    editor.deleteLater()
    again = ServiceEditor(ctx, service_id, page)
    qtbot.addWidget(again)
    assert again.restored and again.notes.toPlainText() == "Fermé pour rénovations en janvier"
    other = ServiceEditor(ctx, None, page)  # the "add" form has its own draft
    qtbot.addWidget(other)
    assert not other.restored and other.notes.toPlainText() == ""
    again.reject()  # Cancel drops it
    ctx.ops.wait()
    third = ServiceEditor(ctx, service_id, page)
    qtbot.addWidget(third)
    assert not third.restored


def test_import_with_bad_rows_asks_before_importing_the_good_ones(qtbot, ctx, page, tmp_path):
    folder = tmp_path / "regional"
    folder.mkdir()
    (folder / "services.csv").write_text(
        "id,name,status\nr1,Maison de répit (exemple),active\nr2,,active\n", "utf-8")
    dialogs = ctx.extras["dialogs"]
    dialogs.confirm_answer = False
    page.import_path(folder)
    ctx.ops.wait()  # imported on the writer thread
    assert page.message.text() == "Rien n'a été importé : 1 ligne n'est pas valide."
    assert "services.csv, row 3, name: is missing" in dialogs.said[-1][2]
    dialogs.confirm_answer = True
    page.import_path(folder)
    ctx.ops.wait()
    assert page.message.text() == "1 service importé (1 ligne invalide ignorée)"
    page.refresh()
    type_query(qtbot, page, "repit")
    assert names(page) == ["Maison de répit (exemple)"]


class ScriptedPickers:
    """Stands in for views.sync.pickers.Pickers: answers with the paths the test chose."""

    def __init__(self, save_path=None, folder_path=None):
        self.save_path, self.folder_path = save_path, folder_path
        self.asked: list[str] = []

    def save_file(self, title, name):
        self.asked.append(title)
        return self.save_path

    def folder(self, title):
        self.asked.append(title)
        return self.folder_path


def directory_rows(vault) -> list[tuple]:
    from sqlalchemy import select

    from models.directory import DirService

    with vault.session() as s:
        return sorted(s.execute(select(DirService.name, DirService.description, DirService.email)).all())


def test_export_json_through_the_task_runner_reimports_into_another_vault(qtbot, ctx, page, make_vault, tmp_path):
    from app.directory.hsds_import import import_file
    from views.tasks import TaskRunner

    ctx.extras["tasks"] = TaskRunner()
    dialogs = ctx.extras["dialogs"]
    assert page.export_button.text() == "E&xporter…"
    target = tmp_path / "out" / "repertoire.json"
    target.parent.mkdir()
    page.pickers = ScriptedPickers(save_path=str(target))
    page.export_json_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.said), timeout=10000)
    assert dialogs.said[-1] == ("info", "Exporter le répertoire", f"15 services exportés vers {target}.")
    assert page.pickers.asked == ["Exporter le répertoire (HSDS JSON)"]
    assert target.stat().st_mode & 0o777 == 0o600
    other = make_vault("other")
    with other.session() as s:
        import_file(s, target)
    assert directory_rows(other) == directory_rows(ctx.vault)
    assert len(directory_rows(other)) == 15


def test_export_csv_to_a_folder_and_say_when_it_fails(qtbot, ctx, page, tmp_path):
    dialogs = ctx.extras["dialogs"]
    folder = tmp_path / "tables"
    page.pickers = ScriptedPickers(folder_path=str(folder))
    page.export_csv_action.trigger()
    ctx.ops.wait()  # written on the writer thread
    assert dialogs.said[-1][0] == "info" and dialogs.said[-1][2].startswith("15 services exportés")
    assert (folder / "services.csv").read_text("utf-8").count("Refuge de nuit Le Phare") == 1
    dialogs.confirm_answer = False  # the folder now holds tables: asked first, nothing replaced on No
    before = (folder / "services.csv").stat().st_mtime_ns
    page.export_csv_action.trigger()
    assert dialogs.said[-1][0] == "confirm" and (folder / "services.csv").stat().st_mtime_ns == before
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    page.export_to("csv", blocked)
    ctx.ops.wait()
    assert dialogs.said[-1][0] == "error" and dialogs.said[-1][2].startswith("L'exportation a échoué")
    page.pickers = ScriptedPickers(save_path=None)  # Cancel in the save dialog: nothing happens
    count = len(dialogs.said)
    page.export_json_action.trigger()
    assert len(dialogs.said) == count


def test_refer_opens_in_who_and_enter_only_chooses(qtbot, ctx, page):
    """The alias typed at once lands in « Qui »; Enter chooses the person and moves on, never saves;
    status, follow-up and notes come next by keyboard, and Ctrl+Enter saves."""
    type_query(qtbot, page, "refuge")
    dialog = ReferDialog(ctx, page.detail.detail.id, page.detail.detail.name, page, today=date.today())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.persons.edit, timeout=2000)
    assert dialog.follow_on.date().toPython() == date.today() + timedelta(days=1)  # tomorrow, not a week
    qtbot.keyClicks(QApplication.focusWidget(), "Ti-Jean")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    ctx.ops.wait()
    assert dialog.persons.new_aliases == ["Ti-Jean"]
    assert dialog.isVisible() and dialog.saved_referrals == []
    assert QApplication.focusWidget() is dialog.status
    qtbot.keyClick(dialog.status, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)
    ctx.ops.wait()
    assert dialog.isVisible() and dialog.status.currentData() == "accepted"
    reached = []
    while QApplication.focusWidget() is not dialog.notes and len(reached) < 8:  # the date's sections tab too
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[0] is dialog.follow and dialog.follow_on in reached and reached[-1] is dialog.notes
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "ce soir")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    ctx.ops.wait()
    assert dialog.isVisible() and dialog.saved_referrals == []
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ctx.ops.wait()
    assert dialog.result() == dialog.DialogCode.Accepted and len(dialog.saved_referrals) == 1
    with ctx.vault.session() as s:
        due = referrals.referral_follow_ups(s, date.today() + timedelta(days=1))
    assert [(f.referral.person_alias, f.referral.status) for f in due] == [("Ti-Jean", "accepted")]


def test_a_slip_saved_onto_a_vault_file_is_refused_in_one_sentence(page, ctx, monkeypatch):
    from views.directory import repertoire_page

    assert page.detail.detail is not None  # the first result is shown
    key = ctx.vault.paths.keyfile
    before = key.read_bytes()
    monkeypatch.setattr(repertoire_page.QFileDialog, "getSaveFileName", lambda *a, **k: (str(key), ""))
    page.save_pdf()
    assert key.read_bytes() == before
    said = ctx.extras["dialogs"].said
    assert said and said[-1][0] == "error" and "\n" not in said[-1][2]


def test_a_referral_on_the_persons_behalf_asks_for_that_consent(qtbot, ctx, page):
    from app import people
    from app.privacy import consents

    with ctx.vault.session() as s:
        jade = people.create_person(s, "Jade au vélo").id
    dialog = ReferDialog(ctx, page.detail.detail.id, page.detail.detail.name, page, today=date.today())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.persons.edit, "Jade au velo")  # accent-tolerant completion
    qtbot.keyClick(dialog.persons.edit, Qt.Key.Key_Return)
    assert [pid for pid, _ in dialog.persons.persons] == [jade]
    dialog.on_behalf.setChecked(True)
    dialog.save()
    ctx.ops.wait()
    assert "consenti" in dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    with ctx.vault.session() as s:
        assert referrals.referrals_for_person(s, jade) == []  # nothing saved
        consents.give(s, jade, consents.PURPOSE_REFERRAL, date.today())
    dialog.save()
    ctx.ops.wait()
    assert dialog.result() == dialog.DialogCode.Accepted


def result_details(page) -> dict[str, str]:
    return {hit.name: page.search.model.details(hit) for hit in page.search.model.hits}


def test_results_say_until_when_a_service_is_open_or_when_it_opens(qtbot, page):
    # Thursday 23:30: the shelter closes in the morning, the day centre opens tomorrow,
    # the housing office (Monday to Wednesday) on Monday, the crisis centre never closes.
    details = {name: text.replace("\u00a0", " ") for name, text in result_details(page).items()}
    assert "Ferme à 7 h" in details["Refuge de nuit Le Phare"]
    assert "Ouvre demain à 8 h" in details["Centre de jour : douches, laverie, café"]
    assert "Ouvre lundi à 8 h 30" in details["Aide à la recherche de logement"]
    assert "Ouvert 24 h" in details["Intervention de crise Le Relais"]
    assert not any("maintenant" in text for text in details.values())
    page.now = lambda: datetime(2026, 11, 27, 15, 0)  # Friday afternoon
    page.refresh()
    assert "Ouvre à 19 h" in result_details(page)["Refuge de nuit Le Phare"].replace("\u00a0", " ")
    # The hours never break across two lines of a narrow list: one unbreakable piece.
    for text in result_details(page).values():
        hours = [part for part in text.split(" · ") if part.startswith(("Ouvre", "Ferme", "Ouvert"))]
        assert len(hours) == 1 and " " not in hours[0]
    assert "Ouvert maintenant · Ferme à 20 h" in page.detail.plain_text().replace("\u00a0", " ")  # the first result


def test_an_empty_directory_says_so_and_offers_the_import(qtbot, make_vault, french, tmp_path):
    vault = make_vault("empty")
    context = AppContext(vault, DataBus())
    context.extras["dialogs"] = ScriptedDialogs()
    page = RepertoirePage(context)
    qtbot.addWidget(page)
    page.resize(1146, 688)
    page.show()
    page.refresh()
    assert page.search.count.text().startswith("Le répertoire est vide")
    assert "Aucun service ne correspond" not in page.search.count.text()
    offer = page.search.import_offer
    assert offer.isVisible() and offer.text() == "Importer un répertoire…"
    opened = []
    page.import_file = lambda: opened.append(True)  # the file dialog of the page's own import
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert opened == [True]
    # Once imported, the offer goes and the search is a search again.
    from app.directory.sample import SAMPLE_DIRECTORY

    page.import_path(SAMPLE_DIRECTORY)
    qtbot.waitUntil(lambda: len(page.search.model.hits) == 15, timeout=15000)
    assert not offer.isVisible()
    type_query(qtbot, page, "zzzz")
    assert page.search.count.text() == "Aucun service ne correspond." and not offer.isVisible()
    context.ops.wait()


def test_an_opening_more_than_a_week_away_reads_with_its_date(qtbot, french):
    from app.directory.hours import HoursChange
    from views.directory.hours_text import DirectoryHours

    now = datetime(2026, 12, 24, 18, 0)
    text = DirectoryHours().change(HoursChange(open_now=False, at=datetime(2027, 1, 5, 9, 0)), now)
    assert text.replace("\u00a0", " ") == "Ouvre le 5 janv. à 9 h"
