"""The coordination store on both engines: the embedded SQLCipher vault and a real
PostgreSQL server these tests start themselves (tests/pg_server.py)."""
from __future__ import annotations

import threading
import pytest
from sqlalchemy import func, select, text

import activity_data as D
from bundle_kit import delete_contact, export_to, make_coordination, pair
from pg_server import Server
from app import schema
from app.report import coordination, worker
from app.report import period as periods
from app.sync import importer, store as stores
from models import coordination as coord_tables
from models import coordination_evaluation
from models.sync import BundleReceived

ENGINES = ["sqlcipher", "postgresql"]


@pytest.fixture(scope="session")
def pg():
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def pilot(vault, pilot_template):
    D.copy_into(pilot_template, vault)
    return vault


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


def _import(vault, store, data: bytes) -> importer.ImportResult:
    ((_name, result),) = list(importer.import_many(vault, [("b.bundle", data)], store))
    return result


def _shape(report):
    return [(f.key, f.value) for f in report.figures], [(t.key, t.rows) for t in report.tables]


def _pilot_report(s, peer_id=None):
    return coordination.report(s, periods.custom(D.PILOT_FIRST, D.PILOT_LAST), peer_id, today=D.TODAY)


def test_same_report_on_each_engine_as_the_workers_own(pilot, coord, tmp_path):
    vault, store = coord
    pair(pilot, vault)
    assert _import(vault, store, export_to(pilot, tmp_path / "out").path.read_bytes()).status == importer.IMPORTED
    with pilot.session() as s:
        own = worker.report(s, periods.custom(D.PILOT_FIRST, D.PILOT_LAST), today=D.TODAY)
    with store.reading() as s:
        (peer,) = coordination.workers(s)
        one, every = _pilot_report(s, peer.id), _pilot_report(s)
    assert one.value("interventions") == D.EXPECTED["interventions"] == 251
    assert _shape(one) == _shape(every) == _shape(own)

    # A tombstone updates the typed tables: one contact fewer, on both engines.
    delete_contact(pilot, _any_contact(pilot))
    assert _import(vault, store, export_to(pilot, tmp_path / "out").path.read_bytes()).status == importer.IMPORTED
    with store.reading() as s:
        assert _pilot_report(s).value("interventions") == 250
        assert s.scalar(select(func.count()).select_from(coord_tables.contact)) == 250


def test_two_supervisors_importing_the_same_bundle_import_it_once(pilot, coord, tmp_path):
    vault, store = coord
    pair(pilot, vault)
    data = export_to(pilot, tmp_path / "out").path.read_bytes()
    other = stores.Store(vault)  # a second supervisor: own connections to the same store
    start, results = threading.Barrier(2), []

    def run(s):
        start.wait()
        results.append(_import(vault, s, data).status)

    threads = [threading.Thread(target=run, args=(s,)) for s in (store, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    other.close()
    assert sorted(results) == [importer.ALREADY_IMPORTED, importer.IMPORTED]
    with store.reading() as s:
        assert s.scalar(select(func.count()).select_from(BundleReceived)) == 1
        assert _pilot_report(s).value("interventions") == 251


def test_a_report_during_an_import_sees_all_of_a_bundle_or_none(pilot, coord, tmp_path):
    vault, store = coord
    pair(pilot, vault)
    first = export_to(pilot, tmp_path / "out").path.read_bytes()
    _import(vault, store, first)
    delete_contact(pilot, _any_contact(pilot))
    second = export_to(pilot, tmp_path / "out", full=True).path.read_bytes()
    with store.reading() as s:
        before = _pilot_report(s).value("interventions")
        done = threading.Thread(target=lambda: _import(vault, store, second))
        done.start()
        done.join(60)
        assert not done.is_alive()
        assert _pilot_report(s).value("interventions") == before == 251  # the same snapshot throughout
    with store.reading() as s:
        assert _pilot_report(s).value("interventions") == 250


def _any_contact(vault) -> str:
    with vault.session() as s:
        return s.execute(text("SELECT uid FROM contact WHERE occurred_at >= '2026-02-01' LIMIT 1")).scalar()


def test_imports_of_different_workers_run_side_by_side_on_postgresql(pg, make_vault, tmp_path, monkeypatch):
    import shutil

    from bundle_kit import add_contact, add_person
    from conftest import PASSPHRASE
    from app.vault import Vault

    monkeypatch.setenv("PGPASSFILE", str(pg.passfile))
    vault = make_coordination(tmp_path / "piaule")
    stores.attach_postgresql(vault, pg.new_database()).close()
    bundles = []
    for n in (1, 2):
        w = make_vault(f"w{n}", worker=f"Intervenant {n}")
        pair(w, vault)
        add_contact(w, [add_person(w, f"Personne {n}")])
        bundles.append(export_to(w, tmp_path / f"out{n}").path.read_bytes())
    vault.lock()
    shutil.copytree(tmp_path / "piaule", tmp_path / "piaule-2")  # a second supervisor's copy of the vault
    vault.unlock(PASSPHRASE)
    second = Vault(tmp_path / "piaule-2")
    second.unlock(PASSPHRASE)
    store, store2 = stores.Store(vault), stores.Store(second)
    try:
        # Worker 1's import holds its transaction open; worker 2's goes through meanwhile.
        with vault.session() as local, store.session() as remote:
            importer.import_bundle(local, bundles[0], "w1.bundle", remote)
            other = threading.Thread(target=lambda: _import(second, store2, bundles[1]))
            other.start()
            other.join(30)
            assert not other.is_alive()
        with store.reading() as s:
            assert s.scalar(select(func.count()).select_from(BundleReceived)) == 2
            assert len(coordination.workers(s)) == 2
    finally:
        store.close()
        store2.close()
        second.lock()
        vault.lock()


def test_a_migrated_coordination_vault_gives_the_same_figures(pilot, tmp_path):
    from conftest import PASSPHRASE

    vault = make_coordination(tmp_path / "piaule")
    pair(pilot, vault)
    importer_store = stores.Store(vault)
    _import(vault, importer_store, export_to(pilot, tmp_path / "out").path.read_bytes())
    with vault.session() as s:
        before = _shape(_pilot_report(s))
        # As a vault from before revision 0007 was: the raw records only.
        for table in coord_tables.ALL + coordination_evaluation.ALL:
            s.execute(text(f"DROP TABLE {table.name}"))
        scripts = schema._scripts()
        for head in set(s.scalars(text("SELECT version_num FROM alembic_version"))):
            if "0007" in {r.revision for r in scripts.iterate_revisions(head, "base")}:  # 0007 or after it
                s.execute(text("DELETE FROM alembic_version WHERE version_num = :v"), {"v": head})
        heads = set(s.scalars(text("SELECT version_num FROM alembic_version")))
        if not any("0004" in {r.revision for r in scripts.iterate_revisions(h, "base")} for h in heads):
            s.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0004')"))
    vault.lock()
    vault.unlock(PASSPHRASE)  # migrates to heads
    try:
        with vault.session() as s:
            assert _shape(_pilot_report(s)) == before
            assert s.scalar(select(func.count()).select_from(coord_tables.contact)) == 251
    finally:
        vault.lock()


def test_a_store_from_before_0011_gets_ages_beside_first_days_and_the_same_figures(pilot, tmp_path):
    from conftest import PASSPHRASE

    vault = make_coordination(tmp_path / "piaule")
    pair(pilot, vault)
    _import(vault, stores.Store(vault), export_to(pilot, tmp_path / "out").path.read_bytes())
    with vault.session() as s:
        before = _shape(_pilot_report(s))
        # As revision 0007 left coord_person_seen: no age or gender, one index by first day.
        for name in ("ix_coord_person_seen_new", "ix_coord_person_seen_peer_new", "ix_coord_person_seen_last"):
            s.execute(text(f"DROP INDEX {name}"))
        s.execute(text("ALTER TABLE coord_person_seen DROP COLUMN age_bracket"))
        s.execute(text("ALTER TABLE coord_person_seen DROP COLUMN gender"))
        s.execute(text("CREATE INDEX ix_coord_person_seen_first ON coord_person_seen (first_day, last_day)"))
        s.execute(text("DELETE FROM alembic_version WHERE version_num = '0011'"))
        scripts = schema._scripts()
        heads = set(s.scalars(text("SELECT version_num FROM alembic_version")))
        if not any("0007" in {r.revision for r in scripts.iterate_revisions(h, "base")} for h in heads):
            s.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0007')"))
    vault.lock()
    vault.unlock(PASSPHRASE)  # migrates to heads
    try:
        with vault.session() as s:
            assert _shape(_pilot_report(s)) == before
            ages = s.execute(select(coord_tables.person_seen.c.age_bracket).where(
                coord_tables.person_seen.c.age_bracket.is_not(None))).all()
            assert ages  # copied from coord_person
    finally:
        vault.lock()


def test_store_url_keeps_no_password_and_asks_tls_off_the_machine():
    url, password = stores.normalise("postgresql://piaule:s3cret@db.example.org/milieu")
    assert password == "s3cret" and url.password is None and url.query["sslmode"] == "require"
    assert "s3cret" not in url.render_as_string(hide_password=False)
    local, _ = stores.normalise("postgresql://piaule@127.0.0.1:5432/milieu")
    assert "sslmode" not in local.query and local.drivername == "postgresql+psycopg"
    with pytest.raises(stores.StoreUnsupported):
        stores.normalise("mysql://x@y/z")


def test_cli_init_on_postgresql_then_import_and_report_with_only_the_data_dir(pg, pilot, tmp_path, monkeypatch):
    from app.cli import main
    from conftest import PASSPHRASE

    monkeypatch.setenv("PGPASSFILE", str(pg.passfile))
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)
    root = tmp_path / "piaule"
    url = pg.new_database()
    assert main(["--data-dir", str(root), "coordination", "init", "--database-url", url]) == 0
    from app.vault import Vault

    vault = Vault(root)
    vault.unlock(PASSPHRASE)
    pair(pilot, vault)
    with vault.session() as s:
        saved = s.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": stores.DATABASE_URL}).scalar()
        # The server's address, never a password (that comes from PGPASSFILE).
        assert saved.endswith(url.split("@", 1)[1]) and stores.normalise(saved)[1] is None
    vault.lock()
    bundle = export_to(pilot, tmp_path / "out").path
    assert main(["--data-dir", str(root), "bundle", "import", str(bundle)]) == 0
    out = tmp_path / "bilan.csv"
    assert main(["--data-dir", str(root), "report", "--from", D.PILOT_FIRST.isoformat(),
                 "--to", D.PILOT_LAST.isoformat(), "--out", str(out), "--exact"]) == 0
    assert "Interventions;251" in out.read_text("utf-8-sig")
    vault.unlock(PASSPHRASE)
    try:
        with vault.session() as s:  # the vault holds keys and no imported record
            assert s.execute(text("SELECT count(*) FROM sync_record")).scalar() == 0
            assert s.execute(text("SELECT count(*) FROM sync_key")).scalar() >= 2
    finally:
        vault.lock()


def test_overview_warns_after_eight_silent_days_and_shows_gaps_and_the_weekly_trend(make_vault, coord, tmp_path):
    from datetime import date, datetime, timedelta

    from bundle_kit import add_contact, add_person
    from app.sync import overview

    vault, store = coord
    w = make_vault("w1", site="Bibliothèque Nord", worker="Intervenant 1")
    pair(w, vault)
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    bundles = []
    for n in range(3):
        person = add_person(w, f"Personne {n}")
        add_contact(w, [person], when=datetime.combine(monday, datetime.min.time()) + timedelta(hours=9 + n))
        bundles.append(export_to(w, tmp_path / f"out{n}").path.read_bytes())
    _import(vault, store, bundles[0])
    _import(vault, store, bundles[2])  # bundle 2 never arrived
    with store.reading() as s:
        (row,) = overview.overview(s, today)
        late = overview.overview(s, today + timedelta(days=9))[0]
        text_now = overview.as_text([row], today)
    assert row.library == "Bibliothèque Nord" and row.missing == [2] and row.days_ago == 0 and not row.silent
    assert late.silent and late.days_ago == 9
    assert row.weekly_contacts[overview.weeks_up_to(today)[-1]] == 2  # bundle 2 held the third
    assert row.weekly_people[overview.weeks_up_to(today)[-1]] == 2
    assert "gaps in sequence: 2" in text_now and "WARNING" not in text_now
    assert "WARNING: nothing received for more than 8 days" in overview.as_text([late], today + timedelta(days=9))


def test_an_import_leaves_the_planner_statistics_of_the_embedded_store(tmp_path, make_vault):
    from bundle_kit import add_contact, add_person

    w = make_vault("stats", worker="Intervenant stats")
    add_contact(w, [add_person(w, "Personne stats")])
    piaule = make_coordination(tmp_path / "piaule")
    pair(w, piaule)
    data = export_to(w, tmp_path / "out").path.read_bytes()
    ((_name, result),) = list(importer.import_many(piaule, [("b.bundle", data)]))
    assert result.status == importer.IMPORTED
    with piaule.session() as s:  # without statistics SQLite can pick a scan for a report query
        analysed = set(s.execute(text("SELECT tbl FROM sqlite_stat1")).scalars())
    assert {"coord_contact", "sync_record"} <= analysed
    piaule.lock()
