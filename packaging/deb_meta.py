"""What packaging/build-deb writes beside the PyInstaller folder: licences and Depends.

    python packaging/deb_meta.py copyright FROZEN_DIR DOC_DIR   # DOC_DIR/copyright + licenses/
    python packaging/deb_meta.py depends FROZEN_DIR             # prints the Depends: value

Run with the build's own Python (the .venv the app was frozen from): the bundled Python
distributions and their licence files are read from its installed metadata, and every
shared library PyInstaller copied from the system is traced to its Debian package,
whose copyright file is copied as is.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Parts inside the Python wheels that carry their own licence (not in the wheel metadata).
EMBEDDED = [
    ("Qt 6, PySide6 and shiboken6 (the wheels carry no licence file)", "LGPL-3.0-only",
     "/usr/share/common-licenses/LGPL-3 (and GPL-3); sources: https://download.qt.io/official_releases/"),
    ("ICU (in PySide6)", "Unicode-3.0", "https://github.com/unicode-org/icu/blob/main/LICENSE"),
    ("SQLCipher (in sqlcipher3)", "BSD-3-Clause", "https://www.zetetic.net/sqlcipher/license/"),
    ("SQLite (in sqlcipher3)", "blessing (public domain)", "https://sqlite.org/copyright.html"),
    ("OpenSSL (in cryptography and sqlcipher3)", "Apache-2.0", "https://www.openssl.org/source/license.html"),
    ("Python 3 interpreter and standard library", "PSF-2.0", "https://docs.python.org/3/license.html"),
]
# Dlopen'd or always present on a desktop: depended on, never bundled.
EXTRA_DEPENDS = ["libegl1", "libgl1", "fontconfig", "fonts-dejavu-core | fonts-liberation2"]


def runtime_distributions(root: str = "milieu") -> list[metadata.Distribution]:
    """``root`` and everything it needs at run time (no extras), each once."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = re.split(r"[ ;<>=!~\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        todo += [r for r in dist.requires or [] if "extra ==" not in r]
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    found = meta.get("License-Expression")
    if not found:
        short = (meta.get("License") or "").strip()
        found = short if short and "\n" not in short and len(short) < 80 else ""
    if not found:
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        found = " / ".join(classifiers)
    return found or "see the licence files"


def licence_files(dist: metadata.Distribution) -> list[Path]:
    files = []
    for entry in dist.files or []:
        name = entry.name.upper()
        if ("LICEN" in name or "COPYING" in name or "NOTICE" in name or "AUTHORS" in name) and ".dist-info" in str(entry):
            files.append(Path(dist.locate_file(entry)))
    return files


def bundled_system_libraries(frozen: Path) -> dict[str, str]:
    """Debian package -> one of its libraries that PyInstaller copied into ``frozen``."""
    found: dict[str, str] = {}
    for lib in sorted((frozen / "_internal").glob("lib*.so*")):
        package = debian_package_of(lib.name)
        if package:
            found.setdefault(package, lib.name)
    return found


def debian_package_of(soname: str) -> str | None:
    result = subprocess.run(["dpkg", "-S", soname], capture_output=True, text=True)
    for line in result.stdout.splitlines():
        owner, _, path = line.partition(": ")
        if path.endswith("/" + soname):
            return owner.split(":")[0]
    return None


def linked_system_libraries(frozen: Path) -> set[str]:
    """Sonames outside ``frozen`` that its binaries link to (what dpkg-shlibdeps would read)."""
    libraries: set[str] = set()
    binaries = [p for p in frozen.rglob("*") if p.is_file() and (".so" in p.name or p.name == "milieu")]
    for chunk in range(0, len(binaries), 200):
        result = subprocess.run(["ldd", *map(str, binaries[chunk:chunk + 200])], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            match = re.match(r"\s+(\S+) => (/\S+)", line)
            if match and not match.group(2).startswith(str(frozen)):
                libraries.add(match.group(2))
    return libraries


def depends(frozen: Path) -> str:
    packages = set()
    for path in linked_system_libraries(frozen):
        package = debian_package_of(Path(path).name)
        if package and package not in ("libc6",):
            packages.add(package)
    extra = [p for p in EXTRA_DEPENDS if p not in packages]
    return ", ".join(["libc6"] + sorted(packages) + extra)


def write_copyright(frozen: Path, doc: Path) -> None:
    licenses = doc / "licenses"
    licenses.mkdir(parents=True, exist_ok=True)
    out = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: Milieu",
        "Comment: Milieu is built with PyInstaller into /opt/milieu, which bundles the Python",
        " interpreter, the Python packages below and some system libraries. Each bundled",
        " part keeps its own licence; the full texts are in /usr/share/doc/milieu/licenses/.",
        "",
        "Files: *",
        "Copyright: La Piaule and the Milieu contributors",
        "License: GPL-3.0-or-later",
        " See /usr/share/common-licenses/GPL-3.",
    ]
    for dist in runtime_distributions():
        name, version = dist.metadata["Name"], dist.version
        if name.lower() == "milieu":
            continue
        target = licenses / f"{name}-{version}"
        copied = []
        for source in licence_files(dist):
            target.mkdir(exist_ok=True)
            shutil.copyfile(source, target / source.name)
            copied.append(source.name)
        out += ["", f"Files: opt/milieu/_internal/{name}*", f"Comment: Python package {name} {version}",
                f"License: {licence_of(dist)}"]
        out.append(f" Full text: /usr/share/doc/milieu/licenses/{target.name}/" if copied else " (no licence file in the wheel)")
    for what, licence, where in EMBEDDED:
        out += ["", "Files: opt/milieu/_internal/*", f"Comment: {what}", f"License: {licence}", f" See {where}"]
    system = licenses / "system-libraries"
    system.mkdir(exist_ok=True)
    for package, library in bundled_system_libraries(frozen).items():
        source = Path("/usr/share/doc") / package / "copyright"
        if source.exists():
            shutil.copyfile(source, system / f"{package}.copyright")
        out += ["", f"Files: opt/milieu/_internal/{library}",
                f"Comment: from the Debian package {package}",
                f"License: see /usr/share/doc/milieu/licenses/system-libraries/{package}.copyright"]
    (doc / "copyright").write_text("\n".join(out) + "\n", "utf-8")


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "copyright":
        write_copyright(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) == 2 and argv[0] == "depends":
        print(depends(Path(argv[1])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
