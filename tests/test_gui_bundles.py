"""The Envois page (worker) and the coordination window (La Piaule), as users meet them:
real vaults, real widgets offscreen, the French translation installed."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ops import Changes, Entity
from app.sync import export, keys
from bundle_kit import add_contact, add_person, export_to, make_coordination
from gui_doubles import ScriptedDialogs
from views.bus import DataBus
from views.context import AppContext
from views.sync.envois_page import EnvoisPage
from views.sync.status_widget import UnsentStatus


class ScriptedPickers:
    def __init__(self):
        self.folder_path = None
        self.open_path = None
        self.open_paths: list[str] = []
        self.saved_path = None

    def folder(self, title):
        return self.folder_path

    def open_file(self, title, pattern):
        return self.open_path

    def open_files(self, title, pattern):
        return self.open_paths

    def save_file(self, title, name):
        return self.saved_path


def _page(qtbot, vault, dialogs=None):
    ctx = AppContext(vault=vault, bus=DataBus(), extras={"dialogs": dialogs or ScriptedDialogs()})
    page = EnvoisPage(ctx)
    pickers = ScriptedPickers()
    page.panel.pickers = pickers
    qtbot.addWidget(page)
    page.resize(1136, 740)
    return page, pickers, ctx


@pytest.fixture
def coord(tmp_path):
    vault = make_coordination(tmp_path / "coord")
    yield vault
    vault.lock()


def _public_file(vault, path):
    with vault.session() as s:
        path.write_text(keys.own_identity(s).to_text(), "utf-8")
    return str(path)


def test_worker_sets_the_key_exports_and_sees_the_history_in_french(qtbot, french, make_vault, coord, tmp_path):
    worker = make_vault("worker")
    page, pickers, ctx = _page(qtbot, worker)
    panel = page.panel
    assert page.title() == "Envois"
    assert panel.export_button.text() == "&Exporter l'envoi…"
    assert not panel.export_button.isEnabled()
    assert "pas encore définie" in panel.partner_label.text()

    pickers.open_path = _public_file(coord, tmp_path / "la-piaule.pub")
    qtbot.mouseClick(panel.partner_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait()  # stored on the writer thread, then the page refreshes from the change
    with coord.session() as s:
        fingerprint = keys.own_identity(s).fingerprint
    assert fingerprint in ctx.extras["dialogs"].said[-1][2]
    assert fingerprint in panel.partner_label.text() and panel.export_button.isEnabled()

    person = add_person(worker, "Grand Marc")
    add_contact(worker, [person])
    ctx.ops.announce(Changes.of(Entity.CONTACT))  # written outside the page (the contact panel)
    kinds = {panel.pending.item(r, 0).text(): panel.pending.item(r, 1).text() for r in range(panel.pending.rowCount())}
    assert kinds == {"Contacts": "1", "Personnes": "1"}
    assert panel.pending_total.text() == "2 fiches en attente d'envoi."

    usb = tmp_path / "usb"
    usb.mkdir()
    pickers.folder_path = str(usb)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait()
    (written,) = list(usb.iterdir())
    assert written.suffix == ".bundle" and written.name in panel.result_label.text()
    assert panel.history.rowCount() == 1 and panel.history.item(0, 0).text() == "1"
    assert panel.pending.rowCount() == 0

    again = tmp_path / "again"
    again.mkdir()
    pickers.folder_path = str(again)
    panel.history.selectRow(0)
    qtbot.mouseClick(panel.rewrite_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait()
    assert (again / written.name).read_bytes() == written.read_bytes()


def test_declining_the_fingerprint_changes_nothing(qtbot, french, make_vault, coord, tmp_path):
    worker = make_vault("worker")
    page, pickers, ctx = _page(qtbot, worker, ScriptedDialogs(confirm_answer=False))
    pickers.open_path = _public_file(coord, tmp_path / "la-piaule.pub")
    qtbot.mouseClick(page.panel.partner_button, Qt.MouseButton.LeftButton)
    with worker.session() as s:
        assert export.partner(s) is None
    assert not page.panel.export_button.isEnabled()


def test_a_damaged_key_file_gets_one_clear_french_message(qtbot, french, make_vault, tmp_path):
    worker = make_vault("worker")
    page, pickers, ctx = _page(qtbot, worker)
    bad = tmp_path / "bad.pub"
    bad.write_text("hello\n")
    pickers.open_path = str(bad)
    qtbot.mouseClick(page.panel.partner_button, Qt.MouseButton.LeftButton)
    assert ctx.extras["dialogs"].said == [("error", "Envois", "Ce n'est pas un fichier de clé publique Milieu valide.")]


def test_reminder_weekday_is_kept_and_shown_on_its_day(qtbot, french, make_vault):
    from datetime import date

    worker = make_vault("worker")
    page, _, ctx = _page(qtbot, worker)
    combo = page.panel.reminder
    index = combo.findData(date.today().isoweekday())
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    ctx.ops.wait()
    with worker.session() as s:
        assert export.reminder_weekday(s) == date.today().isoweekday()
        assert export.reminder_due(s)
    assert page.panel.reminder_banner.isVisibleTo(page)
    combo.activated.emit(0)  # "Aucun rappel"
    ctx.ops.wait()
    assert not page.panel.reminder_banner.isVisibleTo(page)


def test_status_bar_counts_unsent_changes(qtbot, french, make_vault):
    worker = make_vault("worker")
    ctx = AppContext(vault=worker, bus=DataBus(), extras={})
    status = UnsentStatus(ctx)
    qtbot.addWidget(status)
    assert status.text() == "0 modification non envoyée"
    add_person(worker, "Petite Julie")
    ctx.ops.announce(Changes.of(Entity.PERSON))
    assert status.text() == "1 modification non envoyée"


def test_coordination_trusts_imports_and_shows_gaps_and_weekly_figures(qtbot, french, make_vault, coord, tmp_path):
    worker = make_vault("worker", worker="Alex Test")
    with coord.session() as s:
        coord_id = keys.parse_public_file(keys.own_identity(s).to_text().encode())
    with worker.session() as s:
        export.set_partner(s, coord_id)
    person = add_person(worker, "Grand Marc")
    add_contact(worker, [person])
    first = export_to(worker, tmp_path / "usb").path
    add_contact(worker, [person])
    export_to(worker, tmp_path / "usb")  # no. 2 never arrives
    add_contact(worker, [person])
    third = export_to(worker, tmp_path / "usb").path

    page, pickers, ctx = _page(qtbot, coord)
    panel = page.panel
    assert page.title() == "Coordination"
    pickers.open_paths = [str(first)]
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait()  # read, verified and imported on the writer thread
    assert "refusé" in panel.result_label.text() and "pas encore approuvée" in panel.result_label.text()

    pickers.open_path = _public_file(worker, tmp_path / "worker.pub")
    qtbot.mouseClick(panel.trust_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait()
    assert panel.workers.rowCount() == 1 and "Alex Test" in panel.workers.item(0, 0).text()

    pickers.open_paths = [str(first), str(third), str(first)]
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    ctx.ops.wait()
    text = panel.result_label.text()
    assert "envoi no 1 importé" in text and "envoi no 3 importé" in text and "déjà importé" in text
    assert "Envois manquants de cet·te intervenant·e : 2." in text.replace("\u00a0", " ")
    assert panel.workers.item(0, 2).text() == "No 3"
    assert panel.workers.item(0, 5).text() == "2"
    assert panel.weekly.rowCount() == 1 and panel.weekly.item(0, 1).text() == "2"


FRENCH_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def test_weeks_read_as_days_in_the_interface_language(qapp, french):
    from views.dates import week_text, weeks_text

    assert week_text("2026-W49") == "semaine du 30 nov. au 6 déc. 2026"
    assert week_text("2026-W01") == "semaine du 29 déc. 2025 au 4 janv. 2026"
    assert weeks_text("2026-W48,2026-W49") == "semaines du 23 nov. au 6 déc. 2026"


def test_weeks_read_as_days_in_english_too(qapp):
    from PySide6.QtCore import QLocale

    from views.dates import week_text

    before = QLocale()
    QLocale.setDefault(QLocale("en_CA"))  # the English interface (no translator installed)
    try:
        english = week_text("2026-W49")
    finally:
        QLocale.setDefault(before)
    month = QLocale("en_CA").monthName(11, QLocale.FormatType.ShortFormat)
    assert english.startswith(f"week of {month} 30 to ") and english.endswith(", 2026") and "déc" not in english


def test_envois_fits_the_window_with_dates_in_words_and_one_kind_of_fingerprint(qtbot, french, make_vault, coord,
                                                                                tmp_path):
    import re
    from datetime import date, timedelta

    from PySide6.QtWidgets import QScrollArea

    worker = make_vault("worker")
    with coord.session() as s:
        coord_id = keys.parse_public_file(keys.own_identity(s).to_text().encode())
    with worker.session() as s:
        export.set_partner(s, coord_id)
    add_contact(worker, [add_person(worker, "Grand Marc")])
    sent = export_to(worker, tmp_path / "usb")
    page, _pickers, ctx = _page(qtbot, worker)
    page.resize(1136, 690)  # the page area of a 1366x768 screen, under the title bar and above the status bar
    page.show()
    page.refresh()
    panel = page.panel
    scroll = page.findChild(QScrollArea)
    bottom = panel.rewrite_button.mapTo(scroll.viewport(), panel.rewrite_button.rect().bottomLeft()).y()
    assert bottom <= scroll.viewport().height(), "« Réécrire… » is cut at the bottom"

    cells = [panel.history.item(0, c).text() for c in range(panel.history.columnCount())]
    headers = [panel.history.horizontalHeaderItem(c).text() for c in range(panel.history.columnCount())]
    assert "Empreinte" not in headers and not any(sent.sha256[:4] in cell.replace(" ", "") for cell in cells[:-1])
    monday = date.today() - timedelta(days=date.today().weekday())
    sunday = monday + timedelta(days=6)
    week = cells[headers.index("Semaines")]
    assert week.startswith(f"semaine du {monday.day} {FRENCH_MONTHS[monday.month - 1]}")
    assert week.endswith(f"au {sunday.day} {FRENCH_MONTHS[sunday.month - 1]} {sunday.year}")
    iso = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}")
    assert not [cell for cell in cells[:-1] if iso.search(cell)]  # the file's own name aside
    status = UnsentStatus(ctx)
    qtbot.addWidget(status)
    assert "dernier envoi no 1 le" in status.text() and not iso.search(status.text())
