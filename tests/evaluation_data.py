"""A data set with known answers for the evaluation (issue 13).

Baseline (2024): 120 incidents from the library's file, 10 a month, mean intensity 3.1,
18 at levels 4-5 (12 at 4, 6 at 5, the six 5s with police or ambulance).
Pilot (2025-01-01 .. 2025-06-30): 48 conflicts recorded by the worker, 8 a month, mean 2.5,
6 at levels 4-5, 2 emergency calls. Visits: 20,000 a month throughout.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from app import contacts, people
from app.activity import conflicts
from app.contacts import ContactInput
from app.evaluation import baseline, survey, visits
from app.report import worker

TODAY = date(2025, 7, 15)
PILOT_FIRST, PILOT_LAST = date(2025, 1, 1), date(2025, 6, 30)
BASELINE = "2024-01-01..2024-12-31"
BASELINE_LEVELS = [2] * 12 + [3] * 90 + [4] * 12 + [5] * 6  # sum 372: mean 3.1
PILOT_LEVELS = [2] * 32 + [3] * 10 + [4] * 4 + [5] * 2  # sum 120: mean 2.5

EXPECTED = {  # indicator -> (baseline, pilot, change %)
    "conflicts": (120, 48, None),
    "conflicts_per_month": (10.0, 8.0, -20.0),
    "conflicts_per_1000_visits": (0.5, 0.4, -20.0),
    "intensity_mean": (3.1, 2.5, -19.4),
    "intensity_max": (5, 5, 0.0),
    "share_high_intensity": (15.0, 12.5, -16.7),
    "emergency_calls": (6, 2, None),
    "visits": (240000, 120000, None),
}

# Staff questionnaire: round 2024-12 (6 answers each), round 2025-06 (6, but "know_whom_to_call" 3).
FIRST_ROUND = {"feel_safe": [2, 2, 3, 3, 3, 2], "know_whom_to_call": [1, 2, 2, 1, 2, 2]}
LATEST_ROUND = {"feel_safe": [4, 4, 3, 4, 5, 4], "know_whom_to_call": [4, 4, 5]}
NEEDS = {"shelter_bed": 5, "family_doctor": 3, "detox_place": 1}  # contacts noting each, all in 2025-02


def incidents_csv(path: Path) -> Path:
    lines = ["date,time,zone,parties,intensity,emergency"]
    for n, level in enumerate(BASELINE_LEVELS):
        month, k = n // 10 + 1, n % 10
        lines.append(f"2024-{month:02d}-{2 + 2 * k:02d},{10 + k}:15,Entrée,patron-patron,{level},"
                     f"{'yes' if level == 5 else 'no'}")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def visits_csv(path: Path) -> Path:
    lines = ["date;visits"] + [f"2024-{m:02d};20000" for m in range(1, 13)] + [f"2025-{m:02d};20 000" for m in range(1, 7)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def build(vault, folder: Path) -> None:
    with vault.session() as s:
        worker.set_pilot_period(s, PILOT_FIRST, PILOT_LAST)
        baseline.import_file(s, incidents_csv(folder / "incidents.csv"), today=TODAY)
        visits.import_file(s, visits_csv(folder / "visits.csv"), today=TODAY)
        for n, level in enumerate(PILOT_LEVELS):
            month, k = n // 8 + 1, n % 8
            conflicts.create(s, occurred_at=datetime(2025, month, 3 + 3 * k, 14, 0), intensity=level,
                             outcome="emergency_services" if level == 5 else "calmed", now=datetime(2025, 7, 1))
        single = people.create_person(s, "Grand Marc, casquette rouge", groups=["single_parent"], today=TODAY).id
        newcomer = people.create_person(s, "Lili aux lunettes", groups=["newcomer", "refugee"], today=TODAY).id
        n = 0
        for need, count in NEEDS.items():
            for _ in range(count):
                contacts.create_contact(s, ContactInput(
                    occurred_at=datetime(2025, 2, 3 + n, 10, 0), duration_min=10, place_code="lib_reading",
                    person_ids=[single if n % 2 else newcomer], types=["listening"], unmet_needs=[need],
                ), today=TODAY)
                n += 1
        for round_, answers, day in (("2024-12", FIRST_ROUND, date(2024, 12, 10)),
                                     ("2025-06", LATEST_ROUND, date(2025, 6, 20))):
            for k in range(6):
                given = {item: scores[k] for item, scores in answers.items() if k < len(scores)}
                survey.record(s, given, answered_on=day, team="Prêt", round_=round_, today=TODAY)
