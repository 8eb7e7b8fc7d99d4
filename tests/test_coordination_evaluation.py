"""The evaluation at La Piaule (issue 13, item 8) on both coordination stores: the known
data set sent through bundles gives the worker's own figures on the embedded SQLCipher vault
and on a real PostgreSQL server (tests/pg_server.py); tombstones and edits update them; a
coordination store made before revision 0010 gives identical figures once migrated."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from alembic import command
from sqlalchemy import func, select, text

import evaluation_data as E
from bundle_kit import export_to, make_coordination, pair
from pg_server import Server
from app import contacts, history, people, schema
from app.evaluation import survey, visits
from app.report import coordination, evaluation_worker, worker
from app.report import period as periods
from app.sync import importer, store as stores
from models import coordination_evaluation as coord_eval
from models.evaluation import BaselineIncident, SurveyResponse
from models.people import Person

ENGINES = ["sqlcipher", "postgresql"]
EVALUATION_TABLES = ("baseline_comparison", "conflicts_trend", "intensity_comparison", "unmet_needs_by_need",
                     "unmet_needs_by_month", "groups", "survey_means", "survey_distribution")
PILOT = periods.custom(E.PILOT_FIRST, E.PILOT_LAST)


@pytest.fixture(scope="module")
def pg():
    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=ENGINES)
def coord(request, tmp_path, monkeypatch):
    """(coordination vault, its store) on each engine."""
    vault = make_coordination(tmp_path / "piaule")
    if request.param == "postgresql":
        server = request.getfixturevalue("pg")
        monkeypatch.setenv("PGPASSFILE", str(server.passfile))
        store = stores.attach_postgresql(vault, server.new_database())
    else:
        store = stores.Store(vault)
    yield vault, store
    store.close()
    vault.lock()


@pytest.fixture
def library(make_vault, tmp_path):
    """A worker's vault holding the known data set of issue 13."""
    vault = make_vault("worker")
    E.build(vault, tmp_path)
    return vault


def _send(worker_vault, coord_vault, store, out) -> None:
    data = export_to(worker_vault, out).path.read_bytes()
    ((_name, result),) = list(importer.import_many(coord_vault, [("b.bundle", data)], store))
    assert result.status == importer.IMPORTED


def _baseline():
    return evaluation_worker.parse_range(E.BASELINE)


def _evaluation(report) -> dict:
    return {t.key: t.rows for t in report.tables if t.key in EVALUATION_TABLES}


def _own(vault) -> dict:
    with vault.session() as s:
        return _evaluation(worker.report(s, PILOT, today=E.TODAY, baseline=_baseline()))


def _theirs(store, peer_id="one"):
    with store.reading() as s:
        (peer,) = coordination.workers(s) if peer_id == "one" else (None,)
        return coordination.report(s, PILOT, peer.id if peer else None, today=E.TODAY, baseline=_baseline())


def _comparison(report) -> dict:
    keys = {worker.aggregate.words.text(k, "fr"): k for k in E.EXPECTED}
    return {keys[row[0]]: tuple(row[1:]) for row in report.table("baseline_comparison").rows}


def test_the_known_data_set_gives_the_workers_own_evaluation_on_each_engine(library, coord, tmp_path):
    vault, store = coord
    pair(library, vault)
    _send(library, vault, store, tmp_path / "out")
    own = _own(library)
    one, every = _theirs(store), _theirs(store, None)
    assert _comparison(one) == _comparison(every) == E.EXPECTED
    assert _evaluation(one) == _evaluation(every) == own
    assert set(own) == set(EVALUATION_TABLES)
    means = {row[0]: tuple(row[1:]) for row in one.table("survey_means").rows}
    assert means["Je sais qui appeler"] == (1.67, 6, 4.33, 3, 2.67)
    assert {k: v for k, v in one.as_dict("unmet_needs_by_need").items() if v} == {
        "Place en hébergement d'urgence": 5, "Médecin de famille": 3, "Place en désintoxication": 1}
    groups = {row[0]: tuple(row[1:]) for row in one.table("groups").rows}
    assert groups["Parent seul"] == (4, 1) and groups["Personne réfugiée"] == (5, 1)
    with store.reading() as s:  # decoded once at import, in typed tables
        assert s.scalar(select(func.count()).select_from(coord_eval.baseline_incident)) == 120
        # The Bilan's default baseline, the 12 months before the pilot, finds the library's incidents.
        assert coordination.default_baseline(s, E.TODAY) is not None
        assert s.scalar(select(func.count()).select_from(coord_eval.conflict_call)) == 2

    # Tombstones and edits reach the typed tables: the figures follow the worker's own.
    with library.session() as s:
        high = s.scalars(select(BaselineIncident).where(BaselineIncident.intensity == 5)).first()
        history.record_delete(s, high)
        latest = s.scalars(select(SurveyResponse).where(SurveyResponse.round == "2025-06")).first()
        survey.delete(s, latest.id)
        visits.set_visits(s, date(2025, 3, 1), "month", 10_000)
        lili = s.scalars(select(Person).where(Person.alias == "Lili aux lunettes")).one()
        people.update_person(s, lili.id, groups=["newcomer"], today=E.TODAY)
        need = s.execute(text("SELECT contact_id FROM contact_unmet_need WHERE code = 'detox_place'")).scalar()
        changed = dataclasses.replace(contacts.contact_input(s, need), unmet_needs=["housing"])
        contacts.update_contact(s, need, changed, today=E.TODAY)
    _send(library, vault, store, tmp_path / "out")
    own = _own(library)
    assert _evaluation(_theirs(store)) == _evaluation(_theirs(store, None)) == own
    after = _comparison(_theirs(store))
    assert after["conflicts"][0] == 119 and after["emergency_calls"][0] == 5
    assert after["visits"][1] == 110_000
    groups = {row[0]: tuple(row[1:]) for row in _theirs(store).table("groups").rows}
    assert groups["Personne réfugiée"] == (0, 0) and groups["Personne nouvellement arrivée"] == (5, 1)


def test_two_workers_of_one_library_sending_its_files_count_them_once(make_vault, coord, tmp_path):
    vault, store = coord
    for name in ("w1", "w2"):
        w = make_vault(name, worker=f"Intervenant {name}")
        E.build(w, tmp_path / name)
        pair(w, vault)
        _send(w, vault, store, tmp_path / name / "out")
    every = _comparison(_theirs(store, None))
    assert every["conflicts"] == (120, 96, None)  # the baseline once, each worker's conflicts
    assert every["visits"] == (240_000, 120_000, None)


def _below_0010(engine) -> None:
    """The store as a release before revision 0010 left it: raw records, no evaluation tables."""
    cfg = schema._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010@-1")
    with engine.connect() as conn:
        assert "0010" not in schema.applied_revisions(schema.database_heads(conn))


def test_a_store_made_before_0010_gives_identical_figures_once_migrated(library, coord, tmp_path):
    from conftest import PASSPHRASE

    vault, store = coord
    pair(library, vault)
    _send(library, vault, store, tmp_path / "out")
    before = _evaluation(_theirs(store)), _evaluation(_theirs(store, None))
    assert before[0] == _own(library)
    _below_0010(store.engine)
    if store.separate:
        stores.migrate(store.engine)  # what the next Milieu does when it opens the store
    else:
        vault.lock()
        vault.unlock(PASSPHRASE)  # migrates to heads
    assert (_evaluation(_theirs(store)), _evaluation(_theirs(store, None))) == before
    with store.reading() as s:
        assert s.scalar(select(func.count()).select_from(coord_eval.survey_answer)) == 12 + 6 + 3


def test_a_worker_who_sent_only_the_librarys_past_incidents_is_listed(make_vault, coord, tmp_path):
    from evaluation_data import incidents_csv
    from app.evaluation import baseline

    vault, store = coord
    w = make_vault("w1", worker="Intervenant w1")
    with w.session() as s:
        baseline.import_file(s, incidents_csv(tmp_path / "incidents.csv"), today=E.TODAY)
    pair(w, vault)
    _send(w, vault, store, tmp_path / "out")
    with store.reading() as s:
        assert [p.label for p in coordination.workers(s)] == ["Bibliothèque de test — Intervenant w1"]
    every = _comparison(_theirs(store, None))
    assert every["conflicts"][0] == 120  # the library's baseline reaches La Piaule's report
