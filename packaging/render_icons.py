"""Render resources/icons/milieu.svg to the PNG sizes, the Windows .ico and the macOS .icns.

    python packaging/render_icons.py      (needs rsvg-convert: apt-get install librsvg2-bin)

The outputs are committed, so building a package needs no SVG renderer. ICO and ICNS
files are written by hand: both formats may hold PNG images as they are.
"""
from __future__ import annotations

import struct
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "milieu.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}


def render(size: int) -> bytes:
    return subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), str(SOURCE)],
        check=True, capture_output=True,
    ).stdout


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def icns(images: dict[bytes, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in images.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    pngs = {size: render(size) for size in PNG_SIZES}
    for size, png in pngs.items():
        (ICONS / f"milieu-{size}.png").write_bytes(png)
    (ICONS / "milieu.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "milieu.icns").write_bytes(icns({k: pngs[s] for k, s in ICNS_TYPES.items()}))
    print(f"wrote {len(pngs)} PNG sizes, milieu.ico and milieu.icns in {ICONS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
