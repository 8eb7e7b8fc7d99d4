"""Today's lists (views.floor.list_lines.LineList): paint and change costs (prints; asserts nothing).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_today_lists.py [--reps 25]

The three lists of the Today page, configured as the page configures them (the app's font and
style sheet, views.style), are placed where the page puts them in a 1366x768 window (contacts 532x618 on the left, follow-ups 532x336 and low
stock 283x204 on the right) and filled with 100, then 500 word-wrapped lines like the page's.
For each size: painting a list (``grab()`` and a real synchronous repaint of its viewport), a
repaint of the whole window, then what a save does to the contacts list: a line inserted at the
top, a line changed in place, a line removed, each timed from ``set_lines`` to the end of the
repaint that follows (the event loop runs until idle). Goal: each <= 1 ms.
Figures are medians over --reps runs: wall time and CPU time (the process), with the load
average (2 shared cores: judge on CPU time when the load is high).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from views.floor.list_lines import Line  # noqa: E402
from views.floor.today_page import LOW, OVERDUE, TodayPage  # noqa: E402
from views.style import apply_style  # noqa: E402

ALIASES = ["Marc au vélo", "Élodie au foulard", "Jo à la tuque", "Sylvie des mitaines", "Grand Luc",
           "Mimi du parc", "Kevin au sac à dos", "Ginette aux lunettes rouges", "Pat le conteur",
           "Nadia au chien", "1 non identifiée"]
TYPES = ["Accompagnement", "Sensibilisation", "Écoute", "Premier contact, création de lien",
         "Intervention de crise", "Référence", "Dépannage d'urgence", "Médiation"]
THEMES = ["Conduites à risque", "Santé mentale", "Itinérance et logement", "Difficultés financières",
          "Consommation", "Justice", "Immigration", "Isolement social", "Santé physique", "Famille"]
GEOMETRY = {"today_contacts": (254, 111, 532, 618), "today_follow_ups": (810, 111, 532, 336),
            "today_low_stock": (810, 525, 283, 204)}  # as the page lays them out at 1366x768


def contact_text(rnd: random.Random, prefix: str) -> str:
    parts = [prefix, ", ".join(rnd.sample(ALIASES, rnd.choice([1, 1, 2, 3]))),
             ", ".join(rnd.sample(TYPES, rnd.choice([1, 2])))]
    themes = rnd.sample(THEMES, rnd.choice([0, 1, 2, 3]))
    if themes:
        parts.append(", ".join(themes))
    return " · ".join(parts)


def contact_lines(rnd: random.Random, n: int, start: int = 0) -> list[Line]:
    return [Line(contact_text(rnd, f"{(start + n - i) // 60 % 24:02d}:{(start + n - i) % 60:02d}"),
                 ("contact", start + n - i)) for i in range(n)]


def follow_lines(rnd: random.Random, n: int) -> list[Line]:
    return [Line(contact_text(rnd, "En retard depuis le 29 nov. 2026" if i % 3 else "Aujourd'hui"),
                 ("contact", 10_000 + i), OVERDUE if i % 3 else None) for i in range(n)]


class Paints(QObject):
    """Counts paint events of the viewports (a change that is not painted is not measured)."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def settle(app: QApplication) -> None:
    for _ in range(3):  # the delayed layout (a 0 ms timer), then the update request it posts
        app.processEvents()


def timed(work, reps: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(reps):
        w, c = time.perf_counter(), time.process_time()
        work()
        cpus.append(time.process_time() - c)
        walls.append(time.perf_counter() - w)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def say(label: str, figures: tuple[float, float]) -> None:
    wall, cpu = figures
    goal = "ok" if min(wall, cpu) <= 1.0 else "over 1 ms"
    print(f"  {label:44s} wall {wall:6.2f} ms  cpu {cpu:6.2f} ms  ({goal})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=25)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    apply_style(app)  # the font and style sheet users have (app_main)
    window = QWidget()
    window.resize(1366, 768)
    lists = {}
    for name, (x, y, w, h) in GEOMETRY.items():
        widget = TodayPage._list(None, name)  # configured as the page configures them
        widget.setParent(window)
        widget.setGeometry(x, y, w, h)
        lists[name] = widget
    paints = Paints()
    for widget in lists.values():
        widget.viewport().installEventFilter(paints)
    window.show()
    contacts, follow, low = lists["today_contacts"], lists["today_follow_ups"], lists["today_low_stock"]
    low.set_lines([Line(f"Article {i} : il en reste {i % 3} (bas à 5)", color=LOW) for i in range(10)])
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; medians of {args.reps} runs")
    for n in (100, 500):
        rnd = random.Random(n)
        base = contact_lines(rnd, n)
        contacts.set_lines(base)
        follow.set_lines(follow_lines(rnd, n))
        contacts.setCurrentRow(3)
        settle(app)
        print(f"{n} lines ({contacts.count()} contacts, {follow.count()} follow-ups, {low.count()} low stock)")
        for name, widget in lists.items():
            say(f"{name}: grab()", timed(widget.grab, args.reps))
            say(f"{name}: repaint()", timed(widget.viewport().repaint, args.reps))
        say("whole window: repaint()", timed(window.repaint, args.reps))

        fresh = Line(contact_text(rnd, "23:59"), ("contact", 99_999))
        state = {"lines": base}

        def change(lines):
            before = paints.count
            contacts.set_lines(lines)
            settle(app)
            if paints.count == before:
                raise SystemExit("a change was not painted: the figures would not include the repaint")
            state["lines"] = lines

        def insert():
            change([fresh] + base)

        def remove():
            change(base)

        def update():
            first = state["lines"][0]
            changed = Line(first.text + " · Famille" if not first.text.endswith("Famille") else first.text[:-10],
                           first.data)
            change([changed] + state["lines"][1:])

        walls, cpus = [], []
        removes_w, removes_c = [], []
        for _ in range(args.reps):  # insert then remove, alternately, from the same base
            w, c = timed(insert, 1)
            walls.append(w), cpus.append(c)
            w, c = timed(remove, 1)
            removes_w.append(w), removes_c.append(c)
        kept = contacts.currentItem().data(0x0100) if contacts.currentItem() else None
        say("contacts: insert at the top + repaint", (statistics.median(walls), statistics.median(cpus)))
        say("contacts: remove the top line + repaint", (statistics.median(removes_w), statistics.median(removes_c)))
        say("contacts: change the top line + repaint", timed(update, args.reps))
        print(f"  current line kept across the changes: {kept == base[3].data}")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    window.close()


if __name__ == "__main__":
    main()
