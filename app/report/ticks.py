"""Count axes of the report's charts: whole-number ticks only.

Qt's "nice numbers" on a count of 1 or 2 put ticks at 0, 0.5, 1, 1.5, which an integer
label format prints "0 0 1 1". A step of 1, 2, 5, 10, 20, 50... never does.
"""
from __future__ import annotations

from math import ceil

MOST_TICKS = 8


def integer_ticks(top: float, most: int = MOST_TICKS) -> tuple[int, int]:
    """(axis maximum, number of ticks from 0 to it), every tick a whole number, at most ``most``."""
    top = max(1, ceil(top))
    step, scale = 1, 1
    while True:
        for factor in (1, 2, 5):
            step = factor * scale
            if ceil(top / step) + 1 <= most:
                intervals = ceil(top / step)
                return intervals * step, intervals + 1
        scale *= 10
