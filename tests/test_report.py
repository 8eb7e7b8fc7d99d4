"""The "Bilan": figures known in advance, the same on both sides, small counts hidden outside."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

import activity_data as D
from app.report import aggregate, coordination, export, suppress, worker
from app.report import period as periods
from app.sync import decode
from models.sync import SyncPeer, SyncRecord


@pytest.fixture
def pilot(vault, pilot_template):
    """A pilot this test may change (a copy of the one built per run)."""
    D.copy_into(pilot_template, vault)
    return vault


@pytest.fixture(scope="module")
def shared_pilot(tmp_path_factory, pilot_template):
    """One pilot for the tests that only read it."""
    from app.vault import Vault
    from conftest import PASSPHRASE

    root = tmp_path_factory.mktemp("pilot") / "data"
    shutil.copytree(pilot_template, root)
    vault = Vault(root)
    vault.unlock(PASSPHRASE)
    yield vault
    vault.lock()


def pilot_report(vault, **kw):
    with vault.session() as s:
        return worker.report(s, worker.pilot_period(s, D.TODAY), today=D.TODAY, **kw)


def test_pilot_report_gives_the_known_figures(shared_pilot):
    r = pilot_report(shared_pilot)
    assert (r.period.start, r.period.last_day) == (D.PILOT_FIRST, D.PILOT_LAST)
    for key in ("interventions", "people", "new_people", "unidentified", "referrals", "conflicts",
                "intensity_mean", "intensity_max", "staff_support", "staff_reached", "staff_support_hours",
                "presence_hours", "interventions_per_hour"):
        assert r.value(key) == D.EXPECTED[key], key
    assert {row[0]: tuple(row[1:]) for row in r.table("activity_by_month").rows} == D.EXPECTED["by_month"]
    assert {k: v for k, v in r.as_dict("by_type").items() if v} == D.EXPECTED["types"]
    assert r.as_dict("by_theme") == D.EXPECTED["themes"]
    ages = r.table("people_by_age_gender")
    assert [ages.header_labels[1], ages.header_labels[2]] == ["Homme", "Femme"]
    assert {row[0]: tuple(row[1:]) for row in ages.rows} == D.EXPECTED["age_gender"]
    assert r.as_dict("referrals_by_status") == D.EXPECTED["referral_status"]
    assert r.as_dict("referrals_by_outcome") == D.EXPECTED["referral_outcome"]
    assert r.as_dict("supplies_by_item") == D.EXPECTED["supplies"]
    assert {row[0]: tuple(row[1:]) for row in r.table("conflicts_by_month").rows} == D.EXPECTED["conflicts_by_month"]
    assert [row[1] for row in r.table("conflicts_by_intensity").rows] == D.EXPECTED["by_intensity"]


def test_a_later_quarter_counts_people_already_met_as_not_new(shared_pilot):
    with shared_pilot.session() as s:
        r = worker.report(s, periods.custom(date(2026, 3, 1), date(2026, 5, 31)), today=D.TODAY)
    assert r.value("interventions") == 50 + 56 + 60
    assert r.value("people") == 82  # contacts 85..250 meet everyone again
    assert r.value("new_people") == 0
    assert r.value("conflicts") == 9
    assert r.value("intensity_max") == 3


@pytest.mark.parametrize("first,last", [
    (date(2026, 1, 1), date(2026, 5, 31)), (date(2026, 2, 10), date(2026, 4, 20)),
    (date(2026, 5, 1), date(2026, 5, 31)), (date(2025, 1, 1), date(2025, 12, 31)),
])
def test_sql_tallies_equal_the_plain_row_aggregation(shared_pilot, first, last):
    """The fast SQL path and the pure function the coordination side uses agree."""
    p = periods.custom(first, last)
    with shared_pilot.session() as s:
        fast = worker.tally(s, p)
        slow = aggregate.tally(worker.load(s, p), p)
    for name in ("contacts_by_month", "unidentified", "types", "themes", "people", "people_by_month",
                 "new_people", "new_by_month", "age_gender", "referral_status", "referral_outcome", "supplies"):
        assert getattr(fast, name) == getattr(slow, name), name


def test_deleted_contacts_and_conflicts_no_longer_count(pilot):
    from app import contacts
    from app.activity import conflicts
    from models.activity import Conflict
    from models.contacts import Contact
    from sqlalchemy import select

    with pilot.session() as s:
        first = s.scalars(select(Contact).order_by(Contact.occurred_at)).first()
        contacts.delete_contact(s, first.id)
        worst = s.scalars(select(Conflict).where(Conflict.intensity == 5)).one()
        conflicts.delete(s, worst.id)
    r = pilot_report(pilot)
    assert r.value("interventions") == 250
    assert r.value("conflicts") == 19
    assert r.value("intensity_max") == 4


def test_screen_shows_exact_numbers_and_exports_hide_small_counts(shared_pilot, tmp_path):
    r = pilot_report(shared_pilot)
    assert r.table("people_by_age_gender").rows[0] == ["18 à 24 ans", 7, 3, 10]  # exact for the worker

    export.write(r, tmp_path / "bilan.csv", "csv")
    text = (tmp_path / "bilan.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    # Men 7 would give women = 10 - 7: hidden too ("x"), the row total stays.
    assert ["18 à 24 ans", "x", "< 5", "10"] in rows
    assert ["Interventions", "251"] in rows
    assert any("inférieurs à 5" in " ".join(row) for row in rows)
    assert any("masqués « x »" in " ".join(row) for row in rows)

    export.write(r, tmp_path / "bilan.xlsx", "xlsx")
    book = load_workbook(tmp_path / "bilan.xlsx")
    sheet = next(ws for ws in book.worksheets if ws["A1"].value == "Personnes par tranche d'âge et genre")
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["18 à 24 ans", "x", "< 5", 10] in values
    assert any(v and "inférieurs à 5" in str(v[0]) for v in values)
    assert any(v and "masqués « x »" in str(v[0]) for v in values)
    summary = book.worksheets[0]
    assert ["Interventions", 251] in [[c.value for c in row][:2] for row in summary.iter_rows()]


def test_exact_export_keeps_small_counts_and_has_no_note(shared_pilot, tmp_path):
    r = pilot_report(shared_pilot)
    export.write(r, tmp_path / "exact.csv", "csv", outside=False)
    text = (tmp_path / "exact.csv").read_text("utf-8-sig")
    assert "18 à 24 ans;7;3;10" in text
    assert "< 5" not in text and "inférieurs à 5" not in text and ";x;" not in text


def test_suppression_masks_one_to_four_people_only():
    assert [suppress.masked(n, True, True) for n in (0, 1, 4, 5)] == [0, "< 5", "< 5", 5]
    assert suppress.masked(3, False, True) == 3  # not a count of people
    assert suppress.masked(3, True, False) == 3  # the worker's own view


def test_exports_are_owner_only(shared_pilot, tmp_path):
    r = pilot_report(shared_pilot)
    for fmt in ("csv", "xlsx"):
        path = export.write(r, tmp_path / f"b.{fmt}", fmt)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv", "b.xlsx"]  # no temp file left


def test_cli_report_writes_csv_and_xlsx(pilot, tmp_path, monkeypatch, capsys):
    from app.cli import main

    pilot.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", "correct horse battery staple")
    out = tmp_path / "bilan.csv"
    code = main(["--data-dir", str(pilot.paths.root), "report", "--from", "2026-01-01", "--to", "2026-05-31",
                 "--format", "csv", "--out", str(out)])
    assert code == 0
    assert "Interventions;251" in out.read_text("utf-8-sig")
    assert main(["--data-dir", str(pilot.paths.root), "report", "--from", "2026-03-01", "--to", "2026-03-31",
                 "--out", str(tmp_path / "mars.xlsx")]) == 0
    summary = load_workbook(tmp_path / "mars.xlsx").worksheets[0]
    figures = {row[0].value: row[1].value for row in summary.iter_rows() if len(row) > 1}
    assert (figures["Interventions"], figures["Conflits d'usage"], figures["Intensité maximale des conflits"]) == (50, 4, 3)


def test_cli_report_refuses_bad_input_with_one_sentence(vault, tmp_path, monkeypatch, capsys):
    from app.cli import main
    from app.report import renderers

    vault.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", "correct horse battery staple")
    base = ["--data-dir", str(vault.paths.root), "report"]
    out = tmp_path / "out"
    out.mkdir()
    assert main(base + ["--from", "2026-13-01", "--out", str(out / "x.csv")]) == 9
    assert main(base + ["--from", "2026-05-01", "--to", "2026-04-01", "--out", str(out / "x.csv")]) == 9
    assert main(base + ["--out", str(out / "x.txt")]) == 9
    monkeypatch.setattr(renderers, "_RENDERERS", {})  # app.cli alone, without the GUI layer
    assert main(base + ["--format", "pdf", "--out", str(out / "x.pdf")]) == renderers.RendererMissing.exit_code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "milieu command" in err
    assert not any(out.iterdir())


# ---- coordination side -------------------------------------------------------------

def test_coordination_report_from_imported_bundles(pilot, tmp_path):
    from bundle_kit import export_to, import_bytes, make_coordination, pair

    coord = make_coordination(tmp_path / "piaule")
    try:
        pair(pilot, coord)
        result = export_to(pilot, tmp_path / "out")
        import_bytes(coord, result.path.read_bytes())
        with coord.session() as s:
            p = periods.custom(D.PILOT_FIRST, D.PILOT_LAST)
            peers = coordination.workers(s)
            assert len(peers) == 1
            both = [coordination.report(s, p, peers[0].id, today=D.TODAY),
                    coordination.report(s, p, None, today=D.TODAY)]
        for r in both:
            assert r.value("interventions") == D.EXPECTED["interventions"]
            assert r.value("people") == D.EXPECTED["people"]
            assert r.value("new_people") == D.EXPECTED["new_people"]
            assert {row[0]: tuple(row[1:]) for row in r.table("activity_by_month").rows} == D.EXPECTED["by_month"]
            assert {k: v for k, v in r.as_dict("by_type").items() if v} == D.EXPECTED["types"]
            assert r.as_dict("by_theme") == D.EXPECTED["themes"]
            assert {row[0]: tuple(row[1:]) for row in r.table("people_by_age_gender").rows} == D.EXPECTED["age_gender"]
            assert r.as_dict("supplies_by_item") == D.EXPECTED["supplies"]
            for key in ("conflicts", "intensity_mean", "intensity_max", "staff_support", "staff_reached",
                        "staff_support_hours", "presence_hours", "interventions_per_hour"):
                assert r.value(key) == D.EXPECTED[key], key
            assert {row[0]: tuple(row[1:]) for row in r.table("conflicts_by_month").rows} == \
                D.EXPECTED["conflicts_by_month"]
            assert [row[1] for row in r.table("conflicts_by_intensity").rows] == D.EXPECTED["by_intensity"]
        assert both[1].scope == "Tous les intervenant·es"
    finally:
        coord.lock()


def _store(s, peer_id: int, entity: str, uid: str, data: dict) -> None:
    s.add(SyncRecord(peer_id=peer_id, entity=entity, uid=uid, version=1, deleted=False,
                     changed_at=datetime(2026, 6, 1), data=json.dumps(data), bundle_sequence=1))
    decode.apply(s, peer_id, [(entity, uid, data)], fresh=True)  # the importer's decode step


def test_coordination_sums_workers_and_reads_conflicts_support_and_presence(make_vault):
    """Two workers' records in the coordination store (as the importer leaves them)."""
    coord = make_vault("piaule")
    with coord.session() as s:
        peers = []
        for n in (1, 2):
            peer = SyncPeer(role="worker", label=f"Intervenant·e {n}", signing_public=bytes([n]) * 32,
                            key_id=f"{n:064x}", fingerprint=f"fp{n}")
            s.add(peer)
            s.flush()
            peers.append(peer.id)
        for n, peer in enumerate(peers, start=1):
            # Each worker: the same pseudonym "p-1" (different people), 3 contacts in March.
            for k in range(3):
                _store(s, peer, "contact", f"c{n}{k}", {"occurred_at": f"2026-03-0{k + 2}T10:00:00",
                                                       "person_uids": ["p-1"], "types": ["listening"]})
            _store(s, peer, "conflict", f"k{n}", {"occurred_at": "2026-03-05T14:00:00", "intensity": 2 + n,
                                                  "parties": "patron_staff"})
            _store(s, peer, "staff_support", f"s{n}", {"occurred_on": "2026-03-04", "kind": "debrief",
                                                      "staff_count": 2, "duration_min": 90})
        # Worker 2 entered the week of March 2 as 30 h in the library and nothing in the street.
        _store(s, peers[1], "presence", "w2", {"starts_on": "2026-03-02", "span": "week",
                                               "library_min": 1800, "street_min": 0})
        p = periods.custom(date(2026, 3, 2), date(2026, 3, 6))  # Monday to Friday
        one = coordination.report(s, p, peers[0], today=D.TODAY)
        every = coordination.report(s, p, None, today=D.TODAY)
    assert (one.value("interventions"), one.value("people"), one.value("conflicts")) == (3, 1, 1)
    assert one.scope == "Intervenant·e 1"
    assert one.value("presence_hours") == 35.0  # the schedule
    assert (every.value("interventions"), every.value("people")) == (6, 2)
    assert (every.value("conflicts"), every.value("intensity_mean"), every.value("intensity_max")) == (2, 3.5, 4)
    assert (every.value("staff_support"), every.value("staff_support_hours")) == (2, 3.0)
    assert every.value("presence_hours") == 35.0 + 30.0


# ---- complementary suppression: no hidden count can be worked out from the totals ---------------
AGES = "Personnes par tranche d'âge et genre"
MONTHS = "Interventions et personnes par mois"
HIDDEN_MARKS = ("< 5", "x")


def _csv_grid(data: bytes) -> tuple[dict, dict]:
    """(figures, tables) as a reader of the CSV sees them: label -> value, title -> [header, rows...]."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    figures, tables = {}, {}
    start = rows.index(["Indicateur", "Valeur"])
    blocks, block = [], []
    for row in rows[start:] + [[]]:
        if row:
            block.append(row)
        elif block:
            blocks.append(block)
            block = []
    figures = {k: v for k, v in blocks[0][1:]}
    tables = {b[0][0]: b[1:] for b in blocks[1:] if len(b) > 1}
    return figures, tables


def _xlsx_grid(data: bytes) -> tuple[dict, dict]:
    book = load_workbook(io.BytesIO(data))
    summary = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    start = summary.index(["Indicateur", "Valeur"])
    figures = {}
    for row in summary[start + 1:]:
        if row[0] is None:
            break
        figures[row[0]] = row[1]
    tables = {}
    for sheet in book.worksheets[1:]:
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        body = []
        for row in values[1:]:
            if all(v is None for v in row):
                break
            body.append(row)
        tables[values[0][0]] = body
    return figures, tables


def _sum_lines(figures: dict, tables: dict) -> list[list]:
    """Every line of people counts whose total is shown: the cells, the total last."""
    ages = tables[AGES][1:]
    lines = [row[1:] for row in ages]  # genders, then the row total
    lines.append([row[-1] for row in ages] + [figures["Personnes distinctes"]])
    lines.append([row[3] for row in tables[MONTHS][1:]] + [figures["Nouvelles personnes"]])
    return lines


def _possible(domain_of, line: list) -> list[set]:
    """For a line with its total shown: each hidden count's values consistent with the sum
    ("< 5" is 1 to 4; "x" is 0 or 5 and more, since 1 to 4 would read "< 5")."""
    total = int(line[-1])
    rest = total - sum(int(v) for v in line[:-1] if str(v) not in HIDDEN_MARKS)
    domains = [domain_of(str(v), rest) for v in line[:-1] if str(v) in HIDDEN_MARKS]
    out = []
    for i, domain in enumerate(domains):
        sums = {0}
        for j, other in enumerate(domains):
            if j != i:
                sums = {s + v for s in sums for v in other if s + v <= rest}
        out.append({v for v in domain if rest - v in sums})
    return out


def assert_nothing_recomputable(figures: dict, tables: dict) -> int:
    """A line with a known total and exactly one hidden count gives that count away; so does
    one where the marks leave a "< 5" count a single possible value. Returns how many counts
    are hidden, so a test can tell the checker saw some."""
    def domain_of(mark: str, bound: int) -> set:
        return set(range(1, 5)) if mark == "< 5" else {0} | set(range(5, bound + 1))

    hidden = 0
    for line in _sum_lines(figures, tables):
        marks = [str(v) for v in line if str(v) in HIDDEN_MARKS]
        assert len(marks) != 1, line
        hidden += len(marks)
        if marks and str(line[-1]) not in HIDDEN_MARKS:
            small = [p for mark, p in zip([m for m in map(str, line[:-1]) if m in HIDDEN_MARKS],
                                          _possible(domain_of, line)) if mark == "< 5"]
            assert all(len(p) > 1 for p in small), (line, small)
    return hidden


def _tallies(age_gender: dict, new_by_month: dict, people_by_month: dict | None = None):
    from collections import Counter

    t = aggregate.Tallies(
        contacts_by_month=Counter({m: 3 + n * 2 for m, n in new_by_month.items()}),
        people_by_month=Counter(people_by_month or new_by_month),
        new_by_month=Counter(new_by_month), new_people=sum(new_by_month.values()),
        age_gender=Counter(age_gender), people=sum(age_gender.values()),
        labels={"age_bracket": {"age_18_24": "18 à 24 ans", "age_25_34": "25 à 34 ans",
                                "age_35_49": "35 à 49 ans", "age_50_64": "50 à 64 ans"},
                "gender": {"woman": "Femme", "man": "Homme", "other": "Autre"}},
    )
    return aggregate.compute(t, periods.custom(date(2026, 1, 1), date(2026, 3, 31)), site="Test", today=D.TODAY)


def _reviewer_report():
    """The reviewer's examples: women 6, men 2, total 8; new people 14, 3, 8 (total 25)."""
    return _tallies(
        {("age_18_24", "woman"): 6, ("age_18_24", "man"): 2, ("age_25_34", "woman"): 9,
         ("age_25_34", "man"): 11, ("age_35_49", "woman"): 5, ("age_35_49", "man"): 7},
        {"2026-01": 14, "2026-02": 3, "2026-03": 8},
        {"2026-01": 14, "2026-02": 3, "2026-03": 21},
    )


def test_a_hidden_count_cannot_be_recomputed_from_a_total_in_csv_and_xlsx():
    r = _reviewer_report()
    for figures, tables in (_csv_grid(export.to_csv(r)), _xlsx_grid(export.to_xlsx(r))):
        assert assert_nothing_recomputable(figures, tables) >= 4
        ages = {str(row[0]): [str(v) for v in row[1:]] for row in tables[AGES][1:]}
        assert ages["18 à 24 ans"] == ["x", "< 5", "8"]  # not 6, "< 5", 8 (= 2)
        assert ages["25 à 34 ans"] == ["9", "11", "20"] and ages["35 à 49 ans"] == ["5", "7", "12"]
        months = [[str(v) for v in row[1:]] for row in tables[MONTHS][1:]]
        # Interventions are not people: never hidden. New people: 25 - 14 - 8 would give February.
        assert months == [["31", "14", "14"], ["9", "< 5", "< 5"], ["19", "21", "x"]]
        assert str(figures["Nouvelles personnes"]) == "25" and str(figures["Personnes distinctes"]) == "40"


def test_a_small_row_total_hides_another_row_total_never_the_grand_total():
    r = _tallies(
        {("age_18_24", "woman"): 6, ("age_18_24", "man"): 2, ("age_25_34", "woman"): 9,
         ("age_25_34", "man"): 11, ("age_35_49", "woman"): 5, ("age_35_49", "man"): 7,
         ("age_50_64", "woman"): 1},
        {"2026-01": 41},
    )
    figures, tables = _csv_grid(export.to_csv(r))
    assert_nothing_recomputable(figures, tables)
    ages = {row[0]: row[1:] for row in tables[AGES][1:]}
    assert ages["50 à 64 ans"] == ["< 5", "0", "< 5"]
    assert ages["18 à 24 ans"] == ["x", "< 5", "x"]  # the smallest other row total goes, and so does 6
    assert figures["Personnes distinctes"] == "41"


def test_random_tables_never_let_a_hidden_count_be_worked_out_and_show_the_rest_exactly():
    import random

    rng = random.Random(20261126)
    ages = ("age_18_24", "age_25_34", "age_35_49", "age_50_64")
    genders = ("woman", "man", "other")
    grand_totals_hidden = 0
    for _ in range(150):
        cells = {(a, g): rng.choice((0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30))
                 for a in rng.sample(ages, rng.randint(1, 4)) for g in rng.sample(genders, rng.randint(1, 3))}
        new = {f"2026-0{m}": rng.choice((0, 1, 3, 4, 5, 8, 20)) for m in (1, 2, 3)}
        r = _tallies(cells, new)
        figures, tables = _csv_grid(export.to_csv(r))
        assert_nothing_recomputable(figures, tables)
        exact = r.table("people_by_age_gender").rows
        for shown, row in zip(tables[AGES][1:], exact):
            assert all(s in HIDDEN_MARKS or s == str(v) for s, v in zip(shown[1:], row[1:]))
            assert all(s != "< 5" or 0 < v < 5 for s, v in zip(shown[1:], row[1:]))
        for label in ("Personnes distinctes", "Nouvelles personnes"):
            key = "people" if label == "Personnes distinctes" else "new_people"
            # A total goes only when nothing else can hide a small count (e.g. 6 = "< 5" + "x": 1 + 5).
            assert figures[label] in (str(r.value(key)), "x") or (figures[label] == "< 5" and r.value(key) < 5)
            grand_totals_hidden += figures[label] == "x"
    assert grand_totals_hidden < 30  # of 300


def test_the_workers_screen_figures_stay_exact_and_exact_exports_hide_nothing():
    r = _reviewer_report()
    assert r.table("people_by_age_gender").rows[0] == ["18 à 24 ans", 6, 2, 8]
    assert [row[3] for row in r.table("activity_by_month").rows] == [14, 3, 8]
    suppress.for_outside(r)  # exports work on a copy
    assert r.table("people_by_age_gender").rows[0] == ["18 à 24 ans", 6, 2, 8]
    figures, tables = _csv_grid(export.to_csv(r, outside=False))
    assert tables[AGES][1][1:] == ["6", "2", "8"] and figures["Nouvelles personnes"] == "25"


def test_english_export_explains_both_marks():
    r = _reviewer_report()
    r.lang = "en"
    rows = list(csv.reader(io.StringIO(export.to_csv(r).decode("utf-8-sig")), delimiter=";"))
    notes = [row[0] for row in rows if len(row) == 1]
    assert any('shown as "< 5"' in n for n in notes) and any('hidden as "x"' in n for n in notes)


def test_pdf_for_outside_hides_the_same_counts(qtbot, tmp_path):
    import re
    import unicodedata

    from pypdf import PdfReader
    from views.activity.report_pdf import write_pdf

    path = write_pdf(_reviewer_report(), tmp_path / "bilan.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    assert "18 à 24 ans x < 5 8" in text and "mars 2026 19 21 x" in text
    assert "18 à 24 ans 6" not in text and "mars 2026 19 21 8" not in text
    assert "inférieurs à 5" in text and "masqués « x »" in text


def test_distinct_marks_do_not_give_a_small_count_away():
    # Women 5, men 1, total 6: "x", "< 5", 6 would still mean men = 1 ("x" is 0 or 5 and more).
    with pytest.raises(AssertionError):
        assert_nothing_recomputable({"Personnes distinctes": "6", "Nouvelles personnes": "0"},
                                    {AGES: [["h"], ["18 à 24 ans", "x", "< 5", "6"]], MONTHS: [["h"]]})
    r = _tallies(
        {("age_18_24", "woman"): 5, ("age_18_24", "man"): 1, ("age_25_34", "woman"): 9,
         ("age_25_34", "man"): 11, ("age_35_49", "woman"): 6, ("age_35_49", "man"): 7},
        {"2026-01": 39},
    )
    figures, tables = _csv_grid(export.to_csv(r))
    assert_nothing_recomputable(figures, tables)
    ages = {row[0]: row[1:] for row in tables[AGES][1:]}
    assert ages["18 à 24 ans"] == ["x", "< 5", "x"]  # the row total goes; then another row total
    assert ages["35 à 49 ans"][2] == "x" and ages["25 à 34 ans"] == ["9", "11", "20"]
    assert figures["Personnes distinctes"] == "39"


def test_a_grand_total_hidden_stays_hidden_in_a_one_month_period():
    from collections import Counter

    t = aggregate.Tallies(
        contacts_by_month=Counter({"2026-03": 12}), people_by_month=Counter({"2026-03": 6}),
        new_by_month=Counter({"2026-03": 6}), new_people=6, people=6,
        age_gender=Counter({("age_18_24", "woman"): 1, ("age_35_49", "woman"): 5}),
        labels={"age_bracket": {"age_18_24": "18 à 24 ans", "age_35_49": "35 à 49 ans"}, "gender": {"woman": "Femme"}},
    )
    r = aggregate.compute(t, periods.month(2026, 3), site="Test", today=D.TODAY)
    figures, tables = _csv_grid(export.to_csv(r))
    assert_nothing_recomputable(figures, tables)
    # "< 5" + "x" = 6 pins the small row to 1, so 6 goes; the month's people (the same 6) too.
    assert figures["Personnes distinctes"] == "x"
    assert tables[MONTHS][1][1:] == ["12", "x", "6"]
    assert r.value("people") == 6  # the worker's screen: exact


def test_cli_report_on_a_coordination_vault_defaults_to_its_own_pilot_period(pilot, tmp_path, monkeypatch, capsys):
    """Without --from, La Piaule's report starts at the first imported contact, as its Bilan page does."""
    from bundle_kit import export_to, import_bytes, make_coordination, pair

    from app.cli import main

    coord = make_coordination(tmp_path / "piaule")
    pair(pilot, coord)
    import_bytes(coord, export_to(pilot, tmp_path / "out").path.read_bytes())
    with coord.session() as s:
        expected = coordination.pilot_period(s)
    coord.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", "correct horse battery staple")
    out = tmp_path / "piaule.csv"
    assert main(["--data-dir", str(coord.paths.root), "report", "--format", "csv", "--out", str(out)]) == 0
    assert expected.start == D.PILOT_FIRST
    assert f"Report {expected.start} to" in capsys.readouterr().out
    assert "Interventions;251" in out.read_text("utf-8-sig")
