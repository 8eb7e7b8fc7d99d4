"""The council's document (issue 13): the PDF and the DOCX open with the one-page summary
(text read back with pypdf and python-docx), carry the same figures, hide small counts;
La Piaule's report shows the library's baseline and questionnaire once the worker sends them."""
from __future__ import annotations

import json
import unicodedata

import docx
import pypdf
import pytest

import evaluation_data as E
from app.report import evaluation_worker, worker
from conftest import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    from app.vault import Vault

    root = tmp_path_factory.mktemp("evaluation-doc")
    vault = Vault(root / "data")
    vault.create(PASSPHRASE, site_name="Bibliothèque de test", worker_name="Intervenant test", kdf_params=FAST_KDF)
    E.build(vault, root)
    with vault.session() as s:
        from app.evaluation import highlights

        highlights.set_text(s, "Les conflits ont baissé.\nLe personnel se sent plus en sécurité.")
    yield vault
    vault.lock()


def report_of(vault):
    with vault.session() as s:
        return worker.report(s, worker.pilot_period(s, E.TODAY), today=E.TODAY,
                             baseline=evaluation_worker.parse_range(E.BASELINE))


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_pdf_opens_with_the_council_summary(evaluated, tmp_path, qapp):
    from views.activity.report_pdf import write_pdf

    path = write_pdf(report_of(evaluated), tmp_path / "bilan.pdf")
    pages = pypdf.PdfReader(str(path)).pages
    first = _plain(pages[0].extract_text())
    assert "Sommaire pour le conseil municipal" in first
    assert "Période de référence : du 1er janvier 2024 au 31 décembre 2024" in first
    for line in ("Conflits par mois 10,00 8,00 -20,0 %", "Conflits par 1 000 visites 0,50 0,40 -20,0 %",
                 "Intensité moyenne des conflits 3,10 2,50 -19,4 %",
                 "Part des conflits de niveau 4 ou 5 (%) 15,0 12,5 -16,7 %"):
        assert line in first, line
    assert "Faits saillants" in first and "Le personnel se sent plus en sécurité." in first
    assert "Personnes distinctes < 5" in first  # the summary hides small counts too
    for title in ("Conflits par mois, avant et pendant le projet", "Part des conflits par niveau d'intensité (%)",
                  "Besoins non comblés, par besoin"):
        assert title in first, title
    assert "Tableaux détaillés" not in first  # the details start on a page of their own
    rest = _plain(" ".join(p.extract_text() for p in pages[1:]))
    assert "Tableaux détaillés" in rest and "Questionnaire au personnel" in rest


def test_docx_has_the_same_summary_charts_and_tables(evaluated, tmp_path, qapp):
    from views.activity.report_docx import write_docx

    path = write_docx(report_of(evaluated), tmp_path / "bilan.docx")
    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    assert text[:2] == ["Bilan des activités de l'intervention de milieu", "Sommaire pour le conseil municipal"]
    assert "Période de référence : du 1er janvier 2024 au 31 décembre 2024" in text
    assert "Le personnel se sent plus en sécurité." in text
    headline = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ["Conflits par mois", "10,00", "8,00", "-20,0 %"] in headline
    assert ["Conflits par 1 000 visites", "0,50", "0,40", "-20,0 %"] in headline
    assert ["Personnes distinctes", "", "< 5", ""] in headline
    assert len(document.inline_shapes) >= 3  # the summary's three charts, then the tables' own
    comparison = next(t for t in document.tables[1:] if [c.text for c in t.rows[0].cells] == [
        "Indicateur", "Période de référence", "Période du bilan", "Variation (%)"])
    assert [c.text for c in comparison.rows[6].cells] == ["Part des conflits de niveau 4 ou 5 (%)", "15,0", "12,5",
                                                          "-16,7"]


def test_cli_writes_docx_through_the_registered_renderer(evaluated, tmp_path, monkeypatch):
    from app.cli import main
    from views.activity.cli_hooks import install

    install()
    evaluated.lock()
    try:
        monkeypatch.setenv("MILIEU_PASSPHRASE", PASSPHRASE)
        out = tmp_path / "bilan.docx"
        assert main(["--data-dir", str(evaluated.paths.root), "report", "--format", "docx", "--out", str(out)]) == 0
        rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
        assert ["Conflits par mois", "10,00", "8,00", "-20,0 %"] in rows  # the default baseline: 2024
    finally:
        evaluated.unlock(PASSPHRASE)


def test_bundles_carry_baselines_and_questionnaires_as_the_librarys_not_the_workers(evaluated, tmp_path):
    from bundle_kit import export_to, import_bytes, make_coordination, pair

    from app.report import coordination
    from models.sync import SyncRecord

    coord = make_coordination(tmp_path / "piaule")
    try:
        pair(evaluated, coord)
        import_bytes(coord, export_to(evaluated, tmp_path / "out").path.read_bytes())
        with coord.session() as s:
            entities = {e for (e,) in s.query(SyncRecord.entity).distinct()}
            assert {"baseline_incident", "visit_count", "survey_response"} <= entities
            response = json.loads(s.query(SyncRecord).filter_by(entity="survey_response").first().data)
            assert set(response) <= {"version", "deleted_at", "round", "answers"}  # no team, no date
            incident = json.loads(s.query(SyncRecord).filter_by(entity="baseline_incident").first().data)
            assert "source" not in incident
            r = coordination.report(s, worker.periods.custom(E.PILOT_FIRST, E.PILOT_LAST), None, today=E.TODAY,
                                    baseline=evaluation_worker.parse_range(E.BASELINE))
        assert r.value("conflicts") == 48  # the worker's own: imported incidents are not among them
        keys = {export_key: k for k in E.EXPECTED for export_key in [worker.aggregate.words.text(k, "fr")]}
        assert {keys[row[0]]: tuple(row[1:]) for row in r.table("baseline_comparison").rows} == E.EXPECTED
        means = {row[0]: tuple(row[1:]) for row in r.table("survey_means").rows}
        assert means["Je me sens en sécurité au travail"] == (2.5, 6, 4.0, 6, 1.5)
        assert {k: v for k, v in r.as_dict("unmet_needs_by_need").items() if v} == {
            "Place en hébergement d'urgence": 5, "Médecin de famille": 3, "Place en désintoxication": 1}
    finally:
        coord.lock()
