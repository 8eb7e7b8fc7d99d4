"""Every UI string is translated in fr_CA, and every committed .qm matches its .ts."""
from __future__ import annotations

import shutil

import pytest

from views import i18n


def test_no_string_is_untranslated_missing_or_stale():
    assert i18n.problems() == []


def test_every_area_has_a_compiled_translation():
    for area in i18n.AREAS:
        if i18n.area_sources(area):
            assert i18n.ts_path(area, "fr_CA").with_suffix(".qm").exists(), area


# The check itself, on a small project in a temp folder: it must catch each problem.
SOURCE = '''from PySide6.QtWidgets import QWidget
class Demo(QWidget):
    def labels(self):
        return [self.tr("Save"), self.tr("Cancel")]
'''


@pytest.fixture
def project(tmp_path):
    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "demo.py").write_text(SOURCE, "utf-8")
    (tmp_path / "resources" / "translations").mkdir(parents=True)
    return tmp_path


def check(project, areas):
    return i18n.problems(root=project, table=areas)


def translate_all(ts):
    text = ts.read_text("utf-8")
    text = text.replace('<translation type="unfinished"></translation>', "<translation>Traduit</translation>")
    ts.write_text(text, "utf-8")


def test_the_check_catches_each_kind_of_problem(project):
    areas = {"demo": ("views/demo.py",)}
    assert any("demo_fr_CA.ts is missing" in p for p in check(project, areas))

    i18n.update(["demo"], root=project, table=areas)
    found = check(project, areas)
    assert sum("untranslated" in p for p in found) == 2

    ts = project / "resources" / "translations" / "demo_fr_CA.ts"
    translate_all(ts)
    assert any("demo_fr_CA.qm is missing" in p for p in check(project, areas))
    i18n.release(["demo"], root=project, table=areas)
    assert check(project, areas) == []

    # A translation edited after the release: the .qm is stale.
    ts.write_text(ts.read_text("utf-8").replace("Traduit", "Modifié", 1), "utf-8")
    assert any("stale" in p for p in check(project, areas))
    i18n.release(["demo"], root=project, table=areas)

    # A new string in the source that nobody ran update for.
    (project / "views" / "demo.py").write_text(SOURCE.replace('self.tr("Cancel")', 'self.tr("Delete")'), "utf-8")
    assert any("missing Demo: 'Delete'" in p for p in check(project, areas))

    # A views/ file with strings but in no area.
    shutil.copy(project / "views" / "demo.py", project / "views" / "orphan.py")
    assert any("views/orphan.py" in p and "no area" in p for p in check(project, areas))


def test_qt_fixes_catalog_is_compiled_from_its_source(tmp_path):
    ts = i18n.TRANSLATIONS_DIR / "qtfixes_fr_CA.ts"
    i18n._lrelease(ts, tmp_path / "fresh.qm")
    assert (tmp_path / "fresh.qm").read_bytes() == ts.with_suffix(".qm").read_bytes()


@pytest.mark.parametrize("mode", ["AnyFile", "Directory"])
def test_file_dialogs_speak_french(qapp, mode):
    """Qt's own file dialog (non-native on Linux) has no English label left in fr_CA."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    translators = i18n.install_translators(qapp, "fr_CA")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(getattr(QFileDialog.FileMode, mode))
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.text()]
        english = {"&Look in:", "Files of &type:", "File &name:", "Directory:", "&Open", "&Choose", "Cancel"}
        assert texts and not english & set(texts), texts
        dialog.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
