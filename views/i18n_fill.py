"""Fill translations in an area's .ts from tab-separated lines (a developer's tool).

    python -m views.i18n_fill AREA < lines.tsv     # each line: context<TAB>source<TAB>translation

Then ``python -m views.i18n release AREA``. Sources use the .ts escapes' plain text
(write "Stock received", not XML). A plural message takes its forms separated by " || ".
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

from views.i18n import AREAS, LANGUAGES_WITH_FILES, ts_path


def fill(area: str, lines: list[str], language: str = LANGUAGES_WITH_FILES[0]) -> list[str]:
    """Set each translation; return the lines whose message was not found."""
    path = ts_path(area, language)
    tree = ET.parse(path)
    wanted = {}
    for line in lines:
        if line.strip():
            context, source, translation = line.rstrip("\n").split("\t")
            wanted[(context, source)] = translation
    found = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            if key not in wanted:
                continue
            found.add(key)
            translation = message.find("translation")
            translation.attrib.pop("type", None)
            forms = wanted[key].split(" || ")
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = forms[0]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return [f"{c}\t{s}" for (c, s) in wanted if (c, s) not in found]


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1] not in AREAS:
        print(__doc__, file=sys.stderr)
        return 2
    missing = fill(sys.argv[1], sys.stdin.readlines())
    for line in missing:
        print("not found:", line, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
