"""What a software centre and a menu show of Milieu: desktop entry, AppStream file, icon.

The validators are Debian's own (desktop-file-utils, appstream); `./dev package-check`
installs them. Without them these two checks skip, saying so.
"""
from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "ca.lapiaule.Milieu"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install {package}, or run ./dev package-check)")
    return path


def test_desktop_entry_validates():
    result = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_appstream_file_validates():
    result = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_menu_entry_starts_milieu_with_its_icon_in_french_and_english():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "milieu" and section["Icon"] == APP_ID
    assert section["Comment[fr]"] and section["Comment[en]"] and section["Comment"] != section["Comment[en]"]
    from views.app_main import DESKTOP_ID

    assert DESKTOP_ID == APP_ID  # the running window is matched to this entry


def test_appstream_lists_this_version_with_french_and_english_texts():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == DESKTOP.name
    newest = component.find("releases/release")
    assert newest.get("version") == version, "add a <release> for the new version in the metainfo file"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    summaries = {s.get(lang, "fr"): s.text for s in component.findall("summary")}
    assert set(summaries) == {"fr", "en"}


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icon_comes_in_every_size_a_menu_asks_for():
    assert (ICONS / "milieu.svg").read_text("utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert _png_size(ICONS / f"milieu-{size}.png") == (size, size)
    assert (ICONS / "milieu.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "milieu.icns").read_bytes()[:4] == b"icns"
