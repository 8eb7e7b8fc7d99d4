"""Contacts and People tables: one paint of each at 20 visible rows (prints; asserts nothing).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_tables.py [--reps 20] [--shots DIR]

The main window as the worker runs it (French, the app's style sheet and font, 1366x768) on the
5-year bench vault (bench_floor's cache). Each table is sized to show 20 rows at its page's width
and painted (``grab()``: the viewport, header and frame) --reps times, first with Qt's default
delegate (QStyledItemDelegate, the "before"), then with the table's own delegate, the first row
selected and current with the focus. Printed: CPU time (this thread) and wall time per paint,
medians, with the load average, and how many pixels differ between the two paints (same look:
0, or a few anti-aliased glyph edges). Goal: one paint <= 3 ms CPU. --shots saves each page
(both delegates) as PNG for a look.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_floor  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyledItemDelegate  # noqa: E402


class Dialogs:
    def confirm(self, *a, **k):
        return True

    def error(self, *a):
        raise SystemExit(a)

    warning = info = error


def settle(app, seconds=0.3):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def paint_times(table, reps):
    cpu, wall = [], []
    table.grab()
    for _ in range(reps):
        c, w = time.thread_time(), time.perf_counter()
        table.grab()
        cpu.append((time.thread_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def differing(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    if a.size() != b.size():
        return -1
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    return sum(1 for i in range(0, len(pa), 4) if pa[i:i + 3] != pb[i:i + 3])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--shots", help="a directory for screenshots of both pages")
    args = parser.parse_args()
    bench_floor.build_cache(False)
    vault, _ = bench_floor.working_copy()
    root = vault.paths.root
    vault.lock()
    app = QApplication([])
    from views.i18n import install_translators
    from views.main_window import MainWindow
    from views.style import apply_style

    install_translators(app, "fr_CA")
    apply_style(app)
    window = MainWindow(root, kdf_params=bench_floor.FAST_KDF, dialogs=Dialogs())
    window.start()
    window.show()
    window.resize(1366, 768)
    window.unlock_screen.passphrase.setText(bench_floor.PASSPHRASE)
    QTest.mouseClick(window.unlock_screen.unlock_button, Qt.MouseButton.LeftButton)
    end = time.monotonic() + 60
    while not (window.is_unlocked and window.ctx.extras.get("quick_entry")) and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for page_id, name in (("contacts", "contacts_table"), ("people", "people_table")):
        window.workspace.show_page(page_id)
        settle(app)
        page = next(p for p in window.workspace.pages if p.isVisible())
        table = page.findChild(object, name)
        if args.shots:
            os.makedirs(args.shots, exist_ok=True)
        own = table.itemDelegate()
        qt = QStyledItemDelegate(table)
        table.setFocus()
        table.selectRow(0)
        settle(app, 0.1)
        shots = {}
        for label, delegate in (("Qt's delegate", qt), ("the table's delegate", own)):
            table.setItemDelegate(delegate)
            settle(app, 0.1)
            if args.shots:
                window.grab().save(os.path.join(args.shots, f"{page_id}-{'qt' if delegate is qt else 'own'}.png"))
            size = table.size()
            rows = 20
            height = table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()
            table.resize(size.width(), height)
            shots[label] = table.grab().toImage()
            cpu, wall = paint_times(table, args.reps)
            table.resize(size)
            load = os.getloadavg()[0]
            print(f"{name} {table.width()}x{height} px, {rows} rows, {label}: "
                  f"{cpu:.2f} ms CPU, {wall:.2f} ms wall per paint (load {load:.2f})")
            settle(app, 0.05)
        print(f"  pixels differing between the two: {differing(*shots.values())} of "
              f"{shots[label].width() * shots[label].height()}")
    window.close()


if __name__ == "__main__":
    main()
