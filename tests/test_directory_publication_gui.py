"""La Piaule's directory file as the worker meets it: Répertoire's « Importer… », the
receipts column of Envois, the warning on Today. Real vaults, widgets offscreen, French."""
from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from app.directory.hsds_import import import_file
from app.directory.publication.publish import publish
from app.directory.sample import SAMPLE_DIRECTORY
from bundle_kit import add_contact, add_person, export_to, import_bytes, make_coordination, pair
from gui_doubles import ScriptedDialogs
from models.sync import BundleSent
from views.bus import DataBus
from views.context import AppContext
from views.directory.repertoire_page import RepertoirePage
from views.floor.today_page import TodayPage
from views.sync.envois_page import EnvoisPage


@pytest.fixture
def parties(make_vault, tmp_path):
    worker = make_vault("worker")
    coord = make_coordination(tmp_path / "coord")
    pair(worker, coord)
    with coord.session() as s:
        import_file(s, SAMPLE_DIRECTORY)
    yield worker, coord
    coord.lock()


def _ctx(vault):
    return AppContext(vault=vault, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})


def test_importer_applies_the_signed_directory_and_refuses_a_changed_one(qtbot, french, parties, tmp_path):
    worker, coord = parties
    with coord.session() as s:
        path = publish(s, tmp_path / "usb").path
    ctx = _ctx(worker)
    page = RepertoirePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.import_path(path)
    ctx.ops.wait()  # applied on the writer thread
    assert page.message.text() == "Répertoire de La Piaule appliqué : 15 nouveaux, 0 modifiés, 0 retirés."
    page.refresh()
    page.show_service(page.search.model.hits[-1].id)
    assert "Nouveau dans le répertoire de La Piaule" in page.detail.label.text()
    ctx.ops.wait()  # marked as seen on the writer thread
    page.show_service(page.search.model.hits[-1].id)  # opened once: no longer news
    assert "Nouveau dans le répertoire de La Piaule" not in page.detail.label.text()
    page.import_path(path)
    ctx.ops.wait()
    assert page.message.text() == "Ce fichier de répertoire a déjà été appliqué : rien n’a changé."
    data = bytearray(path.read_bytes())
    data[80] ^= 0xFF
    changed = tmp_path / "changed.milieu-directory"
    changed.write_bytes(bytes(data))
    page.import_path(changed)
    ctx.ops.wait()
    assert page.message.text().startswith("Fichier de répertoire refusé : ")


def test_envois_shows_what_la_piaule_received_and_today_warns_about_the_rest(qtbot, french, parties, tmp_path):
    worker, coord = parties
    add_contact(worker, [add_person(worker, "Grand Marc")])
    first = export_to(worker, tmp_path / "usb")
    add_contact(worker, [add_person(worker, "Petite Lune")])
    export_to(worker, tmp_path / "usb")
    import_bytes(coord, first.path.read_bytes())
    with worker.session() as s:
        s.execute(update(BundleSent).values(created_at=datetime.utcnow() - timedelta(days=20)))
    with coord.session() as s:
        data = publish(s, tmp_path / "out").path.read_bytes()
    ctx = _ctx(worker)
    repertoire = RepertoirePage(ctx)
    qtbot.addWidget(repertoire)
    path = tmp_path / "la-piaule.milieu-directory"
    path.write_bytes(data)
    repertoire.import_path(path)
    ctx.ops.wait()

    envois = EnvoisPage(_ctx(worker))
    qtbot.addWidget(envois)
    envois.refresh()
    history = envois.panel.history
    headers = [history.horizontalHeaderItem(c).text() for c in range(history.columnCount())]
    column = headers.index("Reçu par La Piaule")
    received = {history.item(r, 0).text(): history.item(r, column).text() for r in range(history.rowCount())}
    assert re.fullmatch(r"\d{1,2} \S+ \d{4}", received["1"]) and received["2"] == "pas encore"  # "2 déc. 2026"

    today = TodayPage(_ctx(worker))
    qtbot.addWidget(today)
    today.show()
    today.refresh()
    assert today.receipt_warning.isVisible()
    assert today.receipt_warning.text() == (
        "La Piaule n’a pas confirmé avoir reçu 1 envoi envoyé il y a plus de 14 jours (voir Envois).")
