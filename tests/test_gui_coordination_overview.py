"""The coordination window as La Piaule's supervisor meets it: a worker silent for 9 days
is flagged, the selected worker's weekly trend (contacts and distinct people) is drawn,
libraries sit side by side; the same figures as ``milieu coordination overview``.
Real vaults and bundles, real widgets offscreen, the French translation installed."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from app.sync import export, overview
from bundle_kit import add_contact, add_person, export_to, import_bytes, make_coordination, pair
from gui_doubles import ScriptedDialogs
from models import coordination as coord_tables
from views.bus import DataBus
from views.context import AppContext
from views.sync.envois_page import EnvoisPage


def _monday(weeks_ago: int) -> date:
    today = date.today()
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks_ago)


def _send(worker, coord, out, written_on: date | None = None, monkeypatch=None):
    """A bundle written on ``written_on`` (the worker's clock), imported by La Piaule."""
    if written_on is not None:
        monkeypatch.setattr(export, "utcnow", lambda: datetime.combine(written_on, time(12)))
    data = export_to(worker, out).path.read_bytes()
    if written_on is not None:
        monkeypatch.undo()
    assert import_bytes(coord, data).status == "imported"


def test_a_worker_silent_for_9_days_is_flagged_and_the_weekly_trend_is_drawn(
        qtbot, french, make_vault, tmp_path, monkeypatch):
    coord = make_coordination(tmp_path / "coord")
    alex = make_vault("alex", site="Bibliothèque du Centre", worker="Alex Test")
    sam = make_vault("sam", site="Bibliothèque du Parc", worker="Sam Test")
    for worker in (alex, sam):
        pair(worker, coord)
    marc, lea = add_person(alex, "Grand Marc"), add_person(alex, "Léa")
    two_weeks, three_weeks = _monday(2), _monday(3)
    add_contact(alex, [marc], when=datetime.combine(two_weeks, time(10)))
    add_contact(alex, [marc], when=datetime.combine(two_weeks + timedelta(days=2), time(14)))
    add_contact(alex, [marc, lea], when=datetime.combine(three_weeks + timedelta(days=1), time(11)))
    _send(alex, coord, tmp_path / "alex-out", date.today() - timedelta(days=9), monkeypatch)
    add_contact(sam, [add_person(sam, "Rosie")], when=datetime.combine(_monday(0), time(9)))
    _send(sam, coord, tmp_path / "sam-out")

    ctx = AppContext(vault=coord, bus=DataBus(), extras={"dialogs": ScriptedDialogs()})
    page = EnvoisPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    panel = page.panel
    try:
        warning = panel.silence
        assert warning.isVisible()
        text = warning.text().replace("\u00a0", " ")
        assert "plus de 8 jours" in text and "Alex Test (9 jours)" in text and "Sam Test" not in text

        labels = [panel.workers.item(r, 0).text() for r in range(panel.workers.rowCount())]
        alex_row = next(r for r, label in enumerate(labels) if "Alex Test" in label)
        sam_row = next(r for r, label in enumerate(labels) if "Sam Test" in label)
        assert panel.workers.item(alex_row, 6).text() == "9 jours, en retard"
        assert panel.workers.item(sam_row, 6).text() == "Aujourd’hui"

        libraries = {panel.libraries.table.item(r, 0).text():
                     [panel.libraries.table.item(r, c).text() for c in (1, 2, 3, 6)]
                     for r in range(panel.libraries.table.rowCount())}
        assert libraries == {"Bibliothèque du Centre": ["1", "1", "3", "il y a 9 jours"],
                             "Bibliothèque du Parc": ["1", "0", "1", "Aujourd’hui"]}

        panel.workers.setCurrentCell(alex_row, 0)
        weeks = overview.weeks_up_to(date.today())
        contacts, people = panel.detail.chart.chart().series()
        assert contacts.name() == "Contacts" and people.name() == "Personnes distinctes"
        drawn = {weeks[int(p.x())]: (int(p.y()), int(q.y())) for p, q in zip(contacts.points(), people.points())
                 if p.y() or q.y()}
        assert drawn == {coord_tables.iso_week(two_weeks): (2, 1), coord_tables.iso_week(three_weeks): (1, 2)}
        weekly = [[panel.weekly.item(r, c).text() for c in range(3)] for r in range(panel.weekly.rowCount())]
        assert [row[1:] for row in weekly] == [["2", "1"], ["1", "2"]]  # newest week first
        assert weekly[0][0].startswith("semaine du ")
    finally:
        page.close()
        coord.lock()
