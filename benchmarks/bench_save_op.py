"""The save operation alone, on the writer's kept connection, on the 5-year vault (prints figures).

``app.ops.floor.save_contact`` as the quick-entry panel runs it: a new contact with one
known person and one contact type (one save in five gives a supply item), the panel's
draft dropped with it; then edits of recent contacts (notes and a theme changed, one
edit in five changes its supplies). Each runs in ``vault.write_session()`` (one kept
connection, as the GUI's writer thread), timed without its commit (wall and this
thread's CPU time), then committed (the fsync, timed apart). The vault is
bench_floor.py's cached one (150,000 contacts, 5,000 people), copied first.
Goal: CPU median <= 4 ms for a new contact.

    .venv/bin/python benchmarks/bench_save_op.py [--saves 200] [--edits 100] [--profile new|edit]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_floor  # noqa: E402  (beside this script: the cached 5-year vault)

from app import contacts, drafts, people, supplies  # noqa: E402
from app.contacts import ContactInput  # noqa: E402
from app.ops import floor as floor_ops  # noqa: E402

FORM_ID = "contact_panel"  # the quick-entry panel's draft
WARM_UP = 10


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def line(name: str, runs: list[tuple[float, float, float]]) -> str:
    if not runs:
        return f"{name:34} n=   0"
    wall, cpu, commit = (list(c) for c in zip(*runs))
    return (f"{name:34} n={len(runs):4d}  wall median {statistics.median(wall):5.2f} p95 {pct(wall, 0.95):5.2f}  "
            f"CPU median {statistics.median(cpu):5.2f} p95 {pct(cpu, 0.95):5.2f}  (commit median "
            f"{statistics.median(commit):5.2f}) ms")


def run(vault, form) -> tuple[tuple[float, float, float], int]:
    """((wall ms, CPU ms) of the operation before its commit, the commit's wall ms), the contact id."""
    with vault.write_session() as s:
        t, c = time.perf_counter(), time.thread_time()
        done = floor_ops.save_contact(s, form)
        wall, cpu = (time.perf_counter() - t) * 1000, (time.thread_time() - c) * 1000
        t = time.perf_counter()
    return (wall, cpu, (time.perf_counter() - t) * 1000), done.value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--profile", choices=("new", "edit"), help="cProfile of the measured new contacts or edits")
    args = parser.parse_args()
    bench_floor.build_cache(False)
    vault, _end = bench_floor.working_copy()
    rng = random.Random(7)
    with vault.session() as s:
        person_ids = [m.id for m in people.search_people(s, "", limit=300)]
        item_ids = [i.id for i in supplies.items(s)]
        for item_id in item_ids:  # enough on the shelf for every save
            supplies.receive(s, item_id, 10 * (args.saves + args.edits))
    types, themes = ["listening", "awareness", "referral"], ["housing", "food", "mental_health"]

    def new_form(n: int) -> floor_ops.ContactSave:
        data = ContactInput(person_ids=[rng.choice(person_ids)], types=[rng.choice(types)],
                            place_code="lib_adults", duration_min=10)
        if n % 5 == 0:
            data.supplies = {rng.choice(item_ids): 1}
        return floor_ops.ContactSave(contact=data, draft_form_id=FORM_ID)

    def keep_draft(form) -> None:  # the panel's keeper saved the form as it was typed
        with vault.write_session() as s:
            drafts.save(s, FORM_ID, {"contact": form.contact.to_dict()})

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
    new, new_given, saved = [], [], []
    for n in range(args.saves + WARM_UP):
        form = new_form(n)
        keep_draft(form)
        if args.profile == "new" and n >= WARM_UP:
            profiler.enable()
        runs, contact_id = run(vault, form)
        if args.profile:
            profiler.disable()
        if n >= WARM_UP:
            (new_given if form.contact.supplies else new).append(runs)
        saved.append(contact_id)

    edits, edits_given = [], []
    for n in range(args.edits + WARM_UP if args.edits else 0):
        contact_id = saved[-1 - n % len(saved)]
        with vault.session() as s:
            data = contacts.contact_input(s, contact_id)
        data.notes = f"suivi {n}"
        data.themes = [rng.choice(themes)]
        if n % 5 == 0:
            data.supplies = {rng.choice(item_ids): 1 + n % 3}
        if args.profile == "edit" and n >= WARM_UP:
            profiler.enable()
        runs, _id = run(vault, floor_ops.ContactSave(contact=data, contact_id=contact_id))
        if args.profile:
            profiler.disable()
        if n >= WARM_UP:
            (edits_given if n % 5 == 0 else edits).append(runs)

    print(f"save_contact on the 5-year vault, write_session (kept connection); load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(line("new contact (person + type)", new))
    print(line("new contact with a supply item", new_given))
    print(line("all new contacts", new + new_given) + "   (goal: CPU median <= 4 ms)")
    print(line("edit (notes, theme)", edits))
    print(line("edit changing its supplies", edits_given))
    if args.profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    vault.lock()


if __name__ == "__main__":
    main()
