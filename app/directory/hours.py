"""Opening hours from HSDS schedules: "open now?", and weekly lines to show in plain words.

Times are local wall-clock times. A period whose closing time is not after its
opening time ends the next day (a shelter open 19:00-07:00); 00:00-00:00 is open
all day. A schedule with a date range and no hours is a closure (e.g. Christmas).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.directory.holidays import holiday
from models.directory import WEEKDAYS

DAY_MINUTES = 24 * 60
CHANGE_HORIZON_DAYS = 8   # how far ahead a result looks for its next opening
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def minutes(value: str | None) -> int | None:
    if not value:
        return None
    parts = value.split(":")
    return int(parts[0]) * 60 + int(parts[1])


@dataclass(frozen=True)
class Period:
    opens: int                      # minutes after midnight
    closes: int                     # minutes after midnight; <= opens: the next day
    days: frozenset[int] | None     # weekdays (0 = Monday); None = every day
    nth: tuple[tuple[int, int], ...] = ()   # MONTHLY (n, weekday): 1MO, -1FR
    monthdays: frozenset[int] | None = None
    monthly: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    dtstart: date | None = None
    interval: int = 1

    @property
    def overnight(self) -> bool:
        return self.closes <= self.opens

    def occurs_on(self, day: date) -> bool:
        """Does a period *start* on this day?"""
        if (self.valid_from and day < self.valid_from) or (self.valid_to and day > self.valid_to):
            return False
        if self.dtstart and day < self.dtstart:
            return False
        if self.monthly:
            last = ((day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)).day
            if self.monthdays and (day.day in self.monthdays or day.day - last - 1 in self.monthdays):
                return True
            for n, weekday in self.nth:
                if day.weekday() == weekday and (
                    (n > 0 and (day.day - 1) // 7 + 1 == n) or (n < 0 and (last - day.day) // 7 + 1 == -n)
                ):
                    return True
            return bool(self.days and not self.nth and not self.monthdays and day.weekday() in self.days)
        if self.days is not None and day.weekday() not in self.days:
            return False
        if self.interval > 1 and self.dtstart:
            return ((day - self.dtstart).days // 7) % self.interval == 0
        return True

    def span_on(self, day: date) -> tuple[datetime, datetime]:
        start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=self.opens)
        end = datetime.combine(day, datetime.min.time()) + timedelta(minutes=self.closes)
        if self.overnight:
            end += timedelta(days=1)
        return start, end


@dataclass(frozen=True)
class Closure:
    first: date
    last: date
    note: str = ""


@dataclass
class Hours:
    periods: list[Period]
    closures: list[Closure]
    closed_on_holidays: bool = False
    notes: list[str] | None = None   # schedule descriptions with no hours we can read

    def closed_on(self, day: date) -> bool:
        if self.closed_on_holidays and holiday(day):
            return True
        return any(c.first <= day <= c.last for c in self.closures)

    def is_open(self, at: datetime) -> bool:
        for start_day in (at.date(), at.date() - timedelta(days=1)):
            if self.closed_on(start_day):
                continue
            for period in self.periods:
                if period.occurs_on(start_day):
                    start, end = period.span_on(start_day)
                    if start <= at < end:
                        return True
        return False

    @property
    def known(self) -> bool:
        return bool(self.periods)

    def next_change(self, at: datetime, horizon_days: int = CHANGE_HORIZON_DAYS) -> "HoursChange":
        """Open or closed at ``at``, and until when: the span of opening hours containing ``at``
        (adjacent periods join: a night from yesterday running into today's hours) or the next one."""
        spans = sorted(
            period.span_on(day)
            for offset in range(-1, horizon_days + 1)
            for day in [at.date() + timedelta(days=offset)]
            if not self.closed_on(day)
            for period in self.periods if period.occurs_on(day)
        )
        merged: list[list[datetime]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        midnight = datetime.combine(at.date(), datetime.min.time())
        limit = midnight + timedelta(days=horizon_days)
        for start, end in merged:
            if start <= at < end:
                all_day = start <= midnight and end >= midnight + timedelta(days=1)
                return HoursChange(True, None if all_day or end >= limit else end, all_day)
            if start > at:
                return HoursChange(False, start)
        return HoursChange(False, None)

    def weekly_lines(self) -> list["HoursLine"]:
        """Consecutive week days with the same hours, e.g. Monday-Friday 9:00-17:00."""
        spans: dict[int, tuple[tuple[int, int], ...]] = {}
        for day in range(7):
            spans[day] = tuple(sorted(
                (p.opens, p.closes) for p in self.periods
                if not p.monthly and (p.days is None or day in p.days)
            ))
        lines: list[HoursLine] = []
        for day in range(7):
            if not spans[day]:
                continue
            if lines and lines[-1].last == day - 1 and lines[-1].spans == spans[day]:
                lines[-1] = HoursLine(lines[-1].first, day, spans[day])
            else:
                lines.append(HoursLine(day, day, spans[day]))
        return lines


@dataclass(frozen=True)
class HoursChange:
    """What a result says about hours: "Ouvre à 22 h", "Ferme à 7 h", "Ouvert 24 h"."""
    open_now: bool
    at: datetime | None     # when it closes (open) or opens (closed); None: not within the horizon
    all_day: bool = False   # open now and open the whole of today


@dataclass(frozen=True)
class HoursLine:
    first: int                          # weekday, 0 = Monday
    last: int
    spans: tuple[tuple[int, int], ...]  # (opens, closes) in minutes; closes <= opens: next day


def _days(byday: str | None) -> tuple[frozenset[int] | None, tuple[tuple[int, int], ...]]:
    if not byday:
        return None, ()
    days, nth = set(), []
    for item in byday.split(","):
        match = _BYDAY.match(item.strip().upper())
        if not match:
            continue
        weekday = WEEKDAYS.index(match.group(2))
        days.add(weekday)
        if match.group(1):
            nth.append((int(match.group(1)), weekday))
    return frozenset(days), tuple(nth)


def _ints(value: str | None) -> frozenset[int] | None:
    if not value:
        return None
    return frozenset(int(v) for v in value.split(",") if v.strip().lstrip("-").isdigit())


def hours_from_schedules(schedules, closed_on_holidays: bool = False) -> Hours:
    """``schedules``: DirSchedule rows or objects with the same attributes."""
    periods, closures, notes = [], [], []
    for s in schedules:
        opens, closes = minutes(s.opens_at), minutes(s.closes_at)
        if opens is None or closes is None:
            if s.valid_from or s.valid_to:
                closures.append(Closure(s.valid_from or s.valid_to, s.valid_to or s.valid_from, s.description or ""))
            elif s.description:
                notes.append(s.description)
            continue
        days, nth = _days(s.byday)
        periods.append(Period(
            opens=min(opens, DAY_MINUTES - 1),
            closes=min(closes, DAY_MINUTES),  # 24:00 closes at midnight, the same day
            days=days, nth=nth, monthdays=_ints(s.bymonthday), monthly=(s.freq == "MONTHLY"),
            valid_from=s.valid_from, valid_to=s.valid_to, dtstart=s.dtstart, interval=max(1, s.interval or 1),
        ))
    return Hours(periods, closures, closed_on_holidays, notes)


def derived(opens_at: str | None, closes_at: str | None, byday: str | None, freq: str | None) -> dict:
    """The schedule columns the "open now" SQL pre-filter reads (see models.directory.DirSchedule)."""
    if freq == "MONTHLY" or not byday:
        mask = 0b1111111
    else:
        days, _nth = _days(byday)
        mask = sum(1 << d for d in days)
    return {"day_mask": mask, "opens_min": minutes(opens_at), "closes_min": minutes(closes_at)}
