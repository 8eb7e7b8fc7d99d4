"""Synthetic conflicts, staff support and presence for demos and benchmarks (invented data).

Conflicts become rarer and milder over time, as the pilot hopes; a week in ten
differs from the schedule.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.activity import conflicts, presence, staff_support
from models.activity import OUTCOMES, SPAN_WEEK, SUPPORT_KINDS

TOPICS = (
    "Approcher une personne qui dort dans la salle de lecture",
    "Quoi dire quand une personne semble intoxiquée",
    "Retour sur l'altercation à l'entrée",
    "Ressources d'hébergement d'urgence",
    "Désamorcer une situation tendue",
)
ZONES = ("lib_entrance", "lib_adults", "lib_computers", "lib_reading", "lib_washrooms", "lib_outside")


@dataclass
class ActivityStats:
    conflicts: int
    supports: int
    presence_weeks: int


def generate(session: Session, start: date, end: date, *, seed: int = 1, conflicts_per_week: float = 3.0
             ) -> ActivityStats:
    """Add conflicts, staff support and a few presence weeks between ``start`` and ``end``."""
    rng = random.Random(seed)
    weeks = max(1, (end - start).days // 7)
    made = supports = entered = 0
    for w in range(weeks):
        monday = presence.monday(start) + timedelta(weeks=w)
        progress = w / weeks  # 0 at the start, 1 at the end
        for _ in range(_poisson(rng, conflicts_per_week * (1.2 - 0.7 * progress))):
            when = datetime.combine(monday + timedelta(days=rng.randrange(5)), datetime.min.time()).replace(
                hour=rng.randrange(10, 20), minute=rng.randrange(60))
            if not start <= when.date() <= end:
                continue
            top = 5 if progress < 0.5 else 4
            level = min(top, max(1, round(rng.gauss(2.8 - 1.2 * progress, 1.0))))
            conflicts.create(
                session, occurred_at=when, intensity=level, place_code=rng.choice(ZONES),
                parties="patron_staff" if rng.random() < 0.3 else "patron_patron",
                handled_by=["worker"] + (["staff"] if rng.random() < 0.5 else []) + (["police"] if level == 5 else []),
                outcome="emergency_services" if level == 5 else rng.choice(OUTCOMES[:4]),
                action_taken="Discussion à l'écart", now=datetime.combine(end, datetime.max.time()),
            )
            made += 1
        if rng.random() < 0.6:
            day = monday + timedelta(days=rng.randrange(5))
            if start <= day <= end:
                kind = rng.choice(SUPPORT_KINDS)
                staff_support.create(
                    session, occurred_on=day, kind=kind, topic=rng.choice(TOPICS),
                    staff_count=rng.randrange(8, 20) if kind == "group_training" else rng.randrange(1, 4),
                    duration_min=rng.choice((15, 30, 45, 60, 90)), today=end,
                )
                supports += 1
        if rng.random() < 0.1:
            presence.set_hours(session, monday, SPAN_WEEK, rng.choice((15, 20, 25)) * 60, rng.choice((5, 10)) * 60,
                               "Congé ou formation")
            entered += 1
    return ActivityStats(made, supports, entered)


def _poisson(rng: random.Random, mean: float) -> int:
    count, limit, product = 0, pow(2.718281828, -max(mean, 0.0)), rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
