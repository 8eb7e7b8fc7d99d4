"""Conflict and staff-support forms, the Bilan page and its PDF, with real widgets."""
from __future__ import annotations

import os
import re
import stat
import unicodedata
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader
from sqlalchemy import select

import activity_data as D
from models.activity import Conflict, StaffSupport
from views.bus import DataBus
from views.context import AppContext
from views.drafts import DraftRegistry
from tests.gui_doubles import ScriptedDialogs


@pytest.fixture
def ctx(vault):
    context = AppContext(vault=vault, bus=DataBus(), extras={"drafts": DraftRegistry(), "dialogs": ScriptedDialogs()})
    yield context
    context.ops.wait()


def _alt(qtbot, widget, key):
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def _show(qtbot, widget) -> None:
    """Shown and active, so its keyboard shortcuts work (offscreen too)."""
    from PySide6.QtWidgets import QApplication

    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def _computed(qtbot, page, interventions: str) -> None:
    """The Bilan computes off the GUI thread: wait for the newest answer."""
    qtbot.waitUntil(lambda: page.cards["interventions"].value.text() == interventions
                    and page.status.text() == "", timeout=10000)


def _saved_conflicts(vault):
    with vault.session() as s:
        return [(k.intensity, k.handled_by, k.action_taken, [p.alias for p in k.persons], k.outcome)
                for k in s.scalars(select(Conflict).where(Conflict.deleted_at.is_(None)))]


def test_conflict_is_recorded_by_keyboard(qtbot, ctx, vault):
    from app import people
    from views.activity.conflict_form import ConflictForm

    with vault.session() as s:
        people.create_person(s, "Grand Marc, casquette rouge")
    form = ConflictForm(ctx)
    qtbot.addWidget(form)
    _show(qtbot, form)
    changes = []
    ctx.bus.changed.connect(changes.append)

    form.when.setFocus()
    _alt(qtbot, form.when, Qt.Key.Key_3)
    assert form.intensity.checkedId() == 3
    form.action.setFocus()
    form.action.insertPlainText("Discussion à l'écart, café offert")  # QTest types ASCII only
    form.by["security"].setChecked(True)
    form.place.setCurrentIndex(form.place.findData("lib_computers"))
    qtbot.keyClicks(form.person_edit, "casquette")
    qtbot.keyClick(form.person_edit, Qt.Key.Key_Return)
    assert form.persons.count() == 1
    qtbot.keyClick(form.action, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ctx.ops.wait()  # written on the writer thread

    assert _saved_conflicts(vault) == [
        (3, "worker security", "Discussion à l'écart, café offert", ["Grand Marc, casquette rouge"], "resolved")
    ]
    assert {"conflict"} in changes
    assert form.intensity.checkedId() == -1 and form.action.toPlainText() == ""  # ready for the next one
    assert form.place.currentData() == "lib_computers"  # same zone as the last one
    assert not form.keeper.has_draft()


def test_conflict_without_intensity_is_not_saved_and_says_why(qtbot, ctx, vault):
    from views.activity.conflict_form import ConflictForm

    form = ConflictForm(ctx)
    qtbot.addWidget(form)
    form.action.insertPlainText("Bruit dans la salle de lecture")
    assert form.save() is None
    assert _saved_conflicts(vault) == []
    assert form.intensity_error.isVisibleTo(form)
    assert "Alt+1" in form.intensity_error.text()
    assert form.action.toPlainText() == "Bruit dans la salle de lecture"  # nothing typed is lost


def test_intensity_scale_is_described_in_the_form(qtbot, ctx):
    from views.activity.conflict_form import ConflictForm

    form = ConflictForm(ctx)
    qtbot.addWidget(form)
    texts = [form.scale_labels[level].text() for level in range(1, 6)]
    assert all(f"<b>{level}</b>" in text for level, text in zip(range(1, 6), texts))
    assert "police" in texts[4].lower()


def test_a_conflict_being_typed_comes_back_as_a_draft(qtbot, ctx):
    from views.activity.conflict_form import ConflictForm

    form = ConflictForm(ctx)
    qtbot.addWidget(form)
    form.intensity.button(4).click()
    form.action.insertPlainText("Objet lancé près de l'accueil")
    form.keeper.flush()  # what the shell does before a lock
    ctx.ops.wait()  # drafts are written on the writer thread
    form.close()
    again = ConflictForm(ctx)
    qtbot.addWidget(again)
    assert again.intensity.checkedId() == 4
    assert again.action.toPlainText() == "Objet lancé près de l'accueil"


def test_staff_support_is_recorded_by_keyboard(qtbot, ctx, vault):
    from views.activity.staff_form import StaffSupportForm

    form = StaffSupportForm(ctx)
    qtbot.addWidget(form)
    _show(qtbot, form)
    form.topic.setFocus()
    _alt(qtbot, form.topic, Qt.Key.Key_4)
    qtbot.keyClicks(form.topic, "Retour sur l'incident de mardi")
    form.staff_count.setValue(3)
    form.duration.setValue(45)
    qtbot.keyClick(form.topic, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ctx.ops.wait()
    with vault.session() as s:
        rows = [(r.kind, r.topic, r.staff_count, r.duration_min, r.occurred_on) for r in s.scalars(select(StaffSupport))]
    assert rows == [("debrief", "Retour sur l'incident de mardi", 3, 45, date.today())]
    assert form.topic.text() == ""


def test_staff_support_without_topic_is_refused(qtbot, ctx, vault):
    from views.activity.staff_form import StaffSupportForm

    form = StaffSupportForm(ctx)
    qtbot.addWidget(form)
    form.save()
    ctx.ops.wait()  # refused by the core, said under the fields (no dialog)
    assert form.error.text() and ctx.extras["dialogs"].said == []
    with vault.session() as s:
        assert s.scalars(select(StaffSupport)).first() is None


def test_staff_page_lists_and_deletes(qtbot, ctx, vault):
    from app.activity import staff_support
    from views.activity.staff_page import StaffPage

    with vault.session() as s:
        staff_support.create(s, occurred_on=date.today(), kind="awareness", topic="Santé mentale", staff_count=6,
                             duration_min=90)
    page = StaffPage(ctx)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    page.table.selectRow(0)
    page._delete_selected()
    ctx.ops.wait()
    assert page.table.rowCount() == 0


# ---- Bilan ---------------------------------------------------------------------------

@pytest.fixture
def pilot_ctx(ctx, vault, pilot_template):
    D.copy_into(pilot_template, vault)
    return ctx


def test_bilan_page_shows_exact_figures_and_follows_the_period(qtbot, pilot_ctx):
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import QTableWidget

    from views.activity.bilan_page import BilanPage, MONTH

    page = BilanPage(pilot_ctx)
    qtbot.addWidget(page)
    page.resize(1146, 700)
    page.show()
    qtbot.waitExposed(page)
    _computed(qtbot, page, "251")  # computed on the writer thread
    assert page.cards["people"].value.text() == "82"
    ages = page.findChild(QTableWidget, "table_people_by_age_gender")
    assert ages.item(0, 2).text() == "3"  # the worker's screen: exact
    assert page.findChild(QChartView, "chart_conflicts_by_month") is not None

    page.set_period(MONTH, anchor=date(2026, 3, 15))
    _computed(qtbot, page, "50")
    page.next.click()
    _computed(qtbot, page, "56")  # April


def test_bilan_exports_hide_small_counts_unless_asked(qtbot, pilot_ctx, tmp_path):
    from views.activity.bilan_page import BilanPage, CUSTOM

    page = BilanPage(pilot_ctx)
    qtbot.addWidget(page)
    page.set_period(CUSTOM, first=D.PILOT_FIRST, last=D.PILOT_LAST)
    page.pick_path = lambda fmt, suggested: str(tmp_path / f"bilan.{fmt}")
    page.export("csv")
    pilot_ctx.ops.wait()
    csv_path = page.last_export
    assert "18 à 24 ans;x;< 5;10" in csv_path.read_text("utf-8-sig")  # 7 would give 10 - 7 away
    page.exact.setChecked(True)
    page.pick_path = lambda fmt, suggested: str(tmp_path / "interne")
    page.export("csv")
    pilot_ctx.ops.wait()
    exact = page.last_export
    assert exact.name == "interne.csv" and "18 à 24 ans;7;3;10" in exact.read_text("utf-8-sig")
    assert "interne.csv" in page.status.text()


def _pdf_text(path) -> tuple[int, str, int]:
    reader = PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    images = sum(len(page.images) for page in reader.pages)
    return len(reader.pages), text, images


def test_pdf_has_pages_french_text_accents_and_charts(qtbot, pilot_ctx, vault, tmp_path):
    from app.report import worker
    from views.activity.report_pdf import write_pdf

    with vault.session() as s:
        report = worker.report(s, worker.pilot_period(s, D.TODAY), today=D.TODAY)
    path = write_pdf(report, tmp_path / "bilan.pdf")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    pages, text, images = _pdf_text(path)
    assert pages >= 3
    assert f"Page 1 de {pages}" in text and f"Page {pages} de {pages}" in text
    for words in ("Bilan des activités de l'intervention de milieu", "du 1er janvier 2026 au 31 mai 2026",
                  "Bibliothèque de test", "Intensité moyenne des conflits", "Références par statut",
                  "Conflits par mois et intensité", "févr. 2026", "< 5", "inférieurs à 5"):
        assert words in text, words
    assert images >= 8  # one chart per table with something to draw


def test_milieu_report_pdf_from_the_command_line(pilot_ctx, vault, tmp_path, monkeypatch):
    from views.launcher import main

    vault.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", "correct horse battery staple")
    out = tmp_path / "bilan.pdf"
    assert main(["--data-dir", str(vault.paths.root), "report", "--from", "2026-01-01", "--to", "2026-05-31",
                 "--format", "pdf", "--out", str(out)]) == 0
    pages, text, _images = _pdf_text(out)
    assert pages >= 3 and "Interventions 251" in text


def test_pilot_dates_edited_on_the_bilan_page_are_kept(qtbot, pilot_ctx, vault):
    from PySide6.QtCore import QDate

    from app.report import worker
    from views.activity.bilan_page import BilanPage

    page = BilanPage(pilot_ctx)
    qtbot.addWidget(page)
    page.show()
    page.first_day.setDate(QDate(2026, 3, 1))
    qtbot.waitUntil(lambda: page.cards["interventions"].value.text() == str(50 + 56 + 60), timeout=3000)
    with vault.session() as s:
        p = worker.pilot_period(s, D.TODAY)
    assert (p.start, p.last_day) == (date(2026, 3, 1), D.PILOT_LAST)


def test_presence_dialog_changes_the_hours_of_the_report(qtbot, ctx, vault):
    from app.activity import presence
    from views.activity.presence_dialog import PresenceDialog

    dialog = PresenceDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.plan_library.value() == 25 and dialog.plan_street.value() == 10
    dialog.plan_library.setValue(22.5)
    dialog.plan_save.click()
    dialog.day.setDate(date(2026, 11, 4))
    dialog.library.setValue(12)
    dialog.street.setValue(3)
    dialog.entry_save.click()
    ctx.ops.wait()
    assert dialog.table.rowCount() == 1  # the open dialog listened for the change
    with vault.session() as s:
        assert presence.schedule(s).library_min == 22 * 60 + 30
        [row] = presence.rows(s, date(2026, 11, 2), date(2026, 11, 9))
    assert (row.starts_on, row.library_min, row.street_min) == (date(2026, 11, 2), 12 * 60, 3 * 60)


def test_coordination_bilan_chooses_a_worker_or_all(qtbot, make_vault):
    import json

    from app import settings
    from app.sync import decode, keys
    from models.sync import SyncPeer, SyncRecord
    from views.activity.bilan_page import BilanPage, CUSTOM

    coord = make_vault("piaule")
    with coord.session() as s:
        settings.set_many(s, {keys.MODE: keys.MODE_COORDINATION})
        for n, count in ((1, 2), (2, 5)):
            peer = SyncPeer(role="worker", label=f"Intervenant·e {n}", signing_public=bytes([n]) * 32,
                            key_id=f"{n:064x}", fingerprint=f"fp{n}")
            s.add(peer)
            s.flush()
            for k in range(count):
                s.add(SyncRecord(peer_id=peer.id, entity="contact", uid=f"c{n}-{k}", version=1, deleted=False,
                                 changed_at=datetime(2026, 6, 1), bundle_sequence=1,
                                 data=json.dumps({"occurred_at": f"2026-05-1{k}T10:00:00", "person_uids": ["p-1"]})))
        decode.rebuild(s)  # the importer's decode step, for these records written directly
    ctx = AppContext(vault=coord, bus=DataBus(), extras={"drafts": DraftRegistry(), "dialogs": ScriptedDialogs()})
    page = BilanPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert not page.presence_button.isVisible()
    page.set_period(CUSTOM, first=date(2026, 5, 1), last=date(2026, 5, 31))
    assert [page.worker.itemText(i) for i in (1, 2)] == ["Intervenant·e 1", "Intervenant·e 2"]
    assert page.worker.currentData() is None  # all workers
    _computed(qtbot, page, "7")
    assert page.cards["people"].value.text() == "2"  # the same pseudonym at two workers: two people
    page.worker.setCurrentIndex(2)
    _computed(qtbot, page, "5")
    ctx.ops.wait()


def _report_table(key, columns, rows, people=frozenset(), chart_columns=(1,), sums=()):
    from app.report.model import Table

    return Table(key, columns, rows, people_columns=people, chart_columns=chart_columns, sums=sums)


def test_charts_meant_for_outside_never_draw_a_hidden_small_count(qtbot):
    from app.report.model import RowSum
    from views.activity import charts

    ages = _report_table("people_by_age_gender", ["age_bracket", "gender_0", "gender_1", "gender_2", "total"],
                         [["18 à 24 ans", 7, 3, 6, 16], ["35 à 49 ans", 30, 10, 12, 52]],
                         people=frozenset({1, 2, 3, 4}), chart_columns=(1, 2, 3), sums=(RowSum((1, 2, 3), 4),))
    assert charts.drawable_columns(ages, outside=False) == [1, 2, 3]
    # Column 2 holds "< 5"; column 3 holds the 6 hidden so that 16 - 7 - 6 cannot give it away.
    assert charts.drawable_columns(ages, outside=True) == [1]
    drawn = charts.build_chart(ages, outside=True)
    [series] = drawn.series()
    assert [bar.count() for bar in series.barSets()] == [2] and len(series.barSets()) == 1


def test_years_of_months_are_drawn_as_lines_labelled_by_year(qtbot):
    from PySide6.QtCharts import QCategoryAxis, QLineSeries

    from app.report import labels
    from views.activity import charts

    months = [labels.month(f"{2024 + (m // 12)}-{m % 12 + 1:02d}") for m in range(3, 30)]  # avr. 2024 .. juin 2026
    table = _report_table("activity_by_month", ["month", "interventions"], [[m, 40 + i] for i, m in enumerate(months)])
    chart = charts.build_chart(table)
    assert all(isinstance(s, QLineSeries) for s in chart.series())
    [axis] = [a for a in chart.axes() if isinstance(a, QCategoryAxis)]
    assert axis.categoriesLabels() == ["2024", "2025", "2026"]


def test_bilan_computes_off_the_gui_thread_when_a_runner_is_given(qtbot, pilot_ctx):
    from views.activity.bilan_page import BilanPage, MONTH
    from views.tasks import TaskRunner

    runner = TaskRunner()
    pilot_ctx.extras["tasks"] = runner
    page = BilanPage(pilot_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.cards["interventions"].value.text() == "251", timeout=10000)
    page.set_period(MONTH, anchor=date(2026, 2, 1))
    page.set_period(MONTH, anchor=date(2026, 3, 1))  # asked before the first answer: the last one wins
    qtbot.waitUntil(lambda: page.cards["interventions"].value.text() == "50" and not runner.busy, timeout=10000)
    assert page.report.period.start == date(2026, 3, 1)
    runner.wait()


def test_when_is_the_time_the_form_is_started_not_built(qtbot, ctx, vault, monkeypatch):
    """A conflict logged at 19:56 on a page built at 13:00 and shown at 19:52 is at 19:56; a time set by hand stays."""
    from PySide6.QtCore import QDateTime

    import views.activity.conflict_form as module

    clock = {"now": datetime(2026, 11, 26, 13, 0)}

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return clock["now"]

    monkeypatch.setattr(module, "datetime", Clock)
    form = module.ConflictForm(ctx)
    qtbot.addWidget(form)
    when = lambda: form.when.dateTime().toPython().replace(tzinfo=None)  # noqa: E731
    clock["now"] = datetime(2026, 11, 26, 19, 52)
    _show(qtbot, form)
    assert when() == datetime(2026, 11, 26, 19, 52)  # shown: not the time it was built
    clock["now"] = datetime(2026, 11, 26, 19, 56)
    form.intensity.button(3).click()  # the conflict begins
    assert when() == datetime(2026, 11, 26, 19, 56)
    clock["now"] = datetime(2026, 11, 26, 20, 5)
    form.action.insertPlainText("Voix fortes")
    assert when() == datetime(2026, 11, 26, 19, 56)  # started once
    form.when.setDateTime(QDateTime(datetime(2026, 11, 26, 19, 40)))  # by hand
    form.hide()
    clock["now"] = datetime(2026, 11, 26, 21, 0)
    form.show()
    qtbot.waitExposed(form)
    assert when() == datetime(2026, 11, 26, 19, 40)
    assert form.save() is not None
    ctx.ops.wait()  # saved on the writer thread
    with vault.session() as s:
        assert [k.occurred_at for k in s.scalars(select(Conflict))] == [datetime(2026, 11, 26, 19, 40)]
    clock["now"] = datetime(2026, 11, 26, 22, 15)
    form.intensity.button(2).click()  # the next conflict
    assert when() == datetime(2026, 11, 26, 22, 15)


def test_bilan_refuses_a_reversed_or_future_period_at_the_dates(qtbot, pilot_ctx, tmp_path, french):
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from views.activity.bilan_page import CUSTOM, BilanPage

    page = BilanPage(pilot_ctx)
    qtbot.addWidget(page)
    page.show()
    page.set_period(CUSTOM, first=D.PILOT_FIRST, last=D.PILOT_LAST)
    page.first_day.setDate(QDate(D.PILOT_LAST + timedelta(days=3)))  # after the last day
    qtbot.waitUntil(page.period_error.isVisible, timeout=3000)
    assert page.period_error.text() == "Le premier jour est après le dernier."
    assert page.first_day.date().toPython() == D.PILOT_LAST + timedelta(days=3)  # not swapped, not lost
    page.pick_path = lambda fmt, suggested: str(tmp_path / f"bilan.{fmt}")
    assert page.export("csv") is False and not (tmp_path / "bilan.csv").exists()  # no silent swap
    future = date.today() + timedelta(days=10)
    page.last_day.setDate(QDate(future + timedelta(days=20)))
    page.first_day.setDate(QDate(future))
    qtbot.waitUntil(lambda: page.period_error.text() == "Cette période n'a pas encore commencé.", timeout=3000)
    page.first_day.setDate(QDate(D.PILOT_FIRST))
    page.last_day.setDate(QDate(D.PILOT_LAST))
    qtbot.waitUntil(lambda: not page.period_error.isVisible(), timeout=3000)
    assert page.export("csv") is True
    page.ctx.ops.wait()
    assert (tmp_path / "bilan.csv").exists()


def test_count_axes_tick_whole_numbers_only_on_small_counts(qtbot):
    from PySide6.QtCharts import QValueAxis

    from app.report.model import TREND
    from app.report.ticks import integer_ticks
    from views.activity import charts

    assert integer_ticks(1) == (1, 2) and integer_ticks(2) == (2, 3) and integer_ticks(0) == (1, 2)
    assert integer_ticks(7) == (7, 8) and integer_ticks(13) == (14, 8) and integer_ticks(251) == (300, 7)

    def ticks(chart) -> list[float]:
        axes = [a for a in chart.axes() if isinstance(a, QValueAxis) and a.labelFormat() == "%d"]
        assert axes
        out = []
        for axis in axes:
            step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
            out.extend(axis.min() + i * step for i in range(axis.tickCount()))
        return out

    # One or two interventions of a kind: Qt's nice numbers gave 0, 0.5, 1, 1.5 (read "0 0 1 1").
    kinds = _report_table("contacts_by_type", ["type", "contacts"], [["Écoute", 1], ["Référence", 1]])
    months = _report_table("activity_by_month", ["month", "interventions"], [["nov. 2026", 1], ["déc. 2026", 1]])
    trend = _report_table("conflicts_trend", ["month", "before", "after"], [["nov.", 1, None], ["déc.", None, 1]])
    trend.chart = TREND
    for table in (kinds, months, trend):
        values = ticks(charts.build_chart(table))
        assert all(float(v).is_integer() for v in values), (table.key, values)
        assert len(set(values)) == len(values)
