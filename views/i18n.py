"""Translations: loading at startup, and the Qt Linguist tooling.

Each feature area owns one .ts file per language, ``resources/translations/<area>_<lang>.ts``,
made from the source files listed for that area in ``AREAS`` (globs relative to the
project root). A new area adds ONE line to ``AREAS``. Every views/ file that calls
``tr()``/``translate()`` must belong to exactly one area; ``check`` says so otherwise.

Command line (see resources/translations/README.md)::

    python -m views.i18n update [AREA ...]   # pyside6-lupdate: source strings -> .ts
    python -m views.i18n release [AREA ...]  # pyside6-lrelease: .ts -> .qm (commit both)
    python -m views.i18n check               # untranslated, missing or stale -> exit 1

Source strings are English; English therefore needs no file.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGES_WITH_FILES = ("fr_CA",)

# area -> source globs (relative to the project root). One line per area.
AREAS: dict[str, tuple[str, ...]] = {
    "shell": ("views/*.py", "views/pages/settings_page.py"),
    "floor": ("views/floor/*.py",),
    "sync": ("views/sync/*.py",),
    "activity": ("views/activity/*.py",),
    "directory": ("views/directory/*.py",),
    "vocabulary": ("app/vocabulary.py",),
    "lists": ("views/pages/code_lists.py",),
    "privacy": ("views/privacy/*.py",),
    "upkeep": ("views/pages/upkeep*.py",),
}

TRANSLATED_CALLS = ("tr(", "translate(")


# ---- runtime ---------------------------------------------------------------
def qm_files(language: str) -> list[Path]:
    return sorted(TRANSLATIONS_DIR.glob(f"*_{language}.qm"))


def install_translators(app, language: str) -> list:
    """Install every area's .qm for ``language`` and Qt's own (so buttons read "Annuler").

    Returns the translators: the caller keeps them alive as long as the app.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    installed = []
    if language == "en":
        QLocale.setDefault(QLocale("en_CA"))
        return installed
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_lang = language.split("_")[0]
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{qt_lang}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    for qm in qm_files(language):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


# ---- tooling ---------------------------------------------------------------
def _tool(name: str) -> str:
    import shutil

    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it ships with PySide6).")
    return found


def area_sources(area: str, *, root: Path = ROOT, table: dict | None = None) -> list[Path]:
    files: set[Path] = set()
    for pattern in (table or AREAS)[area]:
        files.update(p for p in root.glob(pattern) if p.is_file() and p.suffix == ".py")
    return sorted(files)


def _translations_dir(root: Path) -> Path:
    return root / TRANSLATIONS_DIR.relative_to(ROOT)


def ts_path(area: str, language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"{area}_{language}.ts"


def _run(args: list[str]) -> None:
    import subprocess

    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed: {result.stderr.strip() or result.stdout.strip()}")


def _lupdate(sources: list[Path], ts: Path, language: str) -> None:
    _run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
          "-target-language", language, *map(str, sources), "-ts", str(ts)])


def _lrelease(ts: Path, qm: Path) -> None:
    _run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def update(areas: list[str] | None = None, *, root: Path = ROOT, table: dict | None = None) -> None:
    table = table or AREAS
    directory = _translations_dir(root)
    directory.mkdir(parents=True, exist_ok=True)
    for area in areas or list(table):
        sources = area_sources(area, root=root, table=table)
        if not sources:
            continue
        for language in LANGUAGES_WITH_FILES:
            ts = ts_path(area, language, directory)
            before = ts.read_text("utf-8") if ts.exists() else None
            _lupdate(sources, ts, language)
            if before is not None:
                _keep_dropped(before, ts)


def _keep_dropped(before: str, ts: Path) -> None:
    """Put back the translated plural messages lupdate dropped: its Python parser misses some
    ``QCoreApplication.translate(context, "%n ...", "", n)`` calls that the app does use
    (a plural whose source is really gone stays as a harmless unused entry)."""
    import xml.etree.ElementTree as ET

    old, tree = ET.fromstring(before), ET.parse(ts)
    contexts = {c.findtext("name"): c for c in tree.getroot().iter("context")}
    have = {(name, m.findtext("source")) for name, c in contexts.items() for m in c.iter("message")}
    dropped = [
        (c.findtext("name"), m) for c in old.iter("context") for m in c.iter("message")
        if (c.findtext("name"), m.findtext("source")) not in have and m.get("numerus") == "yes"
        and m.find("translation").get("type") is None
    ]
    if not dropped:
        return
    for name, message in dropped:
        if name not in contexts:
            contexts[name] = ET.SubElement(tree.getroot(), "context")
            ET.SubElement(contexts[name], "name").text = name
        contexts[name].append(message)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def release(areas: list[str] | None = None, *, root: Path = ROOT, table: dict | None = None) -> None:
    for area in areas or list(table or AREAS):
        for language in LANGUAGES_WITH_FILES:
            ts = ts_path(area, language, _translations_dir(root))
            if ts.exists():
                _lrelease(ts, ts.with_suffix(".qm"))


def read_messages(ts: Path) -> dict[tuple[str, str, str], bool]:
    """(context, source, disambiguation) -> finished? for every live message of a .ts."""
    import xml.etree.ElementTree as ET

    messages = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if translation is None:
                texts = [""]
            else:
                texts = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            finished = kind != "unfinished" and all(t.strip() for t in texts)
            messages[(name, message.findtext("source", ""), message.findtext("comment", ""))] = finished
    return messages


def _uses_translation(path: Path) -> bool:
    text = path.read_text("utf-8")
    return any(call in text for call in TRANSLATED_CALLS)


def problems(*, root: Path = ROOT, table: dict | None = None) -> list[str]:
    """Everything that would make a user see English in fr_CA, or a stale .qm."""
    import tempfile

    table = table or AREAS
    directory = _translations_dir(root)
    found: list[str] = []
    owners: dict[Path, list[str]] = {}
    for area in table:
        for source in area_sources(area, root=root, table=table):
            owners.setdefault(source, []).append(area)
    for source in sorted((root / "views").rglob("*.py")):
        rel = source.relative_to(root).as_posix()
        areas = owners.get(source, [])
        if len(areas) > 1:
            found.append(f"{rel} belongs to several areas: {', '.join(areas)}")
        elif not areas and _uses_translation(source):
            found.append(f"{rel} has translatable strings but is in no area of views/i18n.py AREAS")
    with tempfile.TemporaryDirectory() as tmp:
        for area in table:
            sources = area_sources(area, root=root, table=table)
            for language in LANGUAGES_WITH_FILES:
                committed = ts_path(area, language, directory)
                if not sources:
                    continue
                if not committed.exists():
                    found.append(f"{committed.name} is missing: run python -m views.i18n update {area}")
                    continue
                fresh = ts_path(area, language, Path(tmp))
                fresh.write_bytes(committed.read_bytes())
                _lupdate(sources, fresh, language)
                have = read_messages(committed)
                for key, finished in read_messages(fresh).items():
                    if key not in have:
                        found.append(f"{committed.name}: missing {key[0]}: {key[1]!r} (run update)")
                    elif not finished:
                        found.append(f"{committed.name}: untranslated {key[0]}: {key[1]!r}")
                qm = committed.with_suffix(".qm")
                fresh_qm = Path(tmp) / qm.name
                _lrelease(committed, fresh_qm)
                if not qm.exists():
                    found.append(f"{qm.name} is missing: run python -m views.i18n release")
                elif qm.read_bytes() != fresh_qm.read_bytes():
                    found.append(f"{qm.name} is stale versus {committed.name}: run python -m views.i18n release")
    return found


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("update", "release", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, areas = argv[0], argv[1:]
    unknown = [a for a in areas if a not in AREAS]
    if unknown:
        print(f"unknown area(s): {', '.join(unknown)}; known: {', '.join(AREAS)}", file=sys.stderr)
        return 2
    if command == "update":
        update(areas)
        for area in areas or list(AREAS):
            for language in LANGUAGES_WITH_FILES:
                ts = ts_path(area, language)
                if ts.exists():
                    todo = sum(not ok for ok in read_messages(ts).values())
                    print(f"{ts.relative_to(ROOT)}: {todo} string(s) to translate")
        return 0
    if command == "release":
        release(areas)
        return 0
    issues = problems()
    for line in issues:
        print(line)
    print("translations OK" if not issues else f"{len(issues)} problem(s)")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
