"""The evaluation for council (issue 13): known baseline and pilot give the published rates
and changes in every export; bad CSV rows are each reported; the questionnaire compares its
first and latest rounds; unmet needs and groups are counted; La Piaule sees the same."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

import evaluation_data as E
from app.evaluation import baseline, csvfile, highlights, survey, visits
from app.report import evaluation_worker, export, suppress, worker
from conftest import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    """The known data set, built once for the tests that only read it."""
    from app.vault import Vault

    root = tmp_path_factory.mktemp("evaluation")
    vault = Vault(root / "data")
    vault.create(PASSPHRASE, site_name="Bibliothèque de test", worker_name="Intervenant test", kdf_params=FAST_KDF)
    E.build(vault, root)
    yield vault
    vault.lock()


def report_of(vault, lang="fr"):
    with vault.session() as s:
        return worker.report(s, worker.pilot_period(s, E.TODAY), today=E.TODAY, lang=lang,
                             baseline=evaluation_worker.parse_range(E.BASELINE))


def comparison(report) -> dict:
    keys = {export.words.text(k, report.lang): k for k in E.EXPECTED}
    return {keys[row[0]]: tuple(row[1:]) for row in report.table("baseline_comparison").rows}


def test_known_baseline_and_pilot_give_the_published_rates_and_changes(evaluated):
    r = report_of(evaluated)
    assert (r.baseline.start, r.baseline.last_day) == (date(2024, 1, 1), date(2024, 12, 31))
    assert comparison(r) == E.EXPECTED
    trend = r.table("conflicts_trend")
    assert [row[1] for row in trend.rows[:12]] == [10] * 12 and [row[2] for row in trend.rows[12:]] == [8] * 6
    assert trend.marker == 12  # the pilot's first month
    assert not any("trop peu" in note for note in r.evaluation_notes)


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_every_export_carries_the_baseline_figures(evaluated):
    r = report_of(evaluated)
    rows = _csv_rows(export.to_csv(r))
    start = rows.index(["Avant et après : conflits d'usage"])
    assert rows[start + 1] == ["Indicateur", "Période de référence", "Période du bilan", "Variation (%)"]
    assert rows[start + 3] == ["Conflits par mois", "10,00", "8,00", "-20,0"]
    assert rows[start + 4] == ["Conflits par 1 000 visites", "0,50", "0,40", "-20,0"]
    assert rows[start + 5] == ["Intensité moyenne des conflits", "3,10", "2,50", "-19,4"]
    assert rows[start + 7] == ["Part des conflits de niveau 4 ou 5 (%)", "15,0", "12,5", "-16,7"]
    assert ["Période de référence", "du 1er janvier 2024 au 31 décembre 2024"] in rows

    book = load_workbook(io.BytesIO(export.to_xlsx(r)))
    sheet = next(ws for ws in book.worksheets if ws["A1"].value == "Avant et après : conflits d'usage")
    values = {row[0]: row[1:] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert values["Conflits par mois"] == (10.0, 8.0, -20.0)
    assert values["Conflits par 1 000 visites"] == (0.5, 0.4, -20.0)
    assert values["Part des conflits de niveau 4 ou 5 (%)"] == (15.0, 12.5, -16.7)
    assert values["Conflits d'usage"] == (120, 48, None)


def test_a_period_with_too_little_data_is_said_plainly(evaluated):
    with evaluated.session() as s:
        r = worker.report(s, worker.pilot_period(s, E.TODAY), today=E.TODAY,
                          baseline=evaluation_worker.parse_range("2024-12-01..2024-12-31"))
    assert any("Période de référence" in n and "trop peu de données" in n and "10 conflit(s) sur 1 mois" in n
               for n in r.evaluation_notes)
    assert all(row[3] is None for row in r.table("baseline_comparison").rows)  # no change shown
    assert "trop peu de données" in export.to_csv(r).decode("utf-8-sig")


def test_default_baseline_is_the_twelve_months_before_the_pilot_when_there_is_data(evaluated, vault):
    with evaluated.session() as s:
        p = worker.default_baseline(s)
    assert (p.start, p.last_day) == (date(2024, 1, 1), date(2024, 12, 31))
    with vault.session() as s:  # an empty vault: nothing to compare with
        assert worker.default_baseline(s) is None


# ---- importing the library's files ------------------------------------------------------

BAD_INCIDENTS = """date,time,zone,parties,intensity,emergency
2024-03-02,10:15,Entrée,patron-patron,3,no
2024-13-02,10:15,Entrée,patron-patron,3,no
2024-03-04,25:00,Entrée,patron-patron,3,no
2024-03-05,10:15,Entrée,patron-visitor,3,no
2024-03-06,10:15,Entrée,patron-staff,7,no
2024-03-07,10:15,Entrée,other,2,maybe
2099-03-07,10:15,Entrée,other,2,no
2024-03-08,,,,,
"""


def test_each_kind_of_bad_incident_row_is_reported_and_nothing_imported(vault, tmp_path):
    path = tmp_path / "incidents.csv"
    path.write_text(BAD_INCIDENTS, "utf-8")
    with pytest.raises(csvfile.ImportRejected) as caught:
        with vault.session() as s:
            baseline.import_file(s, path, today=E.TODAY)
    got = [(e.file, e.row, e.field, e.code) for e in caught.value.errors]
    assert got == [
        ("incidents.csv", 3, "date", "not_a_date"),
        ("incidents.csv", 4, "time", "not_a_time"),
        ("incidents.csv", 5, "parties", "unknown_code"),
        ("incidents.csv", 6, "intensity", "out_of_range"),
        ("incidents.csv", 7, "emergency", "not_yes_no"),
        ("incidents.csv", 8, "date", "future_date"),
        ("incidents.csv", 9, "intensity", "out_of_range"),
    ]
    assert "incidents.csv, row 3, date" in str(caught.value)
    with vault.session() as s:
        assert baseline.summary(s)[0] == 0
        out = baseline.import_file(s, path, skip_bad_rows=True, today=E.TODAY)
    assert (out.added, len(out.skipped)) == (1, 7)


def test_reimporting_the_same_file_does_not_duplicate_and_a_map_gives_the_scale(vault, tmp_path):
    path = E.incidents_csv(tmp_path / "incidents.csv")
    with vault.session() as s:
        assert baseline.import_file(s, path, today=E.TODAY).added == 120
    with vault.session() as s:
        again = baseline.import_file(s, path, today=E.TODAY)
        assert (again.added, again.unchanged) == (0, 120)
        assert baseline.summary(s) == (120, date(2024, 1, 2), date(2024, 12, 20))
    own = tmp_path / "own.csv"
    own.write_text("date;category\n2023-05-01;Bruit\n2023-05-02;Bagarre\n2023-05-02;bagarre\n", "utf-8")
    scale = tmp_path / "map.csv"
    scale.write_text("category,intensity\nBruit,1\nBagarre,5\n", "utf-8")
    with vault.session() as s:
        out = baseline.import_file(s, own, mapping=baseline.read_map(scale), today=E.TODAY)
        assert out.added == 3  # two identical rows are two incidents
        levels = sorted(i.intensity for i in evaluation_worker.incidents(s, worker.periods.custom(
            date(2023, 5, 1), date(2023, 5, 31))))
    assert levels == [1, 5, 5]
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("date,category\n2023-05-01,Vol\n", "utf-8")
    with pytest.raises(csvfile.ImportRejected) as caught:
        with vault.session() as s:
            baseline.import_file(s, unknown, mapping=baseline.read_map(scale), today=E.TODAY)
    assert caught.value.errors[0].code == "unknown_category"


def test_visits_by_day_or_month_and_bad_rows(vault, tmp_path):
    path = tmp_path / "visits.csv"
    path.write_text("date,visits\n2024-01,30000\n2024-01-05,900\n2024-02-01,1000\n2024-02-02,1 100\n"
                    "2024-02-30,5\n2024-03,beaucoup\n", "utf-8")
    with pytest.raises(csvfile.ImportRejected) as caught:
        with vault.session() as s:
            visits.import_file(s, path, today=E.TODAY)
    assert [(e.row, e.field) for e in caught.value.errors] == [(6, "date"), (7, "visits")]
    with vault.session() as s:
        visits.import_file(s, path, skip_bad_rows=True, today=E.TODAY)
        # A month row wins over the days of that month; days add up otherwise.
        assert visits.monthly(s, date(2024, 1, 1), date(2024, 3, 1)) == {"2024-01": 30000, "2024-02": 2100}
        assert visits.set_visits(s, date(2024, 2, 1), "month", 25000) == "added"
        assert visits.monthly(s, date(2024, 1, 1), date(2024, 3, 1))["2024-02"] == 25000


def test_cli_imports_report_bad_rows_and_export_with_a_baseline(tmp_path, make_vault, monkeypatch, capsys):
    from app.cli import main

    vault = make_vault("cli")
    with vault.session() as s:
        worker.set_pilot_period(s, E.PILOT_FIRST, E.PILOT_LAST)
    vault.lock()
    monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)
    base = ["--data-dir", str(vault.paths.root)]
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_INCIDENTS, "utf-8")
    assert main(base + ["conflict", "import", str(bad)]) == csvfile.ImportRejected.exit_code
    err = capsys.readouterr().err
    assert err.count("bad row: bad.csv, row") == 7 and "Traceback" not in err
    assert main(base + ["conflict", "import", str(E.incidents_csv(tmp_path / "i.csv"))]) == 0
    assert "Imported 120 past incidents" in capsys.readouterr().out
    assert main(base + ["conflict", "import", str(tmp_path / "i.csv")]) == 0
    assert "Imported 0 past incidents (120 already there" in capsys.readouterr().out
    assert main(base + ["visits", "import", str(E.visits_csv(tmp_path / "v.csv"))]) == 0
    notes = tmp_path / "faits.txt"
    notes.write_text("Moins de conflits. Grand Marc a trouvé un logement.", "utf-8")
    out = tmp_path / "bilan.csv"
    assert main(base + ["report", "--baseline", E.BASELINE, "--highlights-file", str(notes),
                        "--format", "csv", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "warning: the highlights name 0" not in captured.err  # no person in this vault yet
    text = out.read_text("utf-8-sig")
    assert "Conflits par mois;10,00;0,00;" in text and "Moins de conflits." in text
    assert main(base + ["report", "--baseline", "2024-01-01", "--out", str(out)]) == 9


def test_highlights_warn_when_they_name_a_person_of_the_vault(evaluated):
    with evaluated.session() as s:
        assert highlights.names_in(s, "Grand marc a trouvé un logement.") == ["Grand Marc, casquette rouge"]
        assert highlights.names_in(s, "LILI AUX LUNETTES est revenue") == ["Lili aux lunettes"]
        assert highlights.names_in(s, "Les conflits ont baissé de 20 %.") == []


# ---- needs, groups, questionnaire ----------------------------------------------------------

def test_unmet_needs_are_counted_by_need_and_by_month(evaluated):
    r = report_of(evaluated)
    by_need = {k: v for k, v in r.as_dict("unmet_needs_by_need").items() if v}
    assert by_need == {"Place en hébergement d'urgence": 5, "Médecin de famille": 3, "Place en désintoxication": 1}
    assert r.as_dict("unmet_needs_by_month") == {
        "janv. 2025": 0, "févr. 2025": 9, "mars 2025": 0, "avr. 2025": 0, "mai 2025": 0, "juin 2025": 0}


def test_groups_count_interventions_and_distinct_people_with_small_counts_hidden_outside(evaluated):
    r = report_of(evaluated)
    rows = {row[0]: tuple(row[1:]) for row in r.table("groups").rows}
    assert rows["Parent seul"] == (4, 1) and rows["Personne réfugiée"] == (5, 1) and rows["Jeune"] == (0, 0)
    shown = {row[0]: tuple(row[1:]) for row in suppress.for_outside(r).table("groups").rows}
    assert shown["Parent seul"] == (4, "< 5")


def test_questionnaire_compares_first_and_latest_rounds_with_small_counts_hidden(evaluated):
    r = report_of(evaluated)
    means = {row[0]: tuple(row[1:]) for row in r.table("survey_means").rows}
    assert means["Je me sens en sécurité au travail"] == (2.5, 6, 4.0, 6, 1.5)
    assert means["Je sais qui appeler"] == (1.67, 6, 4.33, 3, 2.67)
    dist = {row[0]: tuple(row[1:]) for row in r.table("survey_distribution").rows}
    assert dist["Je me sens en sécurité au travail – 2025-06"] == (0, 0, 1, 4, 1, 6)
    outside = suppress.for_outside(r)
    hidden = {row[0]: tuple(row[1:]) for row in outside.table("survey_means").rows}
    assert hidden["Je sais qui appeler"] == (1.67, 6, "< 5", "< 5", "< 5")  # 3 answers: mean hidden too
    dist_out = {row[0]: tuple(row[1:]) for row in outside.table("survey_distribution").rows}
    assert "< 5" in dist_out["Je sais qui appeler – 2025-06"]
    text = export.to_csv(r).decode("utf-8-sig")
    assert "Je sais qui appeler;1,67;6;< 5;< 5;< 5" in text


def test_questionnaire_refuses_unknown_items_and_scores(vault):
    from app.validation import ValidationFailed

    with vault.session() as s:
        with pytest.raises(ValidationFailed):
            survey.record(s, {"feel_safe": 7}, answered_on=E.TODAY, today=E.TODAY)
        with pytest.raises(ValidationFailed):
            survey.record(s, {"nope": 3}, answered_on=E.TODAY, today=E.TODAY)
        saved = survey.record(s, {"feel_safe": 4}, answered_on=date(2025, 3, 2), team="Accueil", today=E.TODAY)
        assert (saved.round, saved.team) == ("2025-03", "Accueil")
        assert survey.rounds(s) == [("2025-03", 1)]
