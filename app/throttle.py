"""A growing delay after repeated failed unlocks (kept in memory: nothing is written)."""
from __future__ import annotations

import time

FREE_ATTEMPTS = 3
MAX_DELAY_S = 300


class UnlockThrottle:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self.failures = 0
        self._not_before = 0.0

    def delay_for(self, failures: int) -> float:
        """0 s for the first three failures, then 2, 4, 8... seconds, capped."""
        if failures < FREE_ATTEMPTS:
            return 0.0
        return float(min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1)))

    def wait_remaining(self) -> float:
        return max(0.0, self._not_before - self._clock())

    def failed(self) -> float:
        self.failures += 1
        delay = self.delay_for(self.failures)
        self._not_before = self._clock() + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._not_before = 0.0
