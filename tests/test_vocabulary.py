"""One vocabulary: a fixed code reads the same on screen, in the report and in its exports."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from app import vocabulary
from app.report import aggregate, export
from app.report import period as periods
from app.report import worker
from app.report.rows import ReportInput
from views.i18n import read_messages, ts_path

PERIOD = periods.Period(date(2026, 1, 1), date(2026, 2, 1))


def _report(lang: str):
    return aggregate.compute(ReportInput(), PERIOD, lang=lang, today=date(2026, 3, 1))


def test_every_code_of_the_models_has_one_label_and_nothing_else():
    for list_name, codes in vocabulary.MODEL_CODES.items():
        assert vocabulary.codes(list_name) == list(codes), list_name
    assert set(vocabulary.MODEL_CODES) == set(vocabulary.VOCABULARY)


def test_each_list_has_one_context_and_every_label_is_translated_in_french():
    messages = read_messages(ts_path("vocabulary", "fr_CA"))
    for list_name, entries in vocabulary.VOCABULARY.items():
        assert len({context for context, _ in entries.values()}) == 1, list_name
        for context, source in entries.values():
            assert messages.get((context, source, "")) is True, (context, source)
    assert vocabulary.FRENCH_TS == ts_path("vocabulary", "fr_CA")


def test_the_report_reads_french_from_the_linguist_file_and_english_from_the_source():
    assert vocabulary.label(vocabulary.REFERRAL_OUTCOME, "attained") == "Atteint"
    assert vocabulary.label(vocabulary.REFERRAL_OUTCOME, "attained", "en") == "Attained"
    assert vocabulary.label(vocabulary.CONFLICT_INTENSITY, 3) == "Altercation verbale, menaces"
    assert vocabulary.label(vocabulary.REFERRAL_STATUS, "made_up") == "made_up"


def _screen_labels() -> dict[str, dict]:
    """What the screens show for each list, through the helpers the widgets call."""
    from views.activity import common
    from views.directory.labels import ReferralWords

    words = ReferralWords()
    levels = common.intensity_levels()
    return {
        vocabulary.REFERRAL_STATUS: dict(words.statuses()),
        vocabulary.REFERRAL_OUTCOME: dict(words.outcomes()),
        vocabulary.CONFLICT_INTENSITY: {level: name for level, (name, _) in levels.items()},
        vocabulary.CONFLICT_INTENSITY_HINT: {level: hint for level, (_, hint) in levels.items()},
        vocabulary.CONFLICT_PARTIES: common.party_labels(),
        vocabulary.CONFLICT_RESPONDER: common.responder_labels(),
        vocabulary.CONFLICT_OUTCOME: common.outcome_labels(),
        vocabulary.STAFF_SUPPORT_KIND: common.support_kind_labels(),
    }


def _report_labels(lang: str) -> dict[str, dict]:
    report = _report(lang)

    def first_column(key: str) -> list[str]:
        return [row[0] for row in report.table(key).rows]

    return {
        vocabulary.REFERRAL_STATUS: first_column("referrals_by_status"),
        vocabulary.REFERRAL_OUTCOME: first_column("referrals_by_outcome"),
        vocabulary.CONFLICT_INTENSITY: first_column("conflicts_by_intensity"),
        vocabulary.CONFLICT_PARTIES: first_column("conflicts_by_parties"),
        vocabulary.STAFF_SUPPORT_KIND: first_column("staff_support_by_kind"),
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_screen_and_report_give_every_fixed_code_the_same_words(request, qapp, lang):
    if lang == "fr":
        request.getfixturevalue("french")
    screen = _screen_labels()
    for list_name in vocabulary.VOCABULARY:
        assert screen[list_name] == vocabulary.labels(list_name, lang), list_name
    for list_name, shown in _report_labels(lang).items():
        on_screen = list(screen[list_name].items())
        if list_name == vocabulary.CONFLICT_INTENSITY:
            expected = [vocabulary.level_text(level, name) for level, name in on_screen]
        else:
            expected = [name for _, name in on_screen]
        assert shown == expected, list_name


def test_the_examples_that_had_drifted_now_agree(qapp, french):
    from views.activity import common
    from views.directory.labels import ReferralWords

    assert ReferralWords().outcome("attained") == "Atteint"
    report = _report("fr")
    assert report.as_dict("referrals_by_outcome")["Atteint"] == 0
    name = common.intensity_levels()[3][0]
    assert common.level_text(3, name) == "3 – Altercation verbale, menaces"
    assert "3 – Altercation verbale, menaces" in report.as_dict("conflicts_by_intensity")


def test_the_csv_and_xlsx_exports_carry_the_vocabulary():
    from openpyxl import load_workbook

    report = _report("fr")
    rows = list(csv.reader(io.StringIO(export.to_csv(report).decode("utf-8-sig")), delimiter=";"))
    cells = {cell for row in rows for cell in row}
    assert {"Atteint", "Non atteint", "Entre usager·ères", "Retour après un incident",
            "5 – Violence physique ou appel police/ambulance"} <= cells
    book = load_workbook(io.BytesIO(export.to_xlsx(report)))
    texts = {c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert "Atteint" in texts and "Entre usager·ères" in texts


def test_conflict_form_names_a_level_as_the_report_does(qtbot, qapp, french, vault):
    from views.activity.conflict_form import ConflictForm
    from views.bus import DataBus
    from views.context import AppContext
    from views.drafts import DraftRegistry

    form = ConflictForm(AppContext(vault=vault, bus=DataBus(), extras={"drafts": DraftRegistry()}))
    qtbot.addWidget(form)
    in_report = _report_labels("fr")[vocabulary.CONFLICT_INTENSITY]
    assert [form.intensity.button(level).toolTip() for level in range(1, 6)] == [
        f"{label} (Alt+{level})" for level, label in enumerate(in_report, start=1)
    ]
    parties = [button.text() for button in form.parties.buttons()]
    assert parties == _report_labels("fr")[vocabulary.CONFLICT_PARTIES]


def test_editable_lists_read_the_same_on_screen_and_in_the_report(vault, qapp, french):
    """Types, themes, places, age brackets, genders: the labels in the database, on both sides."""
    from views.floor.common import CodeLabels

    with vault.session() as s:
        in_report = worker.code_labels(s, "fr")
        on_screen = CodeLabels(s, *worker.LABELLED_LISTS)
    for list_name, labels in in_report.items():
        assert labels, list_name
        for code, text in labels.items():
            assert on_screen.label(list_name, code) == text, (list_name, code)


def test_the_pdf_carries_the_vocabulary(qapp, tmp_path):
    import re
    import unicodedata

    from pypdf import PdfReader

    from views.activity import report_pdf

    path = report_pdf.write_pdf(_report("fr"), tmp_path / "bilan.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))
    for words in ("Atteint", "Altercation verbale, menaces", "Entre usager·ères", "Retour après un incident"):
        assert words in text, words


def test_no_screen_keeps_a_label_table_of_its_own_for_a_fixed_code():
    """The drift came from screens translating the same codes themselves: they call views.vocabulary.

    A file translating two or more labels of one list is such a table (one common word alone,
    e.g. "Information" as a field name, is not).
    """
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    call = re.compile(r'''\b(?:tr|translate)\((?:\s*"[^"]*"\s*,)?\s*"([^"]+)"''')
    found = []
    for path in sorted((root / "views").rglob("*.py")):
        texts = {text.casefold() for text in call.findall(path.read_text("utf-8"))}
        for list_name, entries in vocabulary.VOCABULARY.items():
            hits = sorted(src for _, src in entries.values() if src.casefold() in texts)
            if len(hits) >= 2:
                found.append(f"{path.relative_to(root)} ({list_name}): {hits}")
    assert found == []
